import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DataExportForms } from "~/components/data-export-forms";
import { ProgramTrendChart } from "~/components/program-trend-chart";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { hasRole } from "~/models/user.server";
import { addMonths } from "~/models/indicators.server";
import { barChartGeometry } from "~/models/program-chart.server";
import { buildProgramDashboard, type StatusCounts } from "~/models/program-dashboard.server";
import { TARGET_YEAR_MAX, TARGET_YEAR_MIN } from "~/models/graduation-target.server";
import { ACTIVE_SELLER_DAYS, PROGRAM_TIME_ZONE } from "~/models/program-reporting";
import { dashboardScopeFor, regionCodeFilter } from "~/models/program-scope.server";
import { revenueChartGeometry } from "~/models/sales-chart.server";
import salesStylesHref from "~/styles/sales.css";
import { requireRole } from "~/utils/auth.server";
import { formatDateTime, formatMonth } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { INTL_LOCALE } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: salesStylesHref }];

const YEAR = /^\d{4}$/;
const PROVINCE = /^\d{2}$/;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ADMIN", "VERIFIER");
  const scope = await dashboardScopeFor(prisma, user);
  const params = new URL(request.url).searchParams;
  const now = new Date();
  const currentYear = Number(new Intl.DateTimeFormat("en", { timeZone: PROGRAM_TIME_ZONE, year: "numeric" }).format(now));
  const yearParam = params.get("tahun");
  const provinceParam = params.get("provinsi") || null;
  // Any year a target can be set for (the year list offers them); years without data show zeros and "no target".
  if (yearParam !== null && (!YEAR.test(yearParam) || Number(yearParam) < TARGET_YEAR_MIN || Number(yearParam) > TARGET_YEAR_MAX)) {
    throw new Response("Bad year", { status: 400 });
  }
  if (provinceParam !== null && !PROVINCE.test(provinceParam)) throw new Response("Bad province", { status: 400 });
  const year = yearParam ? Number(yearParam) : currentYear;

  const scopeRegion = scope.kind === "region" ? scope.regionCode : null;
  const [dashboard, scopeArea, provinces, regencies] = await Promise.all([
    buildProgramDashboard(prisma, { scope, year, provinceCode: provinceParam, now }),
    scopeRegion ? prisma.region.findUnique({ where: { code: scopeRegion }, select: { code: true, name: true } }) : null,
    prisma.region.findMany({
      where: { level: "PROVINCE", ...(scopeRegion ? { code: scopeRegion.split(".")[0] } : {}) },
      select: { code: true, name: true },
      orderBy: { code: "asc" },
    }),
    provinceParam
      ? prisma.region.findMany({
          where: { level: "REGENCY", parentCode: provinceParam, ...(scopeRegion ? { code: regionCodeFilter(scopeRegion) } : {}) },
          select: { code: true, name: true },
          orderBy: { code: "asc" },
        })
      : [],
  ]);
  const currentMonth = dashboard.sales.month;
  return data({
    dashboard,
    scopeArea,
    canSetTarget: hasRole(user, "ADMIN"),
    charts: {
      graduations: barChartGeometry(dashboard.trend.map((row) => row.graduations)),
      sales: revenueChartGeometry(
        dashboard.trend.map((row) => row.revenueIdr),
        dashboard.trend.map(() => null),
      ),
    },
    exportOptions: {
      provinces,
      province: dashboard.areas.province,
      regencies,
      defaults: { latestCompleteMonth: addMonths(currentMonth, -1), from: addMonths(currentMonth, -11), to: currentMonth },
    },
  });
}

