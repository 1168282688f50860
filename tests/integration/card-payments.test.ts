import { addToCart, createGuestCart } from "~/models/cart.server";
import { placeOrder } from "~/models/checkout.server";
import { applyCardPaymentEvent, attachCheckoutSession, type CardPaymentEvent } from "~/models/payment.server";
import { createTestDatabase } from "../helpers/database";
import { createRegions, createStoreWithProduct } from "../helpers/marketplace-fixtures";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let districtCode: string;
let eventCounter = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  districtCode = (await createRegions(db.prisma)).districtCode;
});
afterAll(() => db.cleanup());

/** A card order of 2 × Rp20.000 + Rp10.000 shipping = Rp50.000, with its Checkout session attached. */
async function cardOrder() {
  const shop = await createStoreWithProduct(db.prisma, { variants: [{ name: "250 g", priceIdr: 20000, stock: 5 }] });
  const cartId = await createGuestCart(db.prisma);
  await addToCart(db.prisma, cartId, shop.variantIds[0]!, 2);
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
  const sessionId = `cs_test_${placed.number}`;
  await attachCheckoutSession(db.prisma, placed.paymentId, sessionId, null);
  return { ...placed, sessionId, variantId: shop.variantIds[0]! };
}

async function state(orderId: string, variantId: string) {
  const order = await db.prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { payments: { select: { status: true, refundedIdr: true } }, storeOrders: { select: { status: true } } },
  });
  const variant = await db.prisma.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } });
  return { payment: order.payments[0]!.status, refundedIdr: order.payments[0]!.refundedIdr, storeOrder: order.storeOrders[0]!.status, stock: variant.stock };
}

const apply = (event: CardPaymentEvent, eventId = `evt_${++eventCounter}`) =>
  applyCardPaymentEvent(db.prisma, { eventId, type: event.kind, event });

