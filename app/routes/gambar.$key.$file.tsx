import type { LoaderFunctionArgs } from "@remix-run/node";
import { getImageStorage } from "~/services/image-storage.server";
import { renditionFileName, RENDITION_WIDTHS, STORAGE_KEY_PATTERN } from "~/utils/images";

const allowedFiles = new Set(RENDITION_WIDTHS.map(renditionFileName));

/**
 * Product photo renditions. Files are named by content hash, so a URL's bytes never change:
 * browsers and proxies may keep them for a year without asking again.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const key = params.key ?? "";
  const file = params.file ?? "";
  if (!STORAGE_KEY_PATTERN.test(key) || !allowedFiles.has(file)) {
    throw new Response("Not found", { status: 404 });
  }
  const bytes = await getImageStorage().read(`${key}/${file}`);
  if (!bytes) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
