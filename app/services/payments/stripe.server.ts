import Stripe from "stripe";
import { getEnv } from "~/utils/env.server";

/*
 * Card payments through Stripe Checkout (hosted payment page). The domain speaks Rupiah and its own
 * payment ids; everything Stripe-shaped (minor units, form fields, idempotency keys, event types)
 * stays in this file. See docs/decisions/0010-card-payments-stripe.md.
 */

/**
 * IDR is a two-decimal currency in Stripe's API: it is not in the zero-decimal list, so every amount
 * is sent in "sen", Rupiah × 100 ("All API requests expect amounts to be provided in a currency's
 * smallest unit", docs.stripe.com/currencies#zero-decimal; Rp10.000 is sent as 1000000).
 */
const MINOR_UNITS_PER_RUPIAH = 100;

/**
 * Stripe's technical maximum: "The amount value supports up to twelve digits for IDR (for example,
 * a value of 999999999999 for a charge of 9,999,999,999.99 IDR)", docs.stripe.com/currencies
 * #minimum-and-maximum-charge-amounts. Whole Rupiah only, so Rp9.999.999.999.
 */
export const STRIPE_MAX_AMOUNT_IDR = 9_999_999_999;

/**
 * Checkout's `expires_at` "can be anywhere from 30 minutes to 24 hours after Checkout Session
 * creation" (API reference, Checkout Session create). We aim inside that window: at least 31 minutes
 * and at most 23 h 45 min ahead, leaving room for clock skew and the time the request takes.
 */
export const CHECKOUT_MIN_LIFETIME_MS = 30 * 60_000;
export const CHECKOUT_MAX_LIFETIME_MS = 24 * 60 * 60_000;
const EARLIEST_EXPIRY_MS = CHECKOUT_MIN_LIFETIME_MS + 60_000;
const LATEST_EXPIRY_MS = CHECKOUT_MAX_LIFETIME_MS - 15 * 60_000;
/** An expiry outside the window moves by whole steps of this, keeping its minutes and seconds. */
const EXPIRY_STEP_MS = 30 * 60_000;

/** Stripe's default webhook timestamp tolerance (`Stripe.webhooks.DEFAULT_TOLERANCE`), in seconds. */
const WEBHOOK_TOLERANCE_SECONDS = 300;

// ---------------------------------------------------------------- the interface the domain uses

export interface CheckoutLineItem {
  name: string;
  /** Price of one unit, in Rupiah. */
  amountIdr: number;
  quantity: number;
}

export interface CreateCheckoutSessionInput {
  /** Our Payment row id: the idempotency key and the link back from every Stripe object. */
  paymentId: string;
  orderNumber: string;
  /** The total to charge, in Rupiah. The line items, when given, must add up to it exactly. */
  amountIdr: number;
  /** What the buyer sees on Stripe's page; without it one line "Pesanan <orderNumber>". */
  lineItems?: CheckoutLineItem[];
  customerEmail?: string | null;
  /** Stripe replaces `{CHECKOUT_SESSION_ID}` in it with the session id. */
  successUrl: string;
  cancelUrl: string;
  /**
   * When the buyer can no longer pay. Clamped into Stripe's 30 min..24 h window (see
   * `clampCheckoutExpiry`). Pass a stored value: a retry must send exactly the same parameters.
   */
  expiresAt: Date;
  /** Language of Stripe's page; Bahasa Indonesia unless the buyer chose English. */
  locale?: "id" | "en";
}

export interface CheckoutSessionCreated {
  sessionId: string;
  /** Stripe's hosted page: redirect the buyer there (303). */
  url: string;
  /** Null at creation: Stripe creates the PaymentIntent only when the buyer confirms (API 2022-08-01). */
  paymentIntentId: string | null;
  /** The expiry Stripe was actually given, after clamping. */
  expiresAt: Date;
}

export interface CheckoutSessionState {
  sessionId: string;
  status: "open" | "complete" | "expired";
  /** Stripe's page while the session is open (to send the buyer back to it), otherwise null. */
  url: string | null;
  paid: boolean;
  paymentIntentId: string | null;
  amountIdr: number;
  paymentId: string | null;
}

export type CardRefundReason = "requested_by_customer" | "duplicate" | "fraudulent";

