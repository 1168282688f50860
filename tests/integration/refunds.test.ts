import type Stripe from "stripe";
import { addToCart, createGuestCart } from "~/models/cart.server";
import { placeOrder } from "~/models/checkout.server";
import { applySellerAction } from "~/models/fulfilment.server";
import { applyCardPaymentEvent, attachCheckoutSession } from "~/models/payment.server";
import { completeManualRefund, retryFailedCardRefund, retryPendingCardRefunds } from "~/models/refund.server";
import { createStripeCardPaymentProvider, normalizeStripeEvent, type CardPaymentProvider } from "~/services/payments/stripe.server";
import { createTestDatabase } from "../helpers/database";
import { createRegions, createStoreWithProduct } from "../helpers/marketplace-fixtures";
import { startStripeFakeServer, type StripeFakeServer } from "../helpers/stripe-fake-server";

const WEBHOOK_SECRET = "whsec_test_refunds";
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let districtCode: string;
let fake: StripeFakeServer;
let provider: CardPaymentProvider;
let eventCounter = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  districtCode = (await createRegions(db.prisma)).districtCode;
  fake = await startStripeFakeServer({ webhookSecret: WEBHOOK_SECRET });
  provider = createStripeCardPaymentProvider({ secretKey: "sk_test_refunds", webhookSecret: WEBHOOK_SECRET, apiBase: fake.url, minAmountIdr: 10_000, maxNetworkRetries: 0 });
});
afterAll(async () => {
  await fake.stop();
  await db.cleanup();
});

async function seller(storeId: string) {
  const user = await db.prisma.user.create({ data: { email: `s-${storeId}@test.id`, name: "Penjual" }, select: { id: true } });
  await db.prisma.storeMember.create({ data: { storeId, userId: user.id } });
  return user.id;
}

async function deliverEvent(signed: { payload: string; header: string }) {
  const event = provider.parseWebhookEvent(signed.payload, signed.header) as Stripe.Event;
  return applyCardPaymentEvent(db.prisma, { eventId: `${event.id}-${++eventCounter}`, type: event.type, event: normalizeStripeEvent(event) });
}

/**
 * A card order from one or two stores (2 × Rp20.000 + Rp10.000 shipping = Rp50.000 per store), paid
 * through the Stripe stand-in: a real Checkout Session made by our adapter, completed, and its signed
 * webhook event applied.
 */
async function paidCardOrder(storeCount = 1) {
  const shops = [];
  for (let i = 0; i < storeCount; i++) {
    const shop = await createStoreWithProduct(db.prisma, { variants: [{ name: "250 g", priceIdr: 20000, stock: 10 }] });
    shops.push({ ...shop, sellerId: await seller(shop.store.id) });
  }
  const cartId = await createGuestCart(db.prisma);
  for (const shop of shops) await addToCart(db.prisma, cartId, shop.variantIds[0]!, 2);
  const placed = await placeOrder(db.prisma, {
    cartId,
    buyerId: null,
    email: "pembeli@contoh.id",
    recipientName: "Budi",
    phone: "6281234567890",
    addressLine: "Jl. Melati 3",
    districtCode,
    postalCode: null,
    paymentMethod: "CARD",
    paymentWindowHours: 24,
  });
  const session = await provider.createCheckoutSession({
    paymentId: placed.paymentId,
    orderNumber: placed.number,
    amountIdr: placed.totalIdr,
    customerEmail: null,
    successUrl: "http://127.0.0.1/ok",
    cancelUrl: "http://127.0.0.1/batal",
    expiresAt: new Date(Math.floor((Date.now() + 2 * 3_600_000) / 1000) * 1000),
  });
  await attachCheckoutSession(db.prisma, placed.paymentId, session.sessionId, null);
  const completed = fake.simulate({ type: "checkout.session.completed", sessionId: session.sessionId }, WEBHOOK_SECRET);
  expect(await deliverEvent(completed)).toBe("applied");
  const storeOrders = await db.prisma.storeOrder.findMany({ where: { orderId: placed.id }, select: { id: true, storeId: true, status: true } });
  expect(storeOrders.every((so) => so.status === "PAID")).toBe(true);
  const paymentIntentId = (completed.event.data as { object: { payment_intent: string } }).object.payment_intent;
  return {
    placed,
    paymentIntentId,
    parts: shops.map((shop) => ({ ...shop, storeOrderId: storeOrders.find((so) => so.storeId === shop.store.id)!.id })),
  };
}

const payment = (orderId: string) => db.prisma.payment.findFirstOrThrow({ where: { orderId }, select: { status: true, refundedIdr: true, amountIdr: true } });
const stock = async (variantId: string) => (await db.prisma.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } })).stock;
const refundsInStripe = (paymentIntentId: string) => fake.refunds.filter((r) => r.payment_intent === paymentIntentId);

