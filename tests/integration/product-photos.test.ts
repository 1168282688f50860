import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import sharp from "sharp";
import type * as ImagePipeline from "~/models/image-pipeline.server";
import type * as ProductPhotos from "~/models/product-photos.server";
// Tests call the route modules exactly as Remix does; the rule is about routes importing routes.
// eslint-disable-next-line no-restricted-imports
import type * as PhotosRoute from "~/routes/penjual.produk.$productId_.foto";
// eslint-disable-next-line no-restricted-imports
import type * as UploadRoute from "~/routes/penjual.produk.$productId_.foto.unggah";
// eslint-disable-next-line no-restricted-imports
import type * as LogoRoute from "~/routes/penjual.toko.$storeId_.logo";
// eslint-disable-next-line no-restricted-imports
import type * as StoreRoute from "~/routes/toko.$slug";
import type * as ImageStorage from "~/services/image-storage.server";
import type { ProductSearchDocument, SearchEngine } from "~/services/search/types";
import type * as Session from "~/utils/session.server";
import en from "~/locales/en";
import id from "~/locales/id";
import { createI18n } from "~/utils/i18n";
import { createTestDatabase } from "../helpers/database";
import { createRegions, createStoreWithProduct } from "../helpers/marketplace-fixtures";

// The seller's photo and logo uploads through the route actions, as Remix calls them, with real
// multipart requests, a real SQLite database and real files in a temporary storage directory.
// The app's modules are imported after the database and the storage directory are set up, so the
// routes' `prisma` and `getImageStorage()` are the test's.


let db: Awaited<ReturnType<typeof createTestDatabase>>;
let storageDir: string;
let photosRoute: typeof PhotosRoute;
let uploadRoute: typeof UploadRoute;
let logoRoute: typeof LogoRoute;
let storeRoute: typeof StoreRoute;
let models: {
  photos: typeof ProductPhotos;
  pipeline: typeof ImagePipeline;
  storage: typeof ImageStorage;
  session: typeof Session;
};
/** Every document the routes sent to the search index, in order. */
const indexed: ProductSearchDocument[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  await createRegions(db.prisma);
  storageDir = await mkdtemp(path.join(tmpdir(), "pasar-mandiri-photos-"));
  process.env.IMAGE_STORAGE_DIR = storageDir;
  process.env.LOG_LEVEL = "silent";
  globalThis.__prisma = db.prisma;
  const { ProductSearch } = await import("~/models/product-search.server");
  const recording: SearchEngine = {
    name: "embedded",
    search: () => Promise.reject(new Error("not used")),
    suggest: () => Promise.resolve([]),
    upsert: (docs) => {
      indexed.push(...docs);
      return Promise.resolve();
    },
    remove: () => Promise.resolve(),
    replaceAll: () => Promise.resolve({ count: 0 }),
  };
  globalThis.__productSearch = new ProductSearch({ db: db.prisma, engine: recording, autoSync: false, freshnessMs: 0 });
  [photosRoute, uploadRoute, logoRoute, storeRoute] = await Promise.all([
    import("~/routes/penjual.produk.$productId_.foto"),
    import("~/routes/penjual.produk.$productId_.foto.unggah"),
    import("~/routes/penjual.toko.$storeId_.logo"),
    import("~/routes/toko.$slug"),
  ]);
  models = {
    photos: await import("~/models/product-photos.server"),
    pipeline: await import("~/models/image-pipeline.server"),
    storage: await import("~/services/image-storage.server"),
    session: await import("~/utils/session.server"),
  };
});

