import { expect, test, type Page } from "@playwright/test";
import { db } from "./db";
import { logIn } from "./helpers";

// A demo seller (prisma/seed.ts) edits their store's story and WhatsApp number and adds a shipping rate;
// the public store page shows the story and links to the new number. Each run starts from a fresh seed,
// and each journey uses its own demo seller, so the two do not meet.
const DEMO_PASSWORD = "pasar-mandiri-demo";

async function demoSeller(email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true } });
  const store = await db.store.findFirstOrThrow({ where: { members: { some: { userId: user.id } } }, select: { id: true, slug: true } });
  return { user: { ...user, password: DEMO_PASSWORD }, store };
}

async function editStory(page: Page, story: string, whatsapp: string) {
  await page.goto("/penjual");
  await page.getByRole("link", { name: /^Profil toko/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Profil toko");
  await expect(page.getByRole("link", { name: "Ganti logo" })).toHaveAttribute("href", /\/penjual\/toko\/[^/]+\/logo$/);
  await page.getByLabel("Cerita usaha (tidak wajib)").fill(story);
  await page.getByLabel("Nomor WhatsApp").fill(whatsapp);
  await page.getByRole("button", { name: "Simpan profil" }).click();
  await expect(page.getByText("Profil toko tersimpan.")).toBeVisible();
}

async function addBaliRate(page: Page) {
  const unshipped = page.getByRole("note");
  await expect(unshipped).toContainText("Bali");
  const add = page.getByRole("form", { name: "Tambah ongkos kirim ke provinsi lain" });
  await add.getByLabel("Provinsi tujuan").selectOption({ label: "Bali" });
  await add.getByLabel("1 kg pertama (Rp)").fill("35.000");
  await add.getByLabel("Tiap kg berikutnya (Rp)").fill("30000");
  await add.getByLabel("Perkiraan lama kirim, dalam hari (tidak wajib)").fill("5");
  await add.getByRole("button", { name: "Tambah ongkos kirim" }).click();
  await expect(page.getByText("Ongkos kirim ditambahkan.")).toBeVisible();
  const row = page.getByRole("form", { name: "Ke Bali" });
  await expect(row.getByLabel("1 kg pertama (Rp)")).toHaveValue("35000");
  await expect(row).toContainText("Paket 1 kg: Rp\u00a035.000 · paket 3 kg: Rp\u00a095.000");
  await expect(page.getByRole("note")).not.toContainText("Bali");
}

async function expectPublicPage(page: Page, slug: string, story: string, waNumber: string) {
  await page.goto(`/toko/${slug}`);
  const storyText = page.getByRole("heading", { name: "Cerita kami" }).locator("xpath=following-sibling::p[1]");
  // Line breaks the seller typed are kept.
  expect(await storyText.innerText()).toBe(story);
  await expect(page.getByRole("link", { name: "Hubungi lewat WhatsApp" })).toHaveAttribute("href", new RegExp(`^https://wa\\.me/${waNumber}\\?text=`));
}

test("a demo seller edits the story and WhatsApp number, adds a shipping rate, and the store page shows them", async ({ page }) => {
  const { user, store } = await demoSeller("penjual01@pasarmandiri.test");
  const story = "Kami menggoreng keripik setiap pagi.\nPesanan dikirim setiap Senin dan Kamis.";
  await logIn(page, user);
  await editStory(page, story, "0857-1111-2222");
  await addBaliRate(page);
  const rate = await db.shippingRate.findFirstOrThrow({ where: { storeId: store.id, province: { name: "Bali" } }, select: { firstKgIdr: true, additionalKgIdr: true, estimatedDays: true } });
  expect(rate).toEqual({ firstKgIdr: 35000, additionalKgIdr: 30000, estimatedDays: 5 });
  await expectPublicPage(page, store.slug, story, "6285711112222");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same journey works as plain forms, and the store moves to another regency", async ({ page }) => {
    const { user, store } = await demoSeller("penjual02@pasarmandiri.test");
    const story = "Usaha ini dimulai dari dapur ibu.\n\nSekarang kami bertiga.";
    await logIn(page, user);
    await editStory(page, story, "+62 813 3333 4444");
    await addBaliRate(page);

    // Province first (a GET form reloads the regencies), then the regency.
    await page.getByLabel("Provinsi", { exact: true }).selectOption({ label: "Bali" });
    await page.getByRole("button", { name: "Tampilkan kabupaten/kota" }).click();
    await page.getByLabel("Kabupaten/Kota", { exact: true }).selectOption({ label: "Kota Denpasar" });
    await page.getByRole("button", { name: "Simpan lokasi" }).click();
    await expect(page.getByText("Lokasi toko tersimpan.")).toBeVisible();
    await expect(page.getByText("Sekarang: Kota Denpasar, Bali")).toBeVisible();

    await expectPublicPage(page, store.slug, story, "6281333334444");
    await expect(page.getByText("Kota Denpasar, Bali")).toBeVisible();
  });
});
