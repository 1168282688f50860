import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { AddToCartForm } from "~/components/add-to-cart-form";
import { ProductGallery } from "~/components/product-gallery";
import { ProductGrid } from "~/components/product-card";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { MAX_LINE_QUANTITY } from "~/models/cart-rules";
import { getVisibleProduct, listRelatedProducts } from "~/models/catalog.server";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { bestRendition, imageUrl } from "~/utils/images";
import { formatPriceRange, priceRange } from "~/utils/money";
import { pageTitle } from "~/utils/meta";
import { whatsappLink } from "~/utils/whatsapp";

/** Width of the photo a shared link shows (WhatsApp, Facebook): large enough for a preview, small to fetch. */
const SHARE_IMAGE_WIDTH = 640;

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await getVisibleProduct(prisma, params.slug ?? "");
  if (!found) throw new Response("Not found", { status: 404 });
  const { categoryId, storeId, ...product } = found;
  const related = await listRelatedProducts(prisma, { id: product.id, categoryId, storeId });
  return { product, related, origin: getEnv().APP_ORIGIN, maxPerLine: MAX_LINE_QUANTITY };
}

export default function ProductPage() {
  const { t, i18n } = useTranslation();
  const { product, related, origin, maxPerLine } = useLoaderData<typeof loader>();
  const categoryName = i18n.language === "en" ? product.category.nameEn : product.category.nameId;
  const { store } = product;
  const askSeller = whatsappLink(
    store.whatsapp,
    t("browse.productWhatsappMessage", { store: store.name, product: product.title, url: `${origin}/produk/${product.slug}` }),
  );

  return (
    <>
      <nav aria-label={t("browse.breadcrumb")} className="breadcrumb">
        <Link to="/">{t("nav.home")}</Link> › <Link to={`/kategori/${product.category.slug}`}>{categoryName}</Link>
      </nav>
      <article className="product">
        <ProductGallery images={product.images} />
        <div className="product__info">
          <h1>{product.title}</h1>
          <p className="product__price">{formatPriceRange(product.variants.map((v) => v.priceIdr))}</p>
          <p className="muted">
            {t("product.category")}: <Link to={`/kategori/${product.category.slug}`}>{categoryName}</Link>
            {product.soldCount > 0 ? <> · {t("browse.soldCount", { count: product.soldCount })}</> : null}
          </p>
          <h2 id="pilihan">{t("product.variants")}</h2>
          <AddToCartForm variants={product.variants} labelledBy="pilihan" maxPerLine={maxPerLine} />
          <h2>{t("product.description")}</h2>
          <p className="prose">{product.description}</p>
          <h2>{t("product.seller")}</h2>
          <div className="seller">
            <p className="seller__name">
              <Link to={`/toko/${store.slug}`}>{store.name}</Link>
            </p>
            {store.kubeGroupId ? <p className="badge">{t("store.kube")}</p> : null}
            <p className="muted">
              {t("browse.storeRegion", { regency: store.regency.name, province: store.regency.parent?.name ?? "" })}
            </p>
            <a className="button button--whatsapp" href={askSeller} rel="noopener noreferrer" target="_blank">
              {t("browse.askSeller")}
            </a>
          </div>
        </div>
      </article>
      {related.length > 0 ? (
        <section aria-labelledby="related">
          <h2 id="related">{t("browse.relatedProducts")}</h2>
          <ProductGrid products={related} />
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [{ title: pageTitle(matches, "errors.notFoundTitle") }];
  const { product, origin } = data;
  const cover = product.images[0];
  const prices = product.variants.map((v) => v.priceIdr);
  const price = formatPriceRange(prices);
  const description = `${price} · ${product.store.name}. ${product.description.slice(0, 140)}`;
  const url = `${origin}/produk/${product.slug}`;
  const tags: Record<string, string>[] = [
    { title: pageTitle(matches, "browse.pageTitle", { title: product.title }) },
    { name: "description", content: description },
    { tagName: "link", rel: "canonical", href: url },
    { property: "og:type", content: "product" },
    { property: "og:site_name", content: "Pasar Mandiri" },
    { property: "og:title", content: `${product.title} – ${price}` },
    { property: "og:description", content: description },
    { property: "og:url", content: url },
  ];
  const lowest = priceRange(prices)?.min;
  if (lowest !== undefined) {
    tags.push({ property: "product:price:amount", content: String(lowest) }, { property: "product:price:currency", content: "IDR" });
  }
  if (cover) {
    const width = bestRendition(cover.width, SHARE_IMAGE_WIDTH);
    tags.push(
      { property: "og:image", content: `${origin}${imageUrl(cover.storageKey, width)}` },
      { property: "og:image:type", content: "image/webp" },
      { property: "og:image:width", content: String(width) },
      { property: "og:image:height", content: String(Math.round((cover.height * width) / cover.width)) },
      { property: "og:image:alt", content: cover.alt },
      { name: "twitter:card", content: "summary_large_image" },
    );
  }
  return tags;
};

export const ErrorBoundary = RouteErrorBoundary;
