import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { db } from "./db";
import {
  addToCartFromProductPage,
  chooseDestination,
  createShippingStore,
  deliverWebhook,
  expectedShippingIdr,
  fakeStripeEvent,
  fakeStripeRequests,
  fakeStripeSessions,
  fillRecipientAndPayment,
  rupiah,
  statusBadge,
  stockOf,
  storeSection,
  STRIPE_FAKE,
} from "./shop-helpers";

const FAKE_CHECKOUT_PAGE = new RegExp(`^${STRIPE_FAKE.replace(/[.]/g, "\\.")}/pay/(cs_test_\\w+)$`);

/** A store and a product a guest pays for by card; the total is well above the card minimum (Rp 10.000). */
async function cardShop() {
  const rate = { provinceCode: "32", firstKgIdr: 11_000, additionalKgIdr: 6_000 };
  const shop = await createShippingStore({ variants: [{ name: "Selendang tenun", priceIdr: 60_000, stock: 7, weightGrams: 300 }], rates: [rate] });
  return { ...shop, variant: shop.variants[0]!, total: 60_000 + expectedShippingIdr(rate, 300) };
}

async function cardCheckout(page: Page, shop: Awaited<ReturnType<typeof cardShop>>) {
  await addToCartFromProductPage(page, { slug: shop.product.slug, variantName: shop.variant.name, quantity: 1 });
  await page.getByRole("link", { name: "Lanjut ke pembayaran" }).click();
  await chooseDestination(page);
  await fillRecipientAndPayment(page, "Kartu debit/kredit");
}

/** The order whose card payment is this Checkout Session, as the database has it. */
async function paymentOfSession(sessionId: string) {
  return db.payment.findFirstOrThrow({
    where: { provider: "STRIPE", externalId: sessionId },
    select: {
      id: true,
      status: true,
      amountIdr: true,
      order: { select: { id: true, number: true, totalIdr: true, storeOrders: { select: { id: true, status: true } } } },
    },
  });
}

/** What a webhook could change: the payment, its order's store orders and their history, the stock. */
async function paymentState(sessionId: string, variantId: string) {
  const payment = await paymentOfSession(sessionId);
  return {
    payment: payment.status,
    storeOrders: payment.order.storeOrders.map((so) => so.status),
    events: await db.storeOrderEvent.count({ where: { storeOrder: { orderId: payment.order.id } } }),
    stock: await stockOf(variantId),
  };
}

async function checkoutSessionRequests(request: APIRequestContext, orderNumber: string) {
  return (await fakeStripeRequests(request)).filter(
    (r) => r.method === "POST" && r.path === "/v1/checkout/sessions" && r.form["metadata[orderNumber]"] === orderNumber,
  );
}

/** Sum of the session's line items, in the minor units sent to Stripe. */
function sessionAmount(form: Record<string, string>): number {
  let total = 0;
  for (let i = 0; form[`line_items[${i}][quantity]`] !== undefined; i++) {
    total += Number(form[`line_items[${i}][price_data][unit_amount]`]) * Number(form[`line_items[${i}][quantity]`]);
  }
  return total;
}

