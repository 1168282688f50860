import { expect, test, type Page } from "@playwright/test";
import { createUser, db } from "./db";
import { logIn } from "./helpers";
import {
  addProduct,
  addToCartFromProductPage,
  cartLink,
  chooseDestination,
  createShippingStore,
  expectedShippingIdr,
  fillRecipientAndPayment,
  orderNumberOf,
  orderPathOf,
  orderRows,
  postAddToCart,
  postCheckout,
  rupiah,
  statusBadge,
  stockOf,
  storeSection,
} from "./shop-helpers";

/** Two stores that ship to the spec's destination, each at its own rate, with products of different weights. */
async function twoStores() {
  const rateA = { provinceCode: "32", firstKgIdr: 9_000, additionalKgIdr: 4_000 };
  const rateB = { provinceCode: "32", firstKgIdr: 12_000, additionalKgIdr: 5_000 };
  const a = await createShippingStore({
    variants: [
      { name: "Kemasan 250 g", priceIdr: 12_000, stock: 10, weightGrams: 250 },
      { name: "Kemasan 1,5 kg", priceIdr: 48_000, stock: 10, weightGrams: 1_500 },
    ],
    rates: [rateA],
  });
  const b = await createShippingStore({ variants: [{ name: "Bubuk 250 g", priceIdr: 35_000, stock: 10, weightGrams: 250 }], rates: [rateB] });
  // The shopper buys one 1,5 kg bag of A (2 started kilograms) and two 250 g packs of B (1 kilogram).
  const boughtA = a.variants[1]!;
  const boughtB = b.variants[0]!;
  const shippingA = expectedShippingIdr(rateA, 1_500);
  const shippingB = expectedShippingIdr(rateB, 2 * 250);
  const subtotal = boughtA.priceIdr + 2 * boughtB.priceIdr;
  return { a, b, boughtA, boughtB, shippingA, shippingB, subtotal, total: subtotal + shippingA + shippingB };
}

type TwoStores = Awaited<ReturnType<typeof twoStores>>;

/** From the two product pages into a cart grouped by store, then to checkout with the address picked. */
async function fillCartAndPickAddress(page: Page, shop: TwoStores) {
  const { a, b, boughtA, boughtB } = shop;
  await addToCartFromProductPage(page, { slug: a.product.slug, variantName: boughtA.name, quantity: 1 });
  await addToCartFromProductPage(page, { slug: b.product.slug, variantName: boughtB.name, quantity: 2 });
  await expect(cartLink(page, 3)).toBeVisible();

  const cartA = page.getByRole("region", { name: a.store.name, exact: true });
  const cartB = page.getByRole("region", { name: b.store.name, exact: true });
  await expect(cartA.getByRole("link", { name: a.product.title })).toBeVisible();
  await expect(cartA).toContainText(boughtA.name);
  await expect(cartA).not.toContainText(b.product.title);
  await expect(cartA).toContainText(`Subtotal toko: ${rupiah(boughtA.priceIdr)}`);
  await expect(cartB.getByRole("link", { name: b.product.title })).toBeVisible();
  await expect(cartB).not.toContainText(a.product.title);
  await expect(cartB).toContainText(`Subtotal toko: ${rupiah(2 * boughtB.priceIdr)}`);

  await page.getByRole("link", { name: "Lanjut ke pembayaran" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pembayaran" })).toBeVisible();
  await chooseDestination(page);
  await expect(page.getByText(`Ongkos kirim (2 kg): ${rupiah(shop.shippingA)}`)).toBeVisible();
  await expect(page.getByText(`Ongkos kirim (1 kg): ${rupiah(shop.shippingB)}`)).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: rupiah(shop.total) })).toBeVisible();
}

/** Both store parts of the order page, each with its own lines, shipping and status. */
async function expectStoreParts(page: Page, shop: TwoStores, status: string) {
  const { a, b, boughtA, boughtB } = shop;
  const partA = storeSection(page, a.store.name);
  const partB = storeSection(page, b.store.name);
  await expect(statusBadge(partA, status)).toBeVisible();
  await expect(statusBadge(partB, status)).toBeVisible();
  await expect(partA.getByRole("listitem").filter({ hasText: `1 × ${a.product.title} (${boughtA.name}) — ${rupiah(boughtA.priceIdr)}` })).toBeVisible();
  await expect(partB.getByRole("listitem").filter({ hasText: `2 × ${b.product.title} (${boughtB.name}) — ${rupiah(2 * boughtB.priceIdr)}` })).toBeVisible();
  await expect(partA.getByText(`Ongkos kirim: ${rupiah(shop.shippingA)}`)).toBeVisible();
  await expect(partB.getByText(`Ongkos kirim: ${rupiah(shop.shippingB)}`)).toBeVisible();
  await expect(partA.getByRole("heading", { name: "Perjalanan pesanan" })).toBeVisible();
}

