import type { Prisma } from "~/generated/prisma/client";
import type { StoreOrderStatus } from "~/generated/prisma/enums";
import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { creditCompletedStoreOrder, debitRefundedStoreOrder } from "./ledger.server";
import { buyerMayCancel, statusesAllowing, STATUS_TIMESTAMP, type Actor } from "./order-state";

type Tx = Prisma.TransactionClient;

export class OrderTransitionError extends Error {
  constructor(public readonly code: "not_found" | "not_allowed") {
    super(code);
    this.name = "OrderTransitionError";
  }
}

/**
 * Moves one store order to `to` if, and only if, its current status allows it for this actor. The
 * allowed statuses are part of the UPDATE's where clause, so two concurrent requests cannot both
 * succeed: the one that loses sees count 0. Returns whether this call made the change.
 */
export async function transitionStoreOrder(
  tx: Tx,
  input: {
    storeOrderId: string;
    to: StoreOrderStatus;
    actor: Actor;
    actorId: string | null;
    note?: string;
    now?: Date;
    /** Narrows the statuses the move may start from (never widens what the state machine allows). */
    onlyFrom?: StoreOrderStatus[];
  },
): Promise<{ changed: boolean; from: StoreOrderStatus | null }> {
  const now = input.now ?? new Date();
  const current = await tx.storeOrder.findUnique({ where: { id: input.storeOrderId }, select: { status: true } });
  if (!current) throw new OrderTransitionError("not_found");
  const allowed = statusesAllowing(input.to, input.actor).filter((status) => !input.onlyFrom || input.onlyFrom.includes(status));
  const stamp = STATUS_TIMESTAMP[input.to];
  const { count } = await tx.storeOrder.updateMany({
    where: { id: input.storeOrderId, status: { in: allowed } },
    data: { status: input.to, ...(stamp ? { [stamp]: now } : {}), ...(input.to === "CANCELLED" && input.note ? { cancelReason: input.note } : {}) },
  });
  if (count === 0) return { changed: false, from: current.status };
  await tx.storeOrderEvent.create({
    data: { storeOrderId: input.storeOrderId, fromStatus: current.status, toStatus: input.to, actorId: input.actorId, note: input.note ?? null, createdAt: now },
    select: { id: true },
  });
  if (input.to === "CANCELLED" || input.to === "REFUNDED") {
    // Goods that never left the seller go back on the shelf; after shipping, a refund does not bring them back.
    const restock = input.to === "CANCELLED" || !["SHIPPED", "DELIVERED", "COMPLETED"].includes(current.status);
    await releaseUnits(tx, input.storeOrderId, input.actorId, now, restock);
  }
  // The ledger follows the same single transition: a completion credits the store once, a refund of a
  // credited order debits it once.
  if (input.to === "COMPLETED") await creditCompletedStoreOrder(tx, input.storeOrderId, now);
  if (input.to === "REFUNDED") await debitRefundedStoreOrder(tx, input.storeOrderId, now);
  return { changed: true, from: current.status };
}

/**
 * The units of a cancelled or refunded store order stop counting as sold, and go back into stock when
 * they never left the seller. Called only by the transition that made the change, so exactly once.
 */
async function releaseUnits(tx: Tx, storeOrderId: string, actorId: string | null, now: Date, restock: boolean) {
  const items = await tx.orderItem.findMany({
    where: { storeOrderId },
    select: { variantId: true, quantity: true, variant: { select: { productId: true } } },
  });
  for (const item of items) {
    if (!item.variantId || !item.variant) continue; // the variant was deleted since: nothing to return to
    await tx.product.update({ where: { id: item.variant.productId }, data: { soldCount: { decrement: item.quantity } }, select: { id: true } });
    if (!restock) continue;
    await tx.productVariant.update({ where: { id: item.variantId }, data: { stock: { increment: item.quantity } }, select: { id: true } });
    await tx.stockMovement.create({
      data: { variantId: item.variantId, delta: item.quantity, reason: "ORDER_RELEASED", storeOrderId, actorId, createdAt: now },
      select: { id: true },
    });
  }
}

/** Payment received for a whole order: every store order waiting for it becomes PAID. */
export async function markOrderPaid(tx: Tx, input: { orderId: string; actor: Actor; actorId: string | null; note?: string; now?: Date }) {
  const storeOrders = await tx.storeOrder.findMany({ where: { orderId: input.orderId, status: "AWAITING_PAYMENT" }, select: { id: true } });
  for (const so of storeOrders) {
    await transitionStoreOrder(tx, { storeOrderId: so.id, to: "PAID", actor: input.actor, actorId: input.actorId, note: input.note, now: input.now });
  }
  await tx.order.update({ where: { id: input.orderId }, data: { expiresAt: null }, select: { id: true } });
}

