import type { PaymentMethod, StoreOrderStatus } from "~/generated/prisma/enums";
import { addDays, bucketsOf, granularityFor, previousPeriod, type Granularity, type Period, type PeriodKind } from "~/models/sales-period";
import { startOfLocalDate } from "~/utils/dates";
import type { PrismaClient } from "~/utils/db.server";

/**
 * A store's sales figures, from its order records. The definitions (also shown to sellers as
 * "Cara menghitung" and recorded in docs/decisions):
 *
 * - A store order is a sale when it is completed (`completedAt` set), dated by `completedAt` in the
 *   store's time zone. It stays a sale of that period even if it is refunded later.
 * - Revenue (omzet) is the goods subtotal; shipping pays the courier and is reported apart. Orders are
 *   counted, units are item quantities, the average order value is revenue ÷ orders rounded to the
 *   Rupiah, cost of goods is Σ unit cost × quantity (snapshots taken at checkout), gross profit is
 *   revenue − cost of goods. Commission is the platform's commission of those orders.
 * - Refunds of completed orders count in the period of `refundedAt`: what the buyer got back, goods and
 *   shipping, of each REFUNDED store order that had been completed (the seller had paid the courier). The commission of a refunded order is given back, so
 *   net profit = gross profit − commission − refunds + commission of the refunded orders.
 * - Orders placed in the period and still under way are "not counted yet": paid, being prepared,
 *   shipped or delivered in one group, waiting for payment in another. Cancelled orders never count.
 *
 * Every query names the seller in its where clause: another seller's store gives nothing.
 */

const FALLBACK_TIME_ZONE = "Asia/Jakarta";

export type StoreOwner = { kind: "household" } | { kind: "kube"; name: string };

export type ReportStore = {
  id: string;
  slug: string;
  name: string;
  regencyName: string;
  timeZone: string;
  owner: StoreOwner;
};

/** The stores this seller runs, with what a report needs: the time zone of the store's province. */
export async function listReportStores(db: PrismaClient, userId: string): Promise<ReportStore[]> {
  const stores = await db.store.findMany({
    where: { members: { some: { userId } } },
    select: {
      id: true,
      slug: true,
      name: true,
      regency: { select: { name: true, parent: { select: { timeZone: true } } } },
      kubeGroup: { select: { name: true } },
    },
    orderBy: { name: "asc" },
  });
  return stores.map((store) => ({
    id: store.id,
    slug: store.slug,
    name: store.name,
    regencyName: store.regency.name,
    // Every province row carries its zone (region loader); the fallback only guards incomplete data.
    timeZone: store.regency.parent?.timeZone ?? FALLBACK_TIME_ZONE,
    owner: store.kubeGroup ? { kind: "kube", name: store.kubeGroup.name } : { kind: "household" },
  }));
}

/** UTC instants of a period in a time zone: from midnight of its first day to midnight after its last. */
export type Window = { start: Date; end: Date };

export function windowOf(period: Period, timeZone: string): Window {
  return { start: startOfLocalDate(period.from, timeZone), end: startOfLocalDate(addDays(period.to, 1), timeZone) };
}

function within(instant: Date | null, window: Window): boolean {
  return instant !== null && instant >= window.start && instant < window.end;
}

export type SaleItem = {
  /** The product when it still exists, else the title at checkout: best sellers group by it. */
  productKey: string;
  /** The title at checkout (as the buyer saw it). */
  productTitle: string;
  /** The product's title now, when it still exists: best sellers show it. */
  currentTitle: string | null;
  variantName: string;
  quantity: number;
  unitPriceIdr: number;
  unitCostIdr: number;
};

/** A store order that is a sale or a refund somewhere in the loaded window. */
export type SaleRecord = {
  id: string;
  number: string;
  status: StoreOrderStatus;
  paymentMethod: PaymentMethod;
  placedAt: Date;
  completedAt: Date | null;
  refundedAt: Date | null;
  subtotalIdr: number;
  shippingIdr: number;
  commissionIdr: number;
  items: SaleItem[];
};

