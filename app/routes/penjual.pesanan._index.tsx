import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { INBOX_TABS, type InboxQuery, type InboxTab } from "~/models/seller-order-tabs";
import { listSellerStoreChoices, listSellerStoreOrders, parseInboxQuery } from "~/models/seller-orders.server";
import { requireSeller } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formatDateTime } from "~/utils/dates";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const query = parseInboxQuery(new URL(request.url).searchParams);
  const stores = await listSellerStoreChoices(prisma, user.id);
  // Another seller's store in the filter looks like a store that does not exist.
  if (query.storeId && !stores.some((store) => store.id === query.storeId)) throw new Response("Not found", { status: 404 });
  const inbox = await listSellerStoreOrders(prisma, user.id, query);
  return { stores, query: { ...query, page: inbox.page }, inbox };
}

/** The inbox URL for a tab, store and page; defaults are left out so links stay short. */
function inboxHref(query: InboxQuery): string {
  const params = new URLSearchParams();
  params.set("status", query.tab);
  if (query.storeId) params.set("toko", query.storeId);
  if (query.page > 1) params.set("halaman", String(query.page));
  return `/penjual/pesanan?${params}`;
}

export default function SellerInbox() {
  const { t, i18n } = useTranslation();
  const { stores, query, inbox } = useLoaderData<typeof loader>();
  const locale = i18n.language as Locale;
  const storeName = (id: string | null) => stores.find((s) => s.id === id)?.name;
  return (
    <section aria-labelledby="inbox-title">
      <p className="breadcrumb">
        <Link to="/penjual">{t("seller.title")}</Link>
      </p>
      <h1 id="inbox-title">{t("sellerOrders.inboxTitle")}</h1>

      {stores.length > 1 ? (
        <nav aria-label={t("sellerOrders.storesLabel")}>
          <ul className="tabs tabs--small">
            {[null, ...stores.map((s) => s.id)].map((id) => (
              <li key={id ?? "all"}>
                <Link className="tabs__tab" to={inboxHref({ tab: query.tab, storeId: id, page: 1 })} aria-current={query.storeId === id ? "page" : undefined}>
                  {id ? storeName(id) : t("sellerOrders.allStores")}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <nav aria-label={t("sellerOrders.tabsLabel")}>
        <ul className="tabs">
          {INBOX_TABS.map((tab) => (
            <li key={tab}>
              <Link className="tabs__tab" to={inboxHref({ tab, storeId: query.storeId, page: 1 })} aria-current={query.tab === tab ? "page" : undefined}>
                {t("sellerOrders.tabWithCount", { label: t(`sellerOrders.tab.${tab}`), count: inbox.counts[tab] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {inbox.rows.length === 0 ? (
        <p className="empty-state">{t(`sellerOrders.empty.${query.tab satisfies InboxTab}`)}</p>
      ) : (
        <Form method="get" action="/penjual/pesanan/slip" className="stack">
          <ul className="card-list">
            {inbox.rows.map((row) => (
              <li key={row.id} className="card inbox-row">
                <p className="inbox-row__head">
                  <strong className="inbox-row__number">{row.number}</strong>{" "}
                  <span className="badge">{t(`orderStatus.${row.status}`)}</span>
                </p>
                <p className="muted">
                  {t("sellerOrders.placedAt", { date: formatDateTime(row.placedAt, row.timeZone, locale) })}
                  {stores.length > 1 ? ` · ${row.storeName}` : ""}
                </p>
                <p>
                  {t("sellerOrders.recipient")}: <strong>{row.recipientName}</strong>
                </p>
                <ul className="inbox-row__items">
                  {row.items.map((item, index) => (
                    <li key={index}>
                      {item.quantity} × {item.productTitle} ({item.variantName})
                    </li>
                  ))}
                </ul>
                <p>
                  {t("sellerOrders.total")}: <strong>{formatRupiah(row.totalIdr)}</strong>
                </p>
                <p>
                  {t("sellerOrders.payment")}: {t(`paymentMethod.${row.paymentMethod}`)}
                  {row.paymentStatus ? ` · ${t(`paymentStatus.${row.paymentStatus}`)}` : ""}
                  {row.refundStatus ? ` · ${t("sellerOrders.refundTitle")}: ${t(`sellerOrders.refundStatus.${row.refundStatus}`)}` : ""}
                </p>
                {row.waybill ? (
                  <p>
                    {t("sellerOrders.courier")}: {row.courier} · {t("sellerOrders.waybill")}: <span className="mono">{row.waybill}</span>
                  </p>
                ) : null}
                <div className="inbox-row__actions">
                  <Link to={`/penjual/pesanan/${row.id}`} className="button">
                    {t("sellerOrders.openOrder", { number: row.number })}
                  </Link>
                  <label className="check">
                    <input type="checkbox" name="id" value={row.id} />
                    <span>{t("sellerOrders.selectForSlip")}</span>
                  </label>
                </div>
              </li>
            ))}
          </ul>
          <p className="field__hint">{t("sellerOrders.printSelectedHint")}</p>
          <button type="submit" className="button button--primary">
            {t("sellerOrders.printSelected")}
          </button>
        </Form>
      )}

      <Pagination page={query.page} pageCount={inbox.pageCount} hrefFor={(page) => inboxHref({ ...query, page })} />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "sellerOrders.inboxTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