afterAll(async () => {
  globalThis.__productSearch = undefined;
  globalThis.__prisma = undefined;
  await db.cleanup();
  await rm(storageDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Helpers

type Seller = Awaited<ReturnType<typeof createStoreWithProduct>> & { userId: string; cookie: string };

async function seller(): Promise<Seller> {
  const shop = await createStoreWithProduct(db.prisma, { variants: [{ name: "250 g", priceIdr: 15000, stock: 5 }] });
  const user = await db.prisma.user.create({
    data: { email: `foto-${shop.store.id}@test.id`, name: "Bu Sari", roles: { create: [{ role: "SELLER" }] } },
    select: { id: true },
  });
  await db.prisma.storeMember.create({ data: { storeId: shop.store.id, userId: user.id } });
  const sessionId = randomBytes(24).toString("base64url");
  await db.prisma.session.create({ data: { id: sessionId, userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) } });
  const session = await models.session.sessionStorage.getSession();
  session.set("sessionId", sessionId);
  const cookie = (await models.session.sessionStorage.commitSession(session)).split(";")[0]!;
  return { ...shop, userId: user.id, cookie };
}

type Answer = { status: number; location: string | null; body: unknown };

/** Calls a loader or action as Remix does and reads what it returned or threw. */
async function call(handler: (args: LoaderFunctionArgs) => unknown, request: Request, params: Record<string, string>): Promise<Answer> {
  let result: unknown;
  try {
    result = await handler({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), body: null };
    throw thrown;
  }
  if (result instanceof Response) {
    const json = result.headers.get("Content-Type")?.includes("json") ? await result.json() : null;
    return { status: result.status, location: result.headers.get("Location"), body: json };
  }
  if (result && typeof result === "object" && "type" in result && result.type === "DataWithResponseInit") {
    const wrapped = result as unknown as { data: unknown; init: ResponseInit | null };
    return { status: wrapped.init?.status ?? 200, location: null, body: wrapped.data };
  }
  return { status: 200, location: null, body: result };
}

type File = { name: string; bytes: Buffer; type?: string };

function multipart(url: string, cookie: string, files: File[], field = "foto"): Request {
  const form = new FormData();
  for (const file of files) form.append(field, new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "image/jpeg" }), file.name);
  return new Request(`http://localhost${url}`, { method: "POST", body: form, headers: { Cookie: cookie } });
}

function formPost(url: string, cookie: string, fields: Record<string, string>): Request {
  return new Request(`http://localhost${url}`, { method: "POST", body: new URLSearchParams(fields), headers: { Cookie: cookie } });
}

const photosUrl = (productId: string) => `/penjual/produk/${productId}/foto`;

/** Sent as the page's plain form (no JavaScript). */
const uploadByForm = (s: Seller, files: File[], productId = s.productId) =>
  call(photosRoute.action, multipart(photosUrl(productId), s.cookie, files), { productId });
/** Sent by the page's script to the JSON endpoint. */
const uploadByScript = (s: Seller, files: File[], productId = s.productId) =>
  call(uploadRoute.action, multipart(`${photosUrl(productId)}/unggah`, s.cookie, files), { productId });
const photoForm = (s: Seller, fields: Record<string, string>, productId = s.productId) =>
  call(photosRoute.action, formPost(photosUrl(productId), s.cookie, fields), { productId });

let colour = 0;
/** A distinct JPEG each call (its own content hash). */
async function jpeg(width = 640, height = 480): Promise<Buffer> {
  colour += 1;
  const background = { r: (colour * 53) % 256, g: (colour * 97) % 256, b: (colour * 151) % 256 };
  return sharp({ create: { width, height, channels: 3, background } }).jpeg({ quality: 85 }).toBuffer();
}

/** Every file under the storage directory, as "key/file". */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(storageDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(storageDir, path.join(e.parentPath, e.name)))
    .sort();
}

const photosOf = (productId: string) =>
  db.prisma.productImage.findMany({ where: { productId }, select: { id: true, storageKey: true, position: true, alt: true }, orderBy: { position: "asc" } });

const idT = createI18n("id", id).t;
const enT = createI18n("en", en).t;

type UploadBody = { saved: number; refused: { fileName: string; reason: string }[]; error: string | null };
const uploadBody = (answer: Answer) => (answer.body as { upload: UploadBody }).upload;

// ---------------------------------------------------------------------------------------------

