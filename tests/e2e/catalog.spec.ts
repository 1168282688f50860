import { expect, test, type Locator, type Page } from "@playwright/test";
import { createCatalogProduct, createCatalogStore } from "./catalog-factories";
import { createCategory, db } from "./db";

// Regions loaded by the seed (Kemendagri codes).
const GARUT = "32.05"; // Kabupaten Garut, Jawa Barat
const BANDUNG = "32.04"; // Kabupaten Bandung, Jawa Barat
const BANYUMAS = "33.02"; // Kabupaten Banyumas, Jawa Tengah

const days = (n: number) => new Date(Date.UTC(2026, 0, 1 + n));

/** The results of a listing: the region named by its product count. */
function results(page: Page) {
  return page.getByRole("region", { name: /\d+ produk$/ });
}

/** Product titles in the order shown (each card's heading). */
async function shownTitles(list: Locator): Promise<string[]> {
  return (await list.getByRole("heading", { level: 3 }).allTextContents()).map((t) => t.trim());
}

async function expectNoHorizontalScroll(page: Page) {
  const widths = await page.evaluate(() => ({ client: document.documentElement.clientWidth, scroll: document.scrollingElement!.scrollWidth }));
  expect(widths.scroll, "no horizontal scrolling").toBeLessThanOrEqual(widths.client);
}

