import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { formatRupiah } from "~/utils/money";

export type CartVariant = { id: string; name: string; priceIdr: number; stock: number; weightGrams: number };

function VariantFacts({ variant }: { variant: CartVariant }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="variant__name">{variant.name}</span>
      <span className="variant__price">{formatRupiah(variant.priceIdr)}</span>
      <span className="variant__stock">
        {variant.stock > 0 ? t("product.stock", { count: variant.stock }) : t("product.outOfStock")}
      </span>
      <span className="variant__weight muted">{t("product.weight", { grams: variant.weightGrams })}</span>
    </>
  );
}

/**
 * Choose a variant and a quantity and put them in the cart: a plain POST to /keranjang (intent "add"),
 * which answers with the cart page, so it works without JavaScript. Sold-out variants cannot be chosen;
 * when nothing is in stock there is nothing to submit. The server checks stock again whatever is sent.
 */
export function AddToCartForm({
  variants,
  labelledBy,
  maxPerLine,
}: {
  variants: CartVariant[];
  /** Id of the heading that names the variant choice. */
  labelledBy: string;
  /** The most one cart line may hold. */
  maxPerLine: number;
}) {
  const { t } = useTranslation();
  const firstInStock = variants.find((v) => v.stock > 0);
  const [chosenId, setChosenId] = useState(firstInStock?.id);
  // Without JavaScript the quantity limit cannot follow the chosen variant, so the page is served with the
  // largest one; once scripts run, the limit is the chosen variant's stock.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  if (!firstInStock) {
    return (
      <>
        <ul className="variant-list" aria-labelledby={labelledBy}>
          {variants.map((variant) => (
            <li key={variant.id} className="variant">
              <VariantFacts variant={variant} />
            </li>
          ))}
        </ul>
        <p className="notice notice--warning">
          <strong>{t("browse.soldOut")}</strong>. {t("browse.soldOutNote")}
        </p>
      </>
    );
  }

  const chosen = variants.find((v) => v.id === chosenId) ?? firstInStock;
  const largestStock = Math.max(...variants.map((v) => v.stock));
  const maxQuantity = Math.min(hydrated ? chosen.stock : largestStock, maxPerLine);

  return (
    <Form method="post" action="/keranjang" className="add-to-cart">
      <input type="hidden" name="intent" value="add" />
      <fieldset className="variant-picker" aria-labelledby={labelledBy}>
        <ul className="variant-list">
          {variants.map((variant) => (
            <li key={variant.id} className="variant">
              <label className="variant__choice">
                <input
                  type="radio"
                  name="variantId"
                  value={variant.id}
                  defaultChecked={variant.id === firstInStock.id}
                  disabled={variant.stock <= 0}
                  onChange={() => setChosenId(variant.id)}
                />
                <VariantFacts variant={variant} />
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="add-to-cart__row">
        <div className="field add-to-cart__quantity">
          <label htmlFor="add-to-cart-quantity">{t("browse.quantity")}</label>
          <input
            id="add-to-cart-quantity"
            type="number"
            name="quantity"
            inputMode="numeric"
            min={1}
            max={maxQuantity}
            step={1}
            defaultValue={1}
            required
            aria-describedby="add-to-cart-quantity-hint"
          />
          <p id="add-to-cart-quantity-hint" className="field__hint">
            {t("browse.quantityHint", { max: maxQuantity })}
          </p>
        </div>
        <button type="submit" className="button button--primary add-to-cart__submit">
          {t("browse.addToCart")}
        </button>
      </div>
    </Form>
  );
}
