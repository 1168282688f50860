import type { Prisma } from "~/generated/prisma/client";
import { CardProviderError, type CardPaymentProvider, type CardRefundResult } from "~/services/payments/stripe.server";
import type { PrismaClient } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { recordAudit } from "./audit.server";

type Tx = Prisma.TransactionClient;

/**
 * Money going back to a buyer for one store order (the part of an order one store sells). A refund row
 * is written in the same transaction as the cancel or refund of the store order, and there is at most
 * one per store order, so a repeated click finds the first and pays nothing twice.
 *
 * - Card: the refund row's id (and attempt number) is the idempotency key of Stripe's refund call, made
 *   after the transaction commits, and travels as `metadata.refundId`. No answer leaves it PENDING; the
 *   minute job first looks the refund up at Stripe by that id and only asks again (same key) when Stripe
 *   has none, so it is never paid twice. A refusal marks it FAILED for an admin, who may ask again (a new
 *   attempt, after looking it up) or record that it was refunded outside this system.
 * - Bank transfer: the platform holds the money; an admin transfers it back and records the reference.
 * - Cash on delivery: the seller pays the cash back; the refund is done when they record it.
 *
 * Payment.refundedIdr is always set to a cumulative total, never incremented: the larger of our refunds
 * that succeeded and the last total Stripe's `charge.refunded` event reported (which also counts refunds
 * made in Stripe's Dashboard). Nothing is ever counted twice; Stripe's next event brings the exact total.
 */

export class RefundError extends Error {
  constructor(public readonly code: "no_payment" | "already_refunded" | "not_found" | "not_allowed" | "balance_too_low") {
    super(code);
    this.name = "RefundError";
  }
}

/**
 * What a refund of this store order gives back: its goods and shipping, and for a bank transfer the few
 * rupiah of the transfer's unique code when it is the last part of the order still going (by then
 * nothing of the order is delivered any more). The seller's warning and the refund use this one rule.
 */
export async function refundAmountIdr(db: PrismaClient | Tx, storeOrderId: string): Promise<number> {
  const so = await db.storeOrder.findUniqueOrThrow({
    where: { id: storeOrderId },
    select: { id: true, orderId: true, subtotalIdr: true, shippingIdr: true, order: { select: { paymentMethod: true, uniqueCodeIdr: true } } },
  });
  let amountIdr = so.subtotalIdr + so.shippingIdr;
  if (so.order.paymentMethod === "BANK_TRANSFER" && so.order.uniqueCodeIdr > 0) {
    const stillGoing = await db.storeOrder.count({ where: { orderId: so.orderId, id: { not: so.id }, status: { notIn: ["CANCELLED", "REFUNDED"] } } });
    if (stillGoing === 0) amountIdr += so.order.uniqueCodeIdr;
  }
  return amountIdr;
}

export type OpenedRefund = { refundId: string; kind: "card" | "bank" | "cash"; amountIdr: number };

/** Opens the refund of a store order's whole part (goods + shipping). Call inside the transition's transaction. */
export async function openRefund(tx: Tx, input: { storeOrderId: string; reason: string; actorId: string | null; now: Date }): Promise<OpenedRefund> {
  const so = await tx.storeOrder.findUniqueOrThrow({
    where: { id: input.storeOrderId },
    select: { id: true, orderId: true, refund: { select: { id: true } }, order: { select: { paymentMethod: true } } },
  });
  if (so.refund) throw new RefundError("already_refunded");
  const method = so.order.paymentMethod;
  const amountIdr = await refundAmountIdr(tx, so.id);
  const payment = await tx.payment.findFirst({
    where:
      method === "COD"
        ? { orderId: so.orderId, provider: "COD", status: { notIn: ["CANCELLED", "EXPIRED"] } }
        : { orderId: so.orderId, provider: method === "CARD" ? "STRIPE" : "BANK_TRANSFER", status: { in: ["SUCCEEDED", "PARTIALLY_REFUNDED"] } },
    select: { id: true, amountIdr: true, refundedIdr: true },
    orderBy: { createdAt: "desc" },
  });
  if (!payment || payment.amountIdr - payment.refundedIdr < amountIdr) throw new RefundError("no_payment");
  const kind = method === "COD" ? "cash" : method === "CARD" ? "card" : "bank";
  const refund = await tx.refund.create({
    data: {
      paymentId: payment.id,
      storeOrderId: so.id,
      amountIdr,
      reason: input.reason,
      requestedById: input.actorId,
      status: kind === "card" ? "PENDING" : kind === "bank" ? "MANUAL_PENDING" : "PENDING",
      createdAt: input.now,
    },
    select: { id: true },
  });
  await recordAudit(tx, { actorId: input.actorId, action: "refund.open", subjectType: "Refund", subjectId: refund.id, details: { storeOrderId: so.id, amountIdr, kind } });
  // Cash: the seller says they paid it back; that statement is the refund.
  if (kind === "cash") await markRefundSucceeded(tx, { refundId: refund.id, actorId: input.actorId, now: input.now });
  return { refundId: refund.id, kind, amountIdr };
}

