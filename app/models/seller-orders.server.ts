import type { Prisma } from "~/generated/prisma/client";
import type { StoreOrderStatus } from "~/generated/prisma/enums";
import type { PrismaClient } from "~/utils/db.server";
import { LOW_STOCK_THRESHOLD } from "./inventory-rules";
import { DEFAULT_INBOX_TAB, INBOX_TABS, isInboxTab, type InboxQuery, type InboxTab } from "./seller-order-tabs";

/**
 * The seller's side of orders: the inbox of store orders, one store order in full, packing slips.
 * Every query names the seller in its where clause (`store.members.some.userId`): another seller's
 * store order is indistinguishable from one that does not exist.
 */

export const INBOX_PAGE_SIZE = 20;
/** At most this many slips are printed at once (one page per slip). */
export const MAX_SLIPS = 50;

/**
 * Which statuses each tab holds. "Perlu diproses" is what waits for the seller: paid and not yet
 * being prepared, or being prepared (cash on delivery starts there) and not shipped yet.
 * "Dikirim" holds parts on their way and parts that arrived but the buyer has not confirmed yet.
 */
const TAB_STATUSES: Record<Exclude<InboxTab, "semua">, readonly StoreOrderStatus[]> = {
  "perlu-diproses": ["PAID", "PROCESSING"],
  "menunggu-pembayaran": ["AWAITING_PAYMENT"],
  dikirim: ["SHIPPED", "DELIVERED"],
  selesai: ["COMPLETED"],
  batal: ["CANCELLED", "REFUNDED"],
};

/** The inbox's GET parameters. Anything unusable falls back to the default, never to an error. */
export function parseInboxQuery(params: URLSearchParams): InboxQuery {
  const status = params.get("status");
  const store = params.get("toko")?.trim() ?? "";
  const page = params.get("halaman")?.trim() ?? "";
  return {
    tab: isInboxTab(status) ? status : DEFAULT_INBOX_TAB,
    storeId: store.length > 0 && store.length <= 64 ? store : null,
    page: /^\d{1,6}$/.test(page) && Number(page) >= 1 ? Number(page) : 1,
  };
}

const ownedBy = (userId: string): Prisma.StoreOrderWhereInput => ({ store: { members: { some: { userId } } } });

