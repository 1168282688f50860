import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Pagination } from "~/components/pagination";
import { ProductGrid } from "~/components/product-card";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import {
  catalogWhere,
  DEFAULT_CATALOG_QUERY,
  getVisibleStoreProfile,
  listCatalogPage,
  parseCatalogQuery,
} from "~/models/catalog.server";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { bestRendition, imageUrl, logoUrl } from "~/utils/images";
import { pageTitle } from "~/utils/meta";
import { whatsappLink } from "~/utils/whatsapp";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const store = await getVisibleStoreProfile(prisma, params.slug ?? "");
  if (!store) throw new Response("Not found", { status: 404 });
  // A store's page has only page numbers; a bad one shows the first page.
  const { halaman } = parseCatalogQuery(new URL(request.url).searchParams).query;
  const query = { ...DEFAULT_CATALOG_QUERY, halaman };
  const listing = await listCatalogPage(prisma, catalogWhere(query, { storeId: store.id }), { sort: "terbaru", page: halaman });
  const { id: _id, ...profile } = store;
  return { store: profile, listing, origin: getEnv().APP_ORIGIN };
}

export default function StorePage() {
  const { t } = useTranslation();
  const { store, listing } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="store-head">
        {store.logoKey ? (
          <img className="store-head__logo" src={logoUrl(store.logoKey)} alt={t("store.logoAlt", { store: store.name })} width={80} height={80} />
        ) : null}
        <h1>{store.name}</h1>
        {store.kubeGroupId ? <p className="badge">{t("store.kube")}</p> : null}
        <p>{store.description}</p>
        <p className="muted">
          {t("store.location")}:{" "}
          {t("browse.storeRegion", { regency: store.regency.name, province: store.regency.parent?.name ?? "" })}
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
        {listing.total === 0 ? (
          <p>{t("store.empty")}</p>
        ) : (
          <>
            <p className="muted">{t("browse.resultCount", { count: listing.total })}</p>
            <ProductGrid products={listing.products} />
          </>
        )}
        <Pagination
          page={listing.page}
          pageCount={listing.pageCount}
          hrefFor={(page) => (page > 1 ? `/toko/${store.slug}?halaman=${page}` : `/toko/${store.slug}`)}
        />
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [{ title: pageTitle(matches, "errors.notFoundTitle") }];
  const { store, listing, origin } = data;
  const title =
    listing.page > 1
      ? pageTitle(matches, "browse.pageTitleWithPage", { title: store.name, page: String(listing.page) })
      : pageTitle(matches, "browse.pageTitle", { title: store.name });
  const tags: Record<string, string>[] = [
    { title },
    { name: "description", content: store.description },
    { property: "og:type", content: "website" },
    { property: "og:site_name", content: "Pasar Mandiri" },
    { property: "og:title", content: store.name },
    { property: "og:description", content: store.description },
    { property: "og:url", content: `${origin}/toko/${store.slug}` },
  ];
  // The newest product's photo stands for the store when its link is shared.
  const photo = listing.products[0]?.image;
  if (photo) {
    tags.push({ property: "og:image", content: `${origin}${imageUrl(photo.storageKey, bestRendition(photo.width, 640))}` });
  }
  return tags;
};

export const ErrorBoundary = RouteErrorBoundary;
