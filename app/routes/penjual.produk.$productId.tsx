import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { LOW_STOCK_THRESHOLD } from "~/models/inventory-rules";
import { adjustStock, getProductStockForSeller, StockAdjustmentError, type StockAdjustment } from "~/models/inventory.server";
import { ListingError, removeVariant } from "~/models/listing.server";
import { syncProductInSearch } from "~/models/product-search.server";
import { stockAdjustmentSchema } from "~/models/shop-forms.server";
import { requireSeller } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formatDateTime } from "~/utils/dates";
import { readFormData } from "~/utils/form-data.server";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const product = await getProductStockForSeller(prisma, user.id, params.productId ?? "");
  // Another seller's product looks exactly like one that does not exist.
  if (!product) throw new Response("Not found", { status: 404 });
  return { product, lowStockThreshold: LOW_STOCK_THRESHOLD };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireSeller(request);
  const form = await readFormData(request);
  if (form.get("intent") === "remove-variant") {
    const variantId = form.get("variantId");
    if (typeof variantId !== "string" || variantId.length === 0 || variantId.length > 64) return data({ error: "shop.errorBadRequest", saved: null }, { status: 400 });
    try {
      const removed = await removeVariant(prisma, { userId: user.id, productId: params.productId ?? "", variantId });
      await syncProductInSearch(removed.productId);
      return { error: null, saved: null, removed: true };
    } catch (error) {
      if (!(error instanceof ListingError)) throw error;
      const [status, key] =
        error.code === "no_variants" ? [409, "seller.errorLastVariant"] : error.code === "variant_sold" ? [409, "seller.errorVariantSold"] : [404, "shop.errorItemNotFound"];
      return data({ error: key, saved: null }, { status });
    }
  }
  const submission = parseWithZod(form, { schema: stockAdjustmentSchema });
  if (submission.status !== "success") {
    const first = Object.values(submission.error ?? {}).flat()[0] ?? "shop.errorBadRequest";
    return data({ error: first, saved: null as { variantId: string; stock: number } | null }, { status: 400 });
  }
  const input = submission.value;
  // The variant must belong to the product of this page as well as to the seller.
  const owned = await prisma.productVariant.findFirst({ where: { id: input.variantId, productId: params.productId ?? "" }, select: { id: true } });
  if (!owned) return data({ error: "shop.errorItemNotFound", saved: null }, { status: 404 });
  const adjustment: StockAdjustment =
    input.reason === "CORRECTION"
      ? { reason: "CORRECTION", countedStock: input.countedStock, expectedStock: input.expectedStock }
      : { reason: input.reason, quantity: input.quantity };
  try {
    const result = await adjustStock(prisma, { userId: user.id, variantId: input.variantId, adjustment, note: input.note ?? null });
    await syncProductInSearch(result.productId);
    return { error: null, saved: { variantId: input.variantId, stock: result.stock } };
  } catch (error) {
    if (error instanceof StockAdjustmentError) {
      const [status, key] =
        error.code === "not_found" ? [404, "shop.errorItemNotFound"] : error.code === "not_enough_stock" ? [409, "seller.errorNotEnough"] : [409, "seller.errorChanged"];
      return data({ error: key, saved: null }, { status });
    }
    throw error;
  }
}

export default function ProductStockPage() {
  const { t, i18n } = useTranslation();
  const { product, lowStockThreshold } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <p>
        <Link to="/penjual">{t("seller.title")}</Link>
      </p>
      <h1>{t("seller.stockTitle", { product: product.title })}</h1>
      {actionData?.error ? (
        <div className="form-errors" role="alert">
          <p>{t(actionData.error)}</p>
        </div>
      ) : null}
      {actionData && "removed" in actionData ? (
        <p className="notice" role="status">
          {t("seller.variantRemoved")}
        </p>
      ) : null}
      {product.variants.map((variant) => {
        const saved = actionData?.saved?.variantId === variant.id ? actionData.saved : null;
        return (
          <section key={variant.id} className="card" aria-labelledby={`variant-${variant.id}`}>
            <h2 id={`variant-${variant.id}`}>{variant.name}</h2>
            {saved ? (
              <p className="notice" role="status">
                {t("seller.stockSaved", { variant: variant.name, count: saved.stock })}
              </p>
            ) : null}
            <p>
              <strong>{t("seller.currentStock", { count: variant.stock })}</strong>{" "}
              {variant.stock <= lowStockThreshold ? <span className="badge badge--warning">{t("seller.lowStock")}</span> : null}
            </p>
            <Form method="post" className="stack" aria-label={t("seller.adjustTitle", { variant: variant.name })}>
              <input type="hidden" name="variantId" value={variant.id} />
              <input type="hidden" name="expectedStock" value={variant.stock} />
              <fieldset className="field">
                <legend>{t("seller.adjustTitle", { variant: variant.name })}</legend>
                <label className="check check--block">
                  <input type="radio" name="reason" value="RESTOCK" defaultChecked required />
                  <span>{t("seller.restock")}</span>
                </label>
                <label className="check check--block">
                  <input type="radio" name="reason" value="DAMAGED" required />
                  <span>{t("seller.damaged")}</span>
                </label>
                <label className="check check--block">
                  <input type="radio" name="reason" value="CORRECTION" required />
                  <span>{t("seller.correction")}</span>
                </label>
              </fieldset>
              <div className="field">
                <label htmlFor={`quantity-${variant.id}`}>{t("seller.units")}</label>
                <input id={`quantity-${variant.id}`} name="quantity" type="number" inputMode="numeric" min={1} />
              </div>
              <div className="field">
                <label htmlFor={`counted-${variant.id}`}>{t("seller.counted")}</label>
                <input id={`counted-${variant.id}`} name="countedStock" type="number" inputMode="numeric" min={0} />
              </div>
              <div className="field">
                <label htmlFor={`note-${variant.id}`}>{t("seller.note")}</label>
                <input id={`note-${variant.id}`} name="note" maxLength={200} />
              </div>
              <button type="submit" className="button button--primary">
                {t("seller.saveStock")}
              </button>
            </Form>
            <h3>{t("seller.history")}</h3>
            {variant.stockMovements.length === 0 ? <p className="muted">{t("seller.noHistory")}</p> : null}
            <ul>
              {variant.stockMovements.map((movement) => (
                <li key={movement.id}>
                  {formatDateTime(movement.createdAt, "Asia/Jakarta", i18n.language as Locale)} · {t(`seller.reason.${movement.reason}`)} ·{" "}
                  <strong>{movement.delta > 0 ? `+${movement.delta}` : movement.delta}</strong>
                  {movement.actor ? ` · ${movement.actor.name}` : ""}
                  {movement.note ? ` · ${movement.note}` : ""}
                </li>
              ))}
            </ul>
            {product.variants.length > 1 ? (
              <details>
                <summary className="button button--quiet">{t("seller.removeVariant")}</summary>
                <Form method="post" className="stack">
                  <p>{t("seller.removeVariantHint")}</p>
                  <input type="hidden" name="intent" value="remove-variant" />
                  <input type="hidden" name="variantId" value={variant.id} />
                  <button type="submit" className="button">
                    {t("seller.removeVariantConfirm", { variant: variant.name })}
                  </button>
                </Form>
              </details>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, "seller.stockTitle", { product: data.product.title }) : pageTitle(matches, "errors.notFoundTitle") },
];

export const ErrorBoundary = RouteErrorBoundary;
