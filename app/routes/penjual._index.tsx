import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { LOW_STOCK_THRESHOLD } from "~/models/inventory-rules";
import { sellerHomeCounts } from "~/models/seller-orders.server";
import { listSellerStores } from "~/models/seller.server";
import { requireSeller } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const [stores, counts] = await Promise.all([listSellerStores(prisma, user.id), sellerHomeCounts(prisma, user.id)]);
  return { stores, counts };
}

/** The seller's home: what waits for them, the way to each part of the workspace, and the products. */
export default function SellerHome() {
  const { t } = useTranslation();
  const { stores, counts } = useLoaderData<typeof loader>();
  if (stores.length === 0) {
    return (
      <section>
        <h1>{t("seller.title")}</h1>
        <p>{t("seller.noStore")}</p>
      </section>
    );
  }
  const single = stores.length === 1 ? stores[0]! : null;
  return (
    <>
      <section aria-labelledby="seller-home">
        <h1 id="seller-home">{single ? single.name : t("seller.title")}</h1>
        <ul className="seller-counts">
          <li>
            <Link to="/penjual/pesanan?status=perlu-diproses">{t("sellerOrders.home.needsAction", { count: counts.needsAction })}</Link>
          </li>
          <li>
            <a href="#produk">{t("sellerOrders.home.lowStock", { count: counts.lowStockProducts })}</a>
          </li>
        </ul>
        <nav aria-label={t("sellerOrders.home.menu")}>
          <ul className="seller-menu">
            <li>
              <Link className="button" to="/penjual/pesanan">
                {t("sellerOrders.home.orders")}
              </Link>
            </li>
            <li>
              <a className="button" href="#produk">
                {t("sellerOrders.home.products")}
              </a>
            </li>
            <li>
              <Link className="button" to="/penjual/penjualan">
                {t("sellerOrders.home.sales")}
              </Link>
            </li>
            <li>
              <Link className="button" to="/penjual/saldo">
                {t("sellerOrders.home.balance")}
              </Link>
            </li>
            {single ? (
              <li>
                <Link className="button" to={`/penjual/toko/${single.id}`}>
                  {t("sellerOrders.home.storeProfile")}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      </section>
      <div id="produk">
        {stores.map((store) => (
          <section key={store.id} aria-labelledby={`store-${store.id}`}>
            {single ? (
              <h2 id={`store-${store.id}`}>{t("seller.products")}</h2>
            ) : (
              <>
                <h2 id={`store-${store.id}`}>{store.name}</h2>
                <p>
                  <Link to={`/penjual/toko/${store.id}`}>{t("sellerOrders.home.storeProfileOf", { store: store.name })}</Link>
                </p>
              </>
            )}
            <p>
              <Link to={`/toko/${store.slug}`}>{t("seller.viewInStore")}</Link>
            </p>
            <p>
              <Link to="/penjual/produk/baru" className="button button--primary">
                {t("seller.newProduct")}
              </Link>
            </p>
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
                      <span className="badge">{t(`seller.status.${product.status}`)}</span>{" "}
                      {product.status !== "ARCHIVED" && product.variants.some((v) => v.stock <= LOW_STOCK_THRESHOLD) ? (
                        <span className="badge badge--warning">{t("seller.lowStock")}</span>
                      ) : null}
                      <br />
                      <Link to={`/penjual/produk/${product.id}/ubah`}>{t("seller.editProduct")}</Link> ·{" "}
                      <Link to={`/penjual/produk/${product.id}`}>{t("seller.manageStock")}</Link>
                    </td>
                    <td>{product.variants.map((v) => `${v.name}: ${formatRupiah(v.priceIdr)}`).join(", ")}</td>
                    <td>{product.variants.reduce((sum, v) => sum + v.stock, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "seller.title") }];

export const ErrorBoundary = RouteErrorBoundary;
