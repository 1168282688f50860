import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { StoreSelect } from "~/components/store-select";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { formatCommissionRate } from "~/models/commission";
import { getStoreBalance, inProgressTotals, listLedger, listSellerStoresForBalance } from "~/models/ledger.server";
import { requireSeller } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";

const PAGE_SIZE = 30;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const url = new URL(request.url);
  const stores = await listSellerStoresForBalance(prisma, user.id);
  const wanted = url.searchParams.get("toko");
  const store = wanted ? stores.find((s) => s.id === wanted) : stores[0];
  // Another seller's store id looks exactly like one that does not exist.
  if (!store) throw new Response("Not Found", { status: 404 });
  const pageParam = Number(url.searchParams.get("halaman") ?? "1");
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const env = getEnv();
  const [balance, ledger, inProgress] = await Promise.all([
    getStoreBalance(prisma, store.id),
    listLedger(prisma, store.id, page, PAGE_SIZE),
    inProgressTotals(prisma, store.id),
  ]);
  return {
    stores: stores.map((s) => ({ id: s.id, name: s.name })),
    store: {
      id: store.id,
      name: store.name,
      timeZone: store.regency.parent?.timeZone ?? "Asia/Jakarta",
      bank: store.payoutAccountNumber ? { name: store.payoutBankName, number: store.payoutAccountNumber, holder: store.payoutAccountHolder } : null,
    },
    balance,
    ledger,
    inProgress,
    commissionBasisPoints: env.COMMISSION_BASIS_POINTS,
    holdDays: env.LEDGER_HOLD_DAYS,
  };
}

export default function StoreBalancePage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { stores, store, balance, ledger, inProgress, commissionBasisPoints, holdDays } = useLoaderData<typeof loader>();
  const now = Date.now();
  const pageLink = (page: number) => `?toko=${store.id}&halaman=${page}`;
  return (
    <section className="stack">
      <h1>{t("money.balanceTitle")}</h1>
      <p>{t("money.balanceIntro")}</p>
      {stores.length > 1 ? (
        <Form method="get" className="inline-form">
          <StoreSelect id="toko" name="toko" label={t("money.store")} stores={stores} value={store.id} />
          <button type="submit" className="button">
            {t("money.choose")}
          </button>
        </Form>
      ) : null}
      <h2>{store.name}</h2>
      <ul className="stat-cards" aria-label={t("money.balanceTitle")}>
        <li className="card">
          <h3>{t("money.available")}</h3>
          <p className="stat-value mono" data-testid="balance-available">
            {formatRupiah(balance.availableIdr)}
          </p>
          <p className="muted">{t("money.availableHint")}</p>
          {balance.availableIdr < 0 ? <p className="notice">{t("money.owed")}</p> : null}
        </li>
        <li className="card">
          <h3>{t("money.pending")}</h3>
          <p className="stat-value mono" data-testid="balance-pending">
            {formatRupiah(balance.pendingIdr)}
          </p>
          <p className="muted">{t("money.pendingHint", { days: holdDays })}</p>
        </li>
        <li className="card">
          <h3>{t("money.paidOut")}</h3>
          <p className="stat-value mono" data-testid="balance-paid">
            {formatRupiah(balance.paidOutIdr)}
          </p>
          <p className="muted">{t("money.paidOutHint")}</p>
        </li>
      </ul>
      {inProgress.count > 0 ? <p>{t("money.inProgress", { amount: formatRupiah(inProgress.amountIdr), count: inProgress.count })}</p> : null}
      <p>{t("money.commissionRate", { rate: formatCommissionRate(commissionBasisPoints, locale) })}</p>
      <p>
        {store.bank ? t("money.bankAccount", { bank: store.bank.name ?? "", number: store.bank.number, holder: store.bank.holder ?? "" }) : t("money.noBankAccount")}{" "}
        <Link to={`/penjual/toko/${store.id}`}>{t("money.editProfile")}</Link>
      </p>

      <h2>{t("money.lines")}</h2>
      {ledger.lines.length === 0 ? (
        <p>{t("money.noLines")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("money.date")}</th>
                <th scope="col">{t("money.description")}</th>
                <th scope="col" className="num">
                  {t("money.amount")}
                </th>
                <th scope="col" className="num">
                  {t("money.running")}
                </th>
              </tr>
            </thead>
            <tbody>
              {ledger.lines.map((line) => (
                <tr key={line.id}>
                  <td>{formatDateTime(line.createdAt, store.timeZone, locale)}</td>
                  <td>
                    {t(`money.kind.${line.kind}`)}
                    {line.orderNumber && line.storeOrderId ? (
                      <>
                        <br />
                        <Link to={`/penjual/pesanan/${line.storeOrderId}`}>{t("money.order", { number: line.orderNumber })}</Link>
                      </>
                    ) : null}
                    {line.bankReference ? (
                      <>
                        <br />
                        <span className="mono">{line.bankReference}</span>
                      </>
                    ) : null}
                    {line.amountIdr > 0 && new Date(line.availableAt).getTime() > now ? (
                      <>
                        <br />
                        <span className="badge">{t("money.availableFrom", { date: formatDateTime(line.availableAt, store.timeZone, locale) })}</span>
                      </>
                    ) : null}
                  </td>
                  <td className={`num mono ${line.amountIdr < 0 ? "negative" : ""}`}>{formatRupiah(line.amountIdr)}</td>
                  <td className="num mono">{formatRupiah(line.runningIdr)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ledger.pageCount > 1 ? (
        <nav className="pagination" aria-label={t("money.page", { page: ledger.page, count: ledger.pageCount })}>
          {ledger.page > 1 ? <Link to={pageLink(ledger.page - 1)}>{t("money.previous")}</Link> : null}
          <span>{t("money.page", { page: ledger.page, count: ledger.pageCount })}</span>
          {ledger.page < ledger.pageCount ? <Link to={pageLink(ledger.page + 1)}>{t("money.next")}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "money.balanceTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