describe("card payment events", () => {
  it("a completed checkout pays the order; the same event again changes nothing", async () => {
    const order = await cardOrder();
    const completed: CardPaymentEvent = { kind: "checkout_completed", sessionId: order.sessionId, paymentIntentId: "pi_1", amountIdr: 50000, paid: true };
    expect(await apply(completed, "evt_same")).toBe("applied");
    const after = await state(order.id, order.variantId);
    expect(after).toMatchObject({ payment: "SUCCEEDED", storeOrder: "PAID", stock: 3 });
    const events = await db.prisma.storeOrderEvent.count({ where: { storeOrder: { orderId: order.id } } });

    expect(await apply(completed, "evt_same")).toBe("duplicate");
    expect(await state(order.id, order.variantId)).toEqual(after);
    expect(await db.prisma.storeOrderEvent.count({ where: { storeOrder: { orderId: order.id } } })).toBe(events);
  });

  it("the same event delivered twice at the same moment is applied once", async () => {
    const order = await cardOrder();
    const completed: CardPaymentEvent = { kind: "checkout_completed", sessionId: order.sessionId, paymentIntentId: "pi_2", amountIdr: 50000, paid: true };
    const results = await Promise.all([apply(completed, "evt_twin"), apply(completed, "evt_twin")]);
    expect(results.sort()).toEqual(["applied", "duplicate"]);
    expect(await db.prisma.storeOrderEvent.count({ where: { storeOrder: { orderId: order.id }, toStatus: "PAID" } })).toBe(1);
  });

  it("an expiry that arrives after the success does not cancel a paid order", async () => {
    const order = await cardOrder();
    await apply({ kind: "checkout_completed", sessionId: order.sessionId, paymentIntentId: "pi_3", amountIdr: 50000, paid: true });
    await apply({ kind: "checkout_expired", sessionId: order.sessionId });
    expect(await state(order.id, order.variantId)).toMatchObject({ payment: "SUCCEEDED", storeOrder: "PAID", stock: 3 });
  });

  it("an expired session cancels the order and returns its stock once", async () => {
    const order = await cardOrder();
    await apply({ kind: "checkout_expired", sessionId: order.sessionId });
    await apply({ kind: "checkout_expired", sessionId: order.sessionId });
    expect(await state(order.id, order.variantId)).toMatchObject({ payment: "EXPIRED", storeOrder: "CANCELLED", stock: 5 });
  });

  it("a refund that arrives before the success ends refunded, and the late success cannot undo it", async () => {
    const order = await cardOrder();
    await apply({ kind: "checkout_completed", sessionId: order.sessionId, paymentIntentId: "pi_4", amountIdr: 50000, paid: false });
    await apply({ kind: "refunded", paymentIntentId: "pi_4", amountRefundedIdr: 50000 });
    await apply({ kind: "checkout_async_succeeded", sessionId: order.sessionId, paymentIntentId: "pi_4", amountIdr: 50000 });
    expect(await state(order.id, order.variantId)).toMatchObject({ payment: "REFUNDED", refundedIdr: 50000, storeOrder: "REFUNDED", stock: 5 });
  });

  it("partial refunds add up by the provider's cumulative total, never twice", async () => {
    const order = await cardOrder();
    await apply({ kind: "checkout_completed", sessionId: order.sessionId, paymentIntentId: "pi_5", amountIdr: 50000, paid: true });
    await apply({ kind: "refunded", paymentIntentId: "pi_5", amountRefundedIdr: 10000 });
    await apply({ kind: "refunded", paymentIntentId: "pi_5", amountRefundedIdr: 10000 });
    expect(await state(order.id, order.variantId)).toMatchObject({ payment: "PARTIALLY_REFUNDED", refundedIdr: 10000, storeOrder: "PAID" });
    await apply({ kind: "refunded", paymentIntentId: "pi_5", amountRefundedIdr: 50000 });
    await apply({ kind: "refunded", paymentIntentId: "pi_5", amountRefundedIdr: 10000 }); // an older total, late
    expect(await state(order.id, order.variantId)).toMatchObject({ payment: "REFUNDED", refundedIdr: 50000, storeOrder: "REFUNDED" });
  });

  it("a failed attempt leaves the order open for another try, and a later success pays it", async () => {
    const order = await cardOrder();
    await apply({ kind: "checkout_completed", sessionId: order.sessionId, paymentIntentId: "pi_6", amountIdr: 50000, paid: false });
    await apply({ kind: "payment_failed", paymentIntentId: "pi_6" });
    expect(await state(order.id, order.variantId)).toMatchObject({ payment: "FAILED", storeOrder: "AWAITING_PAYMENT" });
    await apply({ kind: "checkout_async_succeeded", sessionId: order.sessionId, paymentIntentId: "pi_6", amountIdr: 50000 });
    expect(await state(order.id, order.variantId)).toMatchObject({ payment: "SUCCEEDED", storeOrder: "PAID" });
  });

  it("never pays an order for a different amount", async () => {
    const order = await cardOrder();
    await apply({ kind: "checkout_completed", sessionId: order.sessionId, paymentIntentId: "pi_7", amountIdr: 5000, paid: true });
    expect(await state(order.id, order.variantId)).toMatchObject({ payment: "PENDING", storeOrder: "AWAITING_PAYMENT" });
    expect(await db.prisma.auditLog.count({ where: { action: "payment.amount_mismatch" } })).toBeGreaterThanOrEqual(1);
  });

  it("finds its payment by our id when the event comes before the session id was stored", async () => {
    const order = await cardOrder();
    await db.prisma.payment.update({ where: { id: order.paymentId }, data: { externalId: null } });
    await apply({ kind: "payment_failed", paymentIntentId: "pi_early", paymentId: order.paymentId });
    await apply({ kind: "checkout_completed", sessionId: "cs_late", paymentId: order.paymentId, paymentIntentId: "pi_early", amountIdr: 50000, paid: true });
    expect(await state(order.id, order.variantId)).toMatchObject({ payment: "SUCCEEDED", storeOrder: "PAID" });
    const stored = await db.prisma.payment.findUniqueOrThrow({ where: { id: order.paymentId }, select: { externalId: true, externalPaymentId: true } });
    expect(stored).toEqual({ externalId: "cs_late", externalPaymentId: "pi_early" });
  });

  it("money that arrives after a declined attempt and a cancel is flagged for refund", async () => {
    const order = await cardOrder();
    await apply({ kind: "payment_failed", paymentIntentId: "pi_declined", paymentId: order.paymentId });
    const { cancelOrderByBuyer } = await import("~/models/order.server");
    await cancelOrderByBuyer(db.prisma, { number: order.number, access: { guestToken: order.guestToken! }, actorId: null });
    const flagged = await db.prisma.auditLog.count({ where: { action: "payment.received_after_cancel", subjectId: order.paymentId } });
    await apply({ kind: "checkout_completed", sessionId: order.sessionId, paymentIntentId: "pi_declined", amountIdr: 50000, paid: true });
    expect(await state(order.id, order.variantId)).toMatchObject({ payment: "SUCCEEDED", storeOrder: "CANCELLED", stock: 5 });
    expect(await db.prisma.auditLog.count({ where: { action: "payment.received_after_cancel", subjectId: order.paymentId } })).toBe(flagged + 1);
  });

  it("an event for an unknown session is not recorded, so the provider delivers it again later", async () => {
    expect(await apply({ kind: "checkout_expired", sessionId: "cs_unknown" }, "evt_unknown")).toBe("unknown_payment");
    expect(await db.prisma.webhookEvent.count({ where: { id: "evt_unknown" } })).toBe(0);
  });
});
