import type { Prisma } from "~/generated/prisma/client";
import type { LedgerKind } from "~/generated/prisma/enums";
import type { PrismaClient } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { recordAudit } from "./audit.server";

type Tx = Prisma.TransactionClient;

/**
 * The store ledger: what the platform owes each store. The platform collects card and bank-transfer
 * payments (Stripe cannot pay out to Indonesian sellers), so a store's money sits with the platform until
 * an admin transfers it.
 *
 * - A store order that becomes COMPLETED credits SALE (goods + shipping the buyer paid) and debits the
 *   COMMISSION fixed on it at checkout. Cash on delivery: the seller already holds the cash, so
 *   CASH_COLLECTED debits the same amount again and only the commission remains (owed by the store).
 * - A completed store order that is refunded debits REFUND (the whole sale), credits the commission back
 *   (COMMISSION_REVERSAL), and for cash on delivery credits CASH_RETURNED: the seller paid the buyer back.
 * - Refunds before completion touch the ledger not at all: nothing was credited yet.
 * - A payout debits PAYOUT. It may never exceed the available balance.
 *
 * Entries are never updated or deleted. (storeOrderId, kind) is unique, so an order is credited once.
 * A credit waits LEDGER_HOLD_DAYS (`availableAt`) before it may be paid out; debits count at once.
 */

const DAY_MS = 86_400_000;

type StoreOrderMoney = {
  id: string;
  storeId: string;
  subtotalIdr: number;
  shippingIdr: number;
  commissionIdr: number;
  order: { number: string; paymentMethod: string };
};

async function loadStoreOrder(tx: Tx, storeOrderId: string): Promise<StoreOrderMoney> {
  return tx.storeOrder.findUniqueOrThrow({
    where: { id: storeOrderId },
    select: { id: true, storeId: true, subtotalIdr: true, shippingIdr: true, commissionIdr: true, order: { select: { number: true, paymentMethod: true } } },
  });
}

type NewEntry = { kind: LedgerKind; amountIdr: number; memo: string };

async function writeEntries(tx: Tx, so: { id: string; storeId: string }, entries: NewEntry[], availableAt: Date, now: Date) {
  for (const entry of entries) {
    if (entry.amountIdr === 0) continue;
    await tx.ledgerEntry.create({
      data: { storeId: so.storeId, storeOrderId: so.id, kind: entry.kind, amountIdr: entry.amountIdr, memo: entry.memo, availableAt, createdAt: now },
      select: { id: true },
    });
  }
}

export type CompletedStoreOrder = {
  id: string;
  storeId: string;
  subtotalIdr: number;
  shippingIdr: number;
  commissionIdr: number;
  orderNumber: string;
  paymentMethod: string;
};

/** The ledger lines of a completed store order (the demo seed writes its history with the same rule). */
export function completionEntries(so: CompletedStoreOrder, completedAt: Date, holdDays: number): Prisma.LedgerEntryCreateManyInput[] {
  const sale = so.subtotalIdr + so.shippingIdr;
  const entries: NewEntry[] = [
    { kind: "SALE", amountIdr: sale, memo: `Pesanan ${so.orderNumber} selesai` },
    { kind: "COMMISSION", amountIdr: -so.commissionIdr, memo: `Komisi platform pesanan ${so.orderNumber}` },
  ];
  if (so.paymentMethod === "COD") {
    entries.push({ kind: "CASH_COLLECTED", amountIdr: -sale, memo: `Dibayar tunai ke penjual (COD) pesanan ${so.orderNumber}` });
  }
  const availableAt = new Date(completedAt.getTime() + holdDays * DAY_MS);
  return entries
    .filter((entry) => entry.amountIdr !== 0)
    .map((entry) => ({ storeId: so.storeId, storeOrderId: so.id, kind: entry.kind, amountIdr: entry.amountIdr, memo: entry.memo, availableAt, createdAt: completedAt }));
}

/** Called by the transition that completed the store order (so exactly once). */
export async function creditCompletedStoreOrder(tx: Tx, storeOrderId: string, now: Date, holdDays = getEnv().LEDGER_HOLD_DAYS): Promise<void> {
  const so = await loadStoreOrder(tx, storeOrderId);
  const rows = completionEntries({ ...so, orderNumber: so.order.number, paymentMethod: so.order.paymentMethod }, now, holdDays);
  for (const row of rows) await tx.ledgerEntry.create({ data: row, select: { id: true } });
}

/**
 * Called by the transition that refunded the store order. Only an order that was credited is debited.
 */
