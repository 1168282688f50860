import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { StoreSelect } from "~/components/store-select";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { SalesHowItIsComputed } from "~/components/sales-how";
import { requestedStoreId, resolveSalesQuery } from "~/models/sales-params.server";
import { recentMonths } from "~/models/sales-period";
import { buildSalesStatement, listReportStores, type SalesFigures } from "~/models/sales-report.server";
import salesStylesHref from "~/styles/sales.css";
import { requireSeller } from "~/utils/auth.server";
import { formatDateTime, formatLocalDate, formatMonth, localDateOf } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { INTL_LOCALE } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { salesHref } from "~/utils/sales-url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: salesStylesHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const params = new URL(request.url).searchParams;
  const stores = await listReportStores(prisma, user.id);
  const storeId = requestedStoreId(params);
  const store = storeId ? stores.find((candidate) => candidate.id === storeId) : stores[0];
  // No store, or another seller's: both look like a page that does not exist.
  if (!store) throw new Response("Not found", { status: 404 });

  const today = localDateOf(new Date(), store.timeZone);
  const query = resolveSalesQuery(params, today, recentMonths(today));
  const storeView = { id: store.id, name: store.name, regencyName: store.regencyName, timeZone: store.timeZone, owner: store.owner };
  const storeOptions = stores.map(({ id, name }) => ({ id, name }));
  if (!query.ok) {
    return data({ store: storeView, stores: storeOptions, echo: query.echo, error: query.error, statement: null, period: null, generatedAt: null }, { status: 400 });
  }
  const statement = await buildSalesStatement(prisma, { userId: user.id, store, period: query.period });
  return { store: storeView, stores: storeOptions, echo: query.echo, error: null, statement, period: query.period, generatedAt: new Date().toISOString() };
}

const COLUMNS: { key: keyof SalesFigures; label: string; money: boolean }[] = [
  { key: "orders", label: "sales.orders", money: false },
  { key: "units", label: "sales.units", money: false },
  { key: "revenueIdr", label: "sales.revenue", money: true },
  { key: "costOfGoodsIdr", label: "sales.costOfGoods", money: true },
  { key: "grossProfitIdr", label: "sales.grossProfit", money: true },
  { key: "commissionIdr", label: "sales.commission", money: true },
  { key: "refundsIdr", label: "sales.refunds", money: true },
  { key: "refundedCommissionIdr", label: "sales.refundedCommission", money: true },
  { key: "netProfitIdr", label: "sales.netProfit", money: true },
];

export default function SalesStatement() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { store, stores, echo, error, statement, period, generatedAt } = useLoaderData<typeof loader>();
  const number = new Intl.NumberFormat(INTL_LOCALE[locale]);
  const show = (figures: SalesFigures, column: (typeof COLUMNS)[number]) =>
    column.money ? formatRupiah(figures[column.key]) : number.format(figures[column.key]);
  const from = period?.from ?? echo.from;
  const to = period?.to ?? echo.to;
  return (
    <section className="statement">
      <div className="no-print">
        <p>
          <Link to={salesHref("/penjual/penjualan", { store: store.id })}>{t("sales.backToDashboard")}</Link>
        </p>
        <Form method="get" className="sales-range" aria-label={t("sales.statementPeriod")}>
          {stores.length > 1 ? (
            <StoreSelect id="statement-store" name="store" label={t("sales.storeLabel")} stores={stores} value={store.id} />
          ) : (
            <input type="hidden" name="store" value={store.id} />
          )}
          <div className="sales-range__dates">
            <div className="field">
              <label htmlFor="statement-from">{t("sales.from")}</label>
              <input id="statement-from" name="from" type="date" required defaultValue={from} aria-invalid={error ? true : undefined} aria-describedby={error ? "statement-error" : undefined} />
            </div>
            <div className="field">
              <label htmlFor="statement-to">{t("sales.to")}</label>
              <input id="statement-to" name="to" type="date" required defaultValue={to} aria-invalid={error ? true : undefined} aria-describedby={error ? "statement-error" : undefined} />
            </div>
          </div>
          <button type="submit" className="button">
            {t("sales.show")}
          </button>
        </Form>
        {error ? (
          <div className="form-errors" role="alert" id="statement-error">
            <p>{t(error)}</p>
          </div>
        ) : null}
        {statement ? <PrintButton /> : null}
      </div>

      <p className="statement__brand">{t("app.name")}</p>
      <h1>{t("sales.statementTitle")}</h1>
      <dl className="facts statement__facts">
        <dt>{t("sales.statementStore")}</dt>
        <dd>{store.name}</dd>
        <dt>{t("sales.statementOwner")}</dt>
        <dd>{store.owner.kind === "kube" ? t("sales.ownerKube", { name: store.owner.name }) : t("sales.ownerHousehold")}</dd>
        <dt>{t("sales.statementRegency")}</dt>
        <dd>{store.regencyName}</dd>
        {period ? (
          <>
            <dt>{t("sales.statementPeriod")}</dt>
            <dd>{t("sales.periodShown", { from: formatLocalDate(period.from, locale), to: formatLocalDate(period.to, locale) })}</dd>
          </>
        ) : null}
        {generatedAt ? (
          <>
            <dt>{t("sales.statementGenerated")}</dt>
            <dd>{formatDateTime(generatedAt, store.timeZone, locale)}</dd>
          </>
        ) : null}
      </dl>

      {statement ? (
        <>
          {statement.totals.orders === 0 && statement.totals.refundCount === 0 ? <p className="notice">{t("sales.statementEmpty")}</p> : null}
          <div className="table-scroll">
            <table className="table statement__table">
              <caption className="visually-hidden">{t("sales.statementTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("sales.month")}</th>
                  {COLUMNS.map((column) => (
                    <th key={column.key} scope="col" className="num">
                      {t(column.label)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {statement.months.map((row) => (
                  <tr key={row.month}>
                    <th scope="row">{formatMonth(row.month, locale)}</th>
                    {COLUMNS.map((column) => (
                      <td key={column.key} className="num">
                        {show(row.figures, column)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("sales.total")}</th>
                  {COLUMNS.map((column) => (
                    <td key={column.key} className="num">
                      {show(statement.totals, column)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
          <p className="statement__source">{t("sales.statementSource")}</p>
          <SalesHowItIsComputed timeZone={store.timeZone} variant="statement" />
        </>
      ) : null}
    </section>
  );
}

/** Printing works from the browser's menu without JavaScript; with it, a big button does the same. */
function PrintButton() {
  const { t } = useTranslation();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(typeof window.print === "function"), []);
  if (!canPrint) return <p className="muted">{t("sales.printHint")}</p>;
  return (
    <button type="button" className="button button--primary" onClick={() => window.print()}>
      {t("sales.print")}
    </button>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "sales.statementTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
