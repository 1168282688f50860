import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { processProductImage, storeProcessedImage } from "~/models/image-pipeline.server";
import {
  createLocalImageStorage,
  InvalidStoragePathError,
  parseStoragePath,
  renditionPath,
  type ImageStorage,
} from "~/services/image-storage.server";

const KEY = "0123456789abcdef0123456789abcdef";
let root: string;
let storage: ImageStorage;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "pasar-mandiri-images-"));
  storage = createLocalImageStorage(root);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("local image storage", () => {
  test("stores, reads and removes a rendition under its key", async () => {
    const data = Buffer.from("webp bytes");
    expect(await storage.exists(`${KEY}/320.webp`)).toBe(false);
    expect(await storage.read(`${KEY}/320.webp`)).toBeNull();

    await storage.put(`${KEY}/320.webp`, data);
    expect(await storage.exists(`${KEY}/320.webp`)).toBe(true);
    expect(await storage.read(`${KEY}/320.webp`)).toEqual(data);
    expect(await readFile(path.join(root, KEY, "320.webp"))).toEqual(data);
    // No temporary file is left beside it.
    expect(await readdir(path.join(root, KEY))).toEqual(["320.webp"]);

    await storage.removeKey(KEY);
    expect(await storage.exists(`${KEY}/320.webp`)).toBe(false);
    await storage.removeKey(KEY);
  });

  test("overwriting replaces the whole file", async () => {
    await storage.put(`${KEY}/160.webp`, Buffer.alloc(5000, 1));
    await storage.put(`${KEY}/160.webp`, Buffer.from("short"));
    expect((await storage.read(`${KEY}/160.webp`))?.toString()).toBe("short");
  });

  test.each([
    "../../etc/passwd",
    `${KEY}/../../secret.webp`,
    `${KEY}/320.webp/..`,
    `/${KEY}/320.webp`,
    `${KEY}/321.webp`,
    `${KEY}/320.png`,
    `${KEY}\\320.webp`,
    `${KEY.toUpperCase()}/320.webp`,
    `${KEY}0/320.webp`,
    `${KEY}/320.webp\0`,
    `${KEY}`,
    "",
  ])("refuses the path %j", async (bad) => {
    expect(parseStoragePath(bad)).toBeNull();
    await expect(storage.put(bad, Buffer.from("x"))).rejects.toBeInstanceOf(InvalidStoragePathError);
    expect(await storage.read(bad)).toBeNull();
    expect(await storage.exists(bad)).toBe(false);
  });

  test("cannot reach a file outside its root even when one exists there", async () => {
    const nested = createLocalImageStorage(path.join(root, "images"));
    await writeFile(path.join(root, "320.webp"), "secret");
    expect(await nested.read("../320.webp")).toBeNull();
    expect(await nested.exists("../320.webp")).toBe(false);
    await expect(nested.removeKey("..")).rejects.toBeInstanceOf(InvalidStoragePathError);
    await expect(nested.removeKey(`${KEY}/..`)).rejects.toBeInstanceOf(InvalidStoragePathError);
    expect(await readFile(path.join(root, "320.webp"), "utf8")).toBe("secret");
  });

  test("a relative root is resolved against the working directory", async () => {
    const viaRelative = createLocalImageStorage(path.relative(process.cwd(), root));
    await viaRelative.put(renditionPath(KEY, 640), Buffer.from("x"));
    expect(await readdir(path.join(root, KEY))).toEqual(["640.webp"]);
  });
});

describe("storeProcessedImage", () => {
  test("writes every rendition of a processed photo where the image route will look", async () => {
    const input = await sharp({ create: { width: 1000, height: 750, channels: 3, background: "#8e44ad" } }).jpeg().toBuffer();
    const processed = await processProductImage(input);
    expect(await storeProcessedImage(storage, processed)).toBe(true);
    expect((await readdir(path.join(root, processed.storageKey))).sort()).toEqual(["160.webp", "320.webp", "640.webp", "960.webp"]);
    for (const rendition of processed.renditions) {
      expect(await storage.read(renditionPath(processed.storageKey, rendition.width))).toEqual(rendition.data);
    }
    // Storing the same photo again is harmless, and says it wrote nothing.
    expect(await storeProcessedImage(storage, processed)).toBe(false);
    expect(await readdir(path.join(root, processed.storageKey))).toHaveLength(4);
  });
});
