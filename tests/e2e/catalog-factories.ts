import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import type { ProductStatus, StoreStatus } from "../../app/generated/prisma/client";
import { processProductImage, storeProcessedImage } from "../../app/models/image-pipeline.server";
import { createLocalImageStorage } from "../../app/services/image-storage.server";
import { e2eEnv } from "../../playwright.config";
import { createHousehold, createUser, db, unique, type VariantInput } from "./db";

/** Factories for the catalogue specs: stores in chosen regions, products with sales, dates and photos. */

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
/** The server under test reads photos from here (playwright.config.ts). */
const imageStorage = createLocalImageStorage(path.resolve(repoRoot, e2eEnv.IMAGE_STORAGE_DIR));

export async function createCatalogStore({
  regencyCode,
  name,
  story = null,
  whatsapp = "6281234567890",
  status = "ACTIVE",
}: {
  regencyCode: string;
  name?: string;
  story?: string | null;
  whatsapp?: string;
  status?: StoreStatus;
}) {
  const id = unique();
  const facilitator = await createUser({ roles: ["FACILITATOR"] });
  const household = await createHousehold({ facilitatorId: facilitator.id });
  return db.store.create({
    data: {
      slug: `e2e-toko-${id}`,
      name: name ?? `Toko Katalog ${id.slice(-6)}`,
      description: "Toko untuk pengujian katalog.",
      story,
      regencyCode,
      whatsapp,
      status,
      householdId: household.id,
    },
    select: { id: true, slug: true, name: true, whatsapp: true },
  });
}

/** Photos as a seller's phone would send them (JPEG), through the real upload pipeline into the server's storage. */
export async function createPhotos(count: number) {
  const photos = [];
  for (let i = 0; i < count; i++) {
    const hue = Math.floor(Math.random() * 360);
    const jpeg = await sharp({ create: { width: 1000, height: 1000, channels: 3, background: `hsl(${hue}, 60%, 50%)` } })
      .composite([{ input: Buffer.from(`<svg width="1000" height="1000"><circle cx="500" cy="500" r="${200 + i * 60}" fill="white"/></svg>`) }])
      .jpeg({ quality: 80 })
      .toBuffer();
    const processed = await processProductImage(jpeg);
    await storeProcessedImage(imageStorage, processed);
    photos.push({ storageKey: processed.storageKey, width: processed.width, height: processed.height, placeholder: processed.placeholder });
  }
  return photos;
}

export async function createCatalogProduct({
  storeId,
  categoryId,
  title,
  status = "ACTIVE",
  soldCount = 0,
  publishedAt = new Date(),
  variants = [{ name: "Kemasan 250 g", priceIdr: 15_000, stock: 12 }],
  photos = 0,
}: {
  storeId: string;
  categoryId: string;
  title?: string;
  status?: ProductStatus;
  soldCount?: number;
  publishedAt?: Date;
  variants?: VariantInput[];
  photos?: number;
}) {
  const id = unique();
  const productTitle = title ?? `Produk Katalog ${id.slice(-6)}`;
  const images = await createPhotos(photos);
  return db.product.create({
    data: {
      storeId,
      categoryId,
      title: productTitle,
      slug: `e2e-produk-${id}`,
      description: `${productTitle} untuk pengujian katalog.`,
      status,
      soldCount,
      publishedAt: status === "ACTIVE" ? publishedAt : null,
      variants: {
        create: variants.map((v, position) => ({
          name: v.name,
          priceIdr: v.priceIdr,
          costIdr: Math.floor(v.priceIdr / 2),
          stock: v.stock,
          weightGrams: v.weightGrams ?? 250,
          position,
        })),
      },
      images: { create: images.map((image, position) => ({ ...image, position, alt: `${productTitle}, foto ${position + 1}` })) },
    },
    select: {
      id: true,
      slug: true,
      title: true,
      variants: { select: { id: true, name: true }, orderBy: { position: "asc" } },
      images: { select: { storageKey: true }, orderBy: { position: "asc" } },
    },
  });
}
