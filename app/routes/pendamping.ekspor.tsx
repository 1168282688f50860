import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataExportForms } from "~/components/data-export-forms";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { addMonths, monthOf } from "~/models/indicators.server";
import { DASHBOARD_TIME_ZONE } from "~/models/program-dashboard.server";
import { requireFacilitator } from "~/utils/auth.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

/**
 * A facilitator's data downloads: the same three datasets as the program's, holding only the
 * households they coach (and the stores of those households and of their KUBE groups). A link with a
 * `dataset` goes straight to the file.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireFacilitator(request);
  const url = new URL(request.url);
  if (url.searchParams.has("dataset")) throw redirect(`/pendamping/ekspor/csv${url.search}`);
  const currentMonth = monthOf(new Date(), DASHBOARD_TIME_ZONE);
  return { defaults: { latestCompleteMonth: addMonths(currentMonth, -1), from: addMonths(currentMonth, -11), to: currentMonth } };
}

export default function FacilitatorExport() {
  const { t } = useTranslation();
  const { defaults } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <p>
        <Link to="/pendamping">{t("facilitator.title")}</Link>
      </p>
      <h1>{t("program.facilitatorExportTitle")}</h1>
      <p>{t("program.facilitatorExportIntro")}</p>
      <DataExportForms action="/pendamping/ekspor/csv" provinces={[]} province={null} regencies={[]} defaults={defaults} />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "program.facilitatorExportTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
