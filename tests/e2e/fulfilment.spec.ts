import { expect, test, type APIRequestContext } from "@playwright/test";
import { addStoreMember, createUser, db } from "./db";
import { logIn } from "./helpers";
import { createShippingStore, DESTINATION, orderPathOf, orderRows, postAddToCart, postCheckout, RECIPIENT, rupiah, statusBadge, storeSection } from "./shop-helpers";

/** A guest orders `quantity` units over HTTP, as the checkout form would; returns the order page path and number. */
async function guestOrder(guest: APIRequestContext, variantId: string, quantity: number, paymentMethod: "COD" | "BANK_TRANSFER") {
  expect((await postAddToCart(guest, variantId, quantity)).status()).toBe(302);
  const checkout = await postCheckout(guest, { paymentMethod });
  expect(checkout.status()).toBe(302);
  const orderPath = orderPathOf(checkout);
  return { orderPath, number: /PM-[A-Z0-9-]+/.exec(orderPath)![0] };
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a seller takes a paid bank-transfer order from the inbox to shipped; the buyer sees courier and waybill; the packing slip shows recipient and items", async ({
    page,
    browser,
    playwright,
    baseURL,
  }) => {
    const shop = await createShippingStore({ variants: [{ name: "Keripik 250 g", priceIdr: 18_000, stock: 8 }] });
    const seller = await createUser({ roles: ["SELLER", "SHOPPER"] });
    await addStoreMember(shop.store.id, seller.id);
    const guest = await playwright.request.newContext({ baseURL });
    const { orderPath, number } = await guestOrder(guest, shop.variants[0]!.id, 2, "BANK_TRANSFER");
    await guest.dispose();

    // An admin confirms the transfer arrived, as /admin/transfer's form posts it.
    const admin = await createUser({ roles: ["ADMIN"] });
    const adminContext = await browser.newContext({ baseURL, javaScriptEnabled: false });
    try {
      const adminPage = await adminContext.newPage();
      await logIn(adminPage, admin);
      const paymentId = (await orderRows(number)).payments[0]!.id;
      expect((await adminPage.request.post("/admin/transfer", { form: { intent: "confirm", paymentId } })).status()).toBe(200);
    } finally {
      await adminContext.close();
    }

    await logIn(page, seller);
    await page.goto("/penjual");
    await expect(page.getByRole("link", { name: "Pesanan perlu diproses: 1" })).toBeVisible();
    await page.getByRole("navigation", { name: "Menu toko" }).getByRole("link", { name: "Pesanan", exact: true }).click();
    await expect(page).toHaveURL("/penjual/pesanan");
    const tabs = page.getByRole("navigation", { name: "Saring menurut keadaan pesanan" });
    await expect(tabs.getByRole("link", { name: "Perlu diproses (1)" })).toHaveAttribute("aria-current", "page");
    const row = page.getByRole("listitem").filter({ hasText: number });
    await expect(row).toContainText("Sudah dibayar");
    await expect(row).toContainText("Transfer bank · Berhasil");
    await expect(row).toContainText(`2 × ${shop.product.title} (Keripik 250 g)`);
    await expect(row).toContainText(RECIPIENT.name);
    await expect(row).toContainText(rupiah(2 * 18_000 + 9_000));

    await row.getByRole("link", { name: `Buka pesanan ${number}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Pesanan ${number}` })).toBeVisible();
    await expect(page.getByRole("link", { name: "Telepon 0812-3456-7890" })).toHaveAttribute("href", "tel:+6281234567890");
    await page.getByRole("button", { name: "Proses pesanan" }).click();
    await expect(page.getByRole("status")).toHaveText("Pesanan sedang disiapkan.");
    await page.getByLabel("Kurir", { exact: true }).fill("JNE");
    await page.getByLabel("Nomor resi", { exact: true }).fill("JNE0099887766");
    await page.getByRole("button", { name: "Kirim", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("Pesanan dikirim");
    await expect(page.getByRole("region", { name: "Kurir dan nomor resi" })).toContainText("JNE · Nomor resi: JNE0099887766");
    const history = page.getByRole("region", { name: "Riwayat pesanan" });
    await expect(history.getByRole("listitem").filter({ hasText: "Dikirim" })).toContainText(`Penjual: ${seller.name}`);
    await expect(history.getByRole("listitem").filter({ hasText: "Sudah dibayar" })).toContainText(`Admin: ${admin.name}`);

    const buyer = await browser.newPage();
    await buyer.goto(orderPath);
    const section = storeSection(buyer, shop.store.name);
    await expect(statusBadge(section, "Dikirim")).toBeVisible();
    await expect(section).toContainText("Kurir: JNE");
    await expect(section).toContainText("JNE0099887766");
    await buyer.close();

    // Slips are printed from the inbox: tick the order, press the button.
    await page.goto("/penjual/pesanan?status=dikirim");
    await page.getByRole("listitem").filter({ hasText: number }).getByLabel("Pilih untuk slip").check();
    await page.getByRole("button", { name: "Cetak slip pesanan yang dipilih" }).click();
    await expect(page).toHaveURL(/\/penjual\/pesanan\/slip\?id=/);
    const slip = page.getByRole("region", { name: RECIPIENT.name });
    await expect(slip).toContainText(RECIPIENT.address);
    await expect(slip).toContainText(`${DESTINATION.districtName}, ${DESTINATION.regencyName}, ${DESTINATION.provinceName}`);
    await expect(slip).toContainText(`2 × ${shop.product.title} (Keripik 250 g)`);
    await expect(slip).toContainText(shop.store.name);
    await expect(slip).toContainText(number);
    await expect(slip).toContainText("JNE0099887766");
    await expect(slip).not.toContainText("Rp"); // prepaid: no amounts at all
    // Without JavaScript a print button would do nothing: the page says to use the browser's menu.
    await expect(page.getByRole("button", { name: "Cetak", exact: true })).toHaveCount(0);
    await expect(page.getByText("Untuk mencetak, pakai menu browser lalu pilih Cetak.")).toBeVisible();

    const part = await db.storeOrder.findFirstOrThrow({ where: { order: { number } }, select: { status: true, courier: true, waybill: true, events: { select: { toStatus: true, actorId: true } } } });
    expect(part).toMatchObject({ status: "SHIPPED", courier: "JNE", waybill: "JNE0099887766" });
    expect(part.events.filter((e) => e.actorId === seller.id).map((e) => e.toStatus)).toEqual(["PROCESSING", "SHIPPED"]);
  });
});

