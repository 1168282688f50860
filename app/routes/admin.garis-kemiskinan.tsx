import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ReferenceUploadForm, ReferenceUploadResult } from "~/components/reference-upload-form";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import {
  listPovertyLinesOfPeriod,
  loadPovertyLines,
  POVERTY_LINE_CSV_HEADER,
  PovertyLineCsvError,
  summarizePovertyLines,
} from "~/models/poverty-line.server";
import { referenceUploadResultParam, uploadReferenceCsv } from "~/models/reference-upload.server";
import { requireAdmin } from "~/utils/auth.server";
import { formatMonth } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const requested = new URL(request.url).searchParams.get("periode");
  const periods = await summarizePovertyLines(prisma);
  const period = requested && PERIOD.test(requested) && periods.some((p) => p.period === requested) ? requested : (periods[0]?.period ?? null);
  const [lines, provinces] = await Promise.all([
    period ? listPovertyLinesOfPeriod(prisma, period) : [],
    prisma.region.findMany({ where: { level: "PROVINCE" }, select: { code: true, name: true } }),
  ]);
  const names = new Map(provinces.map((p) => [p.code, p.name]));
  const byProvince = new Map<string, { code: string; name: string | null; TOTAL: number | null; URBAN: number | null; RURAL: number | null; source: string }>();
  for (const line of lines) {
    const row = byProvince.get(line.provinceCode) ?? { code: line.provinceCode, name: names.get(line.provinceCode) ?? null, TOTAL: null, URBAN: null, RURAL: null, source: line.source };
    row[line.area] = line.amountIdr;
    byProvince.set(line.provinceCode, row);
  }
  return { periods, period, rows: [...byProvince.values()], header: POVERTY_LINE_CSV_HEADER.join(",") };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const outcome = await uploadReferenceCsv(
    await readFormData(request),
    (text, fileName) => loadPovertyLines(prisma, text, { actorId: admin.id, fileName }),
    PovertyLineCsvError,
  );
  if (!outcome.ok) return data(outcome.refusal, { status: 400 });
  throw redirect(`/admin/garis-kemiskinan?hasil=${referenceUploadResultParam(outcome.counts)}`);
}

export default function PovertyLinesPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { periods, period, rows, header } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const amount = (value: number | null) => (value === null ? "–" : formatRupiah(value));

  return (
    <section className="stack">
      <p>
        <Link to="/admin">{t("admin.title")}</Link>
      </p>
      <h1>{t("program.povertyLinesTitle")}</h1>
      <p>{t("program.povertyLinesIntro")}</p>
      <ReferenceUploadResult />

      <section aria-labelledby="periods-title">
        <h2 id="periods-title">{t("program.periodsTitle")}</h2>
        {periods.length === 0 ? (
          <p>{t("program.noPovertyLines")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("program.povertyPeriod")}</th>
                  <th scope="col" className="num">
                    {t("program.nationalLine")}
                  </th>
                  <th scope="col" className="num">
                    {t("program.provincesWithLine")}
                  </th>
                  <th scope="col">{t("program.source")}</th>
                </tr>
              </thead>
              <tbody>
                {periods.map((summary) => {
                  const national = summary.national.find((figure) => figure.area === "TOTAL");
                  return (
                    <tr key={summary.period}>
                      <th scope="row">
                        <Link to={`/admin/garis-kemiskinan?periode=${summary.period}`} aria-current={summary.period === period ? "true" : undefined}>
                          {formatMonth(summary.period, locale)}
                        </Link>
                      </th>
                      <td className="num">{national ? formatRupiah(national.amountIdr) : t("program.noNationalLine")}</td>
                      <td className="num">{summary.provinceCount}</td>
                      <td>{summary.sources.join("; ")}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {period ? (
        <section aria-labelledby="period-title">
          <h2 id="period-title">{t("program.periodTableTitle", { period: formatMonth(period, locale) })}</h2>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("program.province")}</th>
                  <th scope="col" className="num">
                    {t("program.areaTotal")}
                  </th>
                  <th scope="col" className="num">
                    {t("program.areaUrban")}
                  </th>
                  <th scope="col" className="num">
                    {t("program.areaRural")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.code}>
                    <th scope="row">{row.code === "00" ? t("program.national") : (row.name ?? row.code)}</th>
                    <td className="num">{amount(row.TOTAL)}</td>
                    <td className="num">{amount(row.URBAN)}</td>
                    <td className="num">{amount(row.RURAL)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <ReferenceUploadForm title={t("program.uploadPovertyLines")} hint={t("program.uploadPovertyLinesHint")} header={header} inputId="poverty-file" refusal={actionData} />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "program.povertyLinesTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
