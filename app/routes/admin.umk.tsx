import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { listMinimumWages, loadMinimumWages, MINIMUM_WAGE_CSV_HEADER, MinimumWageCsvError } from "~/models/minimum-wage.server";
import { readUploadedCsv } from "~/models/reference-upload.server";
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
  const upload = await readUploadedCsv(await readFormData(request));
  if (!upload.ok) return data({ error: upload.error, problems: [] as string[] }, { status: 400 });
  let result: Awaited<ReturnType<typeof loadMinimumWages>>;
  try {
    result = await loadMinimumWages(prisma, upload.text, { actorId: admin.id, fileName: upload.fileName });
  } catch (error) {
    if (error instanceof MinimumWageCsvError) return data({ error: "program.uploadRefused", problems: error.problems }, { status: 400 });
    throw error;
  }
  throw redirect(`/admin/umk?hasil=${result.inserted}.${result.updated}.${result.unchanged}`);
}

export default function MinimumWagesPage() {
  const { t } = useTranslation();
  const { wages, header } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const result = /^(\d+)\.(\d+)\.(\d+)$/.exec(params.get("hasil") ?? "");

  return (
    <section className="stack">
      <p>
        <Link to="/admin">{t("admin.title")}</Link>
      </p>
      <h1>{t("program.wagesTitle")}</h1>
      <p>{t("program.wagesIntro")}</p>
      <p className="notice notice--warning">{t("program.wagesNoneShipped")}</p>
      {result ? (
        <p className="notice" role="status">
          {t("program.uploadDone", { inserted: result[1]!, updated: result[2]!, unchanged: result[3]! })}
        </p>
      ) : null}

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

      <section aria-labelledby="upload-title" className="narrow card stack">
        <h2 id="upload-title">{t("program.uploadWages")}</h2>
        <p>{t("program.uploadWagesHint")}</p>
        <p className="mono csv-header">{header}</p>
        {actionData?.error ? (
          <div className="form-errors" role="alert">
            <p>{t(actionData.error)}</p>
            {actionData.problems.length > 0 ? (
              <ul className="problem-list">
                {actionData.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="stack">
          <div className="field">
            <label htmlFor="wage-file">{t("program.csvFile")}</label>
            <input id="wage-file" name="file" type="file" accept=".csv,text/csv" required />
          </div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("program.upload")}
          </button>
        </Form>
      </section>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "program.wagesTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
