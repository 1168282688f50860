import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { imageSrcSet, imageUrl, bestRendition } from "~/utils/images";
import { formatPriceRange } from "~/utils/money";

export type ProductCardData = {
  slug: string;
  title: string;
  storeName: string;
  prices: number[];
  inStock: boolean;
  image: { storageKey: string; width: number; height: number; alt: string; placeholder: string } | null;
};

/** `title` replaces the plain title, e.g. with the search's highlighted words. */
export function ProductCard({ product, eager = false, title }: { product: ProductCardData; eager?: boolean; title?: ReactNode }) {
  const { t } = useTranslation();
  const { image } = product;
  return (
    <li className="product-card">
      <Link to={`/produk/${product.slug}`} className="product-card__link" prefetch="intent">
        <div className="product-card__media">
          {image ? (
            <img
              src={imageUrl(image.storageKey, bestRendition(image.width, 320))}
              srcSet={imageSrcSet(image.storageKey, image.width)}
              sizes="(min-width: 60rem) 15rem, (min-width: 40rem) 30vw, 46vw"
              width={image.width}
              height={image.height}
              alt={image.alt}
              loading={eager ? "eager" : "lazy"}
              decoding="async"
              style={{ backgroundImage: `url("${image.placeholder}")` }}
            />
          ) : null}
        </div>
        <h3 className="product-card__title">{title ?? product.title}</h3>
        <p className="product-card__store">{t("product.by", { store: product.storeName })}</p>
        <p className="product-card__price">{formatPriceRange(product.prices)}</p>
        {product.inStock ? null : <p className="product-card__stock">{t("product.outOfStock")}</p>}
      </Link>
    </li>
  );
}

/** A grid of product cards. The first `eagerCount` photos load at once (they are above the fold on a phone). */
export function ProductGrid({ products, eagerCount = 0 }: { products: ProductCardData[]; eagerCount?: number }) {
  return (
    <ul className="product-grid">
      {products.map((product, index) => (
        <ProductCard key={product.slug} product={product} eager={index < eagerCount} />
      ))}
    </ul>
  );
}