describe("refunds of card payments through Stripe", () => {
  it("a seller cancelling a paid order refunds it once, returns the stock once, and the webhook changes nothing more", async () => {
    const { placed, parts, paymentIntentId } = await paidCardOrder();
    const part = parts[0]!;
    await applySellerAction(db.prisma, { userId: part.sellerId, storeOrderId: part.storeOrderId, action: { kind: "process" }, cardPayments: provider });
    const result = await applySellerAction(db.prisma, {
      userId: part.sellerId,
      storeOrderId: part.storeOrderId,
      action: { kind: "cancel", reason: "Bahan baku habis" },
      cardPayments: provider,
    });
    expect(result.refund).toMatchObject({ kind: "card", amountIdr: 50000, status: "SUCCEEDED" });
    const sent = refundsInStripe(paymentIntentId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ amount: 5_000_000, currency: "idr", metadata: { paymentId: placed.paymentId, refundId: result.refund!.refundId } });
    // The idempotency key is the refund row's: a retry of this refund is never a second refund.
    const request = fake.requests.find((r) => r.path === "/v1/refunds" && (r.body as { metadata?: { refundId?: string } }).metadata?.refundId === result.refund!.refundId);
    expect(request?.idempotencyKey).toContain(result.refund!.refundId);
    expect(await payment(placed.id)).toMatchObject({ status: "REFUNDED", refundedIdr: 50000 });
    expect(await stock(part.variantIds[0]!)).toBe(10);
    const row = await db.prisma.refund.findUniqueOrThrow({ where: { storeOrderId: part.storeOrderId }, select: { status: true, externalId: true, reason: true } });
    expect(row).toMatchObject({ status: "SUCCEEDED", reason: "Bahan baku habis" });
    expect(row.externalId).toBe(sent[0]!.id);

    // Stripe's charge.refunded event arrives afterwards (twice): nothing moves again.
    const refunded = fake.simulate({ type: "charge.refunded", paymentIntentId }, WEBHOOK_SECRET);
    expect(await deliverEvent(refunded)).toBe("applied");
    expect(await deliverEvent(refunded)).toBe("applied");
    expect(await payment(placed.id)).toMatchObject({ status: "REFUNDED", refundedIdr: 50000 });
    expect(await stock(part.variantIds[0]!)).toBe(10);

    // A second cancel or a refund of the same part is refused and sends nothing.
    for (const action of [{ kind: "cancel", reason: "Bahan baku habis" }, { kind: "refund", reason: "Lagi ya" }] as const) {
      await expect(applySellerAction(db.prisma, { userId: part.sellerId, storeOrderId: part.storeOrderId, action, cardPayments: provider })).rejects.toMatchObject({ code: "not_allowed" });
    }
    expect(refundsInStripe(paymentIntentId)).toHaveLength(1);
  });

  it("a lost answer from Stripe is asked again with the same key and refunds exactly once", async () => {
    const { placed, parts, paymentIntentId } = await paidCardOrder();
    const part = parts[0]!;
    fake.dropNextResponses(1);
    const result = await applySellerAction(db.prisma, { userId: part.sellerId, storeOrderId: part.storeOrderId, action: { kind: "cancel", reason: "Tidak bisa kirim" }, cardPayments: provider });
    const calls = fake.requests.filter((r) => r.path === "/v1/refunds" && r.idempotencyKey?.includes(result.refund!.refundId));
    expect(calls.map((c) => c.replayed)).toEqual([false, true]);
    expect(refundsInStripe(paymentIntentId)).toHaveLength(1);
    expect(result.refund).toMatchObject({ status: "SUCCEEDED" });
    expect(await payment(placed.id)).toMatchObject({ status: "REFUNDED", refundedIdr: 50000 });
  });

  it("when Stripe cannot be reached the refund waits, and the background retry refunds exactly once", async () => {
    const { placed, parts, paymentIntentId } = await paidCardOrder();
    const part = parts[0]!;
    const unreachable = createStripeCardPaymentProvider({ secretKey: "sk_test_refunds", webhookSecret: WEBHOOK_SECRET, apiBase: "http://127.0.0.1:9", minAmountIdr: 10_000, maxNetworkRetries: 0 });
    const result = await applySellerAction(db.prisma, { userId: part.sellerId, storeOrderId: part.storeOrderId, action: { kind: "cancel", reason: "Tidak bisa kirim" }, cardPayments: unreachable });
    expect(result.refund).toMatchObject({ status: "PENDING" });
    expect(await payment(placed.id)).toMatchObject({ status: "SUCCEEDED", refundedIdr: 0 });
    expect(refundsInStripe(paymentIntentId)).toHaveLength(0);
    // The order is cancelled and its stock back at once; only the money waits.
    expect((await db.prisma.storeOrder.findUniqueOrThrow({ where: { id: part.storeOrderId }, select: { status: true } })).status).toBe("CANCELLED");

    // Not retried before a minute has passed; then asked again, twice even: one refund.
    expect(await retryPendingCardRefunds(db.prisma, provider, new Date())).toBe(0);
    const later = new Date(Date.now() + 5 * 60_000);
    await Promise.all([retryPendingCardRefunds(db.prisma, provider, later), retryPendingCardRefunds(db.prisma, provider, later)]);
    expect(refundsInStripe(paymentIntentId)).toHaveLength(1);
    expect(await payment(placed.id)).toMatchObject({ status: "REFUNDED", refundedIdr: 50000 });
    expect((await db.prisma.refund.findUniqueOrThrow({ where: { storeOrderId: part.storeOrderId }, select: { status: true } })).status).toBe("SUCCEEDED");
  });

  it("one store of a two-store order cancels: only its part goes back; the other store carries on", async () => {
    const { placed, parts, paymentIntentId } = await paidCardOrder(2);
    const [a, b] = parts as [(typeof parts)[0], (typeof parts)[0]];
    await applySellerAction(db.prisma, { userId: a.sellerId, storeOrderId: a.storeOrderId, action: { kind: "cancel", reason: "Stok habis" }, cardPayments: provider });
    expect(refundsInStripe(paymentIntentId).map((r) => r.amount)).toEqual([5_000_000]);
    expect(await payment(placed.id)).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedIdr: 50000, amountIdr: 100000 });
    // Store B ships and the buyer later gets B's part refunded too: the whole payment is then refunded.
    await applySellerAction(db.prisma, { userId: b.sellerId, storeOrderId: b.storeOrderId, action: { kind: "process" }, cardPayments: provider });
    await applySellerAction(db.prisma, { userId: b.sellerId, storeOrderId: b.storeOrderId, action: { kind: "ship", courier: "JNE", waybill: "JNE77889900" }, cardPayments: provider });
    const before = await stock(b.variantIds[0]!);
    const refundB = await applySellerAction(db.prisma, { userId: b.sellerId, storeOrderId: b.storeOrderId, action: { kind: "refund", reason: "Paket hilang di jalan" }, cardPayments: provider });
    expect(refundB.refund).toMatchObject({ status: "SUCCEEDED", amountIdr: 50000 });
    expect(await stock(b.variantIds[0]!)).toBe(before); // shipped goods do not come back into stock
    expect(await payment(placed.id)).toMatchObject({ status: "REFUNDED", refundedIdr: 100000 });
    const statuses = await db.prisma.storeOrder.findMany({ where: { orderId: placed.id }, select: { status: true }, orderBy: { createdAt: "asc" } });
    expect(statuses.map((s) => s.status).sort()).toEqual(["CANCELLED", "REFUNDED"]);
  });

  it("Stripe refusing a refund leaves it failed for an admin, who can ask again once the cause is fixed", async () => {
    const { placed, parts } = await paidCardOrder();
    const part = parts[0]!;
    const realIntent = (await db.prisma.payment.findFirstOrThrow({ where: { orderId: placed.id }, select: { externalPaymentId: true } })).externalPaymentId;
    await db.prisma.payment.updateMany({ where: { orderId: placed.id }, data: { externalPaymentId: "pi_not_at_stripe" } });
    const result = await applySellerAction(db.prisma, { userId: part.sellerId, storeOrderId: part.storeOrderId, action: { kind: "cancel", reason: "Tidak bisa kirim" }, cardPayments: provider });
    expect(result.refund).toMatchObject({ status: "FAILED" });
    expect(await payment(placed.id)).toMatchObject({ refundedIdr: 0 });

    await db.prisma.payment.updateMany({ where: { orderId: placed.id }, data: { externalPaymentId: realIntent } });
    const admin = await db.prisma.user.create({ data: { email: `admin-${placed.number}@test.id`, name: "Admin" }, select: { id: true } });
    const refund = await db.prisma.refund.findUniqueOrThrow({ where: { storeOrderId: part.storeOrderId }, select: { id: true } });
    expect(await retryFailedCardRefund(db.prisma, provider, { refundId: refund.id, adminId: admin.id })).toBe("SUCCEEDED");
    await expect(retryFailedCardRefund(db.prisma, provider, { refundId: refund.id, adminId: admin.id })).rejects.toMatchObject({ code: "not_allowed" });
    expect(await payment(placed.id)).toMatchObject({ status: "REFUNDED", refundedIdr: 50000 });
  });
});