/**
 * Marks a refund done, once: only the call that moves it from an open status counts, and the payment's
 * refunded total becomes the sum of its refunds that succeeded (or Stripe's figure if that is higher).
 */
export async function markRefundSucceeded(
  tx: Tx,
  input: { refundId: string; actorId: string | null; now: Date; externalId?: string; bankReference?: string },
): Promise<boolean> {
  const { count } = await tx.refund.updateMany({
    where: { id: input.refundId, status: { in: ["PENDING", "MANUAL_PENDING", "FAILED"] } },
    data: {
      status: "SUCCEEDED",
      completedAt: input.now,
      completedById: input.actorId,
      failureMessage: null,
      ...(input.externalId ? { externalId: input.externalId } : {}),
      ...(input.bankReference ? { bankReference: input.bankReference } : {}),
    },
  });
  if (count === 0) return false;
  const refund = await tx.refund.findUniqueOrThrow({ where: { id: input.refundId }, select: { paymentId: true, amountIdr: true } });
  await syncPaymentRefundedTotal(tx, refund.paymentId);
  await recordAudit(tx, { actorId: input.actorId, action: "refund.succeeded", subjectType: "Refund", subjectId: input.refundId, details: { amountIdr: refund.amountIdr } });
  return true;
}

async function syncPaymentRefundedTotal(tx: Tx, paymentId: string, providerTotalIdr = 0) {
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { amountIdr: true, refundedIdr: true, status: true } });
  const succeeded = await tx.refund.aggregate({ where: { paymentId, status: "SUCCEEDED" }, _sum: { amountIdr: true } });
  const refundedIdr = Math.min(payment.amountIdr, Math.max(payment.refundedIdr, providerTotalIdr, succeeded._sum.amountIdr ?? 0));
  // Only money that was received can be marked refunded; a cash payment still being collected keeps its status.
  const received = payment.status === "SUCCEEDED" || payment.status === "PARTIALLY_REFUNDED" || payment.status === "REFUNDED";
  await tx.payment.update({
    where: { id: paymentId },
    data: { refundedIdr, ...(received && refundedIdr > 0 ? { status: refundedIdr >= payment.amountIdr ? "REFUNDED" : "PARTIALLY_REFUNDED" } : {}) },
    select: { id: true },
  });
}

function applyProviderResult(db: PrismaClient, refundId: string, result: CardRefundResult, now: Date) {
  return db.$transaction(async (tx) => {
    if (result.status === "succeeded") {
      await markRefundSucceeded(tx, { refundId, actorId: null, now, externalId: result.providerRefundId });
      return;
    }
    if (result.status === "failed" || result.status === "canceled") {
      await tx.refund.updateMany({
        where: { id: refundId, status: "PENDING" },
        data: { status: "FAILED", externalId: result.providerRefundId, failureMessage: `Stripe: ${result.status}` },
      });
      await recordAudit(tx, { actorId: null, action: "refund.failed", subjectType: "Refund", subjectId: refundId, details: { status: result.status } });
      return;
    }
    // pending / requires_action: Stripe's charge.refunded event settles it.
    await tx.refund.updateMany({ where: { id: refundId, status: "PENDING" }, data: { externalId: result.providerRefundId } });
  });
}

/**
 * Asks Stripe to refund a card refund that is still open. Safe to repeat: when an earlier call may have
 * reached Stripe (`lookFirst`), the refund is looked up by our id first; a new call reuses the attempt's
 * idempotency key. Returns the refund's status afterwards.
 */