/** A category with coffee from two provinces: prices, stock and sales chosen so every filter and order differs. */
async function coffeeCategory() {
  const category = await createCategory();
  const garut = await createCatalogStore({ regencyCode: GARUT });
  const bandung = await createCatalogStore({ regencyCode: BANDUNG });
  const banyumas = await createCatalogStore({ regencyCode: BANYUMAS });
  const suspended = await createCatalogStore({ regencyCode: BANYUMAS, status: "SUSPENDED" });
  const make = (storeId: string, title: string, extra: Omit<Parameters<typeof createCatalogProduct>[0], "storeId" | "categoryId" | "title">) =>
    createCatalogProduct({ storeId, categoryId: category.id, title, ...extra });
  const products = {
    arabika: await make(garut.id, "Kopi Arabika Garut", { soldCount: 40, publishedAt: days(1), variants: [{ name: "250 g", priceIdr: 45_000, stock: 6 }] }),
    robusta: await make(garut.id, "Kopi Robusta Garut", { soldCount: 12, publishedAt: days(2), variants: [{ name: "250 g", priceIdr: 28_000, stock: 0 }] }),
    luwak: await make(bandung.id, "Kopi Luwak Bandung", { soldCount: 3, publishedAt: days(3), variants: [{ name: "100 g", priceIdr: 95_000, stock: 2 }, { name: "250 g", priceIdr: 210_000, stock: 1 }] }),
    tubruk: await make(banyumas.id, "Kopi Tubruk Banyumas", { soldCount: 20, publishedAt: days(4), variants: [{ name: "500 g", priceIdr: 35_000, stock: 9 }] }),
  };
  const hidden = [
    await make(garut.id, "Kopi Draf Tersembunyi", { status: "DRAFT", soldCount: 99, variants: [{ name: "250 g", priceIdr: 1_000, stock: 5 }] }),
    await make(garut.id, "Kopi Arsip Tersembunyi", { status: "ARCHIVED", soldCount: 99, variants: [{ name: "250 g", priceIdr: 1_000, stock: 5 }] }),
    await make(suspended.id, "Kopi Toko Ditangguhkan", { soldCount: 99, variants: [{ name: "250 g", priceIdr: 1_000, stock: 5 }] }),
  ];
  return { category, products, hidden };
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the category page filters and sorts through its GET form and the address holds the state", async ({ page, browser }) => {
    const { category, products, hidden } = await coffeeCategory();

    // From the home page's categories.
    await page.goto("/");
    const categoryLink = page.getByRole("region", { name: "Belanja per kategori" }).getByRole("link", { name: new RegExp(category.nameId) });
    await expect(categoryLink).toContainText("4 produk");
    await categoryLink.click();
    await expect(page).toHaveURL(`/kategori/${category.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: category.nameId })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "4 produk" })).toBeVisible();
    // Newest first; nothing hidden.
    expect(await shownTitles(results(page))).toEqual(["Kopi Tubruk Banyumas", "Kopi Luwak Bandung", "Kopi Robusta Garut", "Kopi Arabika Garut"]);
    for (const product of hidden) await expect(page.getByText(product.title)).toHaveCount(0);

    // Only the provinces with an open store in this category are offered.
    await page.getByText("Saring hasil").click();
    const province = page.getByLabel("Provinsi toko");
    await expect(province.getByRole("option")).toHaveText(["Semua provinsi", "Jawa Barat", "Jawa Tengah"]);

    await province.selectOption({ label: "Jawa Barat" });
    await page.getByLabel("Hanya yang ada stok").check();
    await page.getByLabel("Urutkan").selectOption({ label: "Harga tertinggi" });
    await page.getByRole("button", { name: "Terapkan" }).click();

    await expect(page).toHaveURL(/provinsi=32(&|$)/);
    expect(new URL(page.url()).searchParams.get("tersedia")).toBe("1");
    expect(new URL(page.url()).searchParams.get("urut")).toBe("termahal");
    // Robusta is sold out, Tubruk is in Jawa Tengah; Luwak starts at Rp 95.000.
    expect(await shownTitles(results(page))).toEqual(["Kopi Luwak Bandung", "Kopi Arabika Garut"]);
    await expect(page.getByRole("heading", { level: 2, name: "2 produk" })).toBeVisible();

    // The regency list now follows the province; choose one and a price range.
    await page.getByText("Saring hasil").click();
    await expect(page.getByLabel("Kabupaten/kota toko").getByRole("option")).toHaveText(["Semua kabupaten/kota", "Kabupaten Bandung", "Kabupaten Garut"]);
    await page.getByLabel("Kabupaten/kota toko").selectOption({ label: "Kabupaten Garut" });
    await page.getByLabel("Harga terendah (Rp)").fill("40.000");
    await page.getByLabel("Harga tertinggi (Rp)").fill("50000");
    await page.getByRole("button", { name: "Terapkan" }).click();
    await expect(page).toHaveURL(/kabupaten=32\.05/);
    expect(await shownTitles(results(page))).toEqual(["Kopi Arabika Garut"]);

    // The address alone brings back the same page, form included, in a fresh browser.
    const shared = page.url();
    const other = await browser.newPage({ javaScriptEnabled: false });
    try {
      await other.goto(shared);
      expect(await shownTitles(results(other))).toEqual(["Kopi Arabika Garut"]);
      await other.getByText("Saring hasil").click();
      await expect(other.getByLabel("Provinsi toko")).toHaveValue("32");
      await expect(other.getByLabel("Kabupaten/kota toko")).toHaveValue(GARUT);
      await expect(other.getByLabel("Harga terendah (Rp)")).toHaveValue("40000");
      await expect(other.getByLabel("Harga tertinggi (Rp)")).toHaveValue("50000");
      await expect(other.getByLabel("Hanya yang ada stok")).toBeChecked();
      await expect(other.getByLabel("Urutkan")).toHaveValue("termahal");
    } finally {
      await other.close();
    }

    // Every filter cleared, the order kept; then best-selling (soldCount) and cheapest (lowest variant price).
    await page.getByRole("link", { name: "Hapus semua filter" }).click();
    await expect(page).toHaveURL(`/kategori/${category.slug}?urut=termahal`);
    expect(await shownTitles(results(page))).toEqual(["Kopi Luwak Bandung", "Kopi Arabika Garut", "Kopi Tubruk Banyumas", "Kopi Robusta Garut"]);
    await page.getByLabel("Urutkan").selectOption({ label: "Terlaris" });
    await page.getByRole("button", { name: "Terapkan" }).click();
    await expect(page).toHaveURL(/urut=terlaris/);
    expect(await shownTitles(results(page))).toEqual([products.arabika, products.tubruk, products.robusta, products.luwak].map((p) => p.title));
    await page.getByLabel("Urutkan").selectOption({ label: "Harga terendah" });
    await page.getByRole("button", { name: "Terapkan" }).click();
    expect(await shownTitles(results(page))).toEqual([products.robusta, products.tubruk, products.arabika, products.luwak].map((p) => p.title));
  });

  test("nonsense in the address is ignored with a note, never an error", async ({ page }) => {
    const { category } = await coffeeCategory();
    const response = await page.goto(`/kategori/${category.slug}?halaman=-3&harga_min=abc&urut=acak&provinsi=Jawa&tersedia=ya`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("status")).toContainText("tidak dikenali");
    await expect(page.getByRole("status")).toContainText("harga_min");
    await expect(page.getByRole("heading", { level: 2, name: "4 produk" })).toBeVisible();

    for (const path of [`/kategori/${category.slug}?halaman=99999999999999`, `/produk?kategori=tidak-ada&harga_max=1e9`, `/produk?urut[]=x&halaman=%00`]) {
      const r = await page.goto(path);
      expect(r?.status(), path).toBe(200);
    }
    const missing = await page.goto(`/kategori/tidak-ada-${Date.now()}`);
    expect(missing?.status()).toBe(404);
  });

  test("the add-to-cart form posts the chosen variant and quantity to the cart", async ({ page }) => {
    const category = await createCategory();
    const store = await createCatalogStore({ regencyCode: GARUT });
    const product = await createCatalogProduct({
      storeId: store.id,
      categoryId: category.id,
      variants: [
        { name: "Kemasan 100 g", priceIdr: 12_000, stock: 0 },
        { name: "Kemasan 250 g", priceIdr: 25_000, stock: 7 },
        { name: "Kemasan 1 kg", priceIdr: 90_000, stock: 150 },
      ],
    });
    await page.goto(`/produk/${product.slug}`);
    await expect(page.getByRole("radio", { name: /Kemasan 100 g/ })).toBeDisabled();
    await expect(page.getByRole("radio", { name: /Kemasan 250 g/ })).toBeChecked();
    // Without scripts the limit cannot follow the choice: the largest stock, capped at 99 per line.
    await expect(page.getByLabel("Jumlah")).toHaveAttribute("max", "99");
    await page.getByRole("radio", { name: /Kemasan 1 kg/ }).check();
    await page.getByLabel("Jumlah").fill("3");

    const posted = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/keranjang");
    await page.getByRole("button", { name: "Tambah ke keranjang" }).click();
    const form = new URLSearchParams((await posted).postData() ?? "");
    expect(Object.fromEntries(form)).toEqual({ intent: "add", variantId: product.variants[2]!.id, quantity: "3" });
  });
});

test("pages of a category keep the chosen order, and a page past the end shows the last one", async ({ page }) => {
  const category = await createCategory();
  const store = await createCatalogStore({ regencyCode: BANYUMAS, story: "Kami mulai berjualan keripik pada 2020." });
  const titles: string[] = [];
  for (let i = 1; i <= 26; i++) {
    const title = `Keripik Nomor ${String(i).padStart(2, "0")}`;
    titles.push(title);
    await createCatalogProduct({ storeId: store.id, categoryId: category.id, title, publishedAt: days(i), variants: [{ name: "200 g", priceIdr: 10_000 + i * 1_000, stock: 5 }] });
  }

  await page.goto(`/kategori/${category.slug}?urut=termurah`);
  const list = results(page);
  await expect(page.getByRole("heading", { level: 2, name: "26 produk" })).toBeVisible();
  expect(await shownTitles(list)).toEqual(titles.slice(0, 24));
  const pages = page.getByRole("navigation", { name: "Halaman hasil" });
  await expect(pages).toContainText("Halaman 1 dari 2");
  await expect(pages.getByRole("link", { name: "Sebelumnya" })).toHaveCount(0);

  await pages.getByRole("link", { name: "Berikutnya" }).click();
  await expect(page).toHaveURL(`/kategori/${category.slug}?urut=termurah&halaman=2`);
  expect(await shownTitles(results(page))).toEqual(titles.slice(24));
  await expect(pages).toContainText("Halaman 2 dari 2");
  await expect(pages.getByText("2", { exact: true })).toHaveAttribute("aria-current", "page");

  await pages.getByRole("link", { name: "Halaman 1" }).click();
  await expect(page).toHaveURL(`/kategori/${category.slug}?urut=termurah`);
  expect(await shownTitles(results(page))).toEqual(titles.slice(0, 24));

  const response = await page.goto(`/kategori/${category.slug}?urut=termurah&halaman=40`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("navigation", { name: "Halaman hasil" })).toContainText("Halaman 2 dari 2");
  expect(await shownTitles(results(page))).toEqual(titles.slice(24));

  // The store's own page pages its products too, newest first.
  await page.goto(`/toko/${store.slug}`);
  await expect(page.getByRole("heading", { name: "Cerita kami" })).toBeVisible();
  await expect(page.getByText("Kami mulai berjualan keripik pada 2020.")).toBeVisible();
  await expect(page.getByText("Kabupaten Banyumas, Jawa Tengah")).toBeVisible();
  const storeProducts = page.getByRole("region", { name: "Produk dari toko ini" });
  expect(await shownTitles(storeProducts)).toEqual([...titles].reverse().slice(0, 24));
  await storeProducts.getByRole("link", { name: "Berikutnya" }).click();
  await expect(page).toHaveURL(`/toko/${store.slug}?halaman=2`);
  expect(await shownTitles(page.getByRole("region", { name: "Produk dari toko ini" }))).toEqual(["Keripik Nomor 02", "Keripik Nomor 01"]);
});

test("a product page: photo gallery, variants, seller on WhatsApp, related products and a link preview with photo and price", async ({ page, request, baseURL }) => {
  const category = await createCategory();
  const store = await createCatalogStore({ regencyCode: GARUT, name: `Sambal Ceu Uji ${Date.now().toString(36)}`, whatsapp: "+62 812-1111-2222" });
  const product = await createCatalogProduct({
    storeId: store.id,
    categoryId: category.id,
    title: "Sambal Cumi Pedas Uji",
    photos: 3,
    variants: [
      { name: "Botol 150 ml", priceIdr: 35_000, stock: 4 },
      { name: "Botol 300 ml", priceIdr: 60_000, stock: 0 },
      { name: "Toples 500 ml", priceIdr: 95_000, stock: 120 },
    ],
  });
  const otherStore = await createCatalogStore({ regencyCode: BANDUNG });
  const related = await createCatalogProduct({ storeId: otherStore.id, categoryId: category.id, title: "Sambal Bawang Tetangga", soldCount: 5 });
  const hiddenRelated = await createCatalogProduct({ storeId: otherStore.id, categoryId: category.id, title: "Sambal Draf Tetangga", status: "DRAFT" });
  const soldOut = await createCatalogProduct({ storeId: store.id, categoryId: category.id, title: "Sambal Habis Uji", variants: [{ name: "Botol 150 ml", priceIdr: 30_000, stock: 0 }] });

  await page.setViewportSize({ width: 360, height: 740 });
  const response = await page.goto(`/produk/${product.slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: product.title })).toBeVisible();
  await expect(page.getByRole("link", { name: category.nameId }).first()).toHaveAttribute("href", `/kategori/${category.slug}`);

  // Gallery: responsive photos with placeholders; only the first loads at once.
  const strip = page.getByRole("list", { name: "Foto produk" });
  const photos = strip.getByRole("img");
  await expect(photos).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    const photo = photos.nth(i);
    await expect(photo).toHaveAttribute("alt", `${product.title}, foto ${i + 1}`);
    await expect(photo).toHaveAttribute("srcset", new RegExp(`/gambar/${product.images[i]!.storageKey}/160\\.webp 160w, .*960\\.webp 960w`));
    await expect(photo).toHaveAttribute("sizes", /.+/);
    await expect(photo).toHaveAttribute("style", /background-image:\s*url\("data:image\/webp;base64,/);
    await expect(photo).toHaveAttribute("loading", i === 0 ? "eager" : "lazy");
  }
  await expect.poll(() => photos.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  // Thumbnails go to each photo; the strip scrolls to the third without moving the page sideways.
  await page.getByRole("link", { name: "Foto 3 dari 3" }).click();
  await expect(page.getByRole("link", { name: "Foto 3 dari 3" })).toHaveAttribute("aria-current", "true");
  await expect.poll(() => strip.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await expect(photos.nth(2)).toBeInViewport();
  await expectNoHorizontalScroll(page);

  // Variants with their own price and stock; the quantity limit follows the chosen one (at most 99).
  await expect(page.getByRole("radio", { name: /Botol 150 ml.*Rp\s35\.000.*Stok: 4/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /Botol 300 ml.*Rp\s60\.000.*Stok habis/ })).toBeDisabled();
  await expect(page.getByLabel("Jumlah")).toHaveAttribute("max", "4");
  await page.getByRole("radio", { name: /Toples 500 ml/ }).check();
  await expect(page.getByLabel("Jumlah")).toHaveAttribute("max", "99");
  await expect(page.getByRole("button", { name: "Tambah ke keranjang" })).toBeVisible();

  // The seller, with a WhatsApp message about this product.
  await expect(page.getByText("Kabupaten Garut, Jawa Barat")).toBeVisible();
  const message = `Halo ${store.name}, saya tertarik dengan ${product.title} di Pasar Mandiri: ${baseURL}/produk/${product.slug}`;
  await expect(page.getByRole("link", { name: "Tanya penjual lewat WhatsApp" })).toHaveAttribute(
    "href",
    `https://wa.me/6281211112222?text=${encodeURIComponent(message)}`,
  );

  // Related products: the category's, never a draft, never itself.
  const alsoLike = page.getByRole("region", { name: "Produk lain yang mungkin Anda suka" });
  const relatedTitles = await shownTitles(alsoLike);
  expect(relatedTitles).toContain(related.title);
  expect(relatedTitles).toContain(soldOut.title);
  expect(relatedTitles).not.toContain(hiddenRelated.title);
  expect(relatedTitles).not.toContain(product.title);

  // A link shared on WhatsApp shows the photo, the title with the price, and the right address.
  const og = async (property: string) => page.locator(`meta[property="${property}"]`).getAttribute("content");
  expect(await og("og:title")).toBe(`${product.title} – Rp\u00a035.000 – Rp\u00a095.000`);
  expect(await og("og:url")).toBe(`${baseURL}/produk/${product.slug}`);
  expect(await og("og:type")).toBe("product");
  const image = (await og("og:image")) ?? "";
  expect(image).toBe(`${baseURL}/gambar/${product.images[0]!.storageKey}/640.webp`);
  const fetched = await request.get(image);
  expect(fetched.status()).toBe(200);
  expect(fetched.headers()["content-type"]).toBe("image/webp");
  expect(await og("og:image:width")).toBe("640");

  // Nothing in stock: no button, a clear word.
  await page.goto(`/produk/${soldOut.slug}`);
  await expect(page.getByText("Stok habis. Semua varian produk ini sedang habis.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Tambah ke keranjang" })).toHaveCount(0);
  await expect(page.getByRole("radio")).toHaveCount(0);
});