export interface CardRefundInput {
  paymentIntentId: string;
  paymentId: string;
  /**
   * Our id for this refund (e.g. the refund row's id). It is part of the idempotency key, so two
   * different partial refunds of the same amount are two refunds, and a retry of one is not.
   */
  refundId: string;
  amountIdr: number;
  reason?: CardRefundReason;
  /**
   * A later attempt after Stripe refused (0 for the first). Stripe replays a refusal for the same key
   * for 24 hours, so a deliberate retry needs a new key; callers first look the refund up (`findRefund`).
   */
  attempt?: number;
}

export interface CardRefundResult {
  /** Stripe's refund id (re_...). */
  providerRefundId: string;
  /** Stripe's refund status; card refunds are usually `succeeded` at once, some are `pending`. */
  status: "pending" | "requires_action" | "succeeded" | "failed" | "canceled";
  amountIdr: number;
}

export interface CardPaymentProvider {
  /**
   * The smallest total that may be paid by card, in Rupiah (STRIPE_MIN_AMOUNT_IDR). Stripe documents
   * no IDR minimum: its minimums are per settlement currency (USD 0.50, SGD 0.50, ...) and apply after
   * conversion (docs.stripe.com/currencies#minimum-and-maximum-charge-amounts). The default Rp10.000 is
   * derived from USD 0.50 at about Rp16.300 per USD (Bank Indonesia JISDOR, early 2025) with headroom
   * for the rate; see ADR 0010. Hide the card option below it.
   */
  readonly minAmountIdr: number;
  /** @throws CardAmountTooSmallError / CardAmountTooLargeError before anything is sent; CardProviderError. */
  createCheckoutSession(input: CreateCheckoutSessionInput): Promise<CheckoutSessionCreated>;
  /** The session as Stripe sees it now, e.g. for the success page while the webhook is on its way. */
  getCheckoutSession(sessionId: string): Promise<CheckoutSessionState>;
  /** Closes an open session so it can no longer be paid (order cancelled, buyer switched method). */
  expireCheckoutSession(sessionId: string): Promise<CheckoutSessionState>;
  refund(input: CardRefundInput): Promise<CardRefundResult>;
  /** The refund Stripe made for our refund id (its `metadata.refundId`) on this PaymentIntent, if any. */
  findRefund(input: { paymentIntentId: string; refundId: string }): Promise<CardRefundResult | null>;
  /**
   * Verifies a webhook request. `rawBody` must be the exact bytes received (`await request.text()`),
   * never re-serialised JSON, and `signatureHeader` the `Stripe-Signature` header.
   * @throws WebhookSignatureError (missing or wrong signature, timestamp older than 5 minutes).
   */
  parseWebhookEvent(rawBody: string, signatureHeader: string | null): Stripe.Event;
}

/**
 * What a verified Stripe event means to the domain. `paymentId` is our Payment id as recorded on
 * Stripe's objects at creation. Sessions and PaymentIntents that do not carry it were not made by
 * this app (a Payment Link, the Dashboard) and come out as `ignored`.
 *
 * - `checkout_completed` with `paid: false` means a delayed payment method is still processing:
 *   wait for `checkout_async_succeeded` or `checkout_async_failed`.
 * - `payment_failed` is one declined attempt: the buyer can try another card on the same Checkout
 *   page until the session expires, so it is not by itself the end of the payment.
 * - `refunded` carries the cumulative refunded amount of the charge, so events can be applied in
 *   any order and more than once.
 */
export type CardPaymentEvent =
  | {
      kind: "checkout_completed";
      sessionId: string;
      paymentId: string;
      paymentIntentId: string | null;
      amountIdr: number;
      paid: boolean;
    }
  | {
      kind: "checkout_async_succeeded";
      sessionId: string;
      paymentId: string;
      paymentIntentId: string | null;
      amountIdr: number;
    }
  | { kind: "checkout_async_failed"; sessionId: string; paymentId: string; paymentIntentId: string | null }
  | { kind: "checkout_expired"; sessionId: string; paymentId: string }
  | { kind: "payment_failed"; paymentIntentId: string; paymentId: string; failureMessage: string | null }
  | {
      kind: "refunded";
      paymentIntentId: string;
      /** Null when the charge does not carry our metadata; `paymentIntentId` always identifies it. */
      paymentId: string | null;
      chargeId: string;
      amountIdr: number;
      /** Cumulative: everything refunded on this charge so far, in Rupiah. */
      amountRefundedIdr: number;
      fullyRefunded: boolean;
    }
  | { kind: "ignored"; type: string };