describe("refused uploads leave nothing behind", () => {
  const refusals: { name: string; make: () => Promise<Buffer>; status: number; reason: string; says: RegExp }[] = [
    {
      name: "a text file named .jpg",
      make: async () => Buffer.from("Daftar belanja: gula, kopi, minyak.\n"),
      status: 415,
      reason: "not_an_image",
      says: /bukan foto/,
    },
    {
      name: "an SVG with a script",
      make: async () =>
        Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>fetch("/keluar")</script><rect width="10" height="10"/></svg>`),
      status: 415,
      reason: "unsupported_format",
      says: /tidak bisa dipakai/,
    },
    {
      name: "a PNG decompression bomb (tiny file, 100 megapixels)",
      make: async () => {
        const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: "#ffffff" } })
          .toColourspace("b-w")
          .png({ compressionLevel: 9 })
          .toBuffer();
        expect(bomb.length).toBeLessThan(1024 * 1024);
        return bomb;
      },
      status: 400,
      reason: "too_many_pixels",
      says: /40 megapiksel/,
    },
    {
      name: "a truncated JPEG",
      make: async () => {
        const whole = await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#8e6b3e" } })
          .composite([{ input: await sharp({ create: { width: 300, height: 300, channels: 3, background: "#1d2320" } }).png().toBuffer(), top: 100, left: 100 }])
          .jpeg({ quality: 92 })
          .toBuffer();
        return whole.subarray(0, Math.floor(whole.length / 2));
      },
      status: 400,
      reason: "corrupt",
      says: /rusak atau tidak lengkap/,
    },
    {
      name: "a 20 MB file",
      make: async () => {
        const big = Buffer.alloc(20 * 1024 * 1024, 7);
        big.set([0xff, 0xd8, 0xff, 0xe0]);
        return big;
      },
      status: 413,
      reason: "too_large",
      says: /terlalu besar/,
    },
  ];

  test.each(refusals)("$name", async ({ name, make, status, reason, says }) => {
    const s = await seller();
    const before = await filesOnDisk();
    expect(before).toEqual([]); // nothing was ever stored by the refusals before this one either
    const bytes = await make();
    const fileName = `foto-${reason}.jpg`;

    for (const upload of [uploadByForm, uploadByScript]) {
      const answer = await upload(s, [{ name: fileName, bytes, type: "image/jpeg" }]);
      expect(answer.status, name).toBe(status);
      const result = upload === uploadByForm ? uploadBody(answer) : (answer.body as UploadBody);
      expect(result).toEqual({ saved: 0, refused: [{ fileName, reason }], error: null });
      // The message the page shows names the file and says what is wrong, in both languages.
      const message = idT(`photos.refused.${reason}`, { file: fileName });
      expect(message).toMatch(says);
      expect(message).toContain(fileName);
      expect(enT(`photos.refused.${reason}`, { file: fileName })).toContain(fileName);
    }
    expect(await filesOnDisk()).toEqual([]);
    expect(await db.prisma.productImage.count()).toBe(0);
  });

  test("a body that is not a form, a broken multipart body and an empty file input", async () => {
    const s = await seller();
    const json = new Request(`http://localhost${photosUrl(s.productId)}/unggah`, {
      method: "POST",
      body: JSON.stringify({ foto: "x" }),
      headers: { Cookie: s.cookie, "Content-Type": "application/json" },
    });
    expect(await call(uploadRoute.action, json, { productId: s.productId })).toMatchObject({ status: 415, body: { error: "photos.errorNotMultipart" } });

    const broken = new Request(`http://localhost${photosUrl(s.productId)}/unggah`, {
      method: "POST",
      body: "--abc\r\nContent-Disposition: form-data; name=\"foto\"; filename=\"a.jpg\"\r\n\r\n\xff\xd8\xff",
      headers: { Cookie: s.cookie, "Content-Type": "multipart/form-data; boundary=abc" },
    });
    expect(await call(uploadRoute.action, broken, { productId: s.productId })).toMatchObject({ status: 400, body: { error: "photos.errorBadForm" } });

    // A file input left empty sends a part with no name and no bytes.
    const empty = await uploadByForm(s, [{ name: "", bytes: Buffer.alloc(0) }]);
    expect(empty.status).toBe(400);
    expect(uploadBody(empty)).toEqual({ saved: 0, refused: [], error: "photos.errorNoFile" });
    expect(await filesOnDisk()).toEqual([]);
    expect(await db.prisma.productImage.count()).toBe(0);
  });
});

