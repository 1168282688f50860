import {
  CardAmountTooLargeError,
  CardAmountTooSmallError,
  CardProviderError,
  clampCheckoutExpiry,
  createStripeCardPaymentProvider,
  fromStripeAmount,
  normalizeStripeEvent,
  StripeAmountError,
  toStripeAmount,
  WebhookSignatureError,
  type CardPaymentProvider,
  type CreateCheckoutSessionInput,
} from "~/services/payments/stripe.server";
import { parseEnv } from "~/utils/env.server";
import {
  eventPayloads,
  signEvent,
  signedEvent,
  startStripeFakeServer,
  type JsonObject,
  type StripeFakeServer,
} from "../helpers/stripe-fake-server";

const WEBHOOK_SECRET = "whsec_test_pasar_mandiri_adapter";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let fake: StripeFakeServer;
let provider: CardPaymentProvider;

function createProvider(overrides: { apiBase?: string; minAmountIdr?: number } = {}): CardPaymentProvider {
  return createStripeCardPaymentProvider({
    secretKey: "sk_test_pasarmandiri",
    webhookSecret: WEBHOOK_SECRET,
    apiBase: overrides.apiBase ?? fake.url,
    minAmountIdr: overrides.minAmountIdr ?? 10_000,
    maxNetworkRetries: 0,
  });
}

/** A payment the domain might ask for; `expiresAt` is a stored time well inside Stripe's window. */
function checkoutInput(overrides: Partial<CreateCheckoutSessionInput> = {}): CreateCheckoutSessionInput {
  return {
    paymentId: "pay_0001",
    orderNumber: "PM-20261115-0001",
    amountIdr: 45_000,
    lineItems: [
      { name: "Keripik Tempe 250 g", amountIdr: 15_000, quantity: 2 },
      { name: "Ongkos kirim", amountIdr: 15_000, quantity: 1 },
    ],
    customerEmail: "sari@example.com",
    successUrl: "http://127.0.0.1:3000/pesanan/PM-20261115-0001?stripe_session={CHECKOUT_SESSION_ID}",
    cancelUrl: "http://127.0.0.1:3000/pesanan/PM-20261115-0001",
    expiresAt: new Date(Math.floor((Date.now() + 2 * HOUR) / 1000) * 1000),
    ...overrides,
  };
}

