import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { CatalogListing } from "~/components/catalog-filters";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { catalogWhere, listCatalogPage, listCategories, listStoreRegionsCached, parseCatalogQuery } from "~/models/catalog.server";
import { prisma } from "~/utils/db.server";
import { pageDescription, pageTitle } from "~/utils/meta";

/** Every product, with the category as one more filter. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { query: parsed, ignored } = parseCatalogQuery(new URL(request.url).searchParams);
  const categories = (await listCategories(prisma)).filter((c) => c.productCount > 0 || c.slug === parsed.kategori);
  const query = { ...parsed };
  if (query.kategori && !categories.some((c) => c.slug === query.kategori)) {
    query.kategori = null;
    ignored.push("kategori");
  }
  const scope = query.kategori ? { category: { slug: query.kategori } } : {};
  const [listing, provinces] = await Promise.all([
    listCatalogPage(prisma, catalogWhere(query, scope), { sort: query.urut, page: query.halaman }),
    listStoreRegionsCached(prisma, query.kategori ? { slug: query.kategori } : null),
  ]);
  return {
    categories: categories.map(({ slug, nameId, nameEn }) => ({ slug, nameId, nameEn })),
    query: { ...query, halaman: listing.page },
    ignored,
    listing,
    provinces,
  };
}

export default function AllProductsPage() {
  const { t, i18n } = useTranslation();
  const { categories, query, ignored, listing, provinces } = useLoaderData<typeof loader>();
  const choices = categories.map((c) => ({ slug: c.slug, name: i18n.language === "en" ? c.nameEn : c.nameId }));
  return (
    <>
      <nav aria-label={t("browse.breadcrumb")} className="breadcrumb">
        <Link to="/">{t("nav.home")}</Link>
      </nav>
      <h1>{t("browse.allProductsTitle")}</h1>
      <CatalogListing path="/produk" query={query} ignored={ignored} listing={listing} provinces={provinces} categories={choices} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  // pageDescription translates a key without the site name: the page's name for the numbered title.
  const name = pageDescription(matches, "browse.allProductsTitle");
  const title =
    data && data.listing.page > 1
      ? pageTitle(matches, "browse.pageTitleWithPage", { title: name, page: String(data.listing.page) })
      : pageTitle(matches, "browse.allProductsTitle");
  return [{ title }, { name: "description", content: pageDescription(matches, "browse.allProductsDescription") }];
};

export const ErrorBoundary = RouteErrorBoundary;