/** Store orders completed in the window, or completed (at any time) and refunded in it. */
export async function loadSaleRecords(db: PrismaClient, input: { userId: string; storeId: string; window: Window }): Promise<SaleRecord[]> {
  const range = { gte: input.window.start, lt: input.window.end };
  const rows = await db.storeOrder.findMany({
    where: {
      storeId: input.storeId,
      store: { members: { some: { userId: input.userId } } },
      OR: [{ completedAt: range }, { status: "REFUNDED", completedAt: { not: null }, refundedAt: range }],
    },
    select: {
      id: true,
      status: true,
      subtotalIdr: true,
      shippingIdr: true,
      commissionIdr: true,
      createdAt: true,
      completedAt: true,
      refundedAt: true,
      order: { select: { number: true, paymentMethod: true } },
      items: {
        select: {
          productTitle: true,
          variantName: true,
          quantity: true,
          unitPriceIdr: true,
          unitCostIdr: true,
          variant: { select: { product: { select: { id: true, title: true } } } },
        },
        orderBy: { id: "asc" },
      },
    },
    orderBy: [{ completedAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    number: row.order.number,
    status: row.status,
    paymentMethod: row.order.paymentMethod,
    placedAt: row.createdAt,
    completedAt: row.completedAt,
    refundedAt: row.refundedAt,
    subtotalIdr: row.subtotalIdr,
    shippingIdr: row.shippingIdr,
    commissionIdr: row.commissionIdr,
    items: row.items.map((item) => ({
      productKey: item.variant ? `product:${item.variant.product.id}` : `title:${item.productTitle}`,
      productTitle: item.productTitle,
      currentTitle: item.variant?.product.title ?? null,
      variantName: item.variantName,
      quantity: item.quantity,
      unitPriceIdr: item.unitPriceIdr,
      unitCostIdr: item.unitCostIdr,
    })),
  }));
}

export type SalesFigures = {
  orders: number;
  units: number;
  revenueIdr: number;
  /** Shipping paid by the buyers of these orders; it goes to the courier, so it is not revenue. */
  shippingIdr: number;
  costOfGoodsIdr: number;
  grossProfitIdr: number;
  averageOrderValueIdr: number;
  commissionIdr: number;
  refundCount: number;
  refundsIdr: number;
  refundedCommissionIdr: number;
  netProfitIdr: number;
};

/** What the figures read of a store order: when it completed or was refunded, its amounts and its lines' cost. */
export type FigureRecord = Pick<SaleRecord, "status" | "completedAt" | "refundedAt" | "subtotalIdr" | "shippingIdr" | "commissionIdr"> & {
  items: Pick<SaleItem, "quantity" | "unitCostIdr">[];
};

/** A store order as the figures read it, with its id and, when asked for, its order number. */
export type WindowSale = FigureRecord & { id: string; number: string | null };

/**
 * The store orders of these stores that are a sale or a refund somewhere in the window: two queries per
 * batch of stores, each on an index (storeId + completedAt; storeId + status), so the cost follows the
 * window and not the stores' whole history. No access check: callers pass stores they may read.
 */
export async function loadStoreSales(
  db: PrismaClient,
  storeIds: string[],
  window: Window,
  options: { withNumbers?: boolean } = {},
): Promise<Map<string, WindowSale[]>> {
  const byStore = new Map<string, WindowSale[]>();
  const range = { gte: window.start, lt: window.end };
  const select = {
    id: true,
    storeId: true,
    status: true,
    subtotalIdr: true,
    shippingIdr: true,
    commissionIdr: true,
    completedAt: true,
    refundedAt: true,
    items: { select: { unitCostIdr: true, quantity: true } },
    ...(options.withNumbers ? { order: { select: { number: true } } } : {}),
  } as const;
  for (let i = 0; i < storeIds.length; i += 500) {
    const batch = storeIds.slice(i, i + 500);
    const [completed, refunded] = await Promise.all([
      db.storeOrder.findMany({ where: { storeId: { in: batch }, completedAt: range }, select }),
      // Refunds in the window of orders completed before it (those completed in it are in the first list).
      db.storeOrder.findMany({ where: { storeId: { in: batch }, status: "REFUNDED", refundedAt: range, completedAt: { not: null, lt: window.start } }, select }),
    ]);
    for (const row of [...completed, ...refunded]) {
      const { storeId, ...fields } = row;
      const number = "order" in row ? (row.order as { number: string }).number : null;
      const sale: WindowSale = { ...fields, number };
      const list = byStore.get(storeId);
      if (list) list.push(sale);
      else byStore.set(storeId, [sale]);
    }
  }
  return byStore;
}

export function costOfGoods(record: Pick<FigureRecord, "items">): number {
  return record.items.reduce((sum, item) => sum + item.unitCostIdr * item.quantity, 0);
}

function unitsOf(record: Pick<FigureRecord, "items">): number {
  return record.items.reduce((sum, item) => sum + item.quantity, 0);
}

/** Whether a record is a sale of the window (completed in it). */
export function isSaleIn(record: FigureRecord, window: Window): boolean {
  return within(record.completedAt, window);
}

/** Whether a record is a refund of the window (a completed order refunded in it). */
export function isRefundIn(record: FigureRecord, window: Window): boolean {
  return record.status === "REFUNDED" && record.completedAt !== null && within(record.refundedAt, window);
}

/** The figures of one window, from records loaded for it (or for a wider window). */
export function salesFigures(records: FigureRecord[], window: Window): SalesFigures {
  const figures: SalesFigures = {
    orders: 0,
    units: 0,
    revenueIdr: 0,
    shippingIdr: 0,
    costOfGoodsIdr: 0,
    grossProfitIdr: 0,
    averageOrderValueIdr: 0,
    commissionIdr: 0,
    refundCount: 0,
    refundsIdr: 0,
    refundedCommissionIdr: 0,
    netProfitIdr: 0,
  };
  for (const record of records) {
    if (isSaleIn(record, window)) {
      figures.orders += 1;
      figures.units += unitsOf(record);
      figures.revenueIdr += record.subtotalIdr;
      figures.shippingIdr += record.shippingIdr;
      figures.costOfGoodsIdr += costOfGoods(record);
      figures.commissionIdr += record.commissionIdr;
    }
    if (isRefundIn(record, window)) {
      figures.refundCount += 1;
      figures.refundsIdr += record.subtotalIdr + record.shippingIdr;
      figures.refundedCommissionIdr += record.commissionIdr;
    }
  }
  figures.grossProfitIdr = figures.revenueIdr - figures.costOfGoodsIdr;
  figures.averageOrderValueIdr = figures.orders === 0 ? 0 : Math.round(figures.revenueIdr / figures.orders);
  figures.netProfitIdr = figures.grossProfitIdr - figures.commissionIdr - figures.refundsIdr + figures.refundedCommissionIdr;
  return figures;
}

export type BestSeller = { productKey: string; title: string; units: number; revenueIdr: number };

/** Products of the window's sales with the most units (then the most revenue, then by name). */
export function bestSellers(records: SaleRecord[], window: Window, limit = 5): BestSeller[] {
  const byProduct = new Map<string, BestSeller>();
  for (const record of records) {
    if (!isSaleIn(record, window)) continue;
    for (const item of record.items) {
      const entry = byProduct.get(item.productKey) ?? { productKey: item.productKey, title: item.currentTitle ?? item.productTitle, units: 0, revenueIdr: 0 };
      entry.units += item.quantity;
      entry.revenueIdr += item.unitPriceIdr * item.quantity;
      byProduct.set(item.productKey, entry);
    }
  }
  return [...byProduct.values()]
    .sort((a, b) => b.units - a.units || b.revenueIdr - a.revenueIdr || a.title.localeCompare(b.title, "id"))
    .slice(0, limit);
}

export type PendingGroup = { count: number; valueIdr: number };
export type PendingOrders = { inProgress: PendingGroup; awaitingPayment: PendingGroup };

const IN_PROGRESS: StoreOrderStatus[] = ["PAID", "PROCESSING", "SHIPPED", "DELIVERED"];

/** Orders placed in the window that are still under way: not part of revenue until completed. */
export async function pendingOrders(db: PrismaClient, input: { userId: string; storeId: string; window: Window }): Promise<PendingOrders> {
  const groups = await db.storeOrder.groupBy({
    by: ["status"],
    where: {
      storeId: input.storeId,
      store: { members: { some: { userId: input.userId } } },
      status: { in: [...IN_PROGRESS, "AWAITING_PAYMENT"] },
      createdAt: { gte: input.window.start, lt: input.window.end },
    },
    _count: { _all: true },
    _sum: { subtotalIdr: true },
  });
  const pending: PendingOrders = { inProgress: { count: 0, valueIdr: 0 }, awaitingPayment: { count: 0, valueIdr: 0 } };
  for (const group of groups) {
    const target = group.status === "AWAITING_PAYMENT" ? pending.awaitingPayment : pending.inProgress;
    target.count += group._count._all;
    target.valueIdr += group._sum.subtotalIdr ?? 0;
  }
  return pending;
}

export type SeriesPoint = { bucket: Period; revenueIdr: number; previousBucket: Period | null; previousRevenueIdr: number | null };

export type SalesDashboard = {
  period: Period;
  previous: Period;
  granularity: Granularity;
  current: SalesFigures;
  before: SalesFigures;
  pending: PendingOrders;
  bestSellers: BestSeller[];
  series: SeriesPoint[];
};

/** Everything the dashboard shows for one store and period, with the previous period of the same length. */
export async function buildSalesDashboard(
  db: PrismaClient,
  input: { userId: string; store: Pick<ReportStore, "id" | "timeZone">; period: Period; kind: PeriodKind },
): Promise<SalesDashboard> {
  const { period, store } = input;
  const previous = previousPeriod(period, input.kind);
  const currentWindow = windowOf(period, store.timeZone);
  const previousWindow = windowOf(previous, store.timeZone);
  // The previous period always ends before the current one starts: one load covers both.
  const [records, pending] = await Promise.all([
    loadSaleRecords(db, { userId: input.userId, storeId: store.id, window: { start: previousWindow.start, end: currentWindow.end } }),
    pendingOrders(db, { userId: input.userId, storeId: store.id, window: currentWindow }),
  ]);
  const granularity = granularityFor(period);
  const previousBuckets = bucketsOf(previous, granularity);
  const series = bucketsOf(period, granularity).map((bucket, index): SeriesPoint => {
    const previousBucket = previousBuckets[index] ?? null;
    return {
      bucket,
      revenueIdr: salesFigures(records, windowOf(bucket, store.timeZone)).revenueIdr,
      previousBucket,
      previousRevenueIdr: previousBucket ? salesFigures(records, windowOf(previousBucket, store.timeZone)).revenueIdr : null,
    };
  });
  return {
    period,
    previous,
    granularity,
    current: salesFigures(records, currentWindow),
    before: salesFigures(records, previousWindow),
    pending,
    bestSellers: bestSellers(records, currentWindow),
    series,
  };
}

export type StatementMonth = { month: string; period: Period; figures: SalesFigures };
export type SalesStatement = { months: StatementMonth[]; totals: SalesFigures };

/** The printable statement: one row per calendar month of the period (clipped to it), and the totals. */
export async function buildSalesStatement(
  db: PrismaClient,
  input: { userId: string; store: Pick<ReportStore, "id" | "timeZone">; period: Period },
): Promise<SalesStatement> {
  const window = windowOf(input.period, input.store.timeZone);
  const records = await loadSaleRecords(db, { userId: input.userId, storeId: input.store.id, window });
  const months = bucketsOf(input.period, "month").map((bucket) => ({
    month: bucket.from.slice(0, 7),
    period: bucket,
    figures: salesFigures(records, windowOf(bucket, input.store.timeZone)),
  }));
  return { months, totals: salesFigures(records, window) };
}

/** The sales of a period (store orders completed in it), oldest first, for the CSV export. */
export async function listSalesForExport(
  db: PrismaClient,
  input: { userId: string; store: Pick<ReportStore, "id" | "timeZone">; period: Period },
): Promise<SaleRecord[]> {
  const window = windowOf(input.period, input.store.timeZone);
  const records = await loadSaleRecords(db, { userId: input.userId, storeId: input.store.id, window });
  return records.filter((record) => isSaleIn(record, window));
}