// ---------------------------------------------------------------- errors

/** The total is below what may be paid by card; nothing was sent to Stripe. */
export class CardAmountTooSmallError extends Error {
  constructor(
    public readonly amountIdr: number,
    public readonly minimumIdr: number,
  ) {
    super(`Card payments need at least Rp${minimumIdr}, got Rp${amountIdr}`);
    this.name = "CardAmountTooSmallError";
  }
}

/** The total is above Stripe's technical maximum for IDR; nothing was sent to Stripe. */
export class CardAmountTooLargeError extends Error {
  constructor(
    public readonly amountIdr: number,
    public readonly maximumIdr: number = STRIPE_MAX_AMOUNT_IDR,
  ) {
    super(`Card payments are limited to Rp${maximumIdr}, got Rp${amountIdr}`);
    this.name = "CardAmountTooLargeError";
  }
}

/** A webhook request that cannot be proven to come from Stripe. Answer 400 and change nothing. */
export class WebhookSignatureError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WebhookSignatureError";
  }
}

/** Stripe reported an amount that is not a whole number of Rupiah, or not in IDR. Never guessed at. */
export class StripeAmountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StripeAmountError";
  }
}

/**
 * Stripe refused or could not be reached. `retryable` is true for network failures, rate limits and
 * Stripe-side errors: repeating the same call (same idempotency key) is then safe and may succeed.
 * `stripeType` "idempotency_error" means the payment id was already used with other parameters: a
 * session exists for it, so reuse the stored one (`getCheckoutSession(...).url`) or start a new payment.
 */
export class CardProviderError extends Error {
  readonly stripeType: string | null;

  constructor(
    message: string,
    public readonly retryable: boolean,
    public readonly stripeCode: string | null,
    public readonly statusCode: number | null,
    options?: { cause?: unknown; stripeType?: string },
  ) {
    super(message, options);
    this.name = "CardProviderError";
    this.stripeType = options?.stripeType ?? null;
  }
}

// ---------------------------------------------------------------- amounts and expiry

function assertRupiah(amountIdr: number, what: string): void {
  if (!Number.isSafeInteger(amountIdr) || amountIdr < 0) {
    throw new RangeError(`${what} must be a whole, non-negative number of Rupiah, got ${amountIdr}`);
  }
}

/** Rupiah to the `amount`/`unit_amount` Stripe expects for IDR (× 100). */
export function toStripeAmount(amountIdr: number): number {
  assertRupiah(amountIdr, "amountIdr");
  return amountIdr * MINOR_UNITS_PER_RUPIAH;
}

/** A Stripe IDR amount back to Rupiah. Anything but a whole multiple of 100 is an error, loudly. */
export function fromStripeAmount(minorUnits: number): number {
  if (!Number.isSafeInteger(minorUnits) || minorUnits < 0 || minorUnits % MINOR_UNITS_PER_RUPIAH !== 0) {
    throw new StripeAmountError(`Stripe IDR amount ${minorUnits} is not a whole number of Rupiah (a multiple of 100)`);
  }
  return minorUnits / MINOR_UNITS_PER_RUPIAH;
}

/**
 * The `expires_at` to send. A requested time inside Stripe's window passes unchanged; one outside it
 * is moved by whole half-hours until it fits (an order deadline 24 h away becomes 23 h 30 min). The
 * result depends on `now` only in steps, so a retry seconds later sends the same parameters and the
 * idempotency key replays the first session instead of being refused; only a retry that straddles a
 * step boundary differs. Pass the same stored deadline on every call.
 */
