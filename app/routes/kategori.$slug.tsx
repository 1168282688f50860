import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { CatalogListing } from "~/components/catalog-filters";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { catalogWhere, getCategoryCached, listCatalogPage, listStoreRegionsCached, parseCatalogQuery } from "~/models/catalog.server";
import { prisma } from "~/utils/db.server";
import { localeFromMatches, pageDescription, pageTitle } from "~/utils/meta";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const category = await getCategoryCached(prisma, params.slug ?? "");
  if (!category) throw new Response("Not found", { status: 404 });

  const parsed = parseCatalogQuery(new URL(request.url).searchParams);
  // The category is this page's own; a "kategori" in the address has no meaning here.
  const query = { ...parsed.query, kategori: null };
  const ignored = parsed.ignored.filter((param) => param !== "kategori");
  const [listing, provinces] = await Promise.all([
    listCatalogPage(prisma, catalogWhere(query, { categoryId: category.id }), { sort: query.urut, page: query.halaman }),
    listStoreRegionsCached(prisma, { id: category.id }),
  ]);
  return {
    category: { slug: category.slug, nameId: category.nameId, nameEn: category.nameEn },
    query: { ...query, halaman: listing.page },
    ignored,
    listing,
    provinces,
  };
}

export default function CategoryPage() {
  const { t, i18n } = useTranslation();
  const { category, query, ignored, listing, provinces } = useLoaderData<typeof loader>();
  const name = i18n.language === "en" ? category.nameEn : category.nameId;
  return (
    <>
      <nav aria-label={t("browse.breadcrumb")} className="breadcrumb">
        <Link to="/">{t("nav.home")}</Link> › <Link to="/produk">{t("browse.allProductsTitle")}</Link>
      </nav>
      <h1>{name}</h1>
      <CatalogListing
        path={`/kategori/${category.slug}`}
        query={query}
        ignored={ignored}
        listing={listing}
        provinces={provinces}
      />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [{ title: pageTitle(matches, "errors.notFoundTitle") }];
  const name = localeFromMatches(matches) === "en" ? data.category.nameEn : data.category.nameId;
  const title =
    data.listing.page > 1
      ? pageTitle(matches, "browse.pageTitleWithPage", { title: name, page: String(data.listing.page) })
      : pageTitle(matches, "browse.pageTitle", { title: name });
  return [{ title }, { name: "description", content: `${name}: ${pageDescription(matches, "browse.categoryDescription")}` }];
};

export const ErrorBoundary = RouteErrorBoundary;