/** Cancels every store order that is still waiting for payment (expiry, a failed or abandoned payment). */
async function cancelUnpaid(tx: Tx, orderId: string, actor: Actor, actorId: string | null, note: string, now: Date) {
  const storeOrders = await tx.storeOrder.findMany({ where: { orderId, status: "AWAITING_PAYMENT" }, select: { id: true } });
  let cancelled = 0;
  for (const so of storeOrders) {
    const result = await transitionStoreOrder(tx, { storeOrderId: so.id, to: "CANCELLED", actor, actorId, note, now });
    if (result.changed) cancelled += 1;
  }
  return cancelled;
}

/**
 * Unpaid card and bank-transfer orders past their payment window are cancelled and their stock
 * released. Safe to run from several places at once: each store order is cancelled by one call only.
 */
export async function expireOverdueOrders(db: PrismaClient, now = new Date()): Promise<number> {
  const overdue = await db.order.findMany({
    where: { expiresAt: { lte: now }, storeOrders: { some: { status: "AWAITING_PAYMENT" } } },
    select: { id: true },
    take: 200,
  });
  let cancelled = 0;
  for (const order of overdue) {
    cancelled += await db.$transaction(async (tx) => {
      const count = await cancelUnpaid(tx, order.id, "system", null, "Batas waktu pembayaran habis", now);
      await tx.payment.updateMany({ where: { orderId: order.id, status: { in: ["PENDING", "FAILED"] } }, data: { status: "EXPIRED" } });
      return count;
    });
  }
  return cancelled;
}

export type OrderAccess = { userId: string } | { guestToken: string };

function accessWhere(number: string, access: OrderAccess): Prisma.OrderWhereInput {
  return "userId" in access ? { number, buyerId: access.userId } : { number, guestToken: access.guestToken, buyerId: null };
}

/** The buyer cancels an order they have not paid for (or a COD order not shipped yet). */
export async function cancelOrderByBuyer(db: PrismaClient, input: { number: string; access: OrderAccess; actorId: string | null; now?: Date }) {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: accessWhere(input.number, input.access),
      select: { id: true, paymentMethod: true, storeOrders: { select: { id: true, status: true } } },
    });
    if (!order) throw new OrderTransitionError("not_found");
    const cancellable = order.storeOrders.filter((so) => buyerMayCancel(so.status, order.paymentMethod));
    if (cancellable.length === 0 || cancellable.length !== order.storeOrders.filter((so) => so.status !== "CANCELLED").length) {
      throw new OrderTransitionError("not_allowed");
    }
    for (const so of cancellable) {
      const result = await transitionStoreOrder(tx, {
        storeOrderId: so.id,
        to: "CANCELLED",
        actor: "buyer",
        actorId: input.actorId,
        note: "Dibatalkan pembeli",
        now,
        onlyFrom: order.paymentMethod === "COD" ? ["AWAITING_PAYMENT", "PROCESSING"] : ["AWAITING_PAYMENT"],
      });
      if (!result.changed) throw new OrderTransitionError("not_allowed");
    }
    // A declined attempt (FAILED) is still an open payment: close it too, so money that arrives later is flagged.
    await tx.payment.updateMany({ where: { orderId: order.id, status: { in: ["PENDING", "FAILED"] } }, data: { status: "CANCELLED" } });
    await tx.order.update({ where: { id: order.id }, data: { expiresAt: null }, select: { id: true } });
  });
}

/** The buyer confirms a store order arrived: it is completed. */
export async function confirmReceipt(db: PrismaClient, input: { number: string; storeOrderId: string; access: OrderAccess; actorId: string | null }) {
  return db.$transaction(async (tx) => {
    const storeOrder = await tx.storeOrder.findFirst({
      where: { id: input.storeOrderId, order: accessWhere(input.number, input.access) },
      select: { id: true, orderId: true },
    });
    if (!storeOrder) throw new OrderTransitionError("not_found");
    const result = await transitionStoreOrder(tx, { storeOrderId: storeOrder.id, to: "COMPLETED", actor: "buyer", actorId: input.actorId, note: "Pesanan diterima pembeli" });
    if (!result.changed) throw new OrderTransitionError("not_allowed");
    await settleCashOnDelivery(tx, storeOrder.orderId);
  });
}

/**
 * Cash on delivery is paid once every open part of the order has reached the buyer (delivered by the
 * seller, or confirmed received by the buyer, whichever comes first). A part refunded after delivery was
 * paid too, and paid back: the payment then shows as (partly) refunded.
 */
export async function settleCashOnDelivery(tx: Tx, orderId: string): Promise<void> {
  const parts = await tx.storeOrder.findMany({ where: { orderId, status: { not: "CANCELLED" } }, select: { status: true } });
  if (parts.length === 0 || !parts.every((p) => p.status === "DELIVERED" || p.status === "COMPLETED" || p.status === "REFUNDED")) return;
  const payment = await tx.payment.findFirst({ where: { orderId, provider: "COD", status: "PENDING" }, select: { id: true, amountIdr: true, refundedIdr: true } });
  if (!payment) return;
  const status = payment.refundedIdr === 0 ? "SUCCEEDED" : payment.refundedIdr >= payment.amountIdr ? "REFUNDED" : "PARTIALLY_REFUNDED";
  await tx.payment.updateMany({ where: { id: payment.id, status: "PENDING" }, data: { status } });
}

