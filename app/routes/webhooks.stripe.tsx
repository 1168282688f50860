import type { ActionFunctionArgs } from "@remix-run/node";
import { applyCardPaymentEvent } from "~/models/payment.server";
import { getCardPaymentProvider, normalizeStripeEvent, WebhookSignatureError } from "~/services/payments/stripe.server";
import { prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";

export async function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

/**
 * Stripe's webhook. The signature is checked on the raw body, exactly as received; each event id is
 * recorded in the same transaction as its effect, so repeats change nothing. Any non-2xx answer makes
 * Stripe deliver the event again later.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
  const provider = getCardPaymentProvider();
  if (!provider) return new Response("Card payments are not configured", { status: 404 });

  const rawBody = await request.text();
  let event;
  try {
    event = provider.parseWebhookEvent(rawBody, request.headers.get("Stripe-Signature"));
  } catch (error) {
    if (error instanceof WebhookSignatureError) {
      logger.warn("stripe webhook refused", { reason: error.message });
      return new Response("Invalid signature", { status: 400 });
    }
    throw error;
  }

  const result = await applyCardPaymentEvent(prisma, { eventId: event.id, type: event.type, event: normalizeStripeEvent(event) });
  logger.info("stripe webhook", { id: event.id, type: event.type, result });
  if (result === "unknown_payment") return new Response("Unknown payment", { status: 404 });
  return new Response(JSON.stringify({ received: true, result }), { status: 200, headers: { "Content-Type": "application/json" } });
}
