import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { listRecentStoreOrdersForSeller } from "~/models/order.server";
import { listSellerStores } from "~/models/seller.server";
import { requireSeller } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const [stores, orders] = await Promise.all([listSellerStores(prisma, user.id), listRecentStoreOrdersForSeller(prisma, user.id)]);
  return { stores, orders };
}

export default function SellerHome() {
  const { t } = useTranslation();
  const { stores, orders } = useLoaderData<typeof loader>();
  if (stores.length === 0) {
    return (
      <section>
        <h1>{t("seller.title")}</h1>
        <p>{t("seller.noStore")}</p>
      </section>
    );
  }
  return (
    <>
      <section aria-labelledby="seller-orders">
        <h2 id="seller-orders">{t("shop.newOrders")}</h2>
        {orders.length === 0 ? <p>{t("shop.noOrders")}</p> : null}
        <ul className="card-list">
          {orders.map((so) => (
            <li key={so.id} className="card">
              <p>
                <strong>{so.order.number}</strong> · {so.store.name} · <span className="badge">{t(`orderStatus.${so.status}`)}</span>
              </p>
              <p className="muted">
                {t(`paymentMethod.${so.order.paymentMethod}`)} · {so.order.recipientName}, {so.order.district.name}, {so.order.district.parent?.name} ·{" "}
                {formatRupiah(so.subtotalIdr)}
              </p>
              <ul>
                {so.items.map((item, index) => (
                  <li key={index}>
                    {item.quantity} × {item.productTitle} ({item.variantName})
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
      {stores.map((store) => (
        <section key={store.id} aria-labelledby={`store-${store.id}`}>
          <h1 id={`store-${store.id}`}>{store.name}</h1>
          <p>
            <Link to={`/toko/${store.slug}`}>{t("seller.viewInStore")}</Link>
          </p>
          <h2>{t("seller.products")}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("seller.products")}</th>
                <th scope="col">{t("seller.price")}</th>
                <th scope="col">{t("seller.stock")}</th>
              </tr>
            </thead>
            <tbody>
              {store.products.map((product) => (
                <tr key={product.id}>
                  <td>
                    {product.title}
                    <br />
                    <span className="badge">{t(`seller.status.${product.status}`)}</span>
                  </td>
                  <td>{product.variants.map((v) => `${v.name}: ${formatRupiah(v.priceIdr)}`).join(", ")}</td>
                  <td>{product.variants.reduce((sum, v) => sum + v.stock, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "seller.title") }];

export const ErrorBoundary = RouteErrorBoundary;