/** One Order for the two stores, split in two store orders with the right money, and the stock taken. */
async function expectOrderRows(number: string, shop: TwoStores, status: string) {
  const order = await orderRows(number);
  expect(await db.order.count({ where: { storeOrders: { some: { storeId: { in: [shop.a.store.id, shop.b.store.id] } } } } })).toBe(1);
  expect(order.storeOrders).toHaveLength(2);
  const partA = order.storeOrders.find((so) => so.storeId === shop.a.store.id)!;
  const partB = order.storeOrders.find((so) => so.storeId === shop.b.store.id)!;
  expect(partA).toMatchObject({ status, subtotalIdr: shop.boughtA.priceIdr, shippingIdr: shop.shippingA });
  expect(partA.items).toEqual([{ variantId: shop.boughtA.id, quantity: 1, unitPriceIdr: shop.boughtA.priceIdr }]);
  expect(partB).toMatchObject({ status, subtotalIdr: 2 * shop.boughtB.priceIdr, shippingIdr: shop.shippingB });
  expect(partB.items).toEqual([{ variantId: shop.boughtB.id, quantity: 2, unitPriceIdr: shop.boughtB.priceIdr }]);
  expect(order.subtotalIdr).toBe(shop.subtotal);
  expect(order.shippingIdr).toBe(shop.shippingA + shop.shippingB);
  expect(await stockOf(shop.boughtA.id)).toBe(10 - 1);
  expect(await stockOf(shop.a.variants[0]!.id)).toBe(10);
  expect(await stockOf(shop.boughtB.id)).toBe(10 - 2);
  return order;
}

