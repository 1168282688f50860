/**
 * Product photos are stored once per content hash, as WebP renditions at fixed widths:
 * `<storageKey>/<width>.webp`. These helpers build their public URLs (served by routes/gambar.$key.$file.tsx).
 */
export const RENDITION_WIDTHS = [160, 320, 640, 960] as const;
export type RenditionWidth = (typeof RENDITION_WIDTHS)[number];

/** The widths actually produced for a source image: never upscaled, always at least the smallest. */
export function renditionWidthsFor(sourceWidth: number): RenditionWidth[] {
  const widths = RENDITION_WIDTHS.filter((w) => w <= sourceWidth);
  return widths.length > 0 ? widths : [RENDITION_WIDTHS[0]];
}

export function renditionFileName(width: number): string {
  return `${width}.webp`;
}

export function imageUrl(storageKey: string, width: number): string {
  return `/gambar/${storageKey}/${renditionFileName(width)}`;
}

/** Picks the rendition closest to (not below, where possible) the wanted width. */
export function bestRendition(sourceWidth: number, wanted: number): number {
  const widths = renditionWidthsFor(sourceWidth);
  return widths.find((w) => w >= wanted) ?? widths[widths.length - 1]!;
}

export function imageSrcSet(storageKey: string, sourceWidth: number): string {
  return renditionWidthsFor(sourceWidth)
    .map((w) => `${imageUrl(storageKey, w)} ${w}w`)
    .join(", ");
}

/** A content hash key: 32 lowercase hex characters. Anything else is refused by the image route. */
export const STORAGE_KEY_PATTERN = /^[a-f0-9]{32}$/;

/** The file inputs of the seller's upload forms (the server reads files only under these names). */
export const PHOTO_UPLOAD_FIELD = "foto";
export const LOGO_UPLOAD_FIELD = "logo";

/** The store logo as shown on store pages: the smallest rendition, which every stored image has. */
export function logoUrl(storageKey: string): string {
  return imageUrl(storageKey, RENDITION_WIDTHS[0]);
}