describe("uploading photos", () => {
  test("a phone photo with GPS comes out without EXIF or GPS in every stored rendition, and becomes the main photo in search", async () => {
    const s = await seller();
    const input = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: "#b5651d" } })
      .jpeg()
      .withExif({
        IFD0: { Make: "DemoPhone", Model: "X1" },
        IFD3: { GPSLatitudeRef: "S", GPSLatitude: "6/1 54/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "107/1 36/1 0/1" },
      })
      .toBuffer();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    expect(input.includes(Buffer.from("DemoPhone"))).toBe(true);

    const answer = await uploadByForm(s, [{ name: "IMG_20261115.jpg", bytes: input }]);
    expect(answer).toMatchObject({ status: 302, location: `${photosUrl(s.productId)}?diunggah=1` });

    const [photo, ...others] = await photosOf(s.productId);
    expect(others).toEqual([]);
    const product = await db.prisma.product.findUniqueOrThrow({ where: { id: s.productId }, select: { title: true } });
    expect(photo).toMatchObject({ position: 0, alt: product.title });
    const files = await filesOnDisk();
    expect(files).toEqual(["160.webp", "320.webp", "640.webp", "960.webp"].map((f) => `${photo!.storageKey}/${f}`));
    for (const file of files) {
      const bytes = await readFile(path.join(storageDir, file));
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe("webp");
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(bytes.includes(Buffer.from("DemoPhone"))).toBe(false);
      expect(bytes.includes(Buffer.from("GPS"))).toBe(false);
    }
    expect(indexed.findLast((doc) => doc.id === s.productId)?.image?.storageKey).toBe(photo!.storageKey);
  });

  test("several photos at once; the 9th is refused with a message and leaves no file", async () => {
    const s = await seller();
    const six = await Promise.all(Array.from({ length: 6 }, async (_, i) => ({ name: `foto-${i + 1}.jpg`, bytes: await jpeg() })));
    expect(await uploadByForm(s, six)).toMatchObject({ status: 302, location: `${photosUrl(s.productId)}?diunggah=6` });

    const three = await Promise.all(["foto-7.jpg", "foto-8.jpg", "foto-9.jpg"].map(async (name) => ({ name, bytes: await jpeg() })));
    const answer = await uploadByScript(s, three);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ saved: 2, refused: [{ fileName: "foto-9.jpg", reason: "too_many" }], error: null });
    expect(idT("photos.refused.too_many", { file: "foto-9.jpg" })).toBe("foto-9.jpg: tidak disimpan, satu produk paling banyak 8 foto.");

    const stored = await photosOf(s.productId);
    expect(stored.map((p) => p.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const before = await filesOnDisk();
    const ninth = { name: "foto-9.jpg", bytes: await jpeg() };
    const again = await uploadByForm(s, [ninth]);
    expect(again.status).toBe(400);
    expect(uploadBody(again)).toEqual({ saved: 0, refused: [{ fileName: "foto-9.jpg", reason: "too_many" }], error: null });
    expect(await filesOnDisk()).toEqual(before);
    expect(await photosOf(s.productId)).toHaveLength(8);
  });

  test("two uploads at the same time never pass 8 photos, and the refused ones leave no files", async () => {
    const s = await seller();
    const batch = () => Promise.all(Array.from({ length: 5 }, async (_, i) => ({ name: `serentak-${i}.jpg`, bytes: await jpeg(400, 400) })));
    const [a, b] = await Promise.all([batch(), batch()]);
    const answers = await Promise.all([uploadByScript(s, a), uploadByScript(s, b)]);
    const bodies = answers.map((x) => x.body as UploadBody);
    expect(bodies.reduce((sum, body) => sum + body.saved, 0)).toBe(8);
    expect(bodies.flatMap((body) => body.refused.map((r) => r.reason))).toEqual(["too_many", "too_many"]);
    const stored = await photosOf(s.productId);
    expect(stored).toHaveLength(8);
    const keysOnDisk = new Set((await filesOnDisk()).map((f) => f.split("/")[0]));
    for (const photo of stored) expect(keysOnDisk.has(photo.storageKey)).toBe(true);
    const storedKeys = new Set((await db.prisma.productImage.findMany({ select: { storageKey: true } })).map((p) => p.storageKey));
    for (const key of keysOnDisk) expect(storedKeys.has(key!), `${key} is on disk without a row`).toBe(true);
  });

  test("the same photo twice in one product is refused once", async () => {
    const s = await seller();
    const bytes = await jpeg();
    const answer = await uploadByScript(s, [
      { name: "a.jpg", bytes },
      { name: "salinan-a.jpg", bytes },
    ]);
    expect(answer.body).toEqual({ saved: 1, refused: [{ fileName: "salinan-a.jpg", reason: "duplicate" }], error: null });
    expect(await photosOf(s.productId)).toHaveLength(1);
  });

  test("when the database step fails, the files this upload wrote are removed, shared ones stay", async () => {
    const s = await seller();
    const other = await seller();
    const shared = await jpeg();
    expect((await uploadByScript(other, [{ name: "bersama.jpg", bytes: shared }])).status).toBe(200);
    const before = await filesOnDisk();
    const fresh = await models.pipeline.processProductImage(await jpeg());
    const sharedProcessed = await models.pipeline.processProductImage(shared);
    // Seller s is not a member of other's store: the transaction refuses after the files were stored.
    await expect(
      models.photos.addProductPhotos(db.prisma, models.storage.getImageStorage(), { userId: s.userId, productId: other.productId, images: [fresh, sharedProcessed] }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await filesOnDisk()).toEqual(before);
    expect(await photosOf(other.productId)).toHaveLength(1);
  });
});