export function clampCheckoutExpiry(requested: Date, now: Date): Date {
  const earliest = now.getTime() + EARLIEST_EXPIRY_MS;
  const latest = now.getTime() + LATEST_EXPIRY_MS;
  const time = requested.getTime();
  if (time > latest) {
    const steps = Math.ceil((time - latest) / EXPIRY_STEP_MS);
    return new Date(Math.floor((time - steps * EXPIRY_STEP_MS) / 1000) * 1000);
  }
  if (time < earliest) {
    const steps = Math.ceil((earliest - time) / EXPIRY_STEP_MS);
    return new Date(Math.ceil((time + steps * EXPIRY_STEP_MS) / 1000) * 1000);
  }
  // Whole seconds, as Stripe takes them, never past the requested time.
  return new Date(Math.floor(time / 1000) * 1000);
}

// ---------------------------------------------------------------- events

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (value == null) return null;
  return typeof value === "string" ? value : value.id;
}

function paymentIdOf(metadata: Stripe.Metadata | null | undefined, clientReferenceId?: string | null): string | null {
  return clientReferenceId || metadata?.paymentId || null;
}

function assertIdr(currency: string | null, what: string): void {
  if (currency !== "idr") throw new StripeAmountError(`${what} is in ${currency ?? "no currency"}, expected idr`);
}

function sessionAmountIdr(session: Stripe.Checkout.Session): number {
  assertIdr(session.currency, `Checkout Session ${session.id}`);
  if (session.amount_total == null) throw new StripeAmountError(`Checkout Session ${session.id} has no amount_total`);
  return fromStripeAmount(session.amount_total);
}

/** Translates a verified Stripe event into the few facts the domain acts on. */
export function normalizeStripeEvent(event: Stripe.Event): CardPaymentEvent {
  const ignored: CardPaymentEvent = { kind: "ignored", type: event.type };
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
    case "checkout.session.async_payment_failed":
    case "checkout.session.expired": {
      const session = event.data.object;
      const paymentId = paymentIdOf(session.metadata, session.client_reference_id);
      if (!paymentId) return ignored;
      const sessionId = session.id;
      const paymentIntentId = idOf(session.payment_intent);
      if (event.type === "checkout.session.completed") {
        return {
          kind: "checkout_completed",
          sessionId,
          paymentId,
          paymentIntentId,
          amountIdr: sessionAmountIdr(session),
          paid: session.payment_status === "paid",
        };
      }
      if (event.type === "checkout.session.async_payment_succeeded") {
        return { kind: "checkout_async_succeeded", sessionId, paymentId, paymentIntentId, amountIdr: sessionAmountIdr(session) };
      }
      if (event.type === "checkout.session.async_payment_failed") {
        return { kind: "checkout_async_failed", sessionId, paymentId, paymentIntentId };
      }
      return { kind: "checkout_expired", sessionId, paymentId };
    }
    case "payment_intent.payment_failed": {
      const intent = event.data.object;
      const paymentId = paymentIdOf(intent.metadata);
      if (!paymentId) return ignored;
      return {
        kind: "payment_failed",
        paymentIntentId: intent.id,
        paymentId,
        failureMessage: intent.last_payment_error?.message ?? null,
      };
    }
    case "charge.refunded": {
      const charge = event.data.object;
      const paymentIntentId = idOf(charge.payment_intent);
      // Every charge we create comes from a Checkout PaymentIntent; one without is not ours.
      if (!paymentIntentId) return ignored;
      // Everything we charge is in rupiah: a refund in another currency (a Dashboard charge, a Payment
      // Link) is not ours, and failing on it would make Stripe deliver it again for days.
      if (charge.currency !== "idr" && !paymentIdOf(charge.metadata)) return ignored;
      assertIdr(charge.currency, `Charge ${charge.id}`);
      return {
        kind: "refunded",
        paymentIntentId,
        paymentId: paymentIdOf(charge.metadata),
        chargeId: charge.id,
        amountIdr: fromStripeAmount(charge.amount),
        amountRefundedIdr: fromStripeAmount(charge.amount_refunded),
        fullyRefunded: charge.refunded,
      };
    }
    default:
      return ignored;
  }
}

// ---------------------------------------------------------------- the Stripe implementation

export interface StripeCardPaymentOptions {
  secretKey: string;
  webhookSecret: string;
  /** Another endpoint for the API (stripe-mock, the test fake), e.g. http://127.0.0.1:12111. */
  apiBase?: string;
  minAmountIdr: number;
  /** Automatic retries of failed requests, with the same idempotency key. */
  maxNetworkRetries?: number;
  timeoutMs?: number;
  now?: () => Date;
}