/** A session created through the adapter and paid in the fake; returns its ids. */
async function paidSession(paymentId = "pay_0001", amountIdr = 45_000) {
  const session = await provider.createCheckoutSession(checkoutInput({ paymentId, amountIdr, lineItems: undefined }));
  const completed = fake.simulate({ type: "checkout.session.completed", sessionId: session.sessionId }, WEBHOOK_SECRET);
  const paymentIntentId = (completed.event.data as { object: { payment_intent: string } }).object.payment_intent;
  return { sessionId: session.sessionId, paymentIntentId, completed };
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

beforeAll(async () => {
  fake = await startStripeFakeServer({ webhookSecret: WEBHOOK_SECRET });
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => {
  fake.reset();
  provider = createProvider();
});

describe("amounts in Stripe's IDR minor unit", () => {
  test("Rupiah go to Stripe × 100 and come back exactly", () => {
    expect(toStripeAmount(10_000)).toBe(1_000_000);
    expect(fromStripeAmount(1_000_000)).toBe(10_000);
    expect(toStripeAmount(9_999_999_999)).toBe(999_999_999_900);
  });

  test("an amount that is not whole Rupiah is refused loudly, both ways", () => {
    expect(() => fromStripeAmount(1_000_050)).toThrow(StripeAmountError);
    expect(() => fromStripeAmount(-100)).toThrow(StripeAmountError);
    expect(() => fromStripeAmount(1.5)).toThrow(StripeAmountError);
    expect(() => toStripeAmount(10.5)).toThrow(RangeError);
  });
});

describe("Checkout Session", () => {
  test("sends the request Stripe expects: IDR in sen, our ids, expiry, urls and an idempotency key", async () => {
    const input = checkoutInput();
    const session = await provider.createCheckoutSession(input);

    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v1/checkout/sessions");
    expect(request.headers.authorization).toBe("Bearer sk_test_pasarmandiri");
    expect(request.idempotencyKey).toBe("checkout:pay_0001");
    expect(request.form).toEqual({
      mode: "payment",
      "line_items[0][quantity]": "2",
      "line_items[0][price_data][currency]": "idr",
      "line_items[0][price_data][unit_amount]": "1500000",
      "line_items[0][price_data][product_data][name]": "Keripik Tempe 250 g",
      "line_items[1][quantity]": "1",
      "line_items[1][price_data][currency]": "idr",
      "line_items[1][price_data][unit_amount]": "1500000",
      "line_items[1][price_data][product_data][name]": "Ongkos kirim",
      client_reference_id: "pay_0001",
      "metadata[paymentId]": "pay_0001",
      "metadata[orderNumber]": "PM-20261115-0001",
      "payment_intent_data[metadata][paymentId]": "pay_0001",
      "payment_intent_data[metadata][orderNumber]": "PM-20261115-0001",
      customer_email: "sari@example.com",
      locale: "id",
      success_url: input.successUrl,
      cancel_url: input.cancelUrl,
      expires_at: String(input.expiresAt.getTime() / 1000),
    });

    expect(session.sessionId).toMatch(/^cs_test_/);
    expect(session.url).toBe(`${fake.url}/pay/${session.sessionId}`);
    expect(session.paymentIntentId).toBeNull();
    expect(session.expiresAt).toEqual(input.expiresAt);
    expect(fake.sessions.get(session.sessionId)).toMatchObject({ amount_total: 4_500_000, currency: "idr", status: "open" });
  });

  test("without line items the buyer sees one line for the order", async () => {
    await provider.createCheckoutSession(checkoutInput({ lineItems: undefined, customerEmail: null }));
    const form = fake.requests[0]!.form;
    expect(form["line_items[0][price_data][product_data][name]"]).toBe("Pesanan PM-20261115-0001");
    expect(form["line_items[0][price_data][unit_amount]"]).toBe("4500000");
    expect(form["line_items[0][quantity]"]).toBe("1");
    expect(form["line_items[1][quantity]"]).toBeUndefined();
    expect(form.customer_email).toBeUndefined();
  });

  test("a retried call for the same payment sends the same key and gets the same session back", async () => {
    const first = await provider.createCheckoutSession(checkoutInput());
    const second = await provider.createCheckoutSession(checkoutInput());

    expect(fake.requests.map((r) => [r.idempotencyKey, r.replayed])).toEqual([
      ["checkout:pay_0001", false],
      ["checkout:pay_0001", true],
    ]);
    expect(second).toEqual(first);
    expect(fake.sessions.size).toBe(1);
  });

  test("a response lost on the network is retried with the same key and still makes one session", async () => {
    fake.dropNextResponses(1);
    const session = await provider.createCheckoutSession(checkoutInput());

    expect(fake.requests).toHaveLength(2);
    expect(fake.requests.map((r) => r.idempotencyKey)).toEqual(["checkout:pay_0001", "checkout:pay_0001"]);
    expect(fake.requests[1]!.replayed).toBe(true);
    expect([...fake.sessions.keys()]).toEqual([session.sessionId]);
  });

  test("reusing a payment id for a different amount is refused, not turned into a second session", async () => {
    await provider.createCheckoutSession(checkoutInput());
    const error = await provider.createCheckoutSession(checkoutInput({ amountIdr: 50_000, lineItems: undefined })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CardProviderError);
    expect((error as CardProviderError).retryable).toBe(false);
    expect((error as CardProviderError).message).toMatch(/same parameters/);
    expect((error as CardProviderError).stripeType).toBe("idempotency_error");
    expect(fake.sessions.size).toBe(1);
  });

  test("a total below the card minimum is refused before anything is sent", async () => {
    const error = await provider.createCheckoutSession(checkoutInput({ amountIdr: 9_999, lineItems: undefined })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CardAmountTooSmallError);
    expect(error).toMatchObject({ amountIdr: 9_999, minimumIdr: 10_000 });
    expect(fake.requests).toHaveLength(0);

    await provider.createCheckoutSession(checkoutInput({ amountIdr: 10_000, lineItems: undefined }));
    expect(fake.requests).toHaveLength(1);
  });

  test("the minimum follows the configuration", async () => {
    const strict = createProvider({ minAmountIdr: 50_000 });
    expect(strict.minAmountIdr).toBe(50_000);
    await expect(strict.createCheckoutSession(checkoutInput())).rejects.toBeInstanceOf(CardAmountTooSmallError);
    expect(fake.requests).toHaveLength(0);
  });

  test("a total above Stripe's IDR maximum, or line items that do not add up, are refused before anything is sent", async () => {
    await expect(
      provider.createCheckoutSession(checkoutInput({ amountIdr: 10_000_000_000, lineItems: undefined })),
    ).rejects.toBeInstanceOf(CardAmountTooLargeError);
    await expect(
      provider.createCheckoutSession(checkoutInput({ amountIdr: 40_000 })),
    ).rejects.toThrow(/add up to Rp45000 but the payment is Rp40000/);
    await expect(
      provider.createCheckoutSession(checkoutInput({ amountIdr: 15_000, lineItems: [{ name: "Kopi", amountIdr: 7_500, quantity: 0 }] })),
    ).rejects.toThrow(RangeError);
    expect(fake.requests).toHaveLength(0);
  });

  test("an expiry outside Stripe's 30 minutes to 24 hours is moved inside it, and Stripe accepts it", async () => {
    const soon = await provider.createCheckoutSession(checkoutInput({ paymentId: "pay_soon", expiresAt: new Date(Date.now() + 5 * MINUTE) }));
    const late = await provider.createCheckoutSession(checkoutInput({ paymentId: "pay_late", expiresAt: new Date(Date.now() + 3 * 24 * HOUR) }));

    expect(fake.requests.map((r) => r.status)).toEqual([200, 200]);
    const sentSoon = Number(fake.requests[0]!.form.expires_at) * 1000;
    const sentLate = Number(fake.requests[1]!.form.expires_at) * 1000;
    expect(sentSoon - Date.now()).toBeGreaterThan(30 * MINUTE);
    expect(sentSoon - Date.now()).toBeLessThan(36 * MINUTE);
    expect(sentLate - Date.now()).toBeLessThan(24 * HOUR);
    expect(sentLate - Date.now()).toBeGreaterThan(23 * HOUR);
    expect(soon.expiresAt.getTime()).toBe(sentSoon);
    expect(late.expiresAt.getTime()).toBe(sentLate);
  });

  test("clampCheckoutExpiry keeps a time inside the window and moves one outside it by whole half-hours", () => {
    const now = new Date("2026-11-15T03:00:00.000Z");
    const at = (iso: string) => clampCheckoutExpiry(new Date(iso), now).toISOString();
    expect(at("2026-11-15T05:00:00.000Z")).toBe("2026-11-15T05:00:00.000Z");
    // Sub-second times are cut to whole seconds, the unit Stripe takes.
    expect(at("2026-11-15T05:00:00.900Z")).toBe("2026-11-15T05:00:00.000Z");
    // Too soon: later by half-hours until at least 31 minutes away.
    expect(at("2026-11-15T03:10:00.000Z")).toBe("2026-11-15T03:40:00.000Z");
    expect(at("2026-11-15T02:00:00.000Z")).toBe("2026-11-15T04:00:00.000Z");
    // Too late: earlier by half-hours until at most 23 h 45 min away.
    expect(at("2026-11-16T03:00:00.000Z")).toBe("2026-11-16T02:30:00.000Z");
    expect(at("2026-11-22T03:07:00.000Z")).toBe("2026-11-16T02:37:00.000Z");
  });

  test("an order deadline 24 hours away gives the same expiry to a retry seconds later", () => {
    const now = new Date("2026-11-15T03:00:00.000Z");
    const deadline = new Date("2026-11-16T03:00:00.000Z");
    const first = clampCheckoutExpiry(deadline, now);
    expect(first.toISOString()).toBe("2026-11-16T02:30:00.000Z");
    expect(clampCheckoutExpiry(deadline, new Date(now.getTime() + 7_000))).toEqual(first);
    expect(clampCheckoutExpiry(deadline, new Date(now.getTime() + 10 * MINUTE))).toEqual(first);
  });

  test("a retried call for a payment whose deadline is 24 hours away still replays the one session", async () => {
    const input = checkoutInput({ expiresAt: new Date(Date.now() + 24 * HOUR) });
    const first = await provider.createCheckoutSession(input);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const second = await provider.createCheckoutSession(input);

    expect(fake.requests.map((r) => r.replayed)).toEqual([false, true]);
    expect(second.sessionId).toBe(first.sessionId);
    expect(fake.requests[0]!.form.expires_at).toBe(fake.requests[1]!.form.expires_at);
  });

  test("reads a session's state and expires an open one", async () => {
    const { sessionId, paymentIntentId } = await paidSession("pay_read");
    expect(await provider.getCheckoutSession(sessionId)).toEqual({
      sessionId,
      status: "complete",
      url: null,
      paid: true,
      paymentIntentId,
      amountIdr: 45_000,
      paymentId: "pay_read",
    });
    expect(fake.requests.at(-1)).toMatchObject({ method: "GET", path: `/v1/checkout/sessions/${sessionId}` });

    const open = await provider.createCheckoutSession(checkoutInput({ paymentId: "pay_open" }));
    expect(await provider.getCheckoutSession(open.sessionId)).toMatchObject({ status: "open", url: open.url, paid: false });
    const expired = await provider.expireCheckoutSession(open.sessionId);
    expect(expired).toMatchObject({ sessionId: open.sessionId, status: "expired", paid: false, url: null });
    expect(fake.requests.at(-1)).toMatchObject({
      method: "POST",
      path: `/v1/checkout/sessions/${open.sessionId}/expire`,
      idempotencyKey: `checkout-expire:${open.sessionId}`,
    });

    const refused = await provider.expireCheckoutSession(sessionId).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CardProviderError);
    expect((refused as CardProviderError).retryable).toBe(false);
    await expect(provider.getCheckoutSession("cs_test_missing")).rejects.toMatchObject({ statusCode: 404, stripeCode: "resource_missing" });
  });

  test("Stripe out of reach is a retryable provider error", async () => {
    const closed = await startStripeFakeServer();
    const apiBase = closed.url;
    await closed.stop();
    const unreachable = createProvider({ apiBase });

    const error = await unreachable.createCheckoutSession(checkoutInput()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CardProviderError);
    expect((error as CardProviderError).retryable).toBe(true);
  });
});

describe("refunds", () => {
  test("sends the amount in sen, the PaymentIntent, and a key naming our payment, amount and refund", async () => {
    const { paymentIntentId } = await paidSession("pay_refund");
    const result = await provider.refund({ paymentIntentId, paymentId: "pay_refund", refundId: "rf_1", amountIdr: 5_000 });

    const request = fake.requests.at(-1)!;
    expect(request.path).toBe("/v1/refunds");
    expect(request.idempotencyKey).toBe("refund:pay_refund:5000:rf_1");
    expect(request.form).toEqual({
      payment_intent: paymentIntentId,
      amount: "500000",
      reason: "requested_by_customer",
      "metadata[paymentId]": "pay_refund",
      "metadata[refundId]": "rf_1",
    });
    expect(result).toEqual({ providerRefundId: expect.stringMatching(/^re_test_/), status: "succeeded", amountIdr: 5_000 });
  });

  test("two partial refunds of the same amount are two refunds; a retry of one is not a third", async () => {
    const { paymentIntentId } = await paidSession("pay_partial");
    const first = await provider.refund({ paymentIntentId, paymentId: "pay_partial", refundId: "rf_a", amountIdr: 5_000 });
    const second = await provider.refund({ paymentIntentId, paymentId: "pay_partial", refundId: "rf_b", amountIdr: 5_000 });
    const retry = await provider.refund({ paymentIntentId, paymentId: "pay_partial", refundId: "rf_a", amountIdr: 5_000 });

    expect(second.providerRefundId).not.toBe(first.providerRefundId);
    expect(retry).toEqual(first);
    expect(fake.refunds).toHaveLength(2);

    const event = normalizeStripeEvent(provider.parseWebhookEvent(...signedPair(fake.simulate({ type: "charge.refunded", paymentIntentId }))));
    expect(event).toMatchObject({ kind: "refunded", paymentIntentId, amountIdr: 45_000, amountRefundedIdr: 10_000, fullyRefunded: false });
  });

  test("a refund larger than what is left is Stripe's refusal, not retryable", async () => {
    const { paymentIntentId } = await paidSession("pay_big");
    const error = await provider.refund({ paymentIntentId, paymentId: "pay_big", refundId: "rf_x", amountIdr: 45_001 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CardProviderError);
    expect((error as CardProviderError).retryable).toBe(false);
  });
});

function signedPair(signed: { payload: string; header: string }): [string, string] {
  return [signed.payload, signed.header];
}

describe("webhook verification", () => {
  const object = () => eventPayloads.checkoutSessionCompleted({ amountIdr: 45_000, paymentId: "pay_hook" });

  test("accepts an event signed with our secret and returns it parsed", () => {
    const signed = signEvent(object(), WEBHOOK_SECRET);
    const event = provider.parseWebhookEvent(signed.payload, signed.header);
    expect(event.id).toBe(signed.event.id);
    expect(event.type).toBe("checkout.session.completed");
  });

  test("refuses an event signed with another secret", () => {
    const signed = signEvent(object(), "whsec_someone_else");
    expect(caught(() => provider.parseWebhookEvent(signed.payload, signed.header))).toBeInstanceOf(WebhookSignatureError);
  });

  test("refuses a payload changed after signing", () => {
    const signed = signEvent(object(), WEBHOOK_SECRET);
    const tampered = signed.payload.replace('"amount_total": 4500000', '"amount_total": 100');
    expect(tampered).not.toBe(signed.payload);
    expect(caught(() => provider.parseWebhookEvent(tampered, signed.header))).toBeInstanceOf(WebhookSignatureError);
  });

  test("refuses a request without a signature, or with a malformed one", () => {
    const signed = signEvent(object(), WEBHOOK_SECRET);
    expect(caught(() => provider.parseWebhookEvent(signed.payload, null))).toBeInstanceOf(WebhookSignatureError);
    expect(caught(() => provider.parseWebhookEvent(signed.payload, ""))).toBeInstanceOf(WebhookSignatureError);
    expect(caught(() => provider.parseWebhookEvent(signed.payload, "t=abc,v1=00"))).toBeInstanceOf(WebhookSignatureError);
  });

  test("refuses a replay older than the five-minute tolerance, accepts one inside it", () => {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const stale = signEvent(object(), WEBHOOK_SECRET, { timestamp: nowSeconds - 6 * 60 });
    const error = caught(() => provider.parseWebhookEvent(stale.payload, stale.header));
    expect(error).toBeInstanceOf(WebhookSignatureError);
    expect((error as Error).message).toMatch(/tolerance/i);

    const recent = signEvent(object(), WEBHOOK_SECRET, { timestamp: nowSeconds - 4 * 60 });
    expect(provider.parseWebhookEvent(recent.payload, recent.header).type).toBe("checkout.session.completed");
  });
});

describe("normalizeStripeEvent", () => {
  /** Signs, verifies and normalises: the path a real delivery takes. */
  function deliver(event: JsonObject) {
    const signed = signEvent(event, WEBHOOK_SECRET);
    return normalizeStripeEvent(provider.parseWebhookEvent(signed.payload, signed.header));
  }

  test("a paid checkout, straight from a session the adapter created", async () => {
    const { sessionId, paymentIntentId, completed } = await paidSession("pay_norm");
    expect(normalizeStripeEvent(provider.parseWebhookEvent(completed.payload, completed.header))).toEqual({
      kind: "checkout_completed",
      sessionId,
      paymentId: "pay_norm",
      paymentIntentId,
      amountIdr: 45_000,
      paid: true,
    });
  });

  test("a completed checkout still waiting on a delayed payment method is not paid yet", async () => {
    const session = await provider.createCheckoutSession(checkoutInput({ paymentId: "pay_delayed" }));
    const signed = fake.simulate({ type: "checkout.session.completed", sessionId: session.sessionId, paymentStatus: "unpaid" });
    expect(normalizeStripeEvent(provider.parseWebhookEvent(signed.payload, signed.header))).toMatchObject({
      kind: "checkout_completed",
      paid: false,
      amountIdr: 45_000,
    });

    const succeeded = fake.simulate({ type: "checkout.session.async_payment_succeeded", sessionId: session.sessionId });
    expect(normalizeStripeEvent(provider.parseWebhookEvent(succeeded.payload, succeeded.header))).toEqual({
      kind: "checkout_async_succeeded",
      sessionId: session.sessionId,
      paymentId: "pay_delayed",
      paymentIntentId: expect.stringMatching(/^pi_test_/),
      amountIdr: 45_000,
    });
  });

  test("a delayed payment that failed, and a session that expired unpaid", () => {
    expect(deliver(eventPayloads.checkoutSessionAsyncPaymentFailed({ id: "cs_test_f", amountIdr: 20_000, paymentId: "pay_f", paymentIntentId: "pi_test_f" }))).toEqual({
      kind: "checkout_async_failed",
      sessionId: "cs_test_f",
      paymentId: "pay_f",
      paymentIntentId: "pi_test_f",
    });
    expect(deliver(eventPayloads.checkoutSessionExpired({ id: "cs_test_e", amountIdr: 20_000, paymentId: "pay_e" }))).toEqual({
      kind: "checkout_expired",
      sessionId: "cs_test_e",
      paymentId: "pay_e",
    });
  });

  test("a declined card names our payment through the PaymentIntent's metadata", async () => {
    const session = await provider.createCheckoutSession(checkoutInput({ paymentId: "pay_declined" }));
    const signed = fake.simulate({ type: "payment_intent.payment_failed", sessionId: session.sessionId, failureMessage: "Kartu ditolak." });
    expect(normalizeStripeEvent(provider.parseWebhookEvent(signed.payload, signed.header))).toEqual({
      kind: "payment_failed",
      paymentIntentId: expect.stringMatching(/^pi_test_/),
      paymentId: "pay_declined",
      failureMessage: "Kartu ditolak.",
    });
  });

  test("refunds report the cumulative amount refunded on the charge", () => {
    const partial = deliver(eventPayloads.chargeRefunded({ id: "ch_test_1", paymentIntentId: "pi_test_1", amountIdr: 45_000, amountRefundedIdr: 15_000 }));
    const full = deliver(eventPayloads.chargeRefunded({ id: "ch_test_1", paymentIntentId: "pi_test_1", amountIdr: 45_000, amountRefundedIdr: 45_000 }));
    expect(partial).toEqual({
      kind: "refunded",
      paymentIntentId: "pi_test_1",
      paymentId: null,
      chargeId: "ch_test_1",
      amountIdr: 45_000,
      amountRefundedIdr: 15_000,
      fullyRefunded: false,
    });
    expect(full).toMatchObject({ amountRefundedIdr: 45_000, fullyRefunded: true });
  });

  test("an amount that is not whole Rupiah, or not IDR, is an error rather than a guess", () => {
    const fractional = eventPayloads.checkoutSessionCompleted({ amountIdr: 45_000, paymentId: "pay_x" });
    ((fractional.data as { object: JsonObject }).object).amount_total = 4_500_050;
    expect(() => deliver(fractional)).toThrow(StripeAmountError);

    expect(() => deliver(eventPayloads.checkoutSessionCompleted({ amountIdr: 45_000, paymentId: "pay_x", currency: "usd" }))).toThrow(
      StripeAmountError,
    );
    expect(() =>
      deliver(eventPayloads.chargeRefunded({ paymentIntentId: "pi_test_2", paymentId: "pay_x", amountIdr: 45_000, amountRefundedIdr: 1_000, currency: "usd" })),
    ).toThrow(StripeAmountError);
  });

  test("a refund in another currency that carries no payment id of ours is someone else's: ignored, not retried for days", () => {
    expect(
      deliver(eventPayloads.chargeRefunded({ paymentIntentId: "pi_dashboard", amountIdr: 45_000, amountRefundedIdr: 1_000, currency: "usd" })),
    ).toEqual({ kind: "ignored", type: "charge.refunded" });
  });

  test("sessions and PaymentIntents without our payment id were not made by this app and are ignored", () => {
    expect(deliver(eventPayloads.checkoutSessionCompleted({ id: "cs_test_link", amountIdr: 45_000, currency: "usd" }))).toEqual({
      kind: "ignored",
      type: "checkout.session.completed",
    });
    expect(deliver(eventPayloads.checkoutSessionExpired({ amountIdr: 45_000 }))).toMatchObject({ kind: "ignored" });
    expect(deliver(eventPayloads.paymentIntentPaymentFailed({ amountIdr: 45_000 }))).toEqual({
      kind: "ignored",
      type: "payment_intent.payment_failed",
    });
  });

  test("other events, and charges that did not come from a PaymentIntent, are ignored", () => {
    expect(deliver(signedEvent("customer.created", { id: "cus_test_1", object: "customer" }, WEBHOOK_SECRET).event)).toEqual({
      kind: "ignored",
      type: "customer.created",
    });
    expect(deliver(eventPayloads.chargeRefunded({ paymentIntentId: null, amountIdr: 45_000, amountRefundedIdr: 45_000 }))).toEqual({
      kind: "ignored",
      type: "charge.refunded",
    });
  });
});

describe("configuration", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  test("a secret key needs the webhook secret, and the minimum defaults to Rp10.000", () => {
    expect(() => parseEnv({ STRIPE_SECRET_KEY: "sk_test_abc" })).toThrow(/STRIPE_WEBHOOK_SECRET: .*required when STRIPE_SECRET_KEY is set/);
    expect(() => parseEnv({ STRIPE_SECRET_KEY: "pk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_x" })).toThrow(/STRIPE_SECRET_KEY/);
    expect(() => parseEnv({ STRIPE_API_BASE: "ftp://127.0.0.1:12111" })).toThrow(/STRIPE_API_BASE/);
    expect(parseEnv({}).STRIPE_MIN_AMOUNT_IDR).toBe(10_000);
    expect(parseEnv({ STRIPE_MIN_AMOUNT_IDR: "15000" }).STRIPE_MIN_AMOUNT_IDR).toBe(15_000);
  });

  test("without a key card payment is unavailable", async () => {
    vi.stubEnv("STRIPE_SECRET_KEY", "");
    const { getCardPaymentProvider } = await import("~/services/payments/stripe.server");
    expect(getCardPaymentProvider()).toBeNull();
  });

  test("with a key the one provider talks to STRIPE_API_BASE with the configured minimum", async () => {
    vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_from_env");
    vi.stubEnv("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
    vi.stubEnv("STRIPE_API_BASE", fake.url);
    vi.stubEnv("STRIPE_MIN_AMOUNT_IDR", "20000");
    const { getCardPaymentProvider } = await import("~/services/payments/stripe.server");

    const configured = getCardPaymentProvider();
    expect(configured).not.toBeNull();
    expect(getCardPaymentProvider()).toBe(configured);
    expect(configured!.minAmountIdr).toBe(20_000);
    await configured!.createCheckoutSession(checkoutInput({ paymentId: "pay_env" }));
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.headers.authorization).toBe("Bearer sk_test_from_env");
  });
});
