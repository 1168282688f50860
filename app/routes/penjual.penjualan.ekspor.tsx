import type { LoaderFunctionArgs } from "@remix-run/node";
import { salesCsv } from "~/models/sales-csv.server";
import { requestedStoreId, resolveSalesQuery } from "~/models/sales-params.server";
import { listReportStores, listSalesForExport } from "~/models/sales-report.server";
import { requireSeller } from "~/utils/auth.server";
import { localDateOf } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { getTranslator } from "~/utils/i18n.server";
import { EXPORT_PARAM } from "~/utils/sales-url";

/** The sales of a period as a CSV download: one row per order (`jenis=pesanan`) or per item (`jenis=barang`). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const params = new URL(request.url).searchParams;
  const [stores, { t }] = await Promise.all([listReportStores(prisma, user.id), getTranslator(request)]);
  const storeId = requestedStoreId(params);
  const store = storeId ? stores.find((candidate) => candidate.id === storeId) : stores[0];
  if (!store) throw new Response("Not found", { status: 404 });

  const query = resolveSalesQuery(params, localDateOf(new Date(), store.timeZone), "month");
  if (!query.ok) {
    return new Response(t(query.error), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const records = await listSalesForExport(prisma, { userId: user.id, store, period: query.period });
  const filename = `penjualan-${store.slug}-${query.period.from}-${query.period.to}-${EXPORT_PARAM[query.exportKind]}.csv`;
  return new Response(salesCsv(query.exportKind, records, store.timeZone, t), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