test("a store page shows its story and region and links to WhatsApp; the category page fits a phone", async ({ page }) => {
  const { category } = await coffeeCategory();
  const store = await createCatalogStore({ regencyCode: GARUT, story: "Usaha keluarga sejak 2019.", whatsapp: "+62 813-0000-1111" });
  await createCatalogProduct({ storeId: store.id, categoryId: category.id, title: "Kopi Toko Cerita" });

  await page.goto(`/toko/${store.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: store.name })).toBeVisible();
  await expect(page.getByText("Usaha keluarga sejak 2019.")).toBeVisible();
  await expect(page.getByText("Kabupaten Garut, Jawa Barat")).toBeVisible();
  const message = `Halo ${store.name}, saya lihat toko Anda di Pasar Mandiri.`;
  await expect(page.getByRole("link", { name: "Hubungi lewat WhatsApp" })).toHaveAttribute("href", `https://wa.me/6281300001111?text=${encodeURIComponent(message)}`);
  await expect(page.getByRole("navigation", { name: "Halaman hasil" })).toHaveCount(0);

  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/kategori/${category.slug}`);
  await page.getByText("Saring hasil").click();
  await expect(page.getByLabel("Provinsi toko")).toBeVisible();
  await expectNoHorizontalScroll(page);
  // With JavaScript a new order applies as soon as it is chosen.
  await page.getByLabel("Urutkan").selectOption({ label: "Terlaris" });
  await expect(page).toHaveURL(/urut=terlaris/);
  expect((await shownTitles(results(page)))[0]).toBe("Kopi Arabika Garut");
  const total = await db.product.count({ where: { categoryId: category.id, status: "ACTIVE", store: { status: "ACTIVE" } } });
  await expect(page.getByRole("heading", { level: 2, name: `${total} produk` })).toBeVisible();
});