describe("arranging, describing and deleting photos", () => {
  async function withPhotos(count: number) {
    const s = await seller();
    const files = await Promise.all(Array.from({ length: count }, async (_, i) => ({ name: `f${i}.jpg`, bytes: await jpeg() })));
    expect((await uploadByForm(s, files)).status).toBe(302);
    return { s, photos: await photosOf(s.productId) };
  }
  const lastIndexedKey = (productId: string) => indexed.findLast((doc) => doc.id === productId)?.image?.storageKey;

  test("make main, move up and down; search shows the new main photo", async () => {
    const { s, photos } = await withPhotos(3);
    const [p1, p2, p3] = photos.map((p) => p.id);

    expect(await photoForm(s, { intent: "first", imageId: p3! })).toMatchObject({ status: 302, location: `${photosUrl(s.productId)}?ok=main#foto-${p3}` });
    expect((await photosOf(s.productId)).map((p) => p.id)).toEqual([p3, p1, p2]);
    expect(lastIndexedKey(s.productId)).toBe(photos[2]!.storageKey);

    await photoForm(s, { intent: "down", imageId: p3! });
    expect((await photosOf(s.productId)).map((p) => p.id)).toEqual([p1, p3, p2]);
    expect(lastIndexedKey(s.productId)).toBe(photos[0]!.storageKey);

    await photoForm(s, { intent: "up", imageId: p2! });
    expect((await photosOf(s.productId)).map((p) => [p.id, p.position])).toEqual([
      [p1, 0],
      [p2, 1],
      [p3, 2],
    ]);
    // Past either end changes nothing.
    await photoForm(s, { intent: "up", imageId: p1! });
    await photoForm(s, { intent: "down", imageId: p3! });
    expect((await photosOf(s.productId)).map((p) => p.id)).toEqual([p1, p2, p3]);
  });

  test("alt text is saved, too long is refused, empty goes back to the product's title", async () => {
    const { s, photos } = await withPhotos(1);
    const imageId = photos[0]!.id;
    expect((await photoForm(s, { intent: "alt", imageId, alt: "Keripik singkong dalam plastik 250 g" })).status).toBe(302);
    expect((await photosOf(s.productId))[0]!.alt).toBe("Keripik singkong dalam plastik 250 g");

    expect(await photoForm(s, { intent: "alt", imageId, alt: "x".repeat(201) })).toMatchObject({ status: 400, body: { error: "photos.errorAltTooLong" } });
    expect((await photosOf(s.productId))[0]!.alt).toBe("Keripik singkong dalam plastik 250 g");

    await photoForm(s, { intent: "alt", imageId, alt: "   " });
    const product = await db.prisma.product.findUniqueOrThrow({ where: { id: s.productId }, select: { title: true } });
    expect((await photosOf(s.productId))[0]!.alt).toBe(product.title);

    expect(await photoForm(s, { intent: "rotate", imageId })).toMatchObject({ status: 400, body: { error: "photos.errorBadRequest" } });
    expect(await photoForm(s, { intent: "up" })).toMatchObject({ status: 400, body: { error: "photos.errorBadRequest" } });
  });

  test("delete renumbers; files stay while another product or a logo uses the same photo, and go with the last use", async () => {
    const a = await seller();
    const b = await seller();
    const shared = await jpeg();
    const own = await jpeg();
    await uploadByForm(a, [
      { name: "bersama.jpg", bytes: shared },
      { name: "sendiri.jpg", bytes: own },
    ]);
    await uploadByForm(b, [{ name: "bersama.jpg", bytes: shared }]);
    const logo = await call(logoRoute.action, multipart(`/penjual/toko/${b.store.id}/logo`, b.cookie, [{ name: "logo.jpg", bytes: shared }], "logo"), { storeId: b.store.id });
    expect(logo.status).toBe(302);
    const [sharedPhoto, ownPhoto] = await photosOf(a.productId);
    const keysOnDisk = async () => new Set((await filesOnDisk()).map((f) => f.split("/")[0]));

    expect(await photoForm(a, { intent: "delete", imageId: ownPhoto!.id })).toMatchObject({ status: 302, location: `${photosUrl(a.productId)}?ok=deleted#daftar-foto` });
    expect((await keysOnDisk()).has(ownPhoto!.storageKey)).toBe(false);

    await photoForm(a, { intent: "delete", imageId: sharedPhoto!.id });
    expect(await photosOf(a.productId)).toEqual([]);
    expect((await keysOnDisk()).has(sharedPhoto!.storageKey)).toBe(true); // b's product and b's logo

    const [bPhoto] = await photosOf(b.productId);
    await photoForm(b, { intent: "delete", imageId: bPhoto!.id });
    expect((await keysOnDisk()).has(sharedPhoto!.storageKey)).toBe(true); // still b's logo

    await call(logoRoute.action, formPost(`/penjual/toko/${b.store.id}/logo`, b.cookie, { intent: "remove" }), { storeId: b.store.id });
    expect((await keysOnDisk()).has(sharedPhoto!.storageKey)).toBe(false);
  });

  test("deleting renumbers the photos that are left", async () => {
    const { s, photos } = await withPhotos(3);
    await photoForm(s, { intent: "delete", imageId: photos[0]!.id });
    expect((await photosOf(s.productId)).map((p) => [p.id, p.position])).toEqual([
      [photos[1]!.id, 0],
      [photos[2]!.id, 1],
    ]);
    expect(lastIndexedKey(s.productId)).toBe(photos[1]!.storageKey);
  });
});

