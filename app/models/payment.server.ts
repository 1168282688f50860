import { Prisma } from "~/generated/prisma/client";
import type { PaymentStatus } from "~/generated/prisma/enums";
import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { markOrderPaid, transitionStoreOrder } from "./order.server";

type Tx = Prisma.TransactionClient;

/** What the domain needs to know of a card provider's event (the Stripe adapter translates to this). */
export type CardPaymentEvent =
  | { kind: "checkout_completed"; sessionId: string; paymentId?: string | null; paymentIntentId: string | null; amountIdr: number; paid: boolean }
  | { kind: "checkout_async_succeeded"; sessionId: string; paymentId?: string | null; paymentIntentId: string | null; amountIdr: number }
  | { kind: "checkout_async_failed"; sessionId: string; paymentId?: string | null }
  | { kind: "checkout_expired"; sessionId: string; paymentId?: string | null }
  | { kind: "payment_failed"; paymentIntentId: string; paymentId?: string | null }
  | { kind: "refunded"; paymentIntentId: string; paymentId?: string | null; amountRefundedIdr: number }
  | { kind: "ignored"; type: string };

/**
 * Payment states only move forward, so events applied in any order end in the same state: a late
 * "expired" cannot undo a success, and a late "completed" cannot undo a refund.
 */
const RANK: Record<PaymentStatus, number> = {
  PENDING: 0,
  FAILED: 1,
  CANCELLED: 1,
  EXPIRED: 1,
  SUCCEEDED: 2,
  PARTIALLY_REFUNDED: 3,
  REFUNDED: 4,
};

export function paymentMovesForward(from: PaymentStatus, to: PaymentStatus): boolean {
  return RANK[to] > RANK[from];
}

export type ApplyResult = "applied" | "duplicate" | "unknown_payment" | "ignored";

/** Thrown inside the transaction so an event for a payment we do not know is not recorded: the provider retries it. */
class UnknownPayment extends Error {}

const paymentSelect = { id: true, orderId: true, status: true, amountIdr: true, refundedIdr: true, externalId: true, externalPaymentId: true } as const;

/**
 * Finds the payment an event is about. Our payment id travels in the metadata of every Stripe object
 * we create, so it is tried first: a declined card or a completed session can arrive before the session
 * id was stored. The ids Stripe gives are remembered on the way.
 */
async function findPayment(tx: Tx, event: CardPaymentEvent) {
  const sessionId = "sessionId" in event ? event.sessionId : null;
  const intentId = "paymentIntentId" in event ? event.paymentIntentId : null;
  const paymentId = "paymentId" in event ? event.paymentId : null;
  const payment =
    (paymentId ? await tx.payment.findFirst({ where: { provider: "STRIPE", id: paymentId }, select: paymentSelect }) : null) ??
    (sessionId ? await tx.payment.findFirst({ where: { provider: "STRIPE", externalId: sessionId }, select: paymentSelect }) : null) ??
    (intentId ? await tx.payment.findFirst({ where: { provider: "STRIPE", externalPaymentId: intentId }, select: paymentSelect }) : null);
  if (!payment) return null;
  const remember: { externalId?: string; externalPaymentId?: string } = {};
  if (sessionId && payment.externalId === null) remember.externalId = sessionId;
  if (intentId && payment.externalPaymentId === null) remember.externalPaymentId = intentId;
  if (Object.keys(remember).length > 0) {
    await tx.payment.update({ where: { id: payment.id }, data: remember, select: { id: true } });
  }
  return { ...payment, externalPaymentId: payment.externalPaymentId ?? intentId };
}

type PaymentRow = NonNullable<Awaited<ReturnType<typeof findPayment>>>;

async function succeed(tx: Tx, payment: PaymentRow, paymentIntentId: string | null, amountIdr: number, now: Date) {
  if (amountIdr !== payment.amountIdr) {
    // Never mark an order paid for a different amount than it costs; a person must look at it.
    await recordAudit(tx, {
      actorId: null,
      action: "payment.amount_mismatch",
      subjectType: "Payment",
      subjectId: payment.id,
      details: { expectedIdr: payment.amountIdr, receivedIdr: amountIdr },
    });
    return;
  }
  const newlySucceeded = paymentMovesForward(payment.status, "SUCCEEDED");
  if (newlySucceeded) {
    await tx.payment.update({
      where: { id: payment.id },
      data: { status: "SUCCEEDED", externalPaymentId: paymentIntentId ?? payment.externalPaymentId },
      select: { id: true },
    });
  }
  const open = await tx.storeOrder.count({ where: { orderId: payment.orderId, status: "AWAITING_PAYMENT" } });
  if (open > 0) {
    await markOrderPaid(tx, { orderId: payment.orderId, actor: "system", actorId: null, note: "Pembayaran kartu berhasil", now });
  } else if (newlySucceeded) {
    // Money arrived while nothing of the order waits for it any more (cancelled, expired, or a declined
    // first attempt followed by a cancel): it must be refunded by an admin.
    await recordAudit(tx, {
      actorId: null,
      action: "payment.received_after_cancel",
      subjectType: "Payment",
      subjectId: payment.id,
      details: { amountIdr, note: "Refund needed" },
    });
  }
}

