import { expect, test } from "@playwright/test";
import { addStoreMember, createUser, db } from "./db";
import { logIn } from "./helpers";
import { createShippingStore, orderPathOf, postAddToCart, postCheckout, statusBadge, storeSection } from "./shop-helpers";

test("a seller ships a cash-on-delivery order with its waybill and marks it delivered and paid; the buyer sees each step", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  const shop = await createShippingStore({ variants: [{ name: "Keripik 250 g", priceIdr: 18_000, stock: 8 }] });
  const seller = await createUser({ roles: ["SELLER", "SHOPPER"] });
  await addStoreMember(shop.store.id, seller.id);

  // A guest orders over HTTP, as the checkout form would.
  const guest = await playwright.request.newContext({ baseURL });
  expect((await postAddToCart(guest, shop.variants[0]!.id, 2)).status()).toBe(302);
  const checkout = await postCheckout(guest, { paymentMethod: "COD" });
  expect(checkout.status()).toBe(302);
  const orderPath = orderPathOf(checkout);
  const number = /PM-[A-Z0-9-]+/.exec(orderPath)![0];
  await guest.dispose();

  await logIn(page, seller);
  await page.goto("/penjual");
  const card = page.getByRole("listitem").filter({ hasText: number });
  await expect(card).toContainText("Sedang disiapkan");
  await expect(card).toContainText("2 × ");
  await card.getByLabel("Kurir").fill("JNE");
  await card.getByLabel("Nomor resi").fill("JNE0099887766");
  await card.getByRole("button", { name: "Kirim" }).click();
  await expect(card).toContainText("Dikirim");
  await expect(card).toContainText("JNE0099887766");

  const buyer = await browser.newPage();
  await buyer.goto(orderPath);
  const section = storeSection(buyer, shop.store.name);
  await expect(statusBadge(section, "Dikirim")).toBeVisible();
  await expect(section).toContainText("JNE");
  await expect(section).toContainText("JNE0099887766");

  await card.getByRole("button", { name: "Sudah sampai dan dibayar tunai" }).click();
  await expect(card).toContainText("Sampai di tujuan");
  await buyer.reload();
  await expect(statusBadge(storeSection(buyer, shop.store.name), "Sampai di tujuan")).toBeVisible();
  await expect(buyer.getByText("Berhasil", { exact: true })).toBeVisible();

  const order = await db.order.findUniqueOrThrow({
    where: { number },
    select: { payments: { select: { status: true } }, storeOrders: { select: { status: true, waybill: true, events: { select: { toStatus: true, actorId: true } } } } },
  });
  expect(order.payments[0]!.status).toBe("SUCCEEDED");
  expect(order.storeOrders[0]!.events.filter((e) => e.actorId === seller.id).map((e) => e.toStatus)).toEqual(["SHIPPED", "DELIVERED"]);
  await buyer.close();
});

test("a seller cannot move another store's order, even by posting its id", async ({ page, playwright, baseURL }) => {
  const mine = await createShippingStore({ variants: [{ name: "Sambal 150 ml", priceIdr: 25_000, stock: 4 }] });
  const theirs = await createShippingStore({ variants: [{ name: "Madu 250 ml", priceIdr: 60_000, stock: 4 }] });
  const seller = await createUser({ roles: ["SELLER", "SHOPPER"] });
  await addStoreMember(mine.store.id, seller.id);

  const guest = await playwright.request.newContext({ baseURL });
  await postAddToCart(guest, theirs.variants[0]!.id, 1);
  const number = /PM-[A-Z0-9-]+/.exec(orderPathOf(await postCheckout(guest, { paymentMethod: "COD" })))![0];
  await guest.dispose();
  const target = await db.storeOrder.findFirstOrThrow({ where: { order: { number } }, select: { id: true } });

  await logIn(page, seller);
  const response = await page.request.post("/penjual", {
    form: { intent: "ship", storeOrderId: target.id, courier: "JNE", waybill: "JNE1234567" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(404);
  const after = await db.storeOrder.findUniqueOrThrow({ where: { id: target.id }, select: { status: true, waybill: true } });
  expect(after).toEqual({ status: "PROCESSING", waybill: null });
  await page.goto("/penjual");
  await expect(page.getByText(number)).toHaveCount(0);
});
