import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { getVisibleProduct } from "~/models/catalog.server";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { bestRendition, imageSrcSet, imageUrl } from "~/utils/images";
import { formatPriceRange, formatRupiah } from "~/utils/money";
import { pageTitle } from "~/utils/meta";

export async function loader({ params }: LoaderFunctionArgs) {
  const product = await getVisibleProduct(prisma, params.slug ?? "");
  if (!product) throw new Response("Not found", { status: 404 });
  return { product, origin: getEnv().APP_ORIGIN };
}

export default function ProductPage() {
  const { t, i18n } = useTranslation();
  const { product } = useLoaderData<typeof loader>();
  const [cover, ...others] = product.images;
  const categoryName = i18n.language === "en" ? product.category.nameEn : product.category.nameId;

  return (
    <article className="product">
      <div className="product__gallery">
        {cover ? (
          <img
            className="product__cover"
            src={imageUrl(cover.storageKey, bestRendition(cover.width, 640))}
            srcSet={imageSrcSet(cover.storageKey, cover.width)}
            sizes="(min-width: 60rem) 30rem, 100vw"
            width={cover.width}
            height={cover.height}
            alt={cover.alt}
            style={{ backgroundImage: `url("${cover.placeholder}")` }}
          />
        ) : null}
        {others.length > 0 ? (
          <ul className="product__thumbs">
            {others.map((image) => (
              <li key={image.storageKey}>
                <img
                  src={imageUrl(image.storageKey, bestRendition(image.width, 160))}
                  srcSet={imageSrcSet(image.storageKey, image.width)}
                  sizes="6rem"
                  width={image.width}
                  height={image.height}
                  alt={image.alt}
                  loading="lazy"
                  decoding="async"
                  style={{ backgroundImage: `url("${image.placeholder}")` }}
                />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="product__info">
        <p className="muted">
          {t("product.category")}: {categoryName}
        </p>
        <h1>{product.title}</h1>
        <p className="product__price">{formatPriceRange(product.variants.map((v) => v.priceIdr))}</p>
        <h2>{t("product.variants")}</h2>
        <ul className="variant-list">
          {product.variants.map((variant) => (
            <li key={variant.id} className="variant">
              <span className="variant__name">{variant.name}</span>
              <span className="variant__price">{formatRupiah(variant.priceIdr)}</span>
              <span className="variant__stock">
                {variant.stock > 0 ? t("product.stock", { count: variant.stock }) : t("product.outOfStock")}
              </span>
              <span className="variant__weight muted">{t("product.weight", { grams: variant.weightGrams })}</span>
            </li>
          ))}
        </ul>
        <h2>{t("product.description")}</h2>
        <p className="prose">{product.description}</p>
        <h2>{t("product.seller")}</h2>
        <p>
          <Link to={`/toko/${product.store.slug}`}>{product.store.name}</Link>
          <br />
          <span className="muted">
            {product.store.regency.name}, {product.store.regency.parent?.name}
          </span>
        </p>
      </div>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [{ title: pageTitle(matches, "errors.notFoundTitle") }];
  const { product, origin } = data;
  const cover = product.images[0];
  const price = formatPriceRange(product.variants.map((v) => v.priceIdr));
  const description = `${price} · ${product.store.name}. ${product.description.slice(0, 140)}`;
  const tags = [
    { title: `${product.title} | Pasar Mandiri` },
    { name: "description", content: description },
    { property: "og:type", content: "product" },
    { property: "og:title", content: `${product.title} – ${price}` },
    { property: "og:description", content: description },
    { property: "og:url", content: `${origin}/produk/${product.slug}` },
  ];
  if (cover) {
    tags.push({ property: "og:image", content: `${origin}${imageUrl(cover.storageKey, bestRendition(cover.width, 640))}` });
  }
  return tags;
};

export const ErrorBoundary = RouteErrorBoundary;