export async function debitRefundedStoreOrder(tx: Tx, storeOrderId: string, now: Date): Promise<void> {
  const credited = await tx.ledgerEntry.findUnique({ where: { storeOrderId_kind: { storeOrderId, kind: "SALE" } }, select: { amountIdr: true, availableAt: true } });
  if (!credited) return;
  const so = await loadStoreOrder(tx, storeOrderId);
  const commission = await tx.ledgerEntry.findUnique({ where: { storeOrderId_kind: { storeOrderId, kind: "COMMISSION" } }, select: { amountIdr: true } });
  const entries: NewEntry[] = [
    { kind: "REFUND", amountIdr: -credited.amountIdr, memo: `Dana pesanan ${so.order.number} dikembalikan ke pembeli` },
    { kind: "COMMISSION_REVERSAL", amountIdr: -(commission?.amountIdr ?? 0), memo: `Komisi pesanan ${so.order.number} dikembalikan` },
  ];
  if (so.order.paymentMethod === "COD") {
    entries.push({ kind: "CASH_RETURNED", amountIdr: credited.amountIdr, memo: `Penjual mengembalikan uang tunai pesanan ${so.order.number}` });
  }
  // A reversal is held exactly as long as what it reverses: a refund within the hold period leaves the
  // available balance alone, a later one comes off it at once.
  const availableAt = credited.availableAt > now ? credited.availableAt : now;
  await writeEntries(tx, so, entries, availableAt, now);
}

/**
 * Whether the store can give back what a completed order credited it: after the reversal its balance
 * (held + available) must not fall below zero, i.e. the money has not been paid out already. Cash on
 * delivery always can: its reversal only gives the commission back.
 */
export async function storeCanReverse(tx: Tx, storeOrderId: string): Promise<boolean> {
  const entries = await tx.ledgerEntry.findMany({ where: { storeOrderId }, select: { kind: true, amountIdr: true, storeId: true } });
  const sale = entries.find((e) => e.kind === "SALE");
  if (!sale) return true;
  const net = entries.reduce((sum, e) => sum + e.amountIdr, 0);
  if (net <= 0) return true;
  const all = await tx.ledgerEntry.aggregate({ where: { storeId: sale.storeId }, _sum: { amountIdr: true } });
  return (all._sum.amountIdr ?? 0) - net >= 0;
}

export type StoreBalance = {
  /** Credited, still within the hold period. */
  pendingIdr: number;
  /** May be paid out now; negative when the store owes the platform (e.g. commission on cash sales). */
  availableIdr: number;
  /** Paid out to the store's bank account so far. */
  paidOutIdr: number;
  /** Everything earned: pending + available + paid out. */
  earnedIdr: number;
};

export async function getStoreBalance(db: PrismaClient | Tx, storeId: string, now = new Date()): Promise<StoreBalance> {
  const [earned, pending, paid] = await Promise.all([
    db.ledgerEntry.aggregate({ where: { storeId, kind: { not: "PAYOUT" } }, _sum: { amountIdr: true } }),
    db.ledgerEntry.aggregate({ where: { storeId, kind: { not: "PAYOUT" }, availableAt: { gt: now } }, _sum: { amountIdr: true } }),
    db.ledgerEntry.aggregate({ where: { storeId, kind: "PAYOUT" }, _sum: { amountIdr: true } }),
  ]);
  const earnedIdr = earned._sum.amountIdr ?? 0;
  const pendingIdr = pending._sum.amountIdr ?? 0;
  const paidOutIdr = 0 - (paid._sum.amountIdr ?? 0);
  return { pendingIdr, availableIdr: earnedIdr - pendingIdr - paidOutIdr, paidOutIdr, earnedIdr };
}

export type LedgerLine = {
  id: string;
  kind: LedgerKind;
  amountIdr: number;
  memo: string | null;
  createdAt: Date;
  availableAt: Date;
  orderNumber: string | null;
  storeOrderId: string | null;
  bankReference: string | null;
  /** The store's total after this line (all entries up to and including it, oldest first). */
  runningIdr: number;
};

/** The ledger of one store the user belongs to, newest first, with the running total of each line. */
export async function listLedgerForSeller(db: PrismaClient, input: { userId: string; storeId: string; page: number; pageSize?: number }) {
  const store = await db.store.findFirst({ where: { id: input.storeId, members: { some: { userId: input.userId } } }, select: { id: true } });
  if (!store) return null;
  return listLedger(db, store.id, input.page, input.pageSize);
}

