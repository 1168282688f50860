import { expect, test } from "@playwright/test";
import { addStoreMember, createUser, db } from "./db";
import { logIn } from "./helpers";
import { createShippingStore } from "./shop-helpers";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a seller restocks a low variant; the store front shows the new stock and the history says who and why", async ({ page }) => {
    const shop = await createShippingStore({ variants: [{ name: "Keripik pedas 250 g", priceIdr: 18_000, stock: 3 }] });
    const seller = await createUser({ roles: ["SELLER", "SHOPPER"], name: "Bu Enah Uji" });
    await addStoreMember(shop.store.id, seller.id);

    await logIn(page, seller);
    await page.goto("/penjual");
    const row = page.getByRole("row").filter({ hasText: shop.product.title });
    await expect(row.getByText("Stok menipis")).toBeVisible();
    await row.getByRole("link", { name: "Atur stok" }).click();

    const variant = page.getByRole("region", { name: "Keripik pedas 250 g" });
    await expect(variant.getByText("Stok sekarang: 3")).toBeVisible();
    await variant.getByRole("radio", { name: /^Tambah stok/ }).check();
    await variant.getByLabel("Jumlah barang").fill("20");
    await variant.getByLabel("Catatan (tidak wajib)").fill("Goreng hari ini");
    await variant.getByRole("button", { name: "Simpan stok" }).click();

    await expect(variant.getByText("Stok Keripik pedas 250 g sekarang 23.")).toBeVisible();
    await expect(variant.getByRole("listitem").filter({ hasText: "Tambah stok" })).toContainText("+20");
    await expect(variant.getByRole("listitem").filter({ hasText: "Tambah stok" })).toContainText("Bu Enah Uji");
    expect((await db.productVariant.findUniqueOrThrow({ where: { id: shop.variants[0]!.id }, select: { stock: true } })).stock).toBe(23);

    await page.goto(`/produk/${shop.product.slug}`);
    await expect(page.getByText("Stok: 23")).toBeVisible();
  });
});

test("taking out more than there is, a stale recount and another seller's product are refused and change nothing", async ({ page }) => {
  const shop = await createShippingStore({ variants: [{ name: "Sambal 150 ml", priceIdr: 25_000, stock: 4 }] });
  const other = await createShippingStore({ variants: [{ name: "Madu 250 ml", priceIdr: 60_000, stock: 4 }] });
  const seller = await createUser({ roles: ["SELLER", "SHOPPER"] });
  await addStoreMember(shop.store.id, seller.id);
  await logIn(page, seller);
  const variantId = shop.variants[0]!.id;

  const tooMany = await page.request.post(`/penjual/produk/${shop.product.id}`, { form: { variantId, reason: "DAMAGED", quantity: "5" } });
  expect(tooMany.status()).toBe(409);
  const stale = await page.request.post(`/penjual/produk/${shop.product.id}`, { form: { variantId, reason: "CORRECTION", countedStock: "10", expectedStock: "7" } });
  expect(stale.status()).toBe(409);
  const bad = await page.request.post(`/penjual/produk/${shop.product.id}`, { form: { variantId, reason: "RESTOCK", quantity: "-3" } });
  expect(bad.status()).toBe(400);
  expect((await db.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } })).stock).toBe(4);

  expect((await page.goto(`/penjual/produk/${other.product.id}`))?.status()).toBe(404);
  const foreign = await page.request.post(`/penjual/produk/${other.product.id}`, { form: { variantId: other.variants[0]!.id, reason: "RESTOCK", quantity: "5" } });
  expect(foreign.status()).toBe(404);
  const smuggled = await page.request.post(`/penjual/produk/${shop.product.id}`, { form: { variantId: other.variants[0]!.id, reason: "RESTOCK", quantity: "5" } });
  expect(smuggled.status()).toBe(404);
  expect((await db.productVariant.findUniqueOrThrow({ where: { id: other.variants[0]!.id }, select: { stock: true } })).stock).toBe(4);
});

test("a seller removes a variant made by mistake; another seller's variant cannot be removed", async ({ page }) => {
  const shop = await createShippingStore({
    variants: [
      { name: "Kopi 250 g", priceIdr: 40_000, stock: 3 },
      { name: "Kopi 2500 g salah ketik", priceIdr: 40_000, stock: 0 },
    ],
  });
  const other = await createShippingStore({
    variants: [
      { name: "Teh 100 g", priceIdr: 20_000, stock: 2 },
      { name: "Teh 200 g", priceIdr: 35_000, stock: 2 },
    ],
  });
  const seller = await createUser({ roles: ["SELLER", "SHOPPER"] });
  await addStoreMember(shop.store.id, seller.id);
  await logIn(page, seller);

  const foreign = await page.request.post(`/penjual/produk/${other.product.id}`, { form: { intent: "remove-variant", variantId: other.variants[1]!.id } });
  expect(foreign.status()).toBe(404);
  const smuggled = await page.request.post(`/penjual/produk/${shop.product.id}`, { form: { intent: "remove-variant", variantId: other.variants[1]!.id } });
  expect(smuggled.status()).toBe(404);
  expect(await db.productVariant.count({ where: { productId: other.product.id } })).toBe(2);

  await page.goto(`/penjual/produk/${shop.product.id}`);
  const mistake = page.getByRole("region", { name: "Kopi 2500 g salah ketik" });
  await mistake.getByText("Hapus varian ini").click();
  await mistake.getByRole("button", { name: "Ya, hapus Kopi 2500 g salah ketik" }).click();
  await expect(page.getByRole("status")).toHaveText("Varian sudah dihapus.");
  await expect(page.getByRole("heading", { name: "Kopi 2500 g salah ketik" })).toHaveCount(0);
  // The last variant offers no removal.
  await expect(page.getByText("Hapus varian ini")).toHaveCount(0);
  await page.goto(`/produk/${shop.product.slug}`);
  await expect(page.getByText("Kopi 2500 g salah ketik")).toHaveCount(0);
});
