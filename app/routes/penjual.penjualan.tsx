import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { StoreSelect } from "~/components/store-select";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { RevenueChart } from "~/components/revenue-chart";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { SalesHowItIsComputed } from "~/components/sales-how";
import { revenueChartGeometry } from "~/models/sales-chart.server";
import { requestedStoreId, resolveSalesQuery } from "~/models/sales-params.server";
import type { PeriodKind } from "~/models/sales-period";
import { buildSalesDashboard, listReportStores, type SalesFigures } from "~/models/sales-report.server";
import salesStylesHref from "~/styles/sales.css";
import { requireSeller } from "~/utils/auth.server";
import { formatLocalDate, localDateOf } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { INTL_LOCALE, type Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { EXPORT_PARAM, PERIOD_PARAM, salesHref } from "~/utils/sales-url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: salesStylesHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const params = new URL(request.url).searchParams;
  const stores = await listReportStores(prisma, user.id);
  const storeId = requestedStoreId(params);
  const store = storeId ? stores.find((candidate) => candidate.id === storeId) : stores[0];
  // Another seller's store looks exactly like one that does not exist.
  if (storeId && !store) throw new Response("Not found", { status: 404 });
  const storeOptions = stores.map(({ id, name }) => ({ id, name }));
  if (!store) return { stores: storeOptions, store: null, echo: null, error: null, report: null };

  const today = localDateOf(new Date(), store.timeZone);
  const query = resolveSalesQuery(params, today, "month");
  const storeView = { id: store.id, name: store.name, timeZone: store.timeZone };
  if (!query.ok) {
    return data({ stores: storeOptions, store: storeView, echo: query.echo, error: query.error, report: null }, { status: 400 });
  }
  const dashboard = await buildSalesDashboard(prisma, { userId: user.id, store, period: query.period, kind: query.kind });
  const chart = revenueChartGeometry(
    dashboard.series.map((point) => point.revenueIdr),
    dashboard.series.map((point) => point.previousRevenueIdr),
  );
  return { stores: storeOptions, store: storeView, echo: query.echo, error: null, report: { ...dashboard, kind: query.kind, chart } };
}

const TABS: { kind: PeriodKind; label: string }[] = [
  { kind: "today", label: "sales.periodToday" },
  { kind: "week", label: "sales.periodWeek" },
  { kind: "month", label: "sales.periodMonth" },
  { kind: "range", label: "sales.periodRange" },
];

