import type { Prisma } from "~/generated/prisma/client";
import type { ImageStorage } from "~/services/image-storage.server";
import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { storeProcessedImage, type ProcessedImage } from "./image-pipeline.server";
import { removeUnusedImages, withImageStorageLock } from "./stored-images.server";

/** A product shows at most this many photos; the first is its main photo (cards, search, shared links). */
export const MAX_PHOTOS_PER_PRODUCT = 8;
export const MAX_ALT_LENGTH = 200;

export class ProductPhotoError extends Error {
  constructor(public readonly code: "not_found") {
    super(code);
    this.name = "ProductPhotoError";
  }
}

export type PhotoMove = "up" | "down" | "first";

/** The product must be in a store the user is a member of; otherwise it does not exist for them. */
const ownedBy = (userId: string) => ({ store: { members: { some: { userId } } } }) satisfies Prisma.ProductWhereInput;

const photoOrder = [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }] satisfies Prisma.ProductImageOrderByWithRelationInput[];

/** What the photos page shows for a product of the seller's; null when it is not theirs. */
export function getProductPhotosForSeller(db: PrismaClient, userId: string, productId: string) {
  return db.product.findFirst({
    where: { id: productId, ...ownedBy(userId) },
    select: {
      id: true,
      slug: true,
      title: true,
      images: { select: { id: true, storageKey: true, width: true, height: true, alt: true, placeholder: true }, orderBy: photoOrder },
    },
  });
}

/** How many photos a product of the seller's has; null when it is not theirs. */
export async function countProductPhotosForSeller(db: PrismaClient, userId: string, productId: string): Promise<number | null> {
  const product = await db.product.findFirst({
    where: { id: productId, ...ownedBy(userId) },
    select: { _count: { select: { images: true } } },
  });
  return product ? product._count.images : null;
}

/**
 * The first statement of every photo transaction: checks ownership and writes the product row, so the
 * transaction holds the product until it ends (a second upload to the same product waits instead of
 * counting the same photos) and other processes' search indexes see that the product changed.
 */
async function lockOwnedProduct(tx: Prisma.TransactionClient, userId: string, productId: string, now: Date) {
  const touched = await tx.product.updateMany({ where: { id: productId, ...ownedBy(userId) }, data: { updatedAt: now } });
  if (touched.count === 0) throw new ProductPhotoError("not_found");
}

async function renumber(tx: Prisma.TransactionClient, productId: string, orderedIds?: string[]) {
  const ids = orderedIds ?? (await tx.productImage.findMany({ where: { productId }, select: { id: true }, orderBy: photoOrder })).map((i) => i.id);
  for (const [position, id] of ids.entries()) {
    await tx.productImage.updateMany({ where: { id, productId }, data: { position } });
  }
}

export type AddPhotosResult = {
  addedIds: string[];
  /** By index into the images given: the product was full, or already has that very photo. */
  refused: { index: number; reason: "too_many" | "duplicate" }[];
};

/**
 * Adds processed photos after the product's last one, with the product's title as their description.
 * Files are stored first, then the rows are created in one transaction that counts the photos again,
 * so two uploads at once never pass the limit. When the transaction fails, or a photo is refused
 * inside it, files this call wrote and nothing refers to are removed again.
 */
