import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveProductPhotos, type UploadResult } from "~/models/photo-uploads.server";
import { syncProductInSearch } from "~/models/product-search.server";
import { getImageStorage } from "~/services/image-storage.server";
import { requireSeller } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";

/**
 * The photos page's upload form sent by XMLHttpRequest (for its progress bar): the same upload as the
 * page's own action, answered as JSON so the page can show what was saved and what was refused.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireSeller(request);
  const productId = params.productId ?? "";
  const answer = await receiveProductPhotos(prisma, getImageStorage(), { request, userId: user.id, productId });
  const headers = { "Cache-Control": "no-store" };
  if (!answer) {
    const notFound: UploadResult = { saved: 0, refused: [], error: "photos.errorNotFound" };
    return Response.json(notFound, { status: 404, headers });
  }
  if (answer.result.saved > 0) await syncProductInSearch(productId);
  return Response.json(answer.result, { status: answer.status, headers });
}