export default function SalesDashboard() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { stores, store, echo, error, report } = useLoaderData<typeof loader>();
  if (!store || !echo) {
    return (
      <section>
        <h1>{t("sales.title")}</h1>
        <p>{t("sales.noStore")}</p>
      </section>
    );
  }
  const kind = echo.kind;
  const range = report ? report.period : { from: echo.from, to: echo.to };
  const errorId = "sales-range-error";
  return (
    <section className="sales">
      <p>
        <Link to="/penjual">{t("seller.title")}</Link>
      </p>
      <h1>
        {t("sales.title")} · {store.name}
      </h1>

      {stores.length > 1 ? (
        <Form method="get" className="sales-store">
          <StoreSelect id="sales-store" name="store" label={t("sales.storeLabel")} stores={stores} value={store.id} />
          <input type="hidden" name="periode" value={PERIOD_PARAM[kind]} />
          {kind === "range" ? (
            <>
              <input type="hidden" name="from" value={range.from} />
              <input type="hidden" name="to" value={range.to} />
            </>
          ) : null}
          <button type="submit" className="button">
            {t("sales.chooseStore")}
          </button>
        </Form>
      ) : null}

      <nav aria-label={t("sales.periodNav")} className="sales-tabs">
        <ul>
          {TABS.map((tab) => (
            <li key={tab.kind}>
              <Link
                to={salesHref("/penjual/penjualan", {
                  store: store.id,
                  periode: PERIOD_PARAM[tab.kind],
                  ...(tab.kind === "range" && report ? { from: report.period.from, to: report.period.to } : {}),
                })}
                aria-current={tab.kind === kind ? "page" : undefined}
                className="sales-tabs__tab"
              >
                {t(tab.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {kind === "range" ? (
        <Form method="get" className="sales-range" aria-label={t("sales.periodRange")}>
          <input type="hidden" name="store" value={store.id} />
          <input type="hidden" name="periode" value={PERIOD_PARAM.range} />
          <div className="sales-range__dates">
            <div className="field">
              <label htmlFor="sales-from">{t("sales.from")}</label>
              <input
                id="sales-from"
                name="from"
                type="date"
                required
                defaultValue={range.from}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor="sales-to">{t("sales.to")}</label>
              <input
                id="sales-to"
                name="to"
                type="date"
                required
                defaultValue={range.to}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
              />
            </div>
          </div>
          <p className="field__hint">{t("sales.rangeHint")}</p>
          <button type="submit" className="button button--primary">
            {t("sales.show")}
          </button>
        </Form>
      ) : null}

      {error ? (
        <div className="form-errors" role="alert" id={errorId}>
          <p>{t(error)}</p>
        </div>
      ) : null}

      {report ? (
        <>
          <p className="sales-period">
            <strong>{t("sales.periodShown", { from: formatLocalDate(report.period.from, locale), to: formatLocalDate(report.period.to, locale) })}</strong>
            <br />
            <span className="muted">
              {t("sales.comparedWith", { from: formatLocalDate(report.previous.from, locale), to: formatLocalDate(report.previous.to, locale) })}
            </span>
          </p>

          <ul className="sales-cards">
            <FigureCard label={t("sales.revenue")} current={report.current.revenueIdr} previous={report.before.revenueIdr} money />
            <FigureCard label={t("sales.orders")} current={report.current.orders} previous={report.before.orders} />
            <FigureCard label={t("sales.units")} current={report.current.units} previous={report.before.units} />
            <FigureCard
              label={t("sales.averageOrderValue")}
              current={report.current.averageOrderValueIdr}
              previous={report.before.averageOrderValueIdr}
              money
            />
            <FigureCard label={t("sales.grossProfit")} current={report.current.grossProfitIdr} previous={report.before.grossProfitIdr} money />
          </ul>

          <section aria-labelledby="sales-chart-heading">
            <h2 id="sales-chart-heading">{t("sales.chartTitle", { unit: t(`sales.chartUnit.${report.granularity}`) })}</h2>
            <RevenueChart geometry={report.chart} rows={report.series} granularity={report.granularity} />
          </section>

          <section aria-labelledby="sales-details-heading">
            <h2 id="sales-details-heading">{t("sales.moreFigures")}</h2>
            <FigureList figures={report.current} />
          </section>

          <section aria-labelledby="sales-pending-heading" className="card sales-pending">
            <h2 id="sales-pending-heading">{t("sales.notCountedTitle")}</h2>
            <p className="muted">{t("sales.notCountedIntro")}</p>
            <dl className="facts">
              <dt>{t("sales.inProgress")}</dt>
              <dd>{t("sales.pendingValue", { count: report.pending.inProgress.count, value: formatRupiah(report.pending.inProgress.valueIdr) })}</dd>
              <dt>{t("sales.awaitingPayment")}</dt>
              <dd>
                {t("sales.pendingValue", { count: report.pending.awaitingPayment.count, value: formatRupiah(report.pending.awaitingPayment.valueIdr) })}
              </dd>
            </dl>
          </section>

          <section aria-labelledby="sales-best-heading">
            <h2 id="sales-best-heading">{t("sales.bestSellersTitle")}</h2>
            {report.bestSellers.length === 0 ? (
              <p className="muted">{t("sales.bestSellersEmpty")}</p>
            ) : (
              <div className="table-scroll">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("sales.product")}</th>
                      <th scope="col" className="num">
                        {t("sales.unitsSold")}
                      </th>
                      <th scope="col" className="num">
                        {t("sales.productRevenue")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.bestSellers.map((item) => (
                      <tr key={item.productKey}>
                        <td>{item.title}</td>
                        <td className="num">{item.units}</td>
                        <td className="num">{formatRupiah(item.revenueIdr)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section aria-labelledby="sales-download-heading">
            <h2 id="sales-download-heading">{t("sales.download")}</h2>
            <div className="sales-actions">
              <a
                className="button"
                href={salesHref("/penjual/penjualan/ekspor", { store: store.id, from: report.period.from, to: report.period.to, jenis: EXPORT_PARAM.orders })}
                download
              >
                {t("sales.downloadOrders")}
              </a>
              <a
                className="button"
                href={salesHref("/penjual/penjualan/ekspor", { store: store.id, from: report.period.from, to: report.period.to, jenis: EXPORT_PARAM.items })}
                download
              >
                {t("sales.downloadItems")}
              </a>
              <Link className="button" to={salesHref("/penjual/laporan", { store: store.id, from: report.period.from, to: report.period.to })}>
                {t("sales.statementLink")}
              </Link>
            </div>
          </section>

          <SalesHowItIsComputed timeZone={store.timeZone} variant="dashboard" />
        </>
      ) : null}
    </section>
  );
}

/** One headline figure with the previous period's value and the change, in words. */
function FigureCard({ label, current, previous, money = false }: { label: string; current: number; previous: number; money?: boolean }) {
  const { t, i18n } = useTranslation();
  const show = (value: number) => (money ? formatRupiah(value) : new Intl.NumberFormat(INTL_LOCALE[i18n.language]).format(value));
  const change = describeChange(current, previous, i18n.language);
  return (
    <li className="card sales-card">
      <p className="sales-card__label">{label}</p>
      <p className="sales-card__value">{show(current)}</p>
      <p className={`sales-card__change sales-card__change--${change.direction}`}>
        <span aria-hidden="true">{change.direction === "up" ? "▲ " : change.direction === "down" ? "▼ " : ""}</span>
        {change.direction === "same"
          ? t("sales.changeSame")
          : t(change.direction === "up" ? "sales.changeUp" : "sales.changeDown", {
              amount: show(Math.abs(current - previous)),
              percent: change.percent ?? t("sales.changeNone"),
            })}
        {change.percent === null && change.direction !== "same" ? <span className="visually-hidden"> ({t("sales.changeNoneLabel")})</span> : null}
      </p>
      <p className="muted sales-card__previous">{t("sales.previousValue", { value: show(previous) })}</p>
    </li>
  );
}

function describeChange(current: number, previous: number, locale: Locale): { direction: "up" | "down" | "same"; percent: string | null } {
  const difference = current - previous;
  const direction = difference > 0 ? "up" : difference < 0 ? "down" : "same";
  if (previous === 0) return { direction, percent: null };
  const percent = new Intl.NumberFormat(INTL_LOCALE[locale], { style: "percent", maximumFractionDigits: 1 }).format(Math.abs(difference) / previous);
  return { direction, percent };
}

/** The lines behind net profit, each on its own row. */
function FigureList({ figures }: { figures: SalesFigures }) {
  const { t } = useTranslation();
  return (
    <dl className="facts sales-facts">
      <dt>{t("sales.revenue")}</dt>
      <dd>{formatRupiah(figures.revenueIdr)}</dd>
      <dt>{t("sales.costOfGoods")}</dt>
      <dd>{formatRupiah(figures.costOfGoodsIdr)}</dd>
      <dt>{t("sales.grossProfit")}</dt>
      <dd>{formatRupiah(figures.grossProfitIdr)}</dd>
      <dt>{t("sales.commission")}</dt>
      <dd>{formatRupiah(figures.commissionIdr)}</dd>
      <dt>{t("sales.refundsWithCount", { count: figures.refundCount })}</dt>
      <dd>{formatRupiah(figures.refundsIdr)}</dd>
      <dt>{t("sales.refundedCommission")}</dt>
      <dd>{formatRupiah(figures.refundedCommissionIdr)}</dd>
      <dt>
        <strong>{t("sales.netProfit")}</strong>
      </dt>
      <dd>
        <strong>{formatRupiah(figures.netProfitIdr)}</strong>
      </dd>
      <dt>{t("sales.shippingReceived")}</dt>
      <dd>{formatRupiah(figures.shippingIdr)}</dd>
    </dl>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "sales.title") }];

export const ErrorBoundary = RouteErrorBoundary;
