import { randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "~/utils/env.server";
import { RENDITION_WIDTHS, renditionFileName, STORAGE_KEY_PATTERN } from "~/utils/images";

/**
 * Where product photos live. Paths are always `<storageKey>/<file>` (e.g. `0f3c…/640.webp`):
 * callers never build filesystem paths, so an S3-compatible backend can implement the same
 * four methods without any caller changing.
 */
export interface ImageStorage {
  put(path: string, data: Buffer): Promise<void>;
  /** The stored bytes, or null when nothing is stored at that path (or the path is not a valid one). */
  read(path: string): Promise<Buffer | null>;
  exists(path: string): Promise<boolean>;
  /** Removes every file stored under a key. Removing a key that does not exist is not an error. */
  removeKey(storageKey: string): Promise<void>;
}

export class InvalidStoragePathError extends Error {
  constructor(public readonly storagePath: string) {
    super(`Not a valid image storage path: ${JSON.stringify(storagePath)}`);
    this.name = "InvalidStoragePathError";
  }
}

const RENDITION_FILE_NAMES: ReadonlySet<string> = new Set(RENDITION_WIDTHS.map((w) => renditionFileName(w)));

/** The storage path of one rendition. */
export function renditionPath(storageKey: string, width: number): string {
  return `${storageKey}/${renditionFileName(width)}`;
}

/**
 * Splits and validates a storage path. Only a content-hash key and a known rendition file name
 * are accepted, so "..", absolute paths, backslashes or NUL bytes can never reach the filesystem.
 */
export function parseStoragePath(storagePath: string): { storageKey: string; fileName: string } | null {
  const parts = storagePath.split("/");
  if (parts.length !== 2) return null;
  const [storageKey, fileName] = parts as [string, string];
  if (!STORAGE_KEY_PATTERN.test(storageKey) || !RENDITION_FILE_NAMES.has(fileName)) return null;
  return { storageKey, fileName };
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}

/** Files on the local disk under rootDir (resolved against the working directory). */
export function createLocalImageStorage(rootDir: string): ImageStorage {
  const root = path.resolve(process.cwd(), rootDir);

  function filePathFor(storagePath: string): string | null {
    const parsed = parseStoragePath(storagePath);
    return parsed ? path.join(root, parsed.storageKey, parsed.fileName) : null;
  }

  return {
    async put(storagePath, data) {
      const target = filePathFor(storagePath);
      if (!target) throw new InvalidStoragePathError(storagePath);
      const dir = path.dirname(target);
      await mkdir(dir, { recursive: true });
      // Write beside the target and rename: readers see the old file or the whole new one, never a partial one.
      const temp = path.join(dir, `.${path.basename(target)}.${randomUUID()}.tmp`);
      const handle = await open(temp, "wx", 0o644);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await rename(temp, target);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    },

    async read(storagePath) {
      const target = filePathFor(storagePath);
      if (!target) return null;
      try {
        return await readFile(target);
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async exists(storagePath) {
      const target = filePathFor(storagePath);
      if (!target) return false;
      try {
        return (await stat(target)).isFile();
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },

    async removeKey(storageKey) {
      if (!STORAGE_KEY_PATTERN.test(storageKey)) throw new InvalidStoragePathError(storageKey);
      await rm(path.join(root, storageKey), { recursive: true, force: true });
    },
  };
}

let instance: ImageStorage | undefined;

/** The process's image storage, chosen from the environment (only the local disk backend exists so far). */
export function getImageStorage(): ImageStorage {
  instance ??= createLocalImageStorage(getEnv().IMAGE_STORAGE_DIR);
  return instance;
}