describe("store logo", () => {
  test("upload, replace (the old files go), refuse a bad file, show it on the public store page, remove", async () => {
    const s = await seller();
    const logoUrl = `/penjual/toko/${s.store.id}/logo`;
    const upload = (bytes: Buffer, name = "logo.png") => call(logoRoute.action, multipart(logoUrl, s.cookie, [{ name, bytes, type: "image/png" }], "logo"), { storeId: s.store.id });
    const logoKey = async () => (await db.prisma.store.findUniqueOrThrow({ where: { id: s.store.id }, select: { logoKey: true } })).logoKey;
    const storeSlug = (await db.prisma.store.findUniqueOrThrow({ where: { id: s.store.id }, select: { slug: true } })).slug;

    const first = await sharp({ create: { width: 300, height: 300, channels: 4, background: "#0f5132" } }).png().toBuffer();
    expect(await upload(first)).toMatchObject({ status: 302, location: `${logoUrl}?ok=simpan` });
    const firstKey = await logoKey();
    expect(firstKey).toMatch(/^[a-f0-9]{32}$/);
    const storePage = (await call(storeRoute.loader, new Request(`http://localhost/toko/${storeSlug}`), { slug: storeSlug })).body as { store: { logoKey: string | null } };
    expect(storePage.store.logoKey).toBe(firstKey);

    const second = await sharp({ create: { width: 500, height: 200, channels: 3, background: "#f8c537" } }).jpeg().toBuffer();
    expect((await upload(second, "logo-baru.jpg")).status).toBe(302);
    const secondKey = await logoKey();
    expect(secondKey).not.toBe(firstKey);
    const keys = new Set((await filesOnDisk()).map((f) => f.split("/")[0]));
    expect(keys.has(firstKey!)).toBe(false);
    expect(keys.has(secondKey!)).toBe(true);

    const before = await filesOnDisk();
    const svg = await upload(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "logo.svg");
    expect(svg.status).toBe(415);
    expect(uploadBody(svg)).toEqual({ saved: 0, refused: [{ fileName: "logo.svg", reason: "unsupported_format" }], error: null });
    const huge = Buffer.alloc(20 * 1024 * 1024, 1);
    huge.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect((await upload(huge)).status).toBe(413);
    expect(await filesOnDisk()).toEqual(before);
    expect(await logoKey()).toBe(secondKey);

    expect(await call(logoRoute.action, formPost(logoUrl, s.cookie, { intent: "remove" }), { storeId: s.store.id })).toMatchObject({
      status: 302,
      location: `${logoUrl}?ok=hapus`,
    });
    expect(await logoKey()).toBeNull();
    expect(new Set((await filesOnDisk()).map((f) => f.split("/")[0])).has(secondKey!)).toBe(false);
  });
});