test("a seller ships a cash-on-delivery order with its waybill and marks it delivered and paid; the buyer sees each step; the slip prints", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  const shop = await createShippingStore({ variants: [{ name: "Keripik 250 g", priceIdr: 18_000, stock: 8 }] });
  const seller = await createUser({ roles: ["SELLER", "SHOPPER"] });
  await addStoreMember(shop.store.id, seller.id);
  const guest = await playwright.request.newContext({ baseURL });
  const { orderPath, number } = await guestOrder(guest, shop.variants[0]!.id, 2, "COD");
  await guest.dispose();

  await logIn(page, seller);
  await page.goto("/penjual/pesanan");
  const row = page.getByRole("listitem").filter({ hasText: number });
  await expect(row).toContainText("Sedang disiapkan");
  await expect(row).toContainText("Bayar di tempat (COD) · Belum dibayar");
  await row.getByRole("link", { name: `Buka pesanan ${number}` }).click();
  await expect(page.getByRole("button", { name: "Proses pesanan" })).toHaveCount(0); // cash on delivery starts there
  await page.getByLabel("Kurir", { exact: true }).fill("JNE");
  await page.getByLabel("Nomor resi", { exact: true }).fill("JNE0099887766");
  await page.getByRole("button", { name: "Kirim", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Pesanan dikirim");
  await expect(page.getByText("Dikirim", { exact: true }).first()).toBeVisible();

  const buyer = await browser.newPage();
  await buyer.goto(orderPath);
  const section = storeSection(buyer, shop.store.name);
  await expect(statusBadge(section, "Dikirim")).toBeVisible();
  await expect(section).toContainText("JNE");
  await expect(section).toContainText("JNE0099887766");

  await page.getByRole("button", { name: "Sudah sampai dan dibayar tunai" }).click();
  await expect(page.getByRole("status")).toHaveText("Pesanan ditandai sudah sampai.");
  // Delivered and paid: the only step left is a refund, which says what it does before anything happens.
  const steps = page.getByRole("region", { name: "Langkah berikutnya" });
  await expect(steps.getByRole("button", { name: "Sudah sampai dan dibayar tunai" })).toHaveCount(0);
  await steps.getByText("Kembalikan dana", { exact: true }).first().click();
  await expect(steps).toContainText(`Anda mengembalikan uang tunai ${rupiah(2 * 18_000 + 9_000)} kepada pembeli. Barang yang sudah dikirim tidak kembali ke stok.`);
  await buyer.reload();
  await expect(statusBadge(storeSection(buyer, shop.store.name), "Sampai di tujuan")).toBeVisible();
  await expect(buyer.getByText("Berhasil", { exact: true })).toBeVisible();
  await buyer.close();

  // With JavaScript the slip page offers a print button that opens the browser's print dialog.
  await page.getByRole("link", { name: "Slip pengiriman" }).click();
  await expect(page.getByRole("region", { name: RECIPIENT.name })).toContainText(`2 × ${shop.product.title} (Keripik 250 g)`);
  // The courier collects this store's goods and shipping: the only amount a slip shows.
  await expect(page.getByRole("region", { name: RECIPIENT.name })).toContainText(`Bayar di tempat (COD) · tagih ke penerima ${rupiah(2 * 18_000 + 9_000)}`);
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute("data-printed", "yes");
  });
  await page.getByRole("button", { name: "Cetak", exact: true }).click();
  await expect(page.locator("body")).toHaveAttribute("data-printed", "yes");

  const order = await db.order.findUniqueOrThrow({
    where: { number },
    select: { payments: { select: { status: true } }, storeOrders: { select: { status: true, waybill: true, events: { select: { toStatus: true, actorId: true } } } } },
  });
  expect(order.payments[0]!.status).toBe("SUCCEEDED");
  expect(order.storeOrders[0]!.events.filter((e) => e.actorId === seller.id).map((e) => e.toStatus)).toEqual(["SHIPPED", "DELIVERED"]);
});

