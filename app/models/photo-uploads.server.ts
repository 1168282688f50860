import type { ImageStorage } from "~/services/image-storage.server";
import type { PrismaClient } from "~/utils/db.server";
import { readImageUpload, refusalStatus, UploadBodyError, type UploadRefusal } from "~/utils/image-upload.server";
import { LOGO_UPLOAD_FIELD, PHOTO_UPLOAD_FIELD } from "~/utils/images";
import { addProductPhotos, countProductPhotosForSeller, MAX_PHOTOS_PER_PRODUCT, ProductPhotoError } from "./product-photos.server";
import { getStoreLogoForSeller, setStoreLogo, StoreLogoError } from "./store-logo.server";

/**
 * A seller's upload from its multipart request to stored photos, shared by the photos page (plain form)
 * and its upload endpoint (the same form sent with progress by XMLHttpRequest), and by the logo page.
 */

/** What the seller is told: how many photos were saved, which files were not and why, or why nothing was read. */
export type UploadResult = { saved: number; refused: UploadRefusal[]; error: string | null };
export type UploadAnswer = { status: number; result: UploadResult };

const failed = (status: number, error: string): UploadAnswer => ({ status, result: { saved: 0, refused: [], error } });

/** Null when the product is not the seller's: checked before a byte of the body is read. */
export async function receiveProductPhotos(
  db: PrismaClient,
  storage: ImageStorage,
  input: { request: Request; userId: string; productId: string },
): Promise<UploadAnswer | null> {
  const count = await countProductPhotosForSeller(db, input.userId, input.productId);
  if (count === null) return null;
  let upload;
  try {
    upload = await readImageUpload(input.request, {
      fileField: PHOTO_UPLOAD_FIELD,
      maxFiles: Math.max(0, MAX_PHOTOS_PER_PRODUCT - count),
      maxFilesInBody: MAX_PHOTOS_PER_PRODUCT,
    });
  } catch (error) {
    if (error instanceof UploadBodyError) return failed(error.status, error.messageKey);
    throw error;
  }
  if (upload.accepted.length === 0 && upload.refused.length === 0) return failed(400, "photos.errorNoFile");

  const refused = [...upload.refused];
  let saved = 0;
  if (upload.accepted.length > 0) {
    try {
      const added = await addProductPhotos(db, storage, {
        userId: input.userId,
        productId: input.productId,
        images: upload.accepted.map((a) => a.processed),
      });
      saved = added.addedIds.length;
      refused.push(...added.refused.map((r) => ({ fileName: upload.accepted[r.index]!.fileName, reason: r.reason })));
    } catch (error) {
      if (error instanceof ProductPhotoError) return null;
      throw error;
    }
  }
  return { status: refusalStatus(refused), result: { saved, refused, error: null } };
}

/** Null when the store is not the seller's: checked before a byte of the body is read. */
export async function receiveStoreLogo(
  db: PrismaClient,
  storage: ImageStorage,
  input: { request: Request; userId: string; storeId: string },
): Promise<UploadAnswer | null> {
  if (!(await getStoreLogoForSeller(db, input.userId, input.storeId))) return null;
  let upload;
  try {
    upload = await readImageUpload(input.request, { fileField: LOGO_UPLOAD_FIELD, maxFiles: 1, maxFilesInBody: 1 });
  } catch (error) {
    if (error instanceof UploadBodyError) return failed(error.status, error.messageKey);
    throw error;
  }
  const logo = upload.accepted[0];
  if (!logo) {
    if (upload.refused.length === 0) return failed(400, "photos.errorNoFile");
    return { status: refusalStatus(upload.refused), result: { saved: 0, refused: upload.refused, error: null } };
  }
  try {
    await setStoreLogo(db, storage, { userId: input.userId, storeId: input.storeId, image: logo.processed });
  } catch (error) {
    if (error instanceof StoreLogoError) return null;
    throw error;
  }
  return { status: refusalStatus(upload.refused), result: { saved: 1, refused: upload.refused, error: null } };
}
