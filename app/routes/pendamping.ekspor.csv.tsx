import type { LoaderFunctionArgs } from "@remix-run/node";
import { accessClient } from "~/models/data-access-log.server";
import { isDataset } from "~/models/data-exchange.server";
import { exportCsv, refuseUnknownDataset } from "~/models/data-exchange-http.server";
import { requireFacilitator } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { getTranslator } from "~/utils/i18n.server";

/** A facilitator's CSV download: only the households they coach, whatever the filters say. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireFacilitator(request);
  const params = new URL(request.url).searchParams;
  const { t } = await getTranslator(request);
  const dataset = params.get("dataset");
  if (!isDataset(dataset)) {
    return refuseUnknownDataset(prisma, { userId: user.id, dataset, message: t("program.errorDataset"), client: accessClient(request, context) });
  }
  const result = await exportCsv(prisma, {
    dataset,
    params,
    scope: { kind: "facilitator", facilitatorId: user.id },
    userId: user.id,
    filePrefix: "pendampingan",
    client: accessClient(request, context),
  });
  if (!result.ok) {
    return new Response(result.problems.map((problem) => t(problem.key)).join("\n"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return result.response;
}