test("a seller cannot see or move another store's order, even by posting its id", async ({ page, playwright, baseURL }) => {
  const mine = await createShippingStore({ variants: [{ name: "Sambal 150 ml", priceIdr: 25_000, stock: 4 }] });
  const theirs = await createShippingStore({ variants: [{ name: "Madu 250 ml", priceIdr: 60_000, stock: 4 }] });
  const seller = await createUser({ roles: ["SELLER", "SHOPPER"] });
  await addStoreMember(mine.store.id, seller.id);

  const guest = await playwright.request.newContext({ baseURL });
  const { number } = await guestOrder(guest, theirs.variants[0]!.id, 1, "COD");
  await guest.dispose();
  const target = await db.storeOrder.findFirstOrThrow({ where: { order: { number } }, select: { id: true } });

  await logIn(page, seller);
  const response = await page.request.post(`/penjual/pesanan/${target.id}`, {
    form: { intent: "ship", courier: "JNE", waybill: "JNE1234567" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(404);
  expect((await page.request.get(`/penjual/pesanan/${target.id}`)).status()).toBe(404);
  expect((await page.request.get(`/penjual/pesanan/${target.id}/slip`)).status()).toBe(404);
  expect((await page.request.get(`/penjual/pesanan/slip?id=${target.id}`)).status()).toBe(404);
  const after = await db.storeOrder.findUniqueOrThrow({ where: { id: target.id }, select: { status: true, waybill: true } });
  expect(after).toEqual({ status: "PROCESSING", waybill: null });
  await page.goto("/penjual/pesanan?status=semua");
  await expect(page.getByText(number)).toHaveCount(0);
});