/** The seller's stores, for the inbox's store filter. */
export async function listSellerStoreChoices(db: PrismaClient, userId: string) {
  return db.store.findMany({ where: { members: { some: { userId } } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

const inboxRowSelect = {
  id: true,
  status: true,
  subtotalIdr: true,
  shippingIdr: true,
  courier: true,
  waybill: true,
  store: { select: { id: true, name: true, regency: { select: { parent: { select: { timeZone: true } } } } } },
  order: {
    select: {
      number: true,
      placedAt: true,
      paymentMethod: true,
      recipientName: true,
      payments: { select: { status: true }, orderBy: { createdAt: "desc" }, take: 1 },
    },
  },
  items: { select: { productTitle: true, variantName: true, quantity: true }, orderBy: { id: "asc" } },
  refund: { select: { status: true } },
} satisfies Prisma.StoreOrderSelect;

/** Asia/Jakarta (WIB) where a province has no zone recorded: most sellers are there. */
const FALLBACK_ZONE = "Asia/Jakarta";

/**
 * One page of the seller's store orders, newest first, with the number in every tab (within the
 * chosen store). A page past the end shows the last page.
 */
export async function listSellerStoreOrders(db: PrismaClient, userId: string, query: InboxQuery, pageSize = INBOX_PAGE_SIZE) {
  const base: Prisma.StoreOrderWhereInput = { ...ownedBy(userId), ...(query.storeId ? { storeId: query.storeId } : {}) };
  const where: Prisma.StoreOrderWhereInput = query.tab === "semua" ? base : { ...base, status: { in: [...TAB_STATUSES[query.tab]] } };
  const byStatus = await db.storeOrder.groupBy({ by: ["status"], where: base, _count: { _all: true } });
  const countOf = (statuses: readonly StoreOrderStatus[]) => byStatus.filter((g) => statuses.includes(g.status)).reduce((sum, g) => sum + g._count._all, 0);
  const counts = Object.fromEntries(
    INBOX_TABS.map((tab) => [tab, tab === "semua" ? byStatus.reduce((sum, g) => sum + g._count._all, 0) : countOf(TAB_STATUSES[tab])]),
  ) as Record<InboxTab, number>;
  const total = counts[query.tab];
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pageCount);
  const rows = await db.storeOrder.findMany({
    where,
    select: inboxRowSelect,
    // Ties (one checkout, several stores of the same seller) keep a stable order across pages.
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  return {
    counts,
    total,
    page,
    pageCount,
    rows: rows.map((so) => ({
      id: so.id,
      status: so.status,
      number: so.order.number,
      placedAt: so.order.placedAt,
      // Shown in the store's own time zone (WIB, WITA or WIT): the seller's clock, not the buyer's.
      timeZone: so.store.regency.parent?.timeZone ?? FALLBACK_ZONE,
      storeId: so.store.id,
      storeName: so.store.name,
      recipientName: so.order.recipientName,
      items: so.items,
      totalIdr: so.subtotalIdr + so.shippingIdr,
      paymentMethod: so.order.paymentMethod,
      paymentStatus: so.order.payments[0]?.status ?? null,
      refundStatus: so.refund?.status ?? null,
      courier: so.courier,
      waybill: so.waybill,
    })),
  };
}

/** What the seller's home counts: store orders waiting for them, and products running out. */
export async function sellerHomeCounts(db: PrismaClient, userId: string) {
  const [needsAction, lowStockProducts] = await Promise.all([
    db.storeOrder.count({ where: { ...ownedBy(userId), status: { in: [...TAB_STATUSES["perlu-diproses"]] } } }),
    db.product.count({
      where: { store: { members: { some: { userId } } }, status: { not: "ARCHIVED" }, variants: { some: { stock: { lte: LOW_STOCK_THRESHOLD } } } },
    }),
  ]);
  return { needsAction, lowStockProducts };
}

/** The id of the seller's store order and of its order, or null (also for another seller's). */
export async function findSellerStoreOrderRef(db: PrismaClient, userId: string, storeOrderId: string) {
  return db.storeOrder.findFirst({ where: { id: storeOrderId, ...ownedBy(userId) }, select: { id: true, orderId: true } });
}

export type EventActorKind = "buyer" | "seller" | "admin" | "system" | "guestOrSystem";

/**
 * Who moved a store order, from what the event row holds. Events record the account, not its role:
 * the role is read from the account (the store's member, the order's buyer, an admin). An event with
 * no account is the system's (payment provider, expiry), except the first one, which is the placing of
 * the order, and a guest's cancel or receipt, which cannot be told apart from the system's.
 */
export function eventActorKind(input: {
  actor: { id: string; roles: string[] } | null;
  fromStatus: StoreOrderStatus | null;
  toStatus: StoreOrderStatus;
  buyerId: string | null;
  storeMemberIds: string[];
}): EventActorKind {
  const { actor } = input;
  if (actor) {
    if (input.storeMemberIds.includes(actor.id)) return "seller";
    if (actor.id === input.buyerId) return "buyer";
    if (actor.roles.includes("ADMIN")) return "admin";
    return actor.roles.includes("SELLER") ? "seller" : "buyer";
  }
  if (input.fromStatus === null) return "buyer";
  if (input.buyerId === null && (input.toStatus === "CANCELLED" || input.toStatus === "COMPLETED")) return "guestOrSystem";
  return "system";
}

/** Where a parcel goes: the recipient and the address down to the district, as the order page and slips show it. */
const recipientSelect = {
  recipientName: true,
  phone: true,
  addressLine: true,
  postalCode: true,
  district: { select: { name: true, parent: { select: { name: true, parent: { select: { name: true } } } } } },
} satisfies Prisma.OrderSelect;

function recipientOf(order: Prisma.OrderGetPayload<{ select: typeof recipientSelect }>) {
  const district = order.district;
  return {
    name: order.recipientName,
    phone: order.phone,
    addressLine: order.addressLine,
    district: district.name,
    regency: district.parent?.name ?? null,
    province: district.parent?.parent?.name ?? null,
    postalCode: order.postalCode,
  };
}

const detailSelect = {
  id: true,
  status: true,
  subtotalIdr: true,
  shippingIdr: true,
  commissionIdr: true,
  courier: true,
  waybill: true,
  cancelReason: true,
  createdAt: true,
  store: {
    select: {
      id: true,
      name: true,
      regency: { select: { parent: { select: { timeZone: true } } } },
      members: { select: { userId: true } },
    },
  },
  order: {
    select: {
      id: true,
      number: true,
      buyerId: true,
      placedAt: true,
      paymentMethod: true,
      ...recipientSelect,
      payments: { select: { provider: true, status: true, amountIdr: true, refundedIdr: true }, orderBy: { createdAt: "desc" }, take: 1 },
      storeOrders: { select: { id: true, status: true } },
    },
  },
  items: { select: { id: true, productTitle: true, variantName: true, quantity: true, unitPriceIdr: true }, orderBy: { id: "asc" } },
  refund: { select: { status: true, amountIdr: true, bankReference: true, reason: true, createdAt: true, completedAt: true } },
  events: {
    select: {
      id: true,
      fromStatus: true,
      toStatus: true,
      note: true,
      createdAt: true,
      actor: { select: { id: true, name: true, roles: { select: { role: true } } } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.StoreOrderSelect;

/** One of the seller's store orders in full (items, address, payment, refund, timeline), or null. */
export async function getSellerStoreOrder(db: PrismaClient, userId: string, storeOrderId: string) {
  const so = await db.storeOrder.findFirst({ where: { id: storeOrderId, ...ownedBy(userId) }, select: detailSelect });
  if (!so) return null;
  const storeMemberIds = so.store.members.map((m) => m.userId);
  return {
    id: so.id,
    status: so.status,
    number: so.order.number,
    orderId: so.order.id,
    placedAt: so.order.placedAt,
    timeZone: so.store.regency.parent?.timeZone ?? FALLBACK_ZONE,
    store: { id: so.store.id, name: so.store.name },
    items: so.items.map((item) => ({ ...item, lineTotalIdr: item.unitPriceIdr * item.quantity })),
    subtotalIdr: so.subtotalIdr,
    shippingIdr: so.shippingIdr,
    totalIdr: so.subtotalIdr + so.shippingIdr,
    commissionIdr: so.commissionIdr,
    courier: so.courier,
    waybill: so.waybill,
    cancelReason: so.cancelReason,
    paymentMethod: so.order.paymentMethod,
    payment: so.order.payments[0] ?? null,
    refund: so.refund,
    /** No other store's part of this order is still open (a prepaid order is cancelled only as a whole). */
    onlyOpenPart: so.order.storeOrders.every((part) => part.id === so.id || part.status === "CANCELLED"),
    recipient: recipientOf(so.order),
    events: so.events.map((event) => ({
      id: event.id,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      note: event.note,
      createdAt: event.createdAt,
      actorName: event.actor?.name ?? null,
      actorKind: eventActorKind({
        actor: event.actor ? { id: event.actor.id, roles: event.actor.roles.map((r) => r.role) } : null,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        buyerId: so.order.buyerId,
        storeMemberIds,
      }),
    })),
  };
}

export type SellerStoreOrder = NonNullable<Awaited<ReturnType<typeof getSellerStoreOrder>>>;

const slipSelect = {
  id: true,
  subtotalIdr: true,
  shippingIdr: true,
  courier: true,
  waybill: true,
  store: { select: { name: true, whatsapp: true, regency: { select: { name: true } } } },
  order: {
    select: {
      number: true,
      paymentMethod: true,
      ...recipientSelect,
    },
  },
  items: { select: { id: true, productTitle: true, variantName: true, quantity: true }, orderBy: { id: "asc" } },
} satisfies Prisma.StoreOrderSelect;

/**
 * Packing slips for the seller's store orders, in the order asked: no prices, except the amount the
 * courier must collect on a cash-on-delivery parcel (this store's goods and shipping). Null when any id is not
 * one of the seller's: a slip run never silently leaves an order out.
 */
export async function getPackingSlips(db: PrismaClient, userId: string, storeOrderIds: string[]) {
  const ids = [...new Set(storeOrderIds)];
  if (ids.length === 0) return null;
  const found = await db.storeOrder.findMany({ where: { id: { in: ids }, ...ownedBy(userId) }, select: slipSelect });
  if (found.length !== ids.length) return null;
  const byId = new Map(found.map((so) => [so.id, so]));
  return ids.map((id) => {
    const so = byId.get(id)!;
    return {
      id: so.id,
      number: so.order.number,
      cashOnDelivery: so.order.paymentMethod === "COD",
      collectIdr: so.order.paymentMethod === "COD" ? so.subtotalIdr + so.shippingIdr : null,
      courier: so.courier,
      waybill: so.waybill,
      sender: { storeName: so.store.name, regency: so.store.regency.name, whatsapp: so.store.whatsapp },
      recipient: recipientOf(so.order),
      items: so.items,
    };
  });
}

export type PackingSlip = NonNullable<Awaited<ReturnType<typeof getPackingSlips>>>[number];
