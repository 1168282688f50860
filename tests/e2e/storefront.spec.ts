import { expect, test, type Page } from "@playwright/test";
import { createProduct, createStoreWithProduct, createUser, unique } from "./db";
import { accountNav, logIn } from "./helpers";

/** A product card on a listing: the list item whose heading is the product's title. */
function productCard(page: Page, title: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
}

test("a new product is listed on the home page with its Rupiah price and opens its page with every variant", async ({ page }) => {
  const { store, product } = await createStoreWithProduct({
    variants: [
      { name: "Kemasan 100 g", priceIdr: 15_000, stock: 12, weightGrams: 100 },
      { name: "Kemasan 500 g", priceIdr: 62_500, stock: 0, weightGrams: 500 },
    ],
  });

  await page.goto("/");
  const card = productCard(page, product.title);
  await expect(card).toContainText(`dari ${store.name}`);
  // Exactly as Intl formats Rupiah for id-ID: a no-break space after "Rp", dots between thousands, no decimals.
  expect(await card.textContent()).toContain("Rp\u00a015.000 – Rp\u00a062.500");

  await card.getByRole("link").click();
  await expect(page).toHaveURL(`/produk/${product.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: product.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pilihan" })).toBeVisible();

  const small = page.getByRole("listitem").filter({ hasText: "Kemasan 100 g" });
  await expect(small).toContainText("Rp 15.000");
  await expect(small).toContainText("Stok: 12");
  await expect(small).toContainText("Berat 100 g");
  const large = page.getByRole("listitem").filter({ hasText: "Kemasan 500 g" });
  await expect(large).toContainText("Rp 62.500");
  await expect(large).toContainText("Stok habis");
  await expect(large).toContainText("Berat 500 g");

  await page.getByRole("link", { name: store.name }).click();
  await expect(page).toHaveURL(`/toko/${store.slug}`);
});

test("draft products and products of suspended stores are not listed and their pages are 404", async ({ page }) => {
  const listed = await createStoreWithProduct();
  const draft = await createStoreWithProduct({ productStatus: "DRAFT" });
  const suspended = await createStoreWithProduct({ storeStatus: "SUSPENDED" });

  await page.goto("/");
  await expect(productCard(page, listed.product.title)).toBeVisible();
  await expect(page.getByText(draft.product.title)).toHaveCount(0);
  await expect(page.getByText(suspended.product.title)).toHaveCount(0);

  for (const path of [`/produk/${draft.product.slug}`, `/produk/${suspended.product.slug}`, `/toko/${suspended.store.slug}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
    await expect(page.getByText(draft.product.title)).toHaveCount(0);
    await expect(page.getByText(suspended.product.title)).toHaveCount(0);
  }

  // The draft's store is open, but shows only what is for sale.
  const response = await page.goto(`/toko/${draft.store.slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Toko ini belum punya produk aktif.")).toBeVisible();
  await expect(page.getByText(draft.product.title)).toHaveCount(0);
});

test("a store page lists the store's products and links to WhatsApp", async ({ page }) => {
  const { store, category, product } = await createStoreWithProduct({ whatsapp: "6281234567890" });
  const second = await createProduct({ storeId: store.id, categoryId: category.id });
  const elsewhere = await createStoreWithProduct();

  const response = await page.goto(`/toko/${store.slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: store.name })).toBeVisible();

  const products = page.getByRole("region", { name: "Produk dari toko ini" });
  await expect(products.getByRole("heading", { name: product.title, exact: true })).toBeVisible();
  await expect(products.getByRole("heading", { name: second.title, exact: true })).toBeVisible();
  await expect(page.getByText(elsewhere.product.title)).toHaveCount(0);

  const message = `Halo ${store.name}, saya lihat toko Anda di Pasar Mandiri.`;
  await expect(page.getByRole("link", { name: "Hubungi lewat WhatsApp" })).toHaveAttribute(
    "href",
    `https://wa.me/6281234567890?text=${encodeURIComponent(message)}`,
  );

  await products.getByRole("link", { name: second.title }).click();
  await expect(page).toHaveURL(`/produk/${second.slug}`);
});