export default function ProgramDashboard() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { dashboard, scopeArea, canSetTarget, charts, exportOptions } = useLoaderData<typeof loader>();
  const count = new Intl.NumberFormat(INTL_LOCALE[locale]);
  const percent = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 2 });
  const { areas, graduations, activeSellers, sales } = dashboard;
  const province = areas.province;
  const yearQuery = `tahun=${graduations.year}`;

  return (
    <section className="program stack">
      <h1>{t("program.title")}</h1>
      <p>{scopeArea ? t("program.scopeArea", { area: scopeArea.name }) : t("program.scopeAll")}</p>

      <section aria-labelledby="graduations-title" className="card stack">
        <h2 id="graduations-title">{t("program.graduationsTitle", { year: graduations.year })}</h2>
        <Form method="get" className="inline-form">
          {province ? <input type="hidden" name="provinsi" value={province.code} /> : null}
          <div className="field">
            <label htmlFor="program-year">{t("program.year")}</label>
            <select id="program-year" name="tahun" defaultValue={String(graduations.year)}>
              {dashboard.years.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t("program.show")}
          </button>
        </Form>
        <p className="program-figure">
          <strong>{t("program.graduationsCount", { count: count.format(graduations.count) })}</strong>
        </p>
        {graduations.target ? (
          <>
            <p>
              {scopeArea
                ? t("program.targetLineNational", { year: graduations.year, households: count.format(graduations.target.households) })
                : t("program.targetLine", {
                    year: graduations.year,
                    households: count.format(graduations.target.households),
                    percent: percent.format(graduations.percentOfTarget ?? 0),
                  })}
            </p>
            <p className="muted">{t("program.targetSource", { source: graduations.target.source })}</p>
            {scopeArea ? <p className="muted">{t("program.targetNational")}</p> : null}
          </>
        ) : (
          <p className="notice notice--warning">{t("program.noTarget", { year: graduations.year })}</p>
        )}
        {canSetTarget ? <Link to="/admin/target">{t("program.setTargetLink")}</Link> : null}
        <p className="muted">{t("program.graduationsDefinition")}</p>
      </section>

      <section aria-labelledby="households-title">
        <h2 id="households-title">
          {province ? t("program.householdsInProvince", { province: province.name }) : t("program.householdsByProvince")}
        </h2>
        {province ? (
          <p>
            <Link to={`/program?${yearQuery}`}>{t("program.backToProvinces")}</Link>
          </p>
        ) : null}
        {areas.rows.length === 0 ? (
          <p>{t("program.noHouseholds")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{province ? t("program.regency") : t("program.province")}</th>
                  <th scope="col" className="num">
                    {t("program.statusActive")}
                  </th>
                  <th scope="col" className="num">
                    {t("program.statusProposed")}
                  </th>
                  <th scope="col" className="num">
                    {t("program.statusGraduated")}
                  </th>
                  <th scope="col" className="num">
                    {t("program.total")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {areas.rows.map((row) => (
                  <tr key={row.code}>
                    <th scope="row">
                      {province ? (
                        row.name
                      ) : (
                        <Link to={`/program?provinsi=${row.code}&${yearQuery}`} aria-label={t("program.drillDown", { province: row.name })}>
                          {row.name}
                        </Link>
                      )}
                    </th>
                    <CountCells counts={row.counts} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("program.total")}</th>
                  <CountCells counts={areas.total} />
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="sellers-title" className="card">
        <h2 id="sellers-title">{t("program.activeSellersTitle")}</h2>
        <p className="program-figure">
          <strong>{t("program.activeSellersCount", { count: count.format(activeSellers.count), stores: count.format(activeSellers.stores) })}</strong>
        </p>
        <p className="muted">
          {t("program.activeSellersDefinition", { days: ACTIVE_SELLER_DAYS, since: formatDateTime(activeSellers.since, PROGRAM_TIME_ZONE, locale) })}
        </p>
      </section>

      <section aria-labelledby="sales-title" className="card">
        <h2 id="sales-title">{t("program.salesTitle")}</h2>
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("program.period")}</th>
                <th scope="col" className="num">
                  {t("program.orders")}
                </th>
                <th scope="col" className="num">
                  {t("program.revenue")}
                </th>
                <th scope="col" className="num">
                  {t("program.refunds")}
                </th>
              </tr>
            </thead>
            <tbody>
              {[
                { label: formatMonth(sales.month, locale), totals: sales.monthTotals },
                { label: t("program.yearSoFar", { year: sales.year }), totals: sales.yearTotals },
              ].map(({ label, totals }) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td className="num">{count.format(totals.orders)}</td>
                  <td className="num">{formatRupiah(totals.revenueIdr)}</td>
                  <td className="num">
                    {formatRupiah(totals.refundsIdr)} ({count.format(totals.refundCount)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">{t("program.salesDefinition")}</p>
      </section>

      <section aria-labelledby="trend-title">
        <h2 id="trend-title">{t("program.trendTitle")}</h2>
        <ProgramTrendChart rows={dashboard.trend} graduations={charts.graduations} sales={charts.sales} />
        <p className="muted">{t("program.trendDefinition")}</p>
      </section>

      <section aria-labelledby="export-title" className="stack">
        <h2 id="export-title">{t("program.exportTitle")}</h2>
        <p>{t("program.exportIntro")}</p>
        <DataExportForms action="/program/ekspor" {...exportOptions} />
      </section>
    </section>
  );
}

function CountCells({ counts }: { counts: StatusCounts }) {
  const { i18n } = useTranslation();
  const count = new Intl.NumberFormat(INTL_LOCALE[i18n.language]);
  return (
    <>
      <td className="num">{count.format(counts.active)}</td>
      <td className="num">{count.format(counts.proposed)}</td>
      <td className="num">{count.format(counts.graduated)}</td>
      <td className="num">{count.format(counts.total)}</td>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "program.title") }];

export const ErrorBoundary = RouteErrorBoundary;