describe("another seller's product, photo or store is not found, and nothing changes", () => {
  test("upload, reorder, delete, alt text and logo", async () => {
    const mine = await seller();
    const theirs = await seller();
    await uploadByForm(theirs, [
      { name: "a.jpg", bytes: await jpeg() },
      { name: "b.jpg", bytes: await jpeg() },
    ]);
    await call(logoRoute.action, multipart(`/penjual/toko/${theirs.store.id}/logo`, theirs.cookie, [{ name: "l.jpg", bytes: await jpeg() }], "logo"), {
      storeId: theirs.store.id,
    });
    await uploadByForm(mine, [{ name: "punyaku.jpg", bytes: await jpeg() }]);
    const [theirPhoto, theirSecond] = await photosOf(theirs.productId);
    const [myPhoto] = await photosOf(mine.productId);
    const snapshot = async () => ({
      files: await filesOnDisk(),
      photos: await db.prisma.productImage.findMany({ select: { id: true, productId: true, position: true, alt: true, storageKey: true }, orderBy: { id: "asc" } }),
      logos: await db.prisma.store.findMany({ select: { id: true, logoKey: true }, orderBy: { id: "asc" } }),
    });
    const before = await snapshot();

    // Their product id in the URL.
    expect((await uploadByForm(mine, [{ name: "x.jpg", bytes: await jpeg() }], theirs.productId)).status).toBe(404);
    expect((await uploadByScript(mine, [{ name: "x.jpg", bytes: await jpeg() }], theirs.productId)).status).toBe(404);
    expect((await call(photosRoute.loader, new Request(`http://localhost${photosUrl(theirs.productId)}`, { headers: { Cookie: mine.cookie } }), { productId: theirs.productId })).status).toBe(404);
    const attempts: Record<string, string>[] = [
      { intent: "first", imageId: theirSecond!.id },
      { intent: "down", imageId: theirPhoto!.id },
      { intent: "delete", imageId: theirPhoto!.id },
      { intent: "alt", imageId: theirPhoto!.id, alt: "diambil alih" },
    ];
    for (const fields of attempts) {
      expect((await photoForm(mine, fields, theirs.productId)).status, `${fields.intent} on their product`).toBe(404);
      // Their photo id under my own product's URL.
      expect((await photoForm(mine, fields)).status, `${fields.intent} of their photo on my product`).toBe(404);
    }
    // Their store's logo.
    const logoUrl = `/penjual/toko/${theirs.store.id}/logo`;
    expect((await call(logoRoute.action, multipart(logoUrl, mine.cookie, [{ name: "l.jpg", bytes: await jpeg() }], "logo"), { storeId: theirs.store.id })).status).toBe(404);
    expect((await call(logoRoute.action, formPost(logoUrl, mine.cookie, { intent: "remove" }), { storeId: theirs.store.id })).status).toBe(404);
    expect((await call(logoRoute.loader, new Request(`http://localhost${logoUrl}`, { headers: { Cookie: mine.cookie } }), { storeId: theirs.store.id })).status).toBe(404);

    expect(await snapshot()).toEqual(before);
    expect(myPhoto).toBeDefined();
  });

  test("a shopper without the seller role is turned away; a visitor is sent to log in", async () => {
    const s = await seller();
    await db.prisma.userRole.deleteMany({ where: { userId: s.userId } });
    await db.prisma.userRole.create({ data: { userId: s.userId, role: "SHOPPER" } });
    expect((await uploadByForm(s, [{ name: "a.jpg", bytes: await jpeg() }])).status).toBe(403);
    const anonymous = await call(uploadRoute.action, multipart(`${photosUrl(s.productId)}/unggah`, "", [{ name: "a.jpg", bytes: await jpeg() }]), { productId: s.productId });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/masuk\?redirectTo=/);
    expect(await photosOf(s.productId)).toEqual([]);
  });
});