/**
 * Delivered orders the buyer has not confirmed are completed after `days` days, so the store is credited
 * even when a buyer never comes back. Each store order in its own transaction; safe to run concurrently.
 */
export async function autoCompleteDeliveredOrders(db: PrismaClient, days: number, now = new Date()): Promise<number> {
  const due = await db.storeOrder.findMany({
    where: { status: "DELIVERED", deliveredAt: { lte: new Date(now.getTime() - days * 86_400_000) } },
    select: { id: true, orderId: true },
    take: 200,
  });
  let completed = 0;
  for (const so of due) {
    const changed = await db.$transaction(async (tx) => {
      const result = await transitionStoreOrder(tx, { storeOrderId: so.id, to: "COMPLETED", actor: "system", actorId: null, note: `Selesai otomatis ${days} hari setelah diterima`, now });
      if (result.changed) await settleCashOnDelivery(tx, so.orderId);
      return result.changed;
    });
    if (changed) completed += 1;
  }
  return completed;
}

/** An admin confirms that a bank transfer arrived: the payment succeeds and the order is paid. */
export async function confirmBankTransfer(db: PrismaClient, input: { paymentId: string; adminId: string; now?: Date }) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.payment.updateMany({
      where: { id: input.paymentId, provider: "BANK_TRANSFER", status: "PENDING" },
      data: { status: "SUCCEEDED", confirmedById: input.adminId },
    });
    if (count === 0) throw new OrderTransitionError("not_allowed");
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: input.paymentId }, select: { orderId: true, amountIdr: true } });
    await markOrderPaid(tx, { orderId: payment.orderId, actor: "admin", actorId: input.adminId, note: "Transfer bank diterima", now: input.now });
    await recordAudit(tx, {
      actorId: input.adminId,
      action: "payment.bank_transfer.confirm",
      subjectType: "Payment",
      subjectId: input.paymentId,
      details: { amountIdr: payment.amountIdr },
    });
  });
}

const orderDetailSelect = {
  id: true,
  number: true,
  guestToken: true,
  recipientName: true,
  phone: true,
  email: true,
  addressLine: true,
  postalCode: true,
  paymentMethod: true,
  subtotalIdr: true,
  shippingIdr: true,
  uniqueCodeIdr: true,
  totalIdr: true,
  expiresAt: true,
  placedAt: true,
  district: { select: { name: true, parent: { select: { name: true, parent: { select: { name: true, timeZone: true } } } } } },
  payments: { select: { id: true, provider: true, status: true, amountIdr: true, refundedIdr: true, externalId: true }, orderBy: { createdAt: "desc" } },
  storeOrders: {
    select: {
      id: true,
      status: true,
      subtotalIdr: true,
      shippingIdr: true,
      courier: true,
      waybill: true,
      cancelReason: true,
      refund: { select: { status: true, amountIdr: true } },
      store: { select: { name: true, slug: true, whatsapp: true } },
      items: { select: { id: true, productTitle: true, variantName: true, unitPriceIdr: true, quantity: true } },
      events: { select: { toStatus: true, note: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.OrderSelect;

export type OrderDetail = Prisma.OrderGetPayload<{ select: typeof orderDetailSelect }>;

/** An order as its buyer may see it: by account, or by the secret link a guest received. */
export async function getOrderForBuyer(db: PrismaClient, number: string, access: OrderAccess): Promise<OrderDetail | null> {
  return db.order.findFirst({ where: accessWhere(number, access), select: orderDetailSelect });
}

export async function listOrdersForBuyer(db: PrismaClient, where: { userId: string } | { guestTokens: string[] }) {
  return db.order.findMany({
    where: "userId" in where ? { buyerId: where.userId } : { guestToken: { in: where.guestTokens }, buyerId: null },
    select: {
      number: true,
      guestToken: true,
      totalIdr: true,
      placedAt: true,
      paymentMethod: true,
      storeOrders: { select: { status: true, store: { select: { name: true } } } },
    },
    orderBy: { placedAt: "desc" },
    take: 100,
  });
}

/** Bank transfers waiting for an admin to match them with the bank statement. */
export async function listPendingBankTransfers(db: PrismaClient) {
  return db.payment.findMany({
    where: { provider: "BANK_TRANSFER", status: "PENDING", order: { storeOrders: { some: { status: "AWAITING_PAYMENT" } } } },
    select: { id: true, amountIdr: true, createdAt: true, order: { select: { number: true, recipientName: true, expiresAt: true, uniqueCodeIdr: true } } },
    orderBy: { createdAt: "asc" },
  });
}

export async function auditOrderEvent(tx: Tx, actorId: string | null, action: string, orderId: string, details?: Record<string, unknown>) {
  await recordAudit(tx, { actorId, action, subjectType: "Order", subjectId: orderId, details });
}
