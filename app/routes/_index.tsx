import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProductCard } from "~/components/product-card";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { listFreshProducts } from "~/models/catalog.server";
import { prisma } from "~/utils/db.server";
import { pageDescription, pageTitle } from "~/utils/meta";

export async function loader() {
  const products = await listFreshProducts(prisma, { take: 24 });
  return { products };
}

export default function Home() {
  const { t } = useTranslation();
  const { products } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p>{t("home.intro")}</p>
      </section>
      <section aria-labelledby="fresh">
        <h2 id="fresh">{t("home.freshProducts")}</h2>
        {products.length === 0 ? (
          <p>{t("home.empty")}</p>
        ) : (
          <ul className="product-grid">
            {products.map((product, index) => (
              <ProductCard key={product.slug} product={product} eager={index < 4} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "home.title") },
  { name: "description", content: pageDescription(matches, "home.metaDescription") },
];

export const ErrorBoundary = RouteErrorBoundary;
