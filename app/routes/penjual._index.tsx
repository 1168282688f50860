import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { listSellerStores } from "~/models/seller.server";
import { requireSeller } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  return { stores: await listSellerStores(prisma, user.id) };
}

export default function SellerHome() {
  const { t } = useTranslation();
  const { stores } = useLoaderData<typeof loader>();
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
