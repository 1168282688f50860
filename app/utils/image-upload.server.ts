import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import {
  ImageRejectedError,
  MAX_IMAGE_BYTES,
  processProductImage,
  type ImageRejectionCode,
  type ProcessedImage,
} from "~/models/image-pipeline.server";

/**
 * Photo uploads (product photos, store logos) read from a multipart body without trusting it:
 * - the file name is kept only to name a refused file in a message, and the part's Content-Type is
 *   ignored: the pipeline decides from the bytes;
 * - nothing is buffered without a bound: each file part is read up to its limit (the rest of an
 *   oversized part is read and dropped, so the browser still gets the answer), text fields are small,
 *   and the whole body has a ceiling;
 * - each accepted file is turned into its renditions as soon as it has arrived, so the raw upload is
 *   held for one file at a time; nothing is stored here.
 */

/** Why one uploaded file was not taken. The pipeline's codes, plus the upload's own. */
export type UploadRefusalReason = ImageRejectionCode | "too_many" | "duplicate";

export type UploadRefusal = { fileName: string; reason: UploadRefusalReason };

export type AcceptedUpload = { fileName: string; processed: ProcessedImage };

export type ImageUpload = {
  /** The form's text fields. */
  fields: FormData;
  accepted: AcceptedUpload[];
  refused: UploadRefusal[];
};

/** The body as a whole cannot be read: `status` is the HTTP answer, `messageKey` the translation key. */
export class UploadBodyError extends Error {
  constructor(
    public readonly status: 400 | 413 | 415,
    public readonly messageKey: string,
  ) {
    super(messageKey);
    this.name = "UploadBodyError";
  }
}

export type ReadImageUploadOptions = {
  /** The name of the file input; file parts under any other name are dropped. */
  fileField: string;
  /** Files accepted at most; later ones are refused as "too_many" without being processed. */
  maxFiles: number;
  /** Files that may arrive (accepted or refused) before the body is too large as a whole. */
  maxFilesInBody: number;
  maxFileBytes?: number;
};

const MAX_TEXT_FIELDS = 20;
const MAX_TEXT_FIELD_BYTES = 4 * 1024;
/** Room for the text fields and the multipart framing on top of the files. */
const BODY_OVERHEAD_BYTES = 256 * 1024;
const MAX_FILE_NAME_LENGTH = 80;

class BodyTooLargeError extends Error {}

/** Counts the bytes as they stream in and fails the stream once there are too many. */
function limitedStream(body: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new BodyTooLargeError());
        else controller.enqueue(chunk);
      },
    }),
  );
}

/** Reads a part up to `maxBytes`; past that it keeps reading (the parser needs the part consumed) but keeps nothing. */
async function collect(data: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Buffer | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size <= maxBytes) chunks.push(chunk);
    else chunks.length = 0;
  }
  return size <= maxBytes ? Buffer.concat(chunks) : null;
}

async function drain(data: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const _chunk of data) {
    // dropped
  }
}

/** A file name fit to show back to its sender: no path, no control characters, not too long. */
function displayName(fileName: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = fileName.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  if (cleaned.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  return `${cleaned.slice(0, MAX_FILE_NAME_LENGTH - 1)}…`;
}

export function isMultipart(request: Request): boolean {
  return /^multipart\/form-data\s*;/i.test(request.headers.get("Content-Type") ?? "");
}

/**
 * Reads a multipart upload of photos: text fields, accepted files (already processed by the image
 * pipeline) and refused files, in the order they were sent. Throws UploadBodyError when the body
 * is not a multipart form (415), is larger than the files allowed plus a little (413), or is malformed (400).
 */
export async function readImageUpload(request: Request, options: ReadImageUploadOptions): Promise<ImageUpload> {
  const maxFileBytes = options.maxFileBytes ?? MAX_IMAGE_BYTES;
  const maxBodyBytes = options.maxFilesInBody * maxFileBytes + BODY_OVERHEAD_BYTES;
  if (!isMultipart(request) || !request.body) throw new UploadBodyError(415, "photos.errorNotMultipart");
  const declared = Number(request.headers.get("Content-Length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBodyBytes) throw new UploadBodyError(413, "photos.errorBodyTooLarge");

  const accepted: AcceptedUpload[] = [];
  const refused: UploadRefusal[] = [];
  let textFields = 0;

  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (typeof filename !== "string") {
      textFields += 1;
      const bytes = await collect(data, MAX_TEXT_FIELD_BYTES);
      if (!bytes || textFields > MAX_TEXT_FIELDS) throw new UploadBodyError(400, "photos.errorBadForm");
      return bytes.toString("utf8");
    }
    // A file input left empty still sends a part without a name or bytes.
    if (name !== options.fileField || filename === "") {
      await drain(data);
      return undefined;
    }
    const fileName = displayName(filename);
    if (accepted.length >= options.maxFiles) {
      await drain(data);
      refused.push({ fileName, reason: "too_many" });
      return undefined;
    }
    const bytes = await collect(data, maxFileBytes);
    if (!bytes) {
      refused.push({ fileName, reason: "too_large" });
      return undefined;
    }
    try {
      accepted.push({ fileName, processed: await processProductImage(bytes, { maxBytes: maxFileBytes }) });
    } catch (error) {
      if (!(error instanceof ImageRejectedError)) throw error;
      refused.push({ fileName, reason: error.code });
    }
    return undefined;
  };

  const limited = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: limitedStream(request.body, maxBodyBytes),
    // Node's fetch needs this for a streamed body.
    duplex: "half",
  } as RequestInit);
  let fields: FormData;
  try {
    fields = await unstable_parseMultipartFormData(limited, handler);
  } catch (error) {
    if (error instanceof UploadBodyError) throw error;
    if (error instanceof BodyTooLargeError) throw new UploadBodyError(413, "photos.errorBodyTooLarge");
    // The parser's own complaints: a broken boundary, a missing header, a body cut short.
    if (error instanceof Error && /malformed|unexpected end|could not parse/i.test(error.message)) {
      throw new UploadBodyError(400, "photos.errorBadForm");
    }
    throw error;
  }
  return { fields, accepted, refused };
}

/** The HTTP status of an upload with refusals: too large wins, then not a photo, then the rest. */
export function refusalStatus(refused: UploadRefusal[]): 200 | 400 | 413 | 415 {
  if (refused.length === 0) return 200;
  if (refused.some((r) => r.reason === "too_large")) return 413;
  if (refused.every((r) => r.reason === "not_an_image" || r.reason === "unsupported_format")) return 415;
  return 400;
}
