import { expect, test } from "@playwright/test";
import { countSessions, createStoreWithProduct, db, unique } from "./db";
import { accountNav } from "./helpers";

// Every core flow must work as plain HTML forms and links: a cheap phone, a slow network, a script that failed to load.
test.use({ javaScriptEnabled: false });

test("without JavaScript a shopper signs up, logs out, fails a login and logs in", async ({ page }) => {
  const id = unique();
  const shopper = { name: `Wati Tanpa Skrip ${id.slice(-5)}`, email: `nojs-${id}@contoh.test`, password: "batik-tulis-2026" };
  const nav = accountNav(page);

  await page.goto("/daftar");
  await page.getByLabel("Nama lengkap").fill(shopper.name);
  await page.getByLabel("Alamat email").fill(shopper.email);
  await page.getByLabel("Kata sandi", { exact: true }).fill(shopper.password);
  await page.getByRole("button", { name: "Buat akun", exact: true }).click();
  await expect(page).toHaveURL("/");
  await expect(nav.getByText(shopper.name, { exact: true })).toBeVisible();
  const user = await db.user.findUniqueOrThrow({ where: { email: shopper.email }, select: { id: true } });

  await nav.getByRole("button", { name: "Keluar" }).click();
  await expect(nav.getByRole("link", { name: "Masuk" })).toBeVisible();
  expect(await countSessions(user.id)).toBe(0);

  await nav.getByRole("link", { name: "Masuk" }).click();
  await page.getByLabel("Alamat email").fill(shopper.email);
  await page.getByLabel("Kata sandi", { exact: true }).fill("bukan-ini");
  const failed = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/masuk");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  expect((await failed).status()).toBe(400);
  await expect(page.getByRole("alert").filter({ hasText: "Email atau kata sandi salah." })).toBeVisible();

  await page.getByLabel("Alamat email").fill(shopper.email);
  await page.getByLabel("Kata sandi", { exact: true }).fill(shopper.password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(nav.getByText(shopper.name, { exact: true })).toBeVisible();
  await expect(nav.getByRole("button", { name: "Keluar" })).toBeVisible();
  expect(await countSessions(user.id)).toBe(1);
});

test("without JavaScript a visitor opens a product from the home page and switches language", async ({ page }) => {
  const { store, product } = await createStoreWithProduct({
    variants: [{ name: "Madu 250 ml", priceIdr: 45_000, stock: 4 }],
  });

  await page.goto("/");
  await page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: product.title, exact: true }) })
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(`/produk/${product.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: product.title })).toBeVisible();
  const variant = page.getByRole("listitem").filter({ hasText: "Madu 250 ml" });
  await expect(variant).toContainText("Rp 45.000");
  await expect(variant).toContainText("Stok: 4");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page).toHaveURL(`/produk/${product.slug}`);
  await expect(page.getByRole("heading", { name: "Options" })).toBeVisible();
  await expect(variant).toContainText("Stock: 4");

  await page.getByRole("link", { name: store.name }).click();
  await expect(page).toHaveURL(`/toko/${store.slug}`);
  await expect(page.getByRole("link", { name: "Contact on WhatsApp" })).toBeVisible();

  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(page).toHaveURL(`/toko/${store.slug}`);
  await expect(page.getByRole("link", { name: "Hubungi lewat WhatsApp" })).toBeVisible();
});