describe("review fixes: card refunds are settled only by what Stripe did for them", () => {
  it("a refund made in Stripe's Dashboard for another store does not mark a waiting refund as done", async () => {
    const { placed, parts, paymentIntentId } = await paidCardOrder(2);
    const [a] = parts as [(typeof parts)[0]];
    const unreachable = createStripeCardPaymentProvider({ secretKey: "sk_test_refunds", webhookSecret: WEBHOOK_SECRET, apiBase: "http://127.0.0.1:9", minAmountIdr: 10_000, maxNetworkRetries: 0 });
    const result = await applySellerAction(db.prisma, { userId: a.sellerId, storeOrderId: a.storeOrderId, action: { kind: "cancel", reason: "Stok habis" }, cardPayments: unreachable });
    expect(result.refund).toMatchObject({ status: "PENDING" });

    // An admin refunds Rp50.000 in the Dashboard for store B's complaint; Stripe reports a total of Rp50.000.
    await provider.refund({ paymentIntentId, paymentId: "dashboard", refundId: "dashboard-1", amountIdr: 50000 });
    expect(await deliverEvent(fake.simulate({ type: "charge.refunded", paymentIntentId }, WEBHOOK_SECRET))).toBe("applied");
    expect((await db.prisma.refund.findUniqueOrThrow({ where: { storeOrderId: a.storeOrderId }, select: { status: true } })).status).toBe("PENDING");

    // The minute job finds no Stripe refund for A's id and makes it: both refunds exist, each once.
    await retryPendingCardRefunds(db.prisma, provider, new Date(Date.now() + 5 * 60_000));
    expect(refundsInStripe(paymentIntentId)).toHaveLength(2);
    expect((await db.prisma.refund.findUniqueOrThrow({ where: { storeOrderId: a.storeOrderId }, select: { status: true } })).status).toBe("SUCCEEDED");
    // Stripe's next event brings the exact total.
    await deliverEvent(fake.simulate({ type: "charge.refunded", paymentIntentId }, WEBHOOK_SECRET));
    expect(await payment(placed.id)).toMatchObject({ status: "REFUNDED", refundedIdr: 100000 });
  });

  it("an admin's retry after a refusal is a new attempt with a new key; a refund settled elsewhere can be closed by hand", async () => {
    const { placed, parts, paymentIntentId } = await paidCardOrder(2);
    const [a, b] = parts as [(typeof parts)[0], (typeof parts)[0]];
    const admin = await db.prisma.user.create({ data: { email: `admin2-${placed.number}@test.id`, name: "Admin" }, select: { id: true } });
    const realIntent = (await db.prisma.payment.findFirstOrThrow({ where: { orderId: placed.id }, select: { externalPaymentId: true } })).externalPaymentId;
    await db.prisma.payment.updateMany({ where: { orderId: placed.id }, data: { externalPaymentId: "pi_not_at_stripe" } });
    for (const part of [a, b]) {
      const r = await applySellerAction(db.prisma, { userId: part.sellerId, storeOrderId: part.storeOrderId, action: { kind: "cancel", reason: "Tidak bisa kirim" }, cardPayments: provider });
      expect(r.refund).toMatchObject({ status: "FAILED" });
    }
    await db.prisma.payment.updateMany({ where: { orderId: placed.id }, data: { externalPaymentId: realIntent } });
    const refundA = await db.prisma.refund.findUniqueOrThrow({ where: { storeOrderId: a.storeOrderId }, select: { id: true } });
    expect(await retryFailedCardRefund(db.prisma, provider, { refundId: refundA.id, adminId: admin.id })).toBe("SUCCEEDED");
    const keys = fake.requests.filter((r) => r.path === "/v1/refunds" && r.method === "POST" && r.idempotencyKey?.includes(refundA.id)).map((r) => r.idempotencyKey);
    expect(keys).toEqual([`refund:${placed.paymentId}:50000:${refundA.id}`, `refund:${placed.paymentId}:50000:${refundA.id}:1`]);
    expect(refundsInStripe(paymentIntentId)).toHaveLength(1);

    // B's money went back in the Dashboard: the admin records it instead of asking Stripe again.
    const refundB = await db.prisma.refund.findUniqueOrThrow({ where: { storeOrderId: b.storeOrderId }, select: { id: true } });
    await completeManualRefund(db.prisma, { refundId: refundB.id, bankReference: "re_dashboard_77", adminId: admin.id });
    expect(await db.prisma.refund.findUniqueOrThrow({ where: { id: refundB.id }, select: { status: true, bankReference: true } })).toEqual({ status: "SUCCEEDED", bankReference: "re_dashboard_77" });
    expect(await payment(placed.id)).toMatchObject({ status: "REFUNDED", refundedIdr: 100000 });
  });
});