function apiEndpoint(apiBase: string | undefined): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  if (!apiBase) return {};
  const url = new URL(apiBase);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: url.port || (protocol === "http" ? 80 : 443), protocol };
}

function providerError(error: unknown, action: string): unknown {
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  const retryable =
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    // Two requests with one idempotency key at the same moment: the second is told to try again.
    error.statusCode === 409 ||
    (error.statusCode ?? 0) >= 500;
  return new CardProviderError(`Stripe could not ${action}: ${error.message}`, retryable, error.code ?? null, error.statusCode ?? null, {
    cause: error,
    stripeType: error.rawType ?? undefined,
  });
}

function checkoutLineItems(input: CreateCheckoutSessionInput): Stripe.Checkout.SessionCreateParams.LineItem[] {
  const items = input.lineItems?.length ? input.lineItems : [{ name: `Pesanan ${input.orderNumber}`, amountIdr: input.amountIdr, quantity: 1 }];
  let totalIdr = 0;
  for (const item of items) {
    assertRupiah(item.amountIdr, `Line item "${item.name}" amountIdr`);
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) {
      throw new RangeError(`Line item "${item.name}" quantity must be a positive whole number, got ${item.quantity}`);
    }
    if (!item.name.trim()) throw new RangeError("Every line item needs a name");
    totalIdr += item.amountIdr * item.quantity;
  }
  if (totalIdr !== input.amountIdr) {
    throw new RangeError(`Line items add up to Rp${totalIdr} but the payment is Rp${input.amountIdr}`);
  }
  return items.map((item) => ({
    quantity: item.quantity,
    price_data: {
      currency: "idr",
      unit_amount: toStripeAmount(item.amountIdr),
      product_data: { name: item.name.trim() },
    },
  }));
}

const SESSION_STATUSES: ReadonlySet<string> = new Set(["open", "complete", "expired"]);

function sessionState(session: Stripe.Checkout.Session): CheckoutSessionState {
  if (!session.status || !SESSION_STATUSES.has(session.status)) {
    throw new CardProviderError(`Checkout Session ${session.id} has an unknown status ${session.status}`, false, null, null);
  }
  return {
    sessionId: session.id,
    status: session.status as CheckoutSessionState["status"],
    url: session.status === "open" ? session.url : null,
    paid: session.payment_status === "paid",
    paymentIntentId: idOf(session.payment_intent),
    amountIdr: sessionAmountIdr(session),
    paymentId: paymentIdOf(session.metadata, session.client_reference_id),
  };
}

const REFUND_STATUSES: ReadonlySet<string> = new Set(["pending", "requires_action", "succeeded", "failed", "canceled"]);

/** A status this code does not know yet is treated as still pending; the refund job looks again later. */
function refundResult(refund: Stripe.Refund): CardRefundResult {
  return {
    providerRefundId: refund.id,
    status: REFUND_STATUSES.has(refund.status ?? "") ? (refund.status as CardRefundResult["status"]) : "pending",
    amountIdr: fromStripeAmount(refund.amount),
  };
}

