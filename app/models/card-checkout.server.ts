import type { CardPaymentProvider } from "~/services/payments/stripe.server";
import type { PrismaClient } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { attachCheckoutSession } from "./payment.server";

/** The payment's checkout session is complete or expired: it cannot be paid again. */
export class CheckoutClosedError extends Error {
  constructor(public readonly status: string) {
    super(`checkout session is ${status}`);
    this.name = "CheckoutClosedError";
  }
}

/**
 * Opens the card provider's hosted checkout for a pending payment and returns its URL. A payment that
 * already has an open session gets that session again (never a second one); the creation call itself
 * is idempotent per payment, so a retried request cannot make two sessions either.
 */
export async function startCardCheckout(
  db: PrismaClient,
  provider: CardPaymentProvider,
  input: {
    paymentId: string;
    /** The session already made for this payment, if any. */
    existingSessionId?: string | null;
    orderNumber: string;
    amountIdr: number;
    email: string | null;
    orderUrl: string;
    expiresAt: Date;
    locale: "id" | "en";
  },
): Promise<string> {
  if (input.existingSessionId) {
    const existing = await provider.getCheckoutSession(input.existingSessionId);
    if (existing.status === "open" && existing.url) return existing.url;
    throw new CheckoutClosedError(existing.status);
  }
  const separator = input.orderUrl.includes("?") ? "&" : "?";
  const session = await provider.createCheckoutSession({
    paymentId: input.paymentId,
    orderNumber: input.orderNumber,
    amountIdr: input.amountIdr,
    customerEmail: input.email,
    successUrl: `${input.orderUrl}${separator}kartu=selesai`,
    cancelUrl: `${input.orderUrl}${separator}kartu=batal`,
    expiresAt: input.expiresAt,
    locale: input.locale,
  });
  await attachCheckoutSession(db, input.paymentId, session.sessionId, session.paymentIntentId);
  return session.url;
}

/**
 * After an order is cancelled, its open card checkout must not take money any more. Best effort: a
 * session that is already complete or expired, or Stripe unreachable, is logged; money that still
 * arrives is flagged for refund by the payment model.
 */
export async function closeCardSessionsOfOrder(db: PrismaClient, provider: CardPaymentProvider | null, orderId: string): Promise<void> {
  if (!provider) return;
  const payments = await db.payment.findMany({
    where: { orderId, provider: "STRIPE", externalId: { not: null }, status: { in: ["PENDING", "FAILED", "CANCELLED", "EXPIRED"] } },
    select: { externalId: true },
  });
  for (const payment of payments) {
    try {
      await provider.expireCheckoutSession(payment.externalId!);
    } catch (error) {
      logger.warn("could not expire checkout session", { orderId, error: String(error) });
    }
  }
}
