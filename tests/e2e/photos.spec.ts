import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Locator } from "@playwright/test";
import sharp from "sharp";
import { addStoreMember, createUser, db, unique } from "./db";
import { logIn } from "./helpers";
import { createShippingStore } from "./shop-helpers";

// Sellers add product photos: with JavaScript (progress bar, the page reloads its data) and without
// (a plain multipart form). The photos must then really load on the store and product pages.

const DEMO_PASSWORD = "pasar-mandiri-demo";
const fixtureDir = path.resolve(fileURLToPath(new URL("../..", import.meta.url)), "tests/.tmp/photos-e2e");

/** A small JPEG (a phone photo stand-in) written once for this run; a different colour gives a different photo. */
async function fixtureJpeg(name: string, background: string): Promise<string> {
  await mkdir(fixtureDir, { recursive: true });
  const file = path.join(fixtureDir, name);
  const bytes = await sharp({ create: { width: 800, height: 600, channels: 3, background } })
    .composite([{ input: await sharp({ create: { width: 200, height: 200, channels: 3, background: "#1d2320" } }).png().toBuffer(), top: 150, left: 250 }])
    .jpeg({ quality: 80 })
    .toBuffer();
  await writeFile(file, bytes);
  return file;
}

/** The image has been fetched and decoded by the browser (not just a tag with a broken src). */
async function expectLoaded(image: Locator) {
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
}