async function applyEffect(tx: Tx, payment: PaymentRow, event: CardPaymentEvent, now: Date): Promise<void> {
  switch (event.kind) {
    case "checkout_completed":
      if (event.paid) return succeed(tx, payment, event.paymentIntentId, event.amountIdr, now);
      // Paid later by an asynchronous method: remember the intent, wait for the async event.
      if (event.paymentIntentId && !payment.externalPaymentId) {
        await tx.payment.update({ where: { id: payment.id }, data: { externalPaymentId: event.paymentIntentId }, select: { id: true } });
      }
      return;
    case "checkout_async_succeeded":
      return succeed(tx, payment, event.paymentIntentId, event.amountIdr, now);
    case "checkout_async_failed":
    case "payment_failed":
      // The shopper may still pay within the session; the order stays open until it expires.
      if (paymentMovesForward(payment.status, "FAILED")) {
        await tx.payment.update({ where: { id: payment.id }, data: { status: "FAILED" }, select: { id: true } });
      }
      return;
    case "checkout_expired": {
      if (!paymentMovesForward(payment.status, "EXPIRED")) return;
      await tx.payment.update({ where: { id: payment.id }, data: { status: "EXPIRED" }, select: { id: true } });
      const open = await tx.storeOrder.findMany({ where: { orderId: payment.orderId, status: "AWAITING_PAYMENT" }, select: { id: true } });
      for (const so of open) {
        await transitionStoreOrder(tx, { storeOrderId: so.id, to: "CANCELLED", actor: "system", actorId: null, note: "Sesi pembayaran kartu kedaluwarsa", now });
      }
      return;
    }
    case "refunded": {
      const refundedIdr = Math.min(event.amountRefundedIdr, payment.amountIdr);
      if (refundedIdr <= payment.refundedIdr) return; // an older or repeated refund total
      // A refund proves the payment went through, even if its success event has not arrived yet.
      if (RANK[payment.status] < RANK.SUCCEEDED) await succeed(tx, payment, event.paymentIntentId, payment.amountIdr, now);
      const full = refundedIdr === payment.amountIdr;
      await tx.payment.update({
        where: { id: payment.id },
        data: { refundedIdr, status: full ? "REFUNDED" : "PARTIALLY_REFUNDED" },
        select: { id: true },
      });
      if (full) {
        const storeOrders = await tx.storeOrder.findMany({
          where: { orderId: payment.orderId, status: { notIn: ["CANCELLED", "REFUNDED"] } },
          select: { id: true },
        });
        for (const so of storeOrders) {
          await transitionStoreOrder(tx, { storeOrderId: so.id, to: "REFUNDED", actor: "system", actorId: null, note: "Dana dikembalikan", now });
        }
      }
      return;
    }
    case "ignored":
      return;
  }
}

/**
 * Applies one provider event exactly once: the event id is recorded in the same transaction as its
 * effect, so a repeated delivery (or two at the same time) finds the id and changes nothing.
 */
export async function applyCardPaymentEvent(
  db: PrismaClient,
  input: { eventId: string; type: string; event: CardPaymentEvent; now?: Date },
): Promise<ApplyResult> {
  const now = input.now ?? new Date();
  try {
    return await db.$transaction(async (tx) => {
      await tx.webhookEvent.create({ data: { id: input.eventId, provider: "STRIPE", type: input.type }, select: { id: true } });
      if (input.event.kind === "ignored") return "ignored";
      const payment = await findPayment(tx, input.event);
      if (!payment) throw new UnknownPayment();
      await applyEffect(tx, payment, input.event, now);
      return "applied";
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "duplicate";
    if (error instanceof UnknownPayment) return "unknown_payment";
    throw error;
  }
}

/** Remembers the provider's checkout session of a payment, once it exists. */
export async function attachCheckoutSession(db: PrismaClient, paymentId: string, sessionId: string, paymentIntentId: string | null) {
  await db.payment.update({
    where: { id: paymentId },
    data: { externalId: sessionId, ...(paymentIntentId ? { externalPaymentId: paymentIntentId } : {}) },
    select: { id: true },
  });
}