test("a guest buys from two stores with cash on delivery: one order in two store parts, shipping per store, stock taken", async ({ page }) => {
  const shop = await twoStores();
  await fillCartAndPickAddress(page, shop);
  await fillRecipientAndPayment(page, "Bayar di tempat (COD)");
  await page.getByRole("button", { name: "Buat pesanan" }).click();

  await expect(page).toHaveURL(/\/pesanan\/PM-[A-Z0-9-]+\?kunci=/);
  const number = orderNumberOf(page.url());
  await expect(page.getByRole("heading", { level: 1, name: `Pesanan ${number}` })).toBeVisible();
  await expect(page.getByText("Terima kasih! Pesanan Anda sudah kami terima.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: `Bayar di tempat (COD) · ${rupiah(shop.total)}` })).toBeVisible();
  await expect(page.getByText(`Bayar tunai ${rupiah(shop.total)} kepada kurir saat pesanan tiba.`)).toBeVisible();
  await expectStoreParts(page, shop, "Sedang disiapkan");
  await expect(page.getByRole("button", { name: "Batalkan pesanan" })).toBeVisible();
  await expect(cartLink(page, 0)).toBeVisible();

  const order = await expectOrderRows(number, shop, "PROCESSING");
  expect(order).toMatchObject({ paymentMethod: "COD", uniqueCodeIdr: 0, totalIdr: shop.total, buyerId: null });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a guest pays two stores by bank transfer: exact amount with its unique code, listed in 'Pesanan saya', paid once an admin confirms", async ({
    page,
    browser,
    baseURL,
  }) => {
    const shop = await twoStores();
    await fillCartAndPickAddress(page, shop);
    await fillRecipientAndPayment(page, "Transfer bank");
    await page.getByRole("button", { name: "Buat pesanan" }).click();

    await expect(page).toHaveURL(/\/pesanan\/PM-[A-Z0-9-]+\?kunci=/);
    const number = orderNumberOf(page.url());
    const order = await expectOrderRows(number, shop, "AWAITING_PAYMENT");
    // A code of 1–999 Rupiah makes this transfer's amount unique among the unpaid ones.
    expect(order.uniqueCodeIdr).toBeGreaterThanOrEqual(1);
    expect(order.uniqueCodeIdr).toBeLessThanOrEqual(999);
    const amount = shop.total + order.uniqueCodeIdr;
    expect(order.totalIdr).toBe(amount);
    expect(order.payments).toEqual([expect.objectContaining({ provider: "BANK_TRANSFER", status: "PENDING", amountIdr: amount })]);

    const payment = page.getByRole("region", { name: `Transfer bank · ${rupiah(amount)}`, exact: true });
    await expect(payment.getByText(`Transfer tepat ${rupiah(amount)} ke:`)).toBeVisible();
    await expect(payment.getByRole("definition").filter({ hasText: "Bank Contoh (demo)" })).toBeVisible();
    await expect(payment.getByRole("definition").filter({ hasText: "000 000 0000" })).toBeVisible();
    await expect(payment.getByRole("definition").filter({ hasText: "Pasar Mandiri (rekening demo)" })).toBeVisible();
    await expect(payment.getByText(`Tiga angka terakhir (${String(order.uniqueCodeIdr).padStart(3, "0")})`)).toBeVisible();
    await expect(payment.getByText("Ini rekening contoh untuk demo. Jangan mentransfer uang sungguhan.")).toBeVisible();
    await expect(payment.getByText("Status pembayaran: Belum dibayar")).toBeVisible();
    await expectStoreParts(page, shop, "Menunggu pembayaran");

    // The guest has no account: this browser remembers the order.
    await page.getByRole("navigation", { name: "Akun saya" }).getByRole("link", { name: "Pesanan saya" }).click();
    await expect(page).toHaveURL("/pesanan");
    const listed = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: number, exact: true }) });
    await expect(listed).toContainText(rupiah(amount));
    await expect(listed.getByRole("listitem").filter({ hasText: shop.a.store.name })).toContainText("Menunggu pembayaran");
    await expect(listed.getByRole("listitem").filter({ hasText: shop.b.store.name })).toContainText("Menunggu pembayaran");

    const admin = await createUser({ roles: ["ADMIN"] });
    const adminContext = await browser.newContext({ baseURL, javaScriptEnabled: false });
    try {
      const adminPage = await adminContext.newPage();
      await logIn(adminPage, admin);
      await adminPage.goto("/admin/transfer");
      const transfer = adminPage.getByRole("listitem").filter({ hasText: number });
      await expect(transfer.getByRole("heading", { name: rupiah(amount) })).toBeVisible();
      await transfer.getByRole("button", { name: "Tandai sudah diterima" }).click();
      await expect(adminPage.getByText(`Transfer untuk pesanan ${number} sudah dikonfirmasi.`)).toBeVisible();
      await expect(adminPage.getByRole("listitem").filter({ hasText: number })).toHaveCount(0);
    } finally {
      await adminContext.close();
    }

    await listed.getByRole("link", { name: number, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Pesanan ${number}` })).toBeVisible();
    await expect(page.getByText("Status pembayaran: Berhasil")).toBeVisible();
    await expect(statusBadge(storeSection(page, shop.a.store.name), "Sudah dibayar")).toBeVisible();
    await expect(statusBadge(storeSection(page, shop.b.store.name), "Sudah dibayar")).toBeVisible();
    await expect(page.getByText(`Transfer tepat ${rupiah(amount)} ke:`)).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Batalkan pesanan" })).toHaveCount(0);

    const paid = await orderRows(number);
    expect(paid.payments).toEqual([expect.objectContaining({ status: "SUCCEEDED", amountIdr: amount, confirmedById: admin.id })]);
    expect(paid.storeOrders.map((so) => so.status)).toEqual(["PAID", "PAID"]);
  });
});

test("when the page's scripts fail to load, the shopper can still pick the address and order", async ({ page }) => {
  // A cheap phone on a weak signal: the HTML arrives, the scripts do not. Nothing may depend on them.
  await page.route(/\/build\/.*\.js$/, (route) => route.abort());
  const shop = await createShippingStore({ variants: [{ name: "Kemasan 200 g", priceIdr: 16_000, stock: 5 }] });
  expect((await postAddToCart(page.request, shop.variants[0]!.id, 1)).status()).toBe(302);

  await page.goto("/checkout");
  await page.getByLabel("Provinsi", { exact: true }).selectOption({ label: "Jawa Barat" });
  await expect(page.getByRole("button", { name: "Pilih", exact: true })).toBeVisible();
  await chooseDestination(page);
  await fillRecipientAndPayment(page, "Bayar di tempat (COD)");
  await page.getByRole("button", { name: "Buat pesanan" }).click();
  await expect(statusBadge(storeSection(page, shop.store.name), "Sedang disiapkan")).toBeVisible();
});

test("a price that changed after adding is pointed out once in the cart, and checkout charges the new price", async ({ page }) => {
  const rate = { provinceCode: "32", firstKgIdr: 10_000, additionalKgIdr: 5_000 };
  const shop = await createShippingStore({ variants: [{ name: "Botol 500 ml", priceIdr: 20_000, stock: 10, weightGrams: 400 }], rates: [rate] });
  const variant = shop.variants[0]!;
  await addToCartFromProductPage(page, { slug: shop.product.slug, variantName: variant.name, quantity: 2 });
  const line = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: shop.product.title }) });
  await expect(line).toContainText(`${rupiah(20_000)} / barang`);
  await expect(line).toContainText(rupiah(40_000));

  await db.productVariant.update({ where: { id: variant.id }, data: { priceIdr: 25_000 } });
  await page.goto("/keranjang");
  const notice = page.getByRole("status").filter({ hasText: "Ada yang berubah sejak Anda menambahkan barang:" });
  await expect(notice).toContainText(`Harga ${shop.product.title} (${variant.name}) berubah dari ${rupiah(20_000)} menjadi ${rupiah(25_000)}.`);
  await expect(line).toContainText(`${rupiah(25_000)} / barang`);
  await expect(line).toContainText(rupiah(50_000));

  await page.reload();
  await expect(page.getByText(/berubah dari/)).toHaveCount(0);
  await expect(line).toContainText(rupiah(50_000));

  await page.getByRole("link", { name: "Lanjut ke pembayaran" }).click();
  await chooseDestination(page);
  const total = 2 * 25_000 + expectedShippingIdr(rate, 800);
  await expect(page.getByRole("definition").filter({ hasText: rupiah(total) })).toBeVisible();
  await fillRecipientAndPayment(page, "Bayar di tempat (COD)");
  await page.getByRole("button", { name: "Buat pesanan" }).click();
  await expect(page).toHaveURL(/\/pesanan\/PM-/);
  const number = orderNumberOf(page.url());
  await expect(page.getByRole("heading", { level: 2, name: `Bayar di tempat (COD) · ${rupiah(total)}` })).toBeVisible();
  await expect(storeSection(page, shop.store.name).getByRole("listitem").filter({ hasText: `2 × ${shop.product.title}` })).toContainText(rupiah(50_000));

  const order = await orderRows(number);
  expect(order.totalIdr).toBe(total);
  expect(order.storeOrders[0]!.items).toEqual([{ variantId: variant.id, quantity: 2, unitPriceIdr: 25_000 }]);
});

test("a guest's cart joins the account's cart on login: same products add up, the header counts them all", async ({ page }) => {
  const shop = await createShippingStore({ variants: [{ name: "Toples 300 g", priceIdr: 18_000, stock: 10 }] });
  const other = await addProduct(shop.store.id, shop.category.id, [{ name: "Ikat kecil", priceIdr: 9_000, stock: 10 }]);
  const shared = shop.variants[0]!;
  const onlyInAccount = other.variants[0]!;
  const user = await createUser();
  await db.cart.create({
    data: {
      userId: user.id,
      items: {
        create: [
          { variantId: shared.id, quantity: 1, unitPriceIdr: shared.priceIdr },
          { variantId: onlyInAccount.id, quantity: 1, unitPriceIdr: onlyInAccount.priceIdr },
        ],
      },
    },
  });

  await addToCartFromProductPage(page, { slug: shop.product.slug, variantName: shared.name, quantity: 2 });
  await expect(cartLink(page, 2)).toBeVisible();
  await logIn(page, user);
  await expect(cartLink(page, 4)).toBeVisible();

  await cartLink(page, 4).click();
  await expect(page.getByLabel(`Jumlah ${shop.product.title}`)).toHaveValue("3");
  await expect(page.getByLabel(`Jumlah ${other.title}`)).toHaveValue("1");

  const accountCart = await db.cart.findUniqueOrThrow({
    where: { userId: user.id },
    select: { items: { select: { variantId: true, quantity: true }, orderBy: { quantity: "desc" } } },
  });
  expect(accountCart.items).toEqual([
    { variantId: shared.id, quantity: 3 },
    { variantId: onlyInAccount.id, quantity: 1 },
  ]);
  // The guest cart is gone, not left behind to be merged a second time.
  expect(await db.cartItem.count({ where: { variantId: shared.id, cart: { userId: null } } })).toBe(0);
});

test("a buyer cancels an unpaid bank-transfer order: 'Dibatalkan', and the stock comes back exactly once", async ({ page }) => {
  const shop = await createShippingStore({ variants: [{ name: "Kain 2 m", priceIdr: 85_000, stock: 6 }] });
  const variant = shop.variants[0]!;
  expect((await postAddToCart(page.request, variant.id, 2)).status()).toBe(302);
  const placed = await postCheckout(page.request, { paymentMethod: "BANK_TRANSFER" });
  expect(placed.status()).toBe(302);
  const orderPath = orderPathOf(placed);
  expect(await stockOf(variant.id)).toBe(4);

  await page.goto(orderPath);
  const part = storeSection(page, shop.store.name);
  await expect(statusBadge(part, "Menunggu pembayaran")).toBeVisible();
  await page.getByRole("button", { name: "Batalkan pesanan" }).click();

  await expect(statusBadge(part, "Dibatalkan")).toBeVisible();
  await expect(part.getByText("Alasan pembatalan: Dibatalkan pembeli")).toBeVisible();
  await expect(page.getByText("Status pembayaran: Dibatalkan")).toBeVisible();
  await expect(page.getByRole("button", { name: "Batalkan pesanan" })).toHaveCount(0);
  await expect(page.getByText(/^Transfer tepat/)).toHaveCount(0);
  expect(await stockOf(variant.id)).toBe(6);

  // A second cancel (another tab, a double tap) is refused and returns nothing more.
  const again = await page.request.post(orderPath, { form: { intent: "cancel" }, maxRedirects: 0 });
  expect(again.status()).toBe(409);
  expect(await stockOf(variant.id)).toBe(6);
  const order = await orderRows(orderNumberOf(orderPath));
  expect(order.storeOrders[0]!.status).toBe("CANCELLED");
  expect(order.payments[0]!.status).toBe("CANCELLED");
  expect(await db.stockMovement.count({ where: { variantId: variant.id, reason: "ORDER_RELEASED" } })).toBe(1);
  expect(await db.product.findUniqueOrThrow({ where: { id: shop.product.id }, select: { soldCount: true } })).toEqual({ soldCount: 0 });
});

test("a shipped store order shows its courier and waybill, and 'Pesanan sudah saya terima' completes only that part", async ({ page }) => {
  const shipped = await createShippingStore({ variants: [{ name: "Anyaman besar", priceIdr: 70_000, stock: 5 }] });
  const waiting = await createShippingStore({ variants: [{ name: "Sambal 200 g", priceIdr: 25_000, stock: 5 }] });
  expect((await postAddToCart(page.request, shipped.variants[0]!.id, 1)).status()).toBe(302);
  expect((await postAddToCart(page.request, waiting.variants[0]!.id, 1)).status()).toBe(302);
  const placed = await postCheckout(page.request, { paymentMethod: "COD" });
  expect(placed.status()).toBe(302);
  const orderPath = orderPathOf(placed);
  const order = await orderRows(orderNumberOf(orderPath));
  const shippedPart = order.storeOrders.find((so) => so.storeId === shipped.store.id)!;

  // The seller's workspace is not part of this spec: the store order is handed to the courier in the database.
  const waybill = "JNE0012345678";
  await db.storeOrder.update({ where: { id: shippedPart.id }, data: { status: "SHIPPED", courier: "JNE", waybill, shippedAt: new Date() } });
  await db.storeOrderEvent.create({ data: { storeOrderId: shippedPart.id, fromStatus: "PROCESSING", toStatus: "SHIPPED" } });

  await page.goto(orderPath);
  const shippedSection = storeSection(page, shipped.store.name);
  const waitingSection = storeSection(page, waiting.store.name);
  await expect(statusBadge(shippedSection, "Dikirim")).toBeVisible();
  await expect(shippedSection.getByText(`Kurir: JNE · Nomor resi: ${waybill}`)).toBeVisible();
  await expect(waitingSection.getByRole("button", { name: "Pesanan sudah saya terima" })).toHaveCount(0);
  await expect(waitingSection.getByText(/Nomor resi/)).toHaveCount(0);

  await shippedSection.getByRole("button", { name: "Pesanan sudah saya terima" }).click();
  await expect(statusBadge(shippedSection, "Selesai")).toBeVisible();
  await expect(shippedSection.getByText(`Nomor resi: ${waybill}`)).toBeVisible();
  await expect(shippedSection.getByRole("button", { name: "Pesanan sudah saya terima" })).toHaveCount(0);
  await expect(statusBadge(waitingSection, "Sedang disiapkan")).toBeVisible();

  const after = await db.storeOrder.findMany({
    where: { orderId: order.id },
    select: { storeId: true, status: true, completedAt: true, events: { where: { toStatus: "COMPLETED" }, select: { id: true } } },
  });
  const completed = after.find((so) => so.storeId === shipped.store.id)!;
  expect(completed.status).toBe("COMPLETED");
  expect(completed.completedAt).not.toBeNull();
  expect(completed.events).toHaveLength(1);
  expect(after.find((so) => so.storeId === waiting.store.id)).toMatchObject({ status: "PROCESSING", completedAt: null, events: [] });
});
