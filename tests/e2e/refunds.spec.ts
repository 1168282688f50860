import { expect, test } from "@playwright/test";
import { addStoreMember, createUser, db } from "./db";
import { logIn } from "./helpers";
import {
  addToCartFromProductPage,
  chooseDestination,
  createShippingStore,
  deliverWebhook,
  expectedShippingIdr,
  fakeStripeEvent,
  fakeStripeRequests,
  fillRecipientAndPayment,
  orderPathOf,
  orderRows,
  postAddToCart,
  postCheckout,
  RECIPIENT,
  rupiah,
  STRIPE_FAKE,
  stockOf,
  storeSection,
} from "./shop-helpers";

const FAKE_CHECKOUT_PAGE = new RegExp(`^${STRIPE_FAKE.replace(/[.]/g, "\\.")}/pay/(cs_test_\\w+)$`);

test("a seller cancels a card order that was paid: Stripe refunds it once, the stock returns, the buyer sees the money coming back", async ({
  page,
  browser,
  request,
}) => {
  const rate = { provinceCode: "32", firstKgIdr: 12_000, additionalKgIdr: 6_000 };
  const shop = await createShippingStore({ variants: [{ name: "Tas anyaman", priceIdr: 75_000, stock: 4, weightGrams: 400 }], rates: [rate] });
  const variant = shop.variants[0]!;
  const total = 75_000 + expectedShippingIdr(rate, 400);
  const seller = await createUser({ roles: ["SELLER", "SHOPPER"] });
  await addStoreMember(shop.store.id, seller.id);

  // A guest pays by card at the Stripe stand-in; the signed webhook marks the order paid.
  await addToCartFromProductPage(page, { slug: shop.product.slug, variantName: variant.name, quantity: 1 });
  await page.getByRole("link", { name: "Lanjut ke pembayaran" }).click();
  await chooseDestination(page);
  await fillRecipientAndPayment(page, "Kartu debit/kredit");
  await page.getByRole("button", { name: "Buat pesanan" }).click();
  await page.waitForURL(FAKE_CHECKOUT_PAGE);
  const sessionId = FAKE_CHECKOUT_PAGE.exec(page.url())![1]!;
  const completed = await fakeStripeEvent(request, { type: "checkout.session.completed", sessionId });
  expect((await deliverWebhook(request, completed.payload, completed.header)).status()).toBe(200);
  const payment = await db.payment.findFirstOrThrow({
    where: { externalId: sessionId },
    select: { id: true, status: true, order: { select: { number: true, storeOrders: { select: { id: true } } } } },
  });
  expect(payment.status).toBe("SUCCEEDED");
  const storeOrderId = payment.order.storeOrders[0]!.id;
  expect(await stockOf(variant.id)).toBe(3);

  // The seller cannot send it: they cancel on the order page, which says the money goes back.
  const sellerContext = await browser.newContext();
  const sellerPage = await sellerContext.newPage();
  await logIn(sellerPage, seller);
  await sellerPage.goto(`/penjual/pesanan/${storeOrderId}`);
  await sellerPage.getByText("Batalkan pesanan", { exact: true }).first().click();
  await expect(sellerPage.getByText(`uang ${rupiah(total)} dikembalikan ke pembeli`)).toBeVisible();
  await sellerPage.getByLabel("Alasan pembatalan (dibaca pembeli)").fill("Bahan anyaman habis");
  await sellerPage.getByRole("button", { name: "Batalkan pesanan" }).click();
  await expect(sellerPage.getByRole("status")).toContainText("Pesanan dibatalkan.");
  await expect(sellerPage.getByRole("button", { name: "Batalkan pesanan" })).toHaveCount(0);

  // One refund at Stripe, for exactly this order, under the refund's own idempotency key.
  const refund = await db.refund.findUniqueOrThrow({ where: { storeOrderId }, select: { id: true, status: true, amountIdr: true } });
  expect(refund).toMatchObject({ status: "SUCCEEDED", amountIdr: total });
  const refundCalls = (await fakeStripeRequests(request)).filter((r) => r.path === "/v1/refunds" && r.form["metadata[paymentId]"] === payment.id);
  expect(refundCalls).toHaveLength(1);
  expect(refundCalls[0]!.form["amount"]).toBe(String(total * 100));
  expect(refundCalls[0]!.idempotencyKey).toContain(refund.id);
  expect(await stockOf(variant.id)).toBe(4);
  expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id }, select: { status: true, refundedIdr: true } }))).toEqual({ status: "REFUNDED", refundedIdr: total });

  // The same cancel posted again is refused and refunds nothing more.
  const again = await sellerPage.request.post(`/penjual/pesanan/${storeOrderId}`, { form: { intent: "cancel", reason: "Bahan anyaman habis" }, maxRedirects: 0 });
  expect(again.status()).toBe(409);
  expect((await fakeStripeRequests(request)).filter((r) => r.path === "/v1/refunds" && r.form["metadata[paymentId]"] === payment.id && !r.replayed)).toHaveLength(1);
  await sellerContext.close();

  // The buyer's order page (the guest's browser) tells them why and that the money is back.
  await page.goto(`/pesanan/${payment.order.number}`);
  const part = storeSection(page, shop.store.name);
  await expect(part).toContainText("Bahan anyaman habis");
  await expect(part.getByTestId("refund-status")).toHaveText(`Dana sudah dikembalikan: ${rupiah(total)}`);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a paid bank-transfer order cancelled by the seller is sent back by an admin, who records the reference; the buyer sees it", async ({
    page,
    browser,
    playwright,
    baseURL,
  }) => {
    const shop = await createShippingStore({ variants: [{ name: "Gula aren 500 g", priceIdr: 32_000, stock: 5 }] });
    const seller = await createUser({ roles: ["SELLER", "SHOPPER"] });
    await addStoreMember(shop.store.id, seller.id);
    const guest = await playwright.request.newContext({ baseURL });
    expect((await postAddToCart(guest, shop.variants[0]!.id, 1)).status()).toBe(302);
    const checkout = await postCheckout(guest, { paymentMethod: "BANK_TRANSFER" });
    expect(checkout.status()).toBe(302);
    const orderPath = orderPathOf(checkout);
    const number = /PM-[A-Z0-9-]+/.exec(orderPath)![0];
    await guest.dispose();
    const rows = await orderRows(number);
    const paymentId = rows.payments[0]!.id;
    const total = (await db.order.findUniqueOrThrow({ where: { number }, select: { totalIdr: true } })).totalIdr;

    const admin = await createUser({ roles: ["ADMIN"] });
    const adminContext = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const adminPage = await adminContext.newPage();
    await logIn(adminPage, admin);
    expect((await adminPage.request.post("/admin/transfer", { form: { intent: "confirm", paymentId } })).status()).toBe(200);

    // The seller cannot deliver after all and cancels: the page says the money goes back.
    await logIn(page, seller);
    const storeOrderId = (await db.storeOrder.findFirstOrThrow({ where: { order: { number } }, select: { id: true } })).id;
    await page.goto(`/penjual/pesanan/${storeOrderId}`);
    await page.getByText("Batalkan pesanan", { exact: true }).first().click();
    // The only part of the order: the transfer's unique code goes back too, and the warning says so.
    await expect(page.getByText(`uang ${rupiah(total)} dikembalikan ke pembeli`)).toBeVisible();
    await page.getByLabel("Alasan pembatalan (dibaca pembeli)").fill("Gula aren habis");
    await page.getByRole("button", { name: "Batalkan pesanan" }).click();
    await expect(page.getByRole("status")).toContainText("Pesanan dibatalkan.");
    await expect(page.getByText("Menunggu admin mentransfer balik")).toBeVisible();

    // The admin sees whom to pay back and how much (the unique code included), and records the transfer.
    await adminPage.goto("/admin");
    await adminPage.getByRole("link", { name: "Pengembalian dana" }).click();
    const card = adminPage.getByRole("listitem").filter({ hasText: number });
    await expect(card.getByRole("heading", { level: 2 })).toHaveText(rupiah(total));
    await expect(card).toContainText(`Pembeli: ${RECIPIENT.name} · 0812-3456-7890`);
    await expect(card).toContainText("Alasan: Gula aren habis");
    await card.getByLabel("Referensi transfer balik").fill("BALIK-E2E-01");
    await card.getByRole("button", { name: "Catat sudah dikembalikan" }).click();
    await expect(adminPage.getByRole("status")).toHaveText("Pengembalian dana tercatat.");
    await expect(adminPage.getByRole("listitem").filter({ hasText: number })).toHaveCount(0);
    // Recording it twice is refused.
    const refundId = (await db.refund.findUniqueOrThrow({ where: { storeOrderId }, select: { id: true } })).id;
    expect((await adminPage.request.post("/admin/pengembalian", { form: { intent: "complete", refundId, bankReference: "BALIK-E2E-02" } })).status()).toBe(409);
    await adminContext.close();

    expect(await db.refund.findUniqueOrThrow({ where: { storeOrderId }, select: { status: true, bankReference: true, amountIdr: true } })).toEqual({
      status: "SUCCEEDED",
      bankReference: "BALIK-E2E-01",
      amountIdr: total,
    });
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { status: true, refundedIdr: true } })).toEqual({ status: "REFUNDED", refundedIdr: total });
    expect(await stockOf(shop.variants[0]!.id)).toBe(5);

    // The guest's order page says the money is back.
    const buyer = await browser.newPage({ baseURL, javaScriptEnabled: false });
    await buyer.goto(orderPath);
    await expect(storeSection(buyer, shop.store.name).getByTestId("refund-status")).toHaveText(`Dana sudah dikembalikan: ${rupiah(total)}`);
    await buyer.close();
  });
});
