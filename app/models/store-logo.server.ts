import type { ImageStorage } from "~/services/image-storage.server";
import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { storeProcessedImage, type ProcessedImage } from "./image-pipeline.server";
import { removeUnusedImages, withImageStorageLock } from "./stored-images.server";

export class StoreLogoError extends Error {
  constructor(public readonly code: "not_found") {
    super(code);
    this.name = "StoreLogoError";
  }
}

const memberOf = (userId: string) => ({ members: { some: { userId } } });

/** A store the seller is a member of, with its logo; null when it is not theirs. */
export function getStoreLogoForSeller(db: PrismaClient, userId: string, storeId: string) {
  return db.store.findFirst({ where: { id: storeId, ...memberOf(userId) }, select: { id: true, slug: true, name: true, logoKey: true } });
}

/**
 * Sets or replaces the store's logo. The old logo's files go when nothing else uses them; when the
 * database step fails, the new files this call wrote go instead.
 */
export async function setStoreLogo(db: PrismaClient, storage: ImageStorage, input: { userId: string; storeId: string; image: ProcessedImage }): Promise<void> {
  const key = input.image.storageKey;
  await withImageStorageLock(async () => {
    let wrote = false;
    let previous: string | null;
    try {
      wrote = await storeProcessedImage(storage, input.image);
      previous = await db.$transaction(async (tx) => {
        const store = await tx.store.findFirst({ where: { id: input.storeId, ...memberOf(input.userId) }, select: { id: true, logoKey: true } });
        if (!store) throw new StoreLogoError("not_found");
        await tx.store.updateMany({ where: { id: store.id, ...memberOf(input.userId) }, data: { logoKey: key } });
        await recordAudit(tx, { actorId: input.userId, action: "store.logo.set", subjectType: "Store", subjectId: store.id });
        return store.logoKey;
      });
    } catch (error) {
      if (wrote) await removeUnusedImages(db, storage, [key]);
      throw error;
    }
    if (previous && previous !== key) await removeUnusedImages(db, storage, [previous]);
  });
}

/** Takes the logo off the store; its files go when nothing else uses them. */
export async function removeStoreLogo(db: PrismaClient, storage: ImageStorage, input: { userId: string; storeId: string }): Promise<void> {
  await withImageStorageLock(async () => {
    const previous = await db.$transaction(async (tx) => {
      const store = await tx.store.findFirst({ where: { id: input.storeId, ...memberOf(input.userId) }, select: { id: true, logoKey: true } });
      if (!store) throw new StoreLogoError("not_found");
      if (store.logoKey) {
        await tx.store.updateMany({ where: { id: store.id, ...memberOf(input.userId) }, data: { logoKey: null } });
        await recordAudit(tx, { actorId: input.userId, action: "store.logo.remove", subjectType: "Store", subjectId: store.id });
      }
      return store.logoKey;
    });
    if (previous) await removeUnusedImages(db, storage, [previous]);
  });
}
