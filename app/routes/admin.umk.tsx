import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ReferenceUploadForm, ReferenceUploadResult } from "~/components/reference-upload-form";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { listMinimumWages, loadMinimumWages, MINIMUM_WAGE_CSV_HEADER, MinimumWageCsvError } from "~/models/minimum-wage.server";
import { referenceUploadResultParam, uploadReferenceCsv } from "~/models/reference-upload.server";
import { requireAdmin } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { wages: await listMinimumWages(prisma), header: MINIMUM_WAGE_CSV_HEADER.join(",") };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const outcome = await uploadReferenceCsv(
    await readFormData(request),
    (text, fileName) => loadMinimumWages(prisma, text, { actorId: admin.id, fileName }),
    MinimumWageCsvError,
  );
  if (!outcome.ok) return data(outcome.refusal, { status: 400 });
  throw redirect(`/admin/umk?hasil=${referenceUploadResultParam(outcome.counts)}`);
}

export default function MinimumWagesPage() {
  const { t } = useTranslation();
  const { wages, header } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  return (
    <section className="stack">
      <p>
        <Link to="/admin">{t("admin.title")}</Link>
      </p>
      <h1>{t("program.wagesTitle")}</h1>
      <p>{t("program.wagesIntro")}</p>
      <p className="notice notice--warning">{t("program.wagesNoneShipped")}</p>
      <ReferenceUploadResult />

      <section aria-labelledby="wages-title">
        <h2 id="wages-title">{t("program.wagesLoaded")}</h2>
        {wages.length === 0 ? (
          <p>{t("program.noWages")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("program.regency")}</th>
                  <th scope="col" className="num">
                    {t("program.year")}
                  </th>
                  <th scope="col" className="num">
                    {t("program.wageAmount")}
                  </th>
                  <th scope="col">{t("program.source")}</th>
                </tr>
              </thead>
              <tbody>
                {wages.map((wage) => (
                  <tr key={`${wage.regencyCode}-${wage.year}`}>
                    <th scope="row">
                      {wage.regencyName} <span className="muted">({wage.regencyCode})</span>
                    </th>
                    <td className="num">{wage.year}</td>
                    <td className="num">{formatRupiah(wage.amountIdr)}</td>
                    <td>{wage.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <ReferenceUploadForm title={t("program.uploadWages")} hint={t("program.uploadWagesHint")} header={header} inputId="wage-file" refusal={actionData} />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "program.wagesTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