export function createStripeCardPaymentProvider(options: StripeCardPaymentOptions): CardPaymentProvider {
  const now = options.now ?? (() => new Date());
  const stripe = new Stripe(options.secretKey, {
    ...apiEndpoint(options.apiBase),
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? 20_000,
    appInfo: { name: "pasar-mandiri" },
  });

  return {
    minAmountIdr: options.minAmountIdr,

    async createCheckoutSession(input) {
      assertRupiah(input.amountIdr, "amountIdr");
      if (input.amountIdr < options.minAmountIdr) throw new CardAmountTooSmallError(input.amountIdr, options.minAmountIdr);
      if (input.amountIdr > STRIPE_MAX_AMOUNT_IDR) throw new CardAmountTooLargeError(input.amountIdr);
      const lineItems = checkoutLineItems(input);
      const expiresAt = clampCheckoutExpiry(input.expiresAt, now());
      const metadata = { paymentId: input.paymentId, orderNumber: input.orderNumber };

      let session: Stripe.Checkout.Session;
      try {
        session = await stripe.checkout.sessions.create(
          {
            mode: "payment",
            line_items: lineItems,
            client_reference_id: input.paymentId,
            metadata,
            // The PaymentIntent (and its failure events) exists only after the buyer confirms;
            // our id on it links those events back to the payment.
            payment_intent_data: { metadata },
            ...(input.customerEmail ? { customer_email: input.customerEmail } : {}),
            locale: input.locale ?? "id",
            success_url: input.successUrl,
            cancel_url: input.cancelUrl,
            expires_at: Math.floor(expiresAt.getTime() / 1000),
          },
          { idempotencyKey: `checkout:${input.paymentId}` },
        );
      } catch (error) {
        throw providerError(error, "create the Checkout Session");
      }
      if (!session.url) throw new CardProviderError(`Checkout Session ${session.id} has no URL`, false, null, null);
      return {
        sessionId: session.id,
        url: session.url,
        paymentIntentId: idOf(session.payment_intent),
        expiresAt: new Date(session.expires_at * 1000),
      };
    },

    async getCheckoutSession(sessionId) {
      try {
        return sessionState(await stripe.checkout.sessions.retrieve(sessionId));
      } catch (error) {
        throw providerError(error, "read the Checkout Session");
      }
    },

    async expireCheckoutSession(sessionId) {
      try {
        return sessionState(await stripe.checkout.sessions.expire(sessionId, {}, { idempotencyKey: `checkout-expire:${sessionId}` }));
      } catch (error) {
        throw providerError(error, "expire the Checkout Session");
      }
    },

    async refund(input) {
      assertRupiah(input.amountIdr, "amountIdr");
      if (input.amountIdr < 1) throw new RangeError("A refund needs a positive amount");
      if (input.amountIdr > STRIPE_MAX_AMOUNT_IDR) throw new CardAmountTooLargeError(input.amountIdr);
      let refund: Stripe.Refund;
      try {
        refund = await stripe.refunds.create(
          {
            payment_intent: input.paymentIntentId,
            amount: toStripeAmount(input.amountIdr),
            reason: input.reason ?? "requested_by_customer",
            metadata: { paymentId: input.paymentId, refundId: input.refundId },
          },
          { idempotencyKey: `refund:${input.paymentId}:${input.amountIdr}:${input.refundId}${input.attempt ? `:${input.attempt}` : ""}` },
        );
      } catch (error) {
        throw providerError(error, "create the refund");
      }
      assertIdr(refund.currency, `Refund ${refund.id}`);
      return refundResult(refund);
    },

    async findRefund(input) {
      let page: Stripe.ApiList<Stripe.Refund>;
      try {
        page = await stripe.refunds.list({ payment_intent: input.paymentIntentId, limit: 100 });
      } catch (error) {
        throw providerError(error, "list the refunds");
      }
      const refund = page.data.find((r) => r.metadata?.refundId === input.refundId);
      if (!refund) return null;
      assertIdr(refund.currency, `Refund ${refund.id}`);
      return refundResult(refund);
    },

    parseWebhookEvent(rawBody, signatureHeader) {
      if (!signatureHeader) throw new WebhookSignatureError("The Stripe-Signature header is missing");
      try {
        return stripe.webhooks.constructEvent(rawBody, signatureHeader, options.webhookSecret, WEBHOOK_TOLERANCE_SECONDS);
      } catch (error) {
        if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
          throw new WebhookSignatureError(error.message, { cause: error });
        }
        throw error;
      }
    },
  };
}

let provider: CardPaymentProvider | null | undefined;

/** The configured card provider, or null when STRIPE_SECRET_KEY is not set (card payment unavailable). */
export function getCardPaymentProvider(): CardPaymentProvider | null {
  if (provider === undefined) {
    const env = getEnv();
    provider =
      env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET
        ? createStripeCardPaymentProvider({
            secretKey: env.STRIPE_SECRET_KEY,
            webhookSecret: env.STRIPE_WEBHOOK_SECRET,
            apiBase: env.STRIPE_API_BASE,
            minAmountIdr: env.STRIPE_MIN_AMOUNT_IDR,
          })
        : null;
  }
  return provider;
}
