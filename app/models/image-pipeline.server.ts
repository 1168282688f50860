import { createHash } from "node:crypto";
import sharp, { type SharpOptions } from "sharp";
import { renditionPath, type ImageStorage } from "~/services/image-storage.server";
import { renditionWidthsFor } from "~/utils/images";

/** Phones save 3–8 MB photos; anything bigger is refused before it is decoded. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** 40 megapixels is above any phone camera; it stops decompression bombs (a tiny PNG that decodes to gigabytes). */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** WebP settings of every rendition (exported, like the placeholder's, for the benchmark's bare-sharp baseline). */
export const RENDITION_WEBP = { quality: 80 } as const;
export const PLACEHOLDER = { width: 16, blurSigma: 1, webp: { quality: 40 } } as const;
/** Part of the content hash, so changing how renditions are made gives new keys instead of stale files. */
const PIPELINE_VERSION = "v1";

export type ImageRejectionCode = "too_large" | "too_many_pixels" | "not_an_image" | "unsupported_format" | "corrupt";

/** An upload the pipeline refuses; `code` lets a route show the matching message. */
export class ImageRejectedError extends Error {
  constructor(
    public readonly code: ImageRejectionCode,
    message: string,
  ) {
    super(message);
    this.name = "ImageRejectedError";
  }
}

export type AcceptedImageFormat = "jpeg" | "png" | "webp" | "heif";

export interface ProcessedImage {
  /** 32 hex characters derived from the uploaded bytes (see STORAGE_KEY_PATTERN). */
  storageKey: string;
  /** Size after EXIF rotation. */
  width: number;
  height: number;
  /** A tiny blurred WebP as a data URI. */
  placeholder: string;
  renditions: { width: number; data: Buffer }[];
}

export interface ProcessImageOptions {
  maxBytes?: number;
  maxPixels?: number;
}

function startsWith(input: Buffer, bytes: number[], offset = 0): boolean {
  return input.length >= offset + bytes.length && bytes.every((b, i) => input[offset + i] === b);
}

function ascii(input: Buffer, start: number, end: number): string {
  return input.subarray(start, end).toString("latin1");
}

const HEIF_BRANDS = new Set(["avif", "avis", "heic", "heix", "hevc", "hevx", "mif1", "msf1"]);

/**
 * Decides the format from the file's first bytes, before any decoder sees it: the file name and the
 * browser's content type are not trusted, and vector or scripted formats (SVG) never reach a parser.
 */
