import { expect, test, type APIResponse } from "@playwright/test";
import { db } from "./db";
import { alertMessagePattern } from "./helpers";
import {
  chooseDestination,
  createShippingStore,
  expectedShippingIdr,
  fillRecipientAndPayment,
  orderNumberOf,
  orderPathOf,
  orderRows,
  OTHER_PROVINCE,
  postAddToCart,
  postCartChange,
  postCheckout,
  stockOf,
} from "./shop-helpers";

/** What a refused request must leave as it was. */
async function snapshot(variantIds: string[]) {
  const [orders, cartItems, units, stock] = await Promise.all([
    db.order.count(),
    db.cartItem.count(),
    db.cartItem.aggregate({ where: { variantId: { in: variantIds } }, _sum: { quantity: true } }),
    db.productVariant.findMany({ where: { id: { in: variantIds } }, select: { id: true, stock: true }, orderBy: { id: "asc" } }),
  ]);
  return { orders, cartItems, units: units._sum.quantity ?? 0, stock };
}

/** A refused request: its status, and the page it answers with says why, in an alert. */
async function expectRefused(response: APIResponse, status: number, message: string, what: string) {
  expect(response.status(), what).toBe(status);
  expect(await response.text(), what).toMatch(alertMessagePattern(message));
}

test("twenty guests check out the last five units at the same moment: five orders, fifteen told it sold out, stock never below zero", async ({
  playwright,
  baseURL,
}) => {
  const shop = await createShippingStore({ variants: [{ name: "Tenun ikat 2 m", priceIdr: 150_000, stock: 5 }] });
  const variant = shop.variants[0]!;
  const guests = await Promise.all(Array.from({ length: 20 }, () => playwright.request.newContext({ baseURL })));
  try {
    for (const guest of guests) {
      // Five in stock: every guest may still put one in the cart.
      expect((await postAddToCart(guest, variant.id, 1)).status()).toBe(302);
    }
    const responses = await Promise.all(guests.map((guest) => postCheckout(guest)));

    const orderPages = responses.map((r) => r.headers()["location"] ?? "").filter((location) => /^\/pesanan\/PM-[A-Z0-9-]+\?kunci=/.test(location));
    expect(orderPages).toHaveLength(5);
    expect(await stockOf(variant.id)).toBe(0);
    const sold = await db.orderItem.aggregate({ where: { variantId: variant.id }, _sum: { quantity: true }, _count: true });
    expect(sold._sum.quantity).toBe(5);
    expect(sold._count).toBe(5);
    expect(await db.order.count({ where: { storeOrders: { some: { storeId: shop.store.id } } } })).toBe(5);
    // The stock ledger agrees with the counter: five reservations of one unit, nothing else.
    const movements = await db.stockMovement.aggregate({ where: { variantId: variant.id }, _sum: { delta: true }, _count: true });
    expect(movements).toMatchObject({ _sum: { delta: -5 }, _count: 5 });

    // Everyone else is told, in the answer to their own checkout, that the product just sold out.
    const refused = responses.filter((r) => !orderPages.includes(r.headers()["location"] ?? ""));
    expect(refused).toHaveLength(15);
    const soldOut = alertMessagePattern(`Maaf, ${shop.product.title} (${variant.name}) baru saja habis.`);
    const outcomes = await Promise.all(
      refused.map(async (r) => `${r.status()}${r.headers()["location"] ? ` to ${r.headers()["location"]}` : ""}, ${soldOut.test(await r.text()) ? "told it sold out" : "not told why"}`),
    );
    expect(outcomes).toEqual(Array(15).fill("409, told it sold out"));
  } finally {
    await Promise.all(guests.map((guest) => guest.dispose()));
  }
});

test("the cart refuses bad quantities, unknown products and another cart's lines with a 4xx and a message, and changes nothing", async ({
  page,
  playwright,
  baseURL,
}) => {
  const shop = await createShippingStore({ variants: [{ name: "Gula aren 500 g", priceIdr: 22_000, stock: 10 }] });
  const variant = shop.variants[0]!;
  expect((await postAddToCart(page.request, variant.id, 1)).status()).toBe(302);
  const mine = await db.cartItem.findFirstOrThrow({ where: { variantId: variant.id }, select: { id: true, cartId: true } });

  const someoneElse = await playwright.request.newContext({ baseURL });
  try {
    expect((await postAddToCart(someoneElse, variant.id, 2)).status()).toBe(302);
    const theirs = await db.cartItem.findFirstOrThrow({ where: { variantId: variant.id, cartId: { not: mine.cartId } }, select: { id: true } });
    const before = await snapshot([variant.id]);

    for (const quantity of ["0", "-1", "abc", "100000", "1.5", ""]) {
      await expectRefused(await postAddToCart(page.request, variant.id, quantity), 400, "Tulis jumlah antara 1 dan 99.", `add quantity "${quantity}"`);
      await expectRefused(
        await postCartChange(page.request, { intent: "update", itemId: mine.id, quantity }),
        400,
        "Tulis jumlah antara 1 dan 99.",
        `update quantity "${quantity}"`,
      );
    }
    // One is already in this cart: nine more fit with the ten in stock.
    await expectRefused(await postAddToCart(page.request, variant.id, 11), 409, "Jumlah terlalu banyak. Paling banyak 9.", "more than the stock");
    await expectRefused(
      await postAddToCart(page.request, "clxxxxxxxxxxxxxxxxxxxxxxx", 1),
      404,
      "Produk ini tidak ada atau tidak dijual lagi.",
      "an unknown variant",
    );
    await expectRefused(
      await postCartChange(page.request, { intent: "update", itemId: theirs.id, quantity: "5" }),
      404,
      "Barang ini tidak ada di keranjang Anda.",
      "updating another cart's line",
    );
    await expectRefused(
      await postCartChange(page.request, { intent: "remove", itemId: theirs.id }),
      404,
      "Barang ini tidak ada di keranjang Anda.",
      "removing another cart's line",
    );

    expect(await snapshot([variant.id])).toEqual(before);
    expect(await db.cartItem.findUniqueOrThrow({ where: { id: theirs.id }, select: { quantity: true } })).toEqual({ quantity: 2 });
    expect(await db.cartItem.findUniqueOrThrow({ where: { id: mine.id }, select: { quantity: true } })).toEqual({ quantity: 1 });
  } finally {
    await someoneElse.dispose();
  }
});