export async function addProductPhotos(
  db: PrismaClient,
  storage: ImageStorage,
  input: { userId: string; productId: string; images: ProcessedImage[]; now?: Date },
): Promise<AddPhotosResult> {
  const now = input.now ?? new Date();
  return withImageStorageLock(async () => {
    const written = new Set<string>();
    try {
      for (const image of input.images) {
        if (await storeProcessedImage(storage, image)) written.add(image.storageKey);
      }
      const result = await db.$transaction(async (tx) => {
        await lockOwnedProduct(tx, input.userId, input.productId, now);
        const product = await tx.product.findUniqueOrThrow({
          where: { id: input.productId },
          select: { title: true, images: { select: { storageKey: true, position: true } } },
        });
        const keys = new Set(product.images.map((i) => i.storageKey));
        let count = product.images.length;
        let position = Math.max(-1, ...product.images.map((i) => i.position)) + 1;
        const outcome: AddPhotosResult = { addedIds: [], refused: [] };
        for (const [index, image] of input.images.entries()) {
          if (keys.has(image.storageKey)) {
            outcome.refused.push({ index, reason: "duplicate" });
          } else if (count >= MAX_PHOTOS_PER_PRODUCT) {
            outcome.refused.push({ index, reason: "too_many" });
          } else {
            const row = await tx.productImage.create({
              data: {
                productId: input.productId,
                position: position++,
                storageKey: image.storageKey,
                width: image.width,
                height: image.height,
                alt: product.title.slice(0, MAX_ALT_LENGTH),
                placeholder: image.placeholder,
              },
              select: { id: true },
            });
            keys.add(image.storageKey);
            count += 1;
            outcome.addedIds.push(row.id);
          }
        }
        if (outcome.addedIds.length > 0) {
          await recordAudit(tx, {
            actorId: input.userId,
            action: "product.photos.add",
            subjectType: "Product",
            subjectId: input.productId,
            details: { added: outcome.addedIds.length },
          });
        }
        return outcome;
      });
      const refusedKeys = result.refused.map((r) => input.images[r.index]!.storageKey).filter((key) => written.has(key));
      await removeUnusedImages(db, storage, refusedKeys);
      return result;
    } catch (error) {
      await removeUnusedImages(db, storage, written);
      throw error;
    }
  });
}

/** Deletes one photo of the seller's product; its files go too unless another photo or a logo uses them. */
export async function deleteProductPhoto(
  db: PrismaClient,
  storage: ImageStorage,
  input: { userId: string; productId: string; imageId: string; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  await withImageStorageLock(async () => {
    const storageKey = await db.$transaction(async (tx) => {
      await lockOwnedProduct(tx, input.userId, input.productId, now);
      const image = await tx.productImage.findFirst({
        where: { id: input.imageId, productId: input.productId, product: ownedBy(input.userId) },
        select: { id: true, storageKey: true },
      });
      if (!image) throw new ProductPhotoError("not_found");
      await tx.productImage.delete({ where: { id: image.id }, select: { id: true } });
      await renumber(tx, input.productId);
      await recordAudit(tx, { actorId: input.userId, action: "product.photos.delete", subjectType: "Product", subjectId: input.productId });
      return image.storageKey;
    });
    await removeUnusedImages(db, storage, [storageKey]);
  });
}

/** Moves a photo one place up or down, or to the front (the main photo). */
export async function moveProductPhoto(
  db: PrismaClient,
  input: { userId: string; productId: string; imageId: string; move: PhotoMove; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  await db.$transaction(async (tx) => {
    await lockOwnedProduct(tx, input.userId, input.productId, now);
    const ids = (
      await tx.productImage.findMany({
        where: { productId: input.productId, product: ownedBy(input.userId) },
        select: { id: true },
        orderBy: photoOrder,
      })
    ).map((i) => i.id);
    const from = ids.indexOf(input.imageId);
    if (from === -1) throw new ProductPhotoError("not_found");
    const to = input.move === "first" ? 0 : input.move === "up" ? Math.max(0, from - 1) : Math.min(ids.length - 1, from + 1);
    ids.splice(to, 0, ...ids.splice(from, 1));
    await renumber(tx, input.productId, ids);
  });
}

/** Sets what a screen reader says for a photo; empty means the product's title. */
export async function setProductPhotoAlt(
  db: PrismaClient,
  input: { userId: string; productId: string; imageId: string; alt: string; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  await db.$transaction(async (tx) => {
    await lockOwnedProduct(tx, input.userId, input.productId, now);
    const image = await tx.productImage.findFirst({
      where: { id: input.imageId, productId: input.productId, product: ownedBy(input.userId) },
      select: { id: true, product: { select: { title: true } } },
    });
    if (!image) throw new ProductPhotoError("not_found");
    const alt = input.alt.trim() || image.product.title;
    await tx.productImage.update({ where: { id: image.id }, data: { alt: alt.slice(0, MAX_ALT_LENGTH) }, select: { id: true } });
  });
}
