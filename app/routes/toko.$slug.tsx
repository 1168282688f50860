import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProductCard } from "~/components/product-card";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { getVisibleStore } from "~/models/catalog.server";
import { prisma } from "~/utils/db.server";
import { pageTitle } from "~/utils/meta";
import { whatsappLink } from "~/utils/whatsapp";

export async function loader({ params }: LoaderFunctionArgs) {
  const store = await getVisibleStore(prisma, params.slug ?? "");
  if (!store) throw new Response("Not found", { status: 404 });
  return { store };
}

export default function StorePage() {
  const { t } = useTranslation();
  const { store } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="store-head">
        <h1>{store.name}</h1>
        {store.kubeGroupId ? <p className="badge">{t("store.kube")}</p> : null}
        <p>{store.description}</p>
        <p className="muted">
          {t("store.location")}: {store.regency.name}, {store.regency.parent?.name}
        </p>
        <a
          className="button button--whatsapp"
          href={whatsappLink(store.whatsapp, t("store.whatsappMessage", { store: store.name }))}
          rel="noopener noreferrer"
          target="_blank"
        >
          {t("store.whatsapp")}
        </a>
        {store.story ? (
          <>
            <h2>{t("store.story")}</h2>
            <p className="prose">{store.story}</p>
          </>
        ) : null}
      </section>
      <section aria-labelledby="store-products">
        <h2 id="store-products">{t("store.products")}</h2>
        {store.products.length === 0 ? (
          <p>{t("store.empty")}</p>
        ) : (
          <ul className="product-grid">
            {store.products.map((product) => (
              <ProductCard key={product.slug} product={product} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [{ title: `${data.store.name} | Pasar Mandiri` }, { name: "description", content: data.store.description }]
    : [{ title: pageTitle(matches, "errors.notFoundTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
