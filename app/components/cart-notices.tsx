import { useTranslation } from "~/utils/i18n-react";
import type { CartProblem } from "~/models/cart.server";
import { formatRupiah } from "~/utils/money";

export type CartNotice = { product: string; variant: string; problem: CartProblem };

/** What changed in the cart since the shopper added things, in plain words. */
export function CartNotices({ notices }: { notices: CartNotice[] }) {
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <div className="notice notice--warning" role="status">
      <p>
        <strong>{t("shop.changedTitle")}</strong>
      </p>
      <ul>
        {notices.map(({ product, variant, problem }) => (
          <li key={`${product}-${variant}-${problem.kind}`}>
            {problem.kind === "price_changed"
              ? t("shop.priceChanged", { product, variant, from: formatRupiah(problem.fromIdr), to: formatRupiah(problem.toIdr) })
              : problem.kind === "not_enough_stock"
                ? t("shop.stockReduced", { product, variant, available: problem.available })
                : problem.kind === "out_of_stock"
                  ? t("shop.outOfStock", { product, variant })
                  : t("shop.unavailable", { product, variant })}
          </li>
        ))}
      </ul>
    </div>
  );
}