export async function listLedger(db: PrismaClient, storeId: string, page: number, pageSize = 50) {
  const where = { storeId };
  const total = await db.ledgerEntry.count({ where });
  const rows = await db.ledgerEntry.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      kind: true,
      amountIdr: true,
      memo: true,
      createdAt: true,
      availableAt: true,
      storeOrderId: true,
      storeOrder: { select: { order: { select: { number: true } } } },
      payout: { select: { bankReference: true } },
    },
  });
  // The running total of the newest line on this page is the sum of everything up to it.
  let running = 0;
  if (rows.length > 0) {
    const last = rows[0]!;
    const upTo = await db.ledgerEntry.aggregate({
      where: { storeId, OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lte: last.id } }] },
      _sum: { amountIdr: true },
    });
    running = upTo._sum.amountIdr ?? 0;
  }
  const lines: LedgerLine[] = rows.map((row) => {
    const line: LedgerLine = {
      id: row.id,
      kind: row.kind,
      amountIdr: row.amountIdr,
      memo: row.memo,
      createdAt: row.createdAt,
      availableAt: row.availableAt,
      storeOrderId: row.storeOrderId,
      orderNumber: row.storeOrder?.order.number ?? null,
      bankReference: row.payout?.bankReference ?? null,
      runningIdr: running,
    };
    running -= row.amountIdr;
    return line;
  });
  return { lines, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export class PayoutError extends Error {
  constructor(public readonly code: "store_not_found" | "no_account" | "bad_amount" | "exceeds_available" | "duplicate_reference") {
    super(code);
    this.name = "PayoutError";
  }
}

/**
 * An admin records money sent to a store's bank account. The available balance is computed inside the
 * same transaction as the debit; SQLite runs one write transaction at a time, so two payouts recorded at
 * once cannot both spend the same balance. (On PostgreSQL the first statement's row lock on the store
 * serialises them the same way.)
 */
export async function recordPayout(
  db: PrismaClient,
  input: { storeId: string; amountIdr: number; bankReference: string; paidAt: Date; adminId: string; now?: Date },
): Promise<{ payoutId: string }> {
  const now = input.now ?? new Date();
  if (!Number.isInteger(input.amountIdr) || input.amountIdr <= 0) throw new PayoutError("bad_amount");
  return db.$transaction(async (tx) => {
    // Take the store's row first: on PostgreSQL this is the lock that serialises payouts of one store.
    const touched = await tx.store.updateMany({ where: { id: input.storeId }, data: { updatedAt: now } });
    if (touched.count === 0) throw new PayoutError("store_not_found");
    // Money is only ever sent to the account the store gave; without one there is nowhere to send it.
    const account = await tx.store.findUniqueOrThrow({ where: { id: input.storeId }, select: { payoutAccountNumber: true } });
    if (!account.payoutAccountNumber) throw new PayoutError("no_account");
    const duplicate = await tx.payout.findFirst({ where: { storeId: input.storeId, bankReference: input.bankReference }, select: { id: true } });
    if (duplicate) throw new PayoutError("duplicate_reference");
    const balance = await getStoreBalance(tx, input.storeId, now);
    if (input.amountIdr > balance.availableIdr) throw new PayoutError("exceeds_available");
    const payout = await tx.payout.create({
      data: { storeId: input.storeId, amountIdr: input.amountIdr, bankReference: input.bankReference, paidAt: input.paidAt, recordedById: input.adminId, createdAt: now },
      select: { id: true },
    });
    await tx.ledgerEntry.create({
      data: {
        storeId: input.storeId,
        kind: "PAYOUT",
        amountIdr: -input.amountIdr,
        payoutId: payout.id,
        memo: `Transfer ke rekening toko, ref. ${input.bankReference}`,
        availableAt: now,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.adminId,
      action: "payout.record",
      subjectType: "Store",
      subjectId: input.storeId,
      details: { payoutId: payout.id, amountIdr: input.amountIdr, bankReference: input.bankReference },
    });
    return { payoutId: payout.id };
  });
}

/** Stores with money to pay out, for the admin's payout screen. */
export async function listStoresForPayout(db: PrismaClient, now = new Date()) {
  const stores = await db.store.findMany({
    where: { ledger: { some: {} } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true, payoutBankName: true, payoutAccountNumber: true, payoutAccountHolder: true },
  });
  const withBalances = await Promise.all(stores.map(async (store) => ({ ...store, balance: await getStoreBalance(db, store.id, now) })));
  return withBalances;
}

/** Orders of a store that are under way: their money reaches the ledger when they complete. */
export async function inProgressTotals(db: PrismaClient, storeId: string) {
  // Cash on delivery is left out: that money reaches the seller by hand, never through the balance.
  const open = await db.storeOrder.aggregate({
    where: { storeId, status: { in: ["PAID", "PROCESSING", "SHIPPED", "DELIVERED"] }, order: { paymentMethod: { not: "COD" } } },
    _sum: { subtotalIdr: true, shippingIdr: true, commissionIdr: true },
    _count: true,
  });
  return { count: open._count, amountIdr: (open._sum.subtotalIdr ?? 0) + (open._sum.shippingIdr ?? 0) - (open._sum.commissionIdr ?? 0) };
}

/** The stores a seller belongs to, with what the balance page shows of each. */
export async function listSellerStoresForBalance(db: PrismaClient, userId: string) {
  return db.store.findMany({
    where: { members: { some: { userId } } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      payoutBankName: true,
      payoutAccountNumber: true,
      payoutAccountHolder: true,
      regency: { select: { parent: { select: { timeZone: true } } } },
    },
  });
}