export function sniffImageFormat(input: Buffer): AcceptedImageFormat | "unsupported" | "unknown" {
  if (startsWith(input, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(input, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (ascii(input, 0, 4) === "RIFF" && ascii(input, 8, 12) === "WEBP") return "webp";
  if (ascii(input, 4, 8) === "ftyp" && HEIF_BRANDS.has(ascii(input, 8, 12))) return "heif";
  if (ascii(input, 0, 4) === "GIF8") return "unsupported";
  if (startsWith(input, [0x49, 0x49, 0x2a, 0x00]) || startsWith(input, [0x4d, 0x4d, 0x00, 0x2a])) return "unsupported"; // TIFF
  if (ascii(input, 0, 2) === "BM") return "unsupported";
  if (ascii(input, 0, 5) === "%PDF-") return "unsupported";
  // SVG is text: look for its root element near the start, after an optional BOM, XML prolog or comments.
  const head = input.subarray(0, 4096).toString("utf8").replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (head.startsWith("<") && /<svg[\s>]/.test(head)) return "unsupported";
  return "unknown";
}

function rejectionFromSharp(error: unknown): ImageRejectedError {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    return new ImageRejectedError("too_many_pixels", "The image has more pixels than allowed");
  }
  if (/unsupported image format|bad seek|no such file/i.test(message)) {
    return new ImageRejectedError("not_an_image", "The file is not a readable image");
  }
  if (/compression format has not been built in|unsupported (codec|feature)/i.test(message)) {
    // The bundled libheif decodes AVIF but not HEVC-coded HEIC.
    return new ImageRejectedError("unsupported_format", "This HEIF/HEIC variant cannot be decoded");
  }
  return new ImageRejectedError("corrupt", `The image could not be decoded: ${message}`);
}

/** How an upload is decoded: upright by its EXIF orientation, first frame only, within the pixel limit. */
export function decodeOptions(maxPixels: number = MAX_IMAGE_PIXELS): SharpOptions {
  // failOn "error" refuses truncated and damaged pixel data; the pixel limit is checked again while decoding.
  return { failOn: "error", limitInputPixels: maxPixels, autoOrient: true, pages: 1 };
}

/**
 * Turns an uploaded photo into WebP renditions without its metadata (EXIF, GPS, XMP, IPTC, ICC profile).
 * The upload is decoded by each rendition's own pipeline (cloned from one configured input), so
 * libvips can use shrink-on-load for small widths and the renditions are encoded concurrently.
 */
export async function processProductImage(input: Buffer, opts: ProcessImageOptions = {}): Promise<ProcessedImage> {
  const maxBytes = opts.maxBytes ?? MAX_IMAGE_BYTES;
  const maxPixels = opts.maxPixels ?? MAX_IMAGE_PIXELS;
  if (input.length > maxBytes) {
    throw new ImageRejectedError("too_large", `The file is ${input.length} bytes; at most ${maxBytes} are accepted`);
  }
  const sniffed = sniffImageFormat(input);
  if (sniffed === "unknown") throw new ImageRejectedError("not_an_image", "The file is not an image");
  if (sniffed === "unsupported") {
    throw new ImageRejectedError("unsupported_format", "Only JPEG, PNG, WebP and AVIF photos are accepted");
  }

  const base = sharp(input, decodeOptions(maxPixels));
  const metadata = await base.metadata().catch((error: unknown) => {
    throw rejectionFromSharp(error);
  });
  if (metadata.format !== sniffed) {
    throw new ImageRejectedError("not_an_image", `The file starts like ${sniffed} but decodes as ${metadata.format}`);
  }
  const width = metadata.autoOrient.width;
  const height = metadata.autoOrient.height;
  if (!width || !height) throw new ImageRejectedError("corrupt", "The image has no dimensions");
  if (width * height > maxPixels) {
    throw new ImageRejectedError("too_many_pixels", `The image has ${width}×${height} pixels; at most ${maxPixels} are accepted`);
  }

  const widths = renditionWidthsFor(width);
  let renditionData: Buffer[];
  let placeholderData: Buffer;
  try {
    renditionData = await Promise.all(
      // withoutEnlargement: an image narrower than the smallest width keeps its own size.
      widths.map((w) => base.clone().resize({ width: w, withoutEnlargement: true }).webp(RENDITION_WEBP).toBuffer()),
    );
    // From the smallest rendition: decoding a 160 px WebP is cheaper than decoding the upload once more.
    placeholderData = await sharp(renditionData[0])
      .resize({ width: PLACEHOLDER.width })
      .blur(PLACEHOLDER.blurSigma)
      .webp(PLACEHOLDER.webp)
      .toBuffer();
  } catch (error) {
    throw rejectionFromSharp(error);
  }

  const storageKey = createHash("sha256").update(PIPELINE_VERSION).update(input).digest("hex").slice(0, 32);
  return {
    storageKey,
    width,
    height,
    placeholder: `data:image/webp;base64,${placeholderData.toString("base64")}`,
    renditions: widths.map((w, i) => ({ width: w, data: renditionData[i]! })),
  };
}

/**
 * Writes every rendition; files already stored under the same content key are left as they are.
 * Returns true when this call wrote at least one file (a caller that fails later removes only what it wrote).
 */
export async function storeProcessedImage(storage: ImageStorage, processed: ProcessedImage): Promise<boolean> {
  const written = await Promise.all(
    processed.renditions.map(async (rendition) => {
      const target = renditionPath(processed.storageKey, rendition.width);
      if (await storage.exists(target)) return false;
      await storage.put(target, rendition.data);
      return true;
    }),
  );
  return written.some(Boolean);
}
