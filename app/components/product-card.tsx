import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
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

export function ProductCard({ product, eager = false }: { product: ProductCardData; eager?: boolean }) {
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
        <h3 className="product-card__title">{product.title}</h3>
        <p className="product-card__store">{t("product.by", { store: product.storeName })}</p>
        <p className="product-card__price">{formatPriceRange(product.prices)}</p>
        {product.inStock ? null : <p className="product-card__stock">{t("product.outOfStock")}</p>}
      </Link>
    </li>
  );
}
