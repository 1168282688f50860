import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { ProductGrid } from "~/components/product-card";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { listCategories, listFreshProducts } from "~/models/catalog.server";
import { prisma } from "~/utils/db.server";
import { pageDescription, pageTitle } from "~/utils/meta";

export async function loader() {
  const [products, categories] = await Promise.all([listFreshProducts(prisma, { take: 24 }), listCategories(prisma)]);
  // A category with nothing for sale would only lead to an empty page.
  return { products, categories: categories.filter((c) => c.productCount > 0) };
}

export default function Home() {
  const { t, i18n } = useTranslation();
  const { products, categories } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p>{t("home.intro")}</p>
      </section>
      {categories.length > 0 ? (
        <section aria-labelledby="categories">
          <h2 id="categories">{t("browse.categoriesHeading")}</h2>
          <ul className="category-list">
            {categories.map((category) => (
              <li key={category.slug}>
                <Link to={`/kategori/${category.slug}`} className="category-list__link" prefetch="intent">
                  <span className="category-list__name">{i18n.language === "en" ? category.nameEn : category.nameId}</span>
                  <span className="category-list__count">{t("browse.categoryProductCount", { count: category.productCount })}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="fresh">
        <h2 id="fresh">{t("home.freshProducts")}</h2>
        {products.length === 0 ? <p>{t("home.empty")}</p> : <ProductGrid products={products} eagerCount={4} />}
        {products.length > 0 ? (
          <p className="see-all">
            <Link to="/produk" className="button">
              {t("browse.seeAllProducts")}
            </Link>
          </p>
        ) : null}
      </section>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "home.title") },
  { name: "description", content: pageDescription(matches, "home.metaDescription") },
];

export const ErrorBoundary = RouteErrorBoundary;