test("a demo seller creates a product, adds a photo with the progress upload, publishes it, and the photo shows in the store", async ({ page }) => {
  const photo = await fixtureJpeg(`keripik-${unique()}.jpg`, "#c98b2b");
  const notAPhoto = path.join(fixtureDir, `catatan-${unique()}.jpg`);
  await writeFile(notAPhoto, "Bukan foto, hanya catatan.\n");
  const seller = await db.user.findUniqueOrThrow({
    where: { email: "penjual02@pasarmandiri.test" },
    select: { id: true, email: true, name: true, storeMemberships: { select: { store: { select: { slug: true } } } } },
  });
  const title = `E2E Keripik Pisang ${unique().slice(-5)}`;

  await logIn(page, { ...seller, password: DEMO_PASSWORD });
  await page.goto("/penjual/produk/baru");
  await page.getByLabel("Nama produk").fill(title);
  await page.getByLabel("Kategori").selectOption({ index: 1 });
  await page.getByLabel("Keterangan produk").fill("Pisang kepok diiris tipis, digoreng dengan minyak baru.");
  await page.getByRole("radio", { name: "Draf" }).check();
  const row = page.getByRole("group", { name: "Nama pilihan, misalnya 250 g 1" });
  await row.getByLabel("Nama pilihan, misalnya 250 g").fill("200 g");
  await row.getByLabel("Harga jual (Rp)").fill("15.000");
  await row.getByLabel("Modal per barang (Rp)").fill("9.000");
  await row.getByLabel("Berat kirim (gram)").fill("220");
  await row.getByLabel("Stok awal").fill("10");
  await page.getByRole("button", { name: "Simpan produk" }).click();

  // The next step after creating a product is its photos.
  await expect(page).toHaveURL(/\/penjual\/produk\/[^/]+\/foto\?baru=1$/);
  await expect(page.getByText("Sekarang tambahkan foto produk")).toBeVisible();
  await expect(page.getByRole("heading", { name: "0 dari 8 foto." })).toBeVisible();

  // A file that is not a photo is refused before anything is saved, with the file named.
  await page.getByLabel("Pilih foto (boleh beberapa sekaligus)").setInputFiles(notAPhoto);
  await page.getByRole("button", { name: "Unggah foto" }).click();
  await expect(page.getByRole("alert")).toContainText(`${path.basename(notAPhoto)}: bukan foto`);

  // The upload goes by XMLHttpRequest (the page does not navigate) and the list refreshes.
  const uploads: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") uploads.push(new URL(request.url()).pathname);
  });
  // Hold the upload's answer a moment to see the progress bar.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/foto/unggah", async (route) => {
    await held;
    await route.continue();
  });
  await page.getByLabel("Pilih foto (boleh beberapa sekaligus)").setInputFiles(photo);
  await page.getByRole("button", { name: "Unggah foto" }).click();
  await expect(page.getByRole("progressbar", { name: "Mengunggah foto…" })).toBeVisible();
  release();
  await expect(page.getByText("1 foto tersimpan.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "1 dari 8 foto." })).toBeVisible();
  expect(uploads.filter((p) => p.endsWith("/foto/unggah"))).toHaveLength(1);
  const listed = page.getByRole("listitem").filter({ hasText: "Foto 1" }).getByRole("img", { name: title });
  await expectLoaded(listed);

  // Publish it in the editor, reached from the photos page.
  await page.getByRole("link", { name: "Ubah produk" }).click();
  await page.getByRole("radio", { name: "Dijual" }).check();
  await page.getByRole("button", { name: "Simpan produk" }).click();
  await expect(page.getByText("Produk tersimpan.")).toBeVisible();

  const product = await db.product.findFirstOrThrow({ where: { title }, select: { slug: true, status: true, store: { select: { slug: true } }, images: { select: { storageKey: true } } } });
  expect(product.status).toBe("ACTIVE");
  expect(product.images).toHaveLength(1);

  await page.goto(`/toko/${product.store.slug}`);
  const card = page.getByRole("link", { name: new RegExp(title) });
  await expect(card).toBeVisible();
  await expect(card.getByRole("img")).toHaveAttribute("src", new RegExp(`^/gambar/${product.images[0]!.storageKey}/`));
  await expectLoaded(card.getByRole("img"));

  await page.goto(`/produk/${product.slug}`);
  const galleryPhoto = page.getByRole("list", { name: "Foto produk" }).getByRole("img", { name: title });
  await expectLoaded(galleryPhoto);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the plain form uploads several photos; main photo, description and delete with a confirm step work too", async ({ page }) => {
    const [first, second] = await Promise.all([fixtureJpeg(`a-${unique()}.jpg`, "#2b7bc9"), fixtureJpeg(`b-${unique()}.jpg`, "#6b2bc9")]);
    const shop = await createShippingStore({ variants: [{ name: "Toples 250 g", priceIdr: 20_000, stock: 5 }] });
    const seller = await createUser({ roles: ["SELLER"] });
    await addStoreMember(shop.store.id, seller.id);
    const productId = shop.product.id;

    await logIn(page, seller);
    await page.goto(`/penjual/produk/${productId}/ubah`);
    await page.getByRole("link", { name: "Foto produk" }).click();
    await expect(page).toHaveURL(`/penjual/produk/${productId}/foto`);

    await page.getByLabel("Pilih foto (boleh beberapa sekaligus)").setInputFiles([first, second]);
    await page.getByRole("button", { name: "Unggah foto" }).click();
    await expect(page.getByText("2 foto tersimpan.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "2 dari 8 foto." })).toBeVisible();
    const photos = () => db.productImage.findMany({ where: { productId }, select: { id: true, alt: true }, orderBy: { position: "asc" } });
    const [p1, p2] = await photos();

    await page.getByRole("button", { name: "Jadikan foto 2 foto utama" }).click();
    await expect(page.getByText("Foto utama sudah diganti.")).toBeVisible();
    expect((await photos()).map((p) => p.id)).toEqual([p2!.id, p1!.id]);

    await page.getByLabel("Keterangan foto 1").fill("Toples kaca berisi kue kering");
    await page.getByRole("listitem").filter({ hasText: "Foto 1" }).getByRole("button", { name: "Simpan keterangan" }).click();
    await expect(page.getByText("Keterangan foto tersimpan.")).toBeVisible();
    expect((await photos())[0]!.alt).toBe("Toples kaca berisi kue kering");

    // Deleting asks first; the question opens without JavaScript (a details element).
    await page.getByRole("listitem").filter({ hasText: "Foto 2" }).getByText("Hapus foto", { exact: true }).click();
    await page.getByRole("button", { name: "Ya, hapus foto 2" }).click();
    await expect(page.getByText("Foto sudah dihapus.")).toBeVisible();
    expect((await photos()).map((p) => p.id)).toEqual([p2!.id]);
    await expectLoaded(page.getByRole("img", { name: "Toples kaca berisi kue kering" }));

    // The store's logo, from the same kind of form, shows on the public store page.
    const store = await db.store.findUniqueOrThrow({ where: { id: shop.store.id }, select: { name: true, slug: true } });
    await page.goto(`/penjual/toko/${shop.store.id}/logo`);
    await expect(page.getByText("Toko ini belum punya logo.")).toBeVisible();
    await page.getByLabel("Pilih gambar logo").setInputFiles(first);
    await page.getByRole("button", { name: "Simpan logo" }).click();
    await expect(page.getByText("Logo tersimpan.")).toBeVisible();
    await page.goto(`/toko/${store.slug}`);
    await expectLoaded(page.getByRole("img", { name: `Logo ${store.name}` }));
  });
});