test("unknown addresses get a 404 status and the helpful page", async ({ page }) => {
  for (const path of [`/halaman-${unique()}`, `/produk/tidak-ada-${unique()}`, `/toko/tidak-ada-${unique()}`, `/kategori/tidak-ada-${unique()}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
    await expect(page.getByText("Alamat yang Anda buka tidak ada.")).toBeVisible();
    await expect(page).toHaveTitle(/Halaman tidak ditemukan/);
  }

  await page.getByRole("link", { name: "Kembali ke beranda" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1, name: "Belanja produk keluarga mandiri" })).toBeVisible();
});

test("switching to English changes the interface and stays on across pages", async ({ page }) => {
  const { store, product } = await createStoreWithProduct({ variants: [{ name: "Toples 250 g", priceIdr: 18_000, stock: 7 }] });

  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await page.getByRole("button", { name: "English" }).click();

  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1, name: "Shop from self-reliant families" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const nav = accountNav(page, "My account");
  await expect(nav.getByRole("link", { name: "Log in" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Sign up" })).toBeVisible();
  await expect(productCard(page, product.title)).toContainText(`from ${store.name}`);

  await productCard(page, product.title).getByRole("link").click();
  await expect(page).toHaveURL(`/produk/${product.slug}`);
  await expect(page.getByRole("heading", { name: "Options" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Toples 250 g" })).toContainText("Stock: 7");

  // A full page load (not only client-side navigation) keeps the choice.
  const response = await page.goto("/masuk");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Log in to Pasar Mandiri" })).toBeVisible();
  await expect(page.getByLabel("Email address")).toBeVisible();
  await expect(page).toHaveTitle(/Log in to Pasar Mandiri/);

  await page.goto(`/produk/${product.slug}`);
  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  // Back to Indonesian, on the same page.
  await expect(page).toHaveURL(`/produk/${product.slug}`);
  await expect(page.getByRole("heading", { name: "Pilihan" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
});

test("the home page fits a 360 px wide phone without horizontal scrolling", async ({ page }) => {
  await createStoreWithProduct({
    storeName: "Kelompok Usaha Bersama Anyaman Pandan Sejahtera Tasikmalaya",
    productTitle: "Keripik Singkong Balado Pedas Manis Khas Garut Kemasan Hemat Keluarga",
    variants: [
      { name: "Kemasan 1 kg", priceIdr: 1_250_000, stock: 3 },
      { name: "Kemasan 5 kg", priceIdr: 12_500_000, stock: 1 },
    ],
  });
  await page.setViewportSize({ width: 360, height: 740 });

  async function expectNoHorizontalScroll(when: string) {
    const { clientWidth, scrollWidth } = await page.evaluate(() => ({
      clientWidth: document.documentElement.clientWidth,
      scrollWidth: document.scrollingElement!.scrollWidth,
    }));
    expect(clientWidth, `layout width ${when}`).toBe(360);
    expect(scrollWidth, `scroll width ${when}`).toBeLessThanOrEqual(360);
  }

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Belanja produk keluarga mandiri" })).toBeVisible();
  await expect(page.getByRole("button", { name: "English" })).toBeInViewport();
  await expect(accountNav(page).getByRole("link", { name: "Masuk" })).toBeInViewport();
  await expectNoHorizontalScroll("for a visitor");

  // The busiest header: a long name and every role area.
  const staff = await createUser({
    roles: ["SHOPPER", "SELLER", "FACILITATOR", "ADMIN"],
    name: "Kartika Sari Dewi Rahayuningsih Purnamasari",
  });
  await logIn(page, staff);
  await page.goto("/");
  await expect(accountNav(page).getByRole("button", { name: "Keluar" })).toBeVisible();
  await expectNoHorizontalScroll("for a logged-in user with every role");
});
