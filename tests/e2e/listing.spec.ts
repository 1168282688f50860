import { expect, test } from "@playwright/test";
import { addStoreMember, createUser, db, unique } from "./db";
import { logIn } from "./helpers";
import { createShippingStore } from "./shop-helpers";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a seller lists a new product; a price below cost is asked about first; it appears in the store front", async ({ page }) => {
    const shop = await createShippingStore({ variants: [{ name: "Lama 100 g", priceIdr: 10_000, stock: 5 }] });
    const seller = await createUser({ roles: ["SELLER", "SHOPPER"] });
    await addStoreMember(shop.store.id, seller.id);
    const title = `Rengginang Terasi ${unique().slice(-5)}`;

    await logIn(page, seller);
    await page.goto("/penjual");
    await page.getByRole("link", { name: "Tambah produk" }).first().click();
    await page.getByLabel("Nama produk").fill(title);
    await page.getByLabel("Kategori").selectOption({ index: 1 });
    await page.getByLabel("Keterangan produk").fill("Rengginang beras ketan dengan terasi, digoreng sendiri.");
    await page.getByRole("radio", { name: "Dijual" }).check();
    const first = page.getByRole("group", { name: "Nama pilihan, misalnya 250 g 1" });
    await first.getByLabel("Nama pilihan, misalnya 250 g").fill("200 g");
    await first.getByLabel("Harga jual (Rp)").fill("12.000");
    await first.getByLabel("Modal per barang (Rp)").fill("13.000");
    await first.getByLabel("Berat kirim (gram)").fill("220");
    await first.getByLabel("Stok awal").fill("15");
    await page.getByRole("button", { name: "Simpan produk" }).click();

    // Refused with a question; what was typed is still there.
    await expect(page.getByRole("alert")).toContainText("Ada harga di bawah modal");
    await expect(page.getByLabel("Nama produk")).toHaveValue(title);
    expect(await db.product.count({ where: { title } })).toBe(0);
    await page.getByLabel("Saya mengerti, tetap simpan").check();
    await page.getByRole("button", { name: "Simpan produk" }).click();
    await expect(page.getByText("Produk tersimpan.")).toBeVisible();

    const product = await db.product.findFirstOrThrow({ where: { title }, select: { slug: true, storeId: true, variants: { select: { priceIdr: true, costIdr: true, stock: true } } } });
    expect(product.storeId).toBe(shop.store.id);
    expect(product.variants).toEqual([{ priceIdr: 12_000, costIdr: 13_000, stock: 15 }]);

    await page.goto(`/toko/${shop.store.slug}`);
    await expect(page.getByRole("link", { name: new RegExp(title) })).toBeVisible();
    await page.goto(`/produk/${product.slug}`);
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
  });
});

test("a seller cannot open or change another store's product", async ({ page }) => {
  const mine = await createShippingStore({ variants: [{ name: "Sambal 150 ml", priceIdr: 25_000, stock: 4 }] });
  const theirs = await createShippingStore({ variants: [{ name: "Madu 250 ml", priceIdr: 60_000, stock: 4 }] });
  const seller = await createUser({ roles: ["SELLER", "SHOPPER"] });
  await addStoreMember(mine.store.id, seller.id);
  await logIn(page, seller);

  expect((await page.goto(`/penjual/produk/${theirs.product.id}/ubah`))?.status()).toBe(404);
  const category = await db.category.findFirstOrThrow({ select: { id: true } });
  const response = await page.request.post(`/penjual/produk/${theirs.product.id}/ubah`, {
    form: { title: "Diambil alih", categoryId: category.id, description: "Bukan produk saya sama sekali.", status: "ARCHIVED", "variants[0].name": "x", "variants[0].priceIdr": "1", "variants[0].costIdr": "0", "variants[0].weightGrams": "1" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(404);
  const after = await db.product.findUniqueOrThrow({ where: { id: theirs.product.id }, select: { title: true, status: true } });
  expect(after.status).toBe("ACTIVE");
  expect(after.title).not.toBe("Diambil alih");
  const intoTheirStore = await page.request.post("/penjual/produk/baru", {
    form: { storeId: theirs.store.id, title: "Produk Selundupan", categoryId: category.id, description: "Masuk ke toko orang lain.", status: "ACTIVE", "variants[0].name": "x", "variants[0].priceIdr": "1000", "variants[0].costIdr": "0", "variants[0].weightGrams": "1" },
    maxRedirects: 0,
  });
  expect(intoTheirStore.status()).toBe(404);
  expect(await db.product.count({ where: { title: "Produk Selundupan" } })).toBe(0);
});
