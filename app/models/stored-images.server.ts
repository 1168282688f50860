import type { ImageStorage } from "~/services/image-storage.server";
import type { PrismaClient } from "~/utils/db.server";

/**
 * Stored photos are named by content hash, so one storage key can be the photo of several products
 * and a store's logo at once. Files are removed only when no row refers to their key any more.
 */

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs steps that write rows referring to stored files, or remove files, one at a time in this process.
 * Without it an upload could find a photo's files already stored (and not write them again) just
 * before another request deleted the last row using them and removed the files. The steps inside are
 * a few queries and file writes; decoding and resizing happen before, outside the lock.
 */
export function withImageStorageLock<T>(steps: () => Promise<T>): Promise<T> {
  const run = queue.then(steps, steps);
  queue = run.catch(() => undefined);
  return run;
}

export async function isImageKeyInUse(db: PrismaClient, storageKey: string): Promise<boolean> {
  const [photos, logos] = await Promise.all([
    db.productImage.count({ where: { storageKey } }),
    db.store.count({ where: { logoKey: storageKey } }),
  ]);
  return photos + logos > 0;
}

/** Removes the files of every key no product photo and no store logo refers to; returns the keys removed. */
export async function removeUnusedImages(db: PrismaClient, storage: ImageStorage, storageKeys: Iterable<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const key of new Set(storageKeys)) {
    if (await isImageKeyInUse(db, key)) continue;
    await storage.removeKey(key);
    removed.push(key);
  }
  return removed;
}
