import type { LoaderFunctionArgs } from "@remix-run/node";
import { accessClient } from "~/models/data-access-log.server";
import { serveApi } from "~/models/data-exchange-http.server";
import { prisma } from "~/utils/db.server";

/** `GET /api/v1/store-sales` with `Authorization: Bearer <token>` (docs/data-exchange.md). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return serveApi(prisma, "store-sales", request, new Date(), accessClient(request, context));
}