test("a guest pays by card: Stripe Checkout for the exact total, paid on the signed webhook, once, and a late expiry changes nothing", async ({
  page,
  request,
}) => {
  const shop = await cardShop();
  await cardCheckout(page, shop);
  await page.getByRole("button", { name: "Buat pesanan" }).click();

  await page.waitForURL(FAKE_CHECKOUT_PAGE);
  const sessionId = FAKE_CHECKOUT_PAGE.exec(page.url())![1]!;
  await expect(page.getByRole("heading", { name: "Stripe test checkout" })).toBeVisible();
  const payment = await paymentOfSession(sessionId);
  const number = payment.order.number;
  expect(payment.order.totalIdr).toBe(shop.total);
  expect(payment).toMatchObject({ status: "PENDING", amountIdr: shop.total });
  expect(payment.order.storeOrders.map((so) => so.status)).toEqual(["AWAITING_PAYMENT"]);
  expect(await stockOf(shop.variant.id)).toBe(6);

  const [created, ...more] = await checkoutSessionRequests(request, number);
  expect(more).toHaveLength(0);
  expect(created!.status).toBe(200);
  // IDR is a two-decimal currency in Stripe's API: Rupiah × 100.
  expect(sessionAmount(created!.form)).toBe(shop.total * 100);
  expect(created!.form["line_items[0][price_data][currency]"]).toBe("idr");
  expect(created!.form["mode"]).toBe("payment");
  expect(created!.idempotencyKey).toBeTruthy();
  expect(created!.idempotencyKey).toContain(payment.id);

  // Back from Stripe before the webhook arrived: the order waits for the payment.
  await page.getByRole("link", { name: "Return to the shop" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Pesanan ${number}` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: `Kartu · ${rupiah(shop.total)}` })).toBeVisible();
  const part = storeSection(page, shop.store.name);
  await expect(statusBadge(part, "Menunggu pembayaran")).toBeVisible();
  await expect(page.getByText(/^Menunggu pembayaran kartu/)).toBeVisible();
  const before = await paymentState(sessionId, shop.variant.id);

  const completed = await fakeStripeEvent(request, { type: "checkout.session.completed", sessionId });

  // The same event with a signature that is not Stripe's: refused, nothing recorded, nothing paid.
  const forged = completed.header.replace(/v1=[0-9a-f]+/, `v1=${"0".repeat(64)}`);
  expect(forged).not.toBe(completed.header);
  expect((await deliverWebhook(request, completed.payload, forged)).status()).toBe(400);
  expect((await deliverWebhook(request, completed.payload, "")).status()).toBe(400);
  expect(await paymentState(sessionId, shop.variant.id)).toEqual(before);
  expect(await db.webhookEvent.count({ where: { id: completed.event.id } })).toBe(0);

  const delivered = await deliverWebhook(request, completed.payload, completed.header);
  expect(delivered.status()).toBe(200);
  await page.reload();
  await expect(statusBadge(part, "Sudah dibayar")).toBeVisible();
  await expect(page.getByText("Status pembayaran: Berhasil")).toBeVisible();
  await expect(page.getByRole("button", { name: "Bayar dengan kartu" })).toHaveCount(0);
  const paid = await paymentState(sessionId, shop.variant.id);
  expect(paid).toEqual({ payment: "SUCCEEDED", storeOrders: ["PAID"], events: before.events + 1, stock: 6 });

  // Stripe delivers again (it does, at least once): acknowledged, nothing changes.
  const repeated = await deliverWebhook(request, completed.payload, completed.header);
  expect(repeated.status()).toBe(200);
  expect(await paymentState(sessionId, shop.variant.id)).toEqual(paid);
  expect(await db.webhookEvent.count({ where: { id: completed.event.id } })).toBe(1);

  // The session expires later (events arrive in any order): a paid order stays paid, the stock stays sold.
  const expired = await fakeStripeEvent(request, { type: "checkout.session.expired", sessionId });
  expect((await deliverWebhook(request, expired.payload, expired.header)).status()).toBe(200);
  expect(await paymentState(sessionId, shop.variant.id)).toEqual(paid);
  await page.reload();
  await expect(statusBadge(part, "Sudah dibayar")).toBeVisible();
  await expect(page.getByText("Status pembayaran: Berhasil")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("choosing card answers 303 to Stripe's page, and paying later from the order page reopens the same session", async ({ page, request }) => {
    const shop = await cardShop();
    await cardCheckout(page, shop);
    const answer = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/checkout");
    await page.getByRole("button", { name: "Buat pesanan" }).click();

    const response = await answer;
    expect(response.status()).toBe(303);
    expect(response.headers()["location"]).toMatch(FAKE_CHECKOUT_PAGE);
    await page.waitForURL(FAKE_CHECKOUT_PAGE);
    const sessionId = FAKE_CHECKOUT_PAGE.exec(page.url())![1]!;
    const { order } = await paymentOfSession(sessionId);

    // The buyer leaves Stripe's page without paying and comes back to pay from the order page.
    await page.goto("/pesanan");
    await page.getByRole("link", { name: order.number, exact: true }).click();
    await expect(statusBadge(storeSection(page, shop.store.name), "Menunggu pembayaran")).toBeVisible();
    await page.getByRole("button", { name: "Bayar dengan kartu" }).click();
    await page.waitForURL(FAKE_CHECKOUT_PAGE);
    expect(FAKE_CHECKOUT_PAGE.exec(page.url())![1]).toBe(sessionId);

    // One Checkout Session for one payment, however often the buyer asks to pay.
    const sessions = await fakeStripeSessions(request);
    expect(sessions.filter((session) => session.metadata.orderNumber === order.number).map((session) => session.id)).toEqual([sessionId]);
    const creations = await checkoutSessionRequests(request, order.number);
    expect(new Set(creations.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(await db.payment.count({ where: { orderId: order.id } })).toBe(1);
    await expect(page.getByText(`IDR ${shop.total}`)).toBeVisible();
  });
});