export async function executeCardRefund(db: PrismaClient, provider: CardPaymentProvider | null, refundId: string, now = new Date(), lookFirst = false) {
  const refund = await db.refund.findUnique({
    where: { id: refundId },
    select: { id: true, status: true, amountIdr: true, externalId: true, attempts: true, payment: { select: { id: true, provider: true, externalPaymentId: true } } },
  });
  if (!refund) throw new RefundError("not_found");
  if (refund.status !== "PENDING" || refund.payment.provider !== "STRIPE") return refund.status;
  const paymentIntentId = refund.payment.externalPaymentId;
  if (!provider || !paymentIntentId) {
    await db.refund.updateMany({ where: { id: refund.id, status: "PENDING" }, data: { failureMessage: "Pembayaran kartu belum bisa dihubungi (Stripe tidak dikonfigurasi)" } });
    return "PENDING" as const;
  }
  try {
    const found = lookFirst || refund.externalId ? await provider.findRefund({ paymentIntentId, refundId: refund.id }) : null;
    if (found) {
      await applyProviderResult(db, refund.id, found, now);
    } else if (!refund.externalId) {
      const result = await provider.refund({ paymentIntentId, paymentId: refund.payment.id, refundId: refund.id, amountIdr: refund.amountIdr, attempt: refund.attempts });
      await applyProviderResult(db, refund.id, result, now);
    }
  } catch (error) {
    if (error instanceof CardProviderError && !error.retryable) {
      await db.$transaction(async (tx) => {
        const { count } = await tx.refund.updateMany({ where: { id: refund.id, status: "PENDING" }, data: { status: "FAILED", failureMessage: error.message.slice(0, 500) } });
        if (count === 1) await recordAudit(tx, { actorId: null, action: "refund.failed", subjectType: "Refund", subjectId: refund.id, details: { code: error.stripeCode } });
      });
    } else {
      // Network or Stripe-side trouble: the minute job looks it up and, if Stripe has none, asks again.
      logger.warn("card refund will be retried", { refundId: refund.id, error: String(error) });
      await db.refund.updateMany({ where: { id: refund.id, status: "PENDING" }, data: { failureMessage: "Sedang dicoba lagi" } });
    }
  }
  const after = await db.refund.findUniqueOrThrow({ where: { id: refund.id }, select: { status: true } });
  return after.status;
}

/**
 * Background job: card refunds still open after a minute (no answer from Stripe, or Stripe said
 * "pending") are looked up at Stripe and settled, or asked again with the same key when Stripe has none.
 */
export async function retryPendingCardRefunds(db: PrismaClient, provider: CardPaymentProvider | null, now = new Date()): Promise<number> {
  if (!provider) return 0;
  const waiting = await db.refund.findMany({
    where: { status: "PENDING", payment: { provider: "STRIPE" }, createdAt: { lte: new Date(now.getTime() - 60_000) } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
    take: 50,
  });
  for (const refund of waiting) await executeCardRefund(db, provider, refund.id, now, true);
  return waiting.length;
}

/**
 * An admin asks again for a card refund Stripe refused (after fixing the cause with Stripe). Stripe
 * replays a refusal for the same idempotency key, so this is a new attempt with a new key, made only
 * after looking up that no refund exists for it.
 */
export async function retryFailedCardRefund(db: PrismaClient, provider: CardPaymentProvider | null, input: { refundId: string; adminId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const reopened = await db.$transaction(async (tx) => {
    const { count } = await tx.refund.updateMany({
      where: { id: input.refundId, status: "FAILED", payment: { provider: "STRIPE" } },
      data: { status: "PENDING", externalId: null, attempts: { increment: 1 } },
    });
    if (count === 1) await recordAudit(tx, { actorId: input.adminId, action: "refund.retry", subjectType: "Refund", subjectId: input.refundId });
    return count === 1;
  });
  if (!reopened) throw new RefundError("not_allowed");
  return executeCardRefund(db, provider, input.refundId, now, true);
}

/**
 * An admin sent the money back themselves: a bank-transfer refund, or a card refund Stripe refused that
 * was settled another way (e.g. in Stripe's Dashboard), recorded with its reference.
 */
export async function completeManualRefund(db: PrismaClient, input: { refundId: string; bankReference: string; adminId: string; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  await db.$transaction(async (tx) => {
    const refund = await tx.refund.findFirst({ where: { id: input.refundId, status: { in: ["MANUAL_PENDING", "FAILED"] } }, select: { id: true } });
    if (!refund) throw new RefundError("not_allowed");
    await markRefundSucceeded(tx, { refundId: refund.id, actorId: input.adminId, now, bankReference: input.bankReference });
  });
}

/** Refunds an admin must act on: bank transfers to send back, and card refunds refused or not yet answered. */
export async function listRefundsNeedingAdmin(db: PrismaClient) {
  return db.refund.findMany({
    where: { OR: [{ status: "MANUAL_PENDING" }, { status: "FAILED" }, { status: "PENDING", payment: { provider: "STRIPE" } }] },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: {
      id: true,
      status: true,
      amountIdr: true,
      reason: true,
      failureMessage: true,
      createdAt: true,
      payment: { select: { provider: true } },
      storeOrder: {
        select: {
          store: { select: { name: true } },
          order: { select: { number: true, recipientName: true, phone: true, email: true } },
        },
      },
    },
  });
}