test("checkout refuses an unknown district, a regency code, a malformed phone and a store that does not ship there, and writes nothing", async ({ page }) => {
  const ships = await createShippingStore({ variants: [{ name: "Kopi 250 g", priceIdr: 40_000, stock: 8, weightGrams: 250 }] });
  const farAway = await createShippingStore({
    variants: [{ name: "Batik cap", priceIdr: 120_000, stock: 3 }],
    rates: [{ provinceCode: OTHER_PROVINCE.code, firstKgIdr: 8_000, additionalKgIdr: 3_000 }],
  });
  const variantIds = [ships.variants[0]!.id, farAway.variants[0]!.id];
  expect((await postAddToCart(page.request, ships.variants[0]!.id, 1)).status()).toBe(302);
  expect((await postAddToCart(page.request, farAway.variants[0]!.id, 1)).status()).toBe(302);
  const before = await snapshot(variantIds);

  // In the browser: the store that does not deliver here is named, and the order cannot be placed.
  await page.goto("/checkout");
  await chooseDestination(page);
  await expect(
    page.getByText(`${farAway.store.name} belum mengirim ke provinsi ini. Hapus barangnya dari keranjang atau pilih alamat lain.`),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Buat pesanan" })).toBeDisabled();
  // Whatever the browser is made to send, the server refuses it too.
  await expectRefused(
    await postCheckout(page.request),
    409,
    `${farAway.store.name} belum mengirim ke provinsi ini. Hapus barangnya dari keranjang atau pilih alamat lain.`,
    "a store that does not ship to the province",
  );
  expect(await snapshot(variantIds)).toEqual(before);

  const line = await db.cartItem.findFirstOrThrow({ where: { variantId: farAway.variants[0]!.id }, select: { id: true } });
  expect((await postCartChange(page.request, { intent: "remove", itemId: line.id })).status()).toBe(302);
  const shippable = await snapshot(variantIds);

  await page.goto("/checkout");
  await chooseDestination(page);
  await fillRecipientAndPayment(page, "Bayar di tempat (COD)", { name: "Siti Aminah", phone: "12345", address: "Jl. Raya Cileunyi No. 12, RT 03/RW 05" });
  await page.getByRole("button", { name: "Buat pesanan" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Tulis nomor HP Indonesia yang benar, misalnya 0812-3456-7890." })).toBeVisible();
  await expect(page.getByLabel("Nomor HP penerima")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/checkout\?/);

  const phoneMessage = "Tulis nomor HP Indonesia yang benar, misalnya 0812-3456-7890.";
  for (const phone of ["0812-ABCD-7890", "+1 415 555 0100", "08123"]) {
    await expectRefused(await postCheckout(page.request, { phone }), 400, phoneMessage, `phone "${phone}"`);
  }
  const chooseDistrict = alertMessagePattern("Pilih kecamatan dari daftar.");
  const districtOutcomes: string[] = [];
  for (const districtCode of ["99.99.99", "32.04", "32"]) {
    const response = await postCheckout(page.request, { districtCode });
    const explained = chooseDistrict.test(await response.text());
    districtOutcomes.push(`${districtCode}: ${Math.floor(response.status() / 100)}xx, ${explained ? "explained" : "not explained"}`);
  }
  expect(await snapshot(variantIds)).toEqual(shippable);
  expect(districtOutcomes).toEqual(["99.99.99: 4xx, explained", "32.04: 4xx, explained", "32: 4xx, explained"]);
});

test("a price sent with the checkout form is ignored: the order costs the real price", async ({ page }) => {
  const rate = { provinceCode: "32", firstKgIdr: 9_500, additionalKgIdr: 4_500 };
  const shop = await createShippingStore({ variants: [{ name: "Madu 250 ml", priceIdr: 45_000, stock: 4, weightGrams: 350 }], rates: [rate] });
  const variant = shop.variants[0]!;
  expect((await postAddToCart(page.request, variant.id, 2)).status()).toBe(302);

  const response = await postCheckout(page.request, { priceIdr: "1", unitPriceIdr: "1", subtotalIdr: "1", shippingIdr: "0", totalIdr: "1" });
  expect(response.status()).toBe(302);
  const order = await orderRows(orderNumberOf(orderPathOf(response)));
  const total = 2 * 45_000 + expectedShippingIdr(rate, 700);
  expect(order).toMatchObject({ subtotalIdr: 90_000, totalIdr: total });
  expect(order.storeOrders[0]!.items).toEqual([{ variantId: variant.id, quantity: 2, unitPriceIdr: 45_000 }]);
  expect(await stockOf(variant.id)).toBe(2);
});
