import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { CartNotices, type CartNotice } from "~/components/cart-notices";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import {
  acknowledgeCartChanges,
  addToCart,
  CartError,
  getCartView,
  removeCartItem,
  setCartItemQuantity,
  type CartView,
} from "~/models/cart.server";
import { MAX_LINE_QUANTITY } from "~/models/cart-rules";
import { cartActionSchema } from "~/models/shop-forms.server";
import { ensureCurrentCart, findCurrentCartId } from "~/utils/cart-session.server";
import { prisma } from "~/utils/db.server";
import { bestRendition, imageUrl } from "~/utils/images";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { readFormData } from "~/utils/form-data.server";

type ActionError = { key: string; values?: Record<string, string | number> };

function noticesOf(view: CartView): CartNotice[] {
  return view.groups.flatMap((g) =>
    g.lines.flatMap((l) => (l.problem ? [{ product: l.productTitle, variant: l.variantName, problem: l.problem }] : [])),
  );
}

export async function loader({ request }: LoaderFunctionArgs) {
  const cartId = await findCurrentCartId(request);
  if (!cartId) return { view: null, notices: [] as CartNotice[] };
  let view = await getCartView(prisma, cartId);
  const notices = noticesOf(view);
  if (notices.length > 0) {
    // Shown once: prices are now the current ones and quantities fit the stock.
    await acknowledgeCartChanges(prisma, view);
    view = await getCartView(prisma, cartId);
  }
  return { view, notices };
}

function cartErrorResponse(error: CartError) {
  const map: Record<CartError["code"], { status: number; error: ActionError }> = {
    variant_not_found: { status: 404, error: { key: "shop.errorVariantNotFound" } },
    item_not_found: { status: 404, error: { key: "shop.errorItemNotFound" } },
    out_of_stock: { status: 409, error: { key: "shop.errorOutOfStock" } },
    not_enough_stock: { status: 409, error: { key: "shop.errorNotEnoughStock", values: { available: error.available } } },
  };
  const { status, error: body } = map[error.code];
  return data({ error: body }, { status });
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: cartActionSchema });
  if (submission.status !== "success") {
    const first = Object.values(submission.error ?? {}).flat()[0] ?? "shop.errorBadRequest";
    return data({ error: { key: first } as ActionError }, { status: 400 });
  }
  const input = submission.value;
  try {
    if (input.intent === "add") {
      const { cartId, setCookie } = await ensureCurrentCart(request);
      await addToCart(prisma, cartId, input.variantId, input.quantity);
      return redirect("/keranjang", setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
    }
    const cartId = await findCurrentCartId(request);
    if (!cartId) return cartErrorResponse(new CartError("item_not_found"));
    if (input.intent === "update") await setCartItemQuantity(prisma, cartId, input.itemId, input.quantity);
    else await removeCartItem(prisma, cartId, input.itemId);
    return redirect("/keranjang");
  } catch (error) {
    if (error instanceof CartError) return cartErrorResponse(error);
    throw error;
  }
}

export default function CartPage() {
  const { t } = useTranslation();
  const { view, notices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";

  if (!view || view.groups.length === 0) {
    return (
      <section>
        <h1>{t("shop.cartTitle")}</h1>
        {actionData?.error ? <ActionErrorMessage error={actionData.error} /> : null}
        <p>{t("shop.cartEmpty")}</p>
        <Link className="button" to="/">
          {t("shop.continueShopping")}
        </Link>
      </section>
    );
  }

  return (
    <section>
      <h1>{t("shop.cartTitle")}</h1>
      {actionData?.error ? <ActionErrorMessage error={actionData.error} /> : null}
      <CartNotices notices={notices} />
      {view.groups.map((group) => (
        <section key={group.store.id} className="card cart-store" aria-labelledby={`store-${group.store.id}`}>
          <h2 id={`store-${group.store.id}`}>
            <Link to={`/toko/${group.store.slug}`}>{group.store.name}</Link>
          </h2>
          <ul className="cart-lines">
            {group.lines.map((line) => (
              <li key={line.id} className="cart-line">
                {line.image ? (
                  <img
                    className="cart-line__image"
                    src={imageUrl(line.image.storageKey, bestRendition(line.image.width, 160))}
                    alt=""
                    width={80}
                    height={80}
                    loading="lazy"
                  />
                ) : null}
                <div className="cart-line__body">
                  <Link to={`/produk/${line.productSlug}`} className="cart-line__title">
                    {line.productTitle}
                  </Link>
                  <p className="muted">
                    {line.variantName} · {t("shop.each", { price: formatRupiah(line.unitPriceIdr) })}
                  </p>
                  {line.problem ? (
                    <p className="field__error">
                      {line.problem.kind === "out_of_stock"
                        ? t("shop.errorOutOfStock")
                        : line.problem.kind === "unavailable"
                          ? t("shop.errorVariantNotFound")
                          : null}
                    </p>
                  ) : null}
                  <div className="cart-line__actions">
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="update" />
                      <input type="hidden" name="itemId" value={line.id} />
                      <label htmlFor={`qty-${line.id}`} className="visually-hidden">
                        {t("shop.quantity")} {line.productTitle}
                      </label>
                      <input
                        id={`qty-${line.id}`}
                        name="quantity"
                        type="number"
                        inputMode="numeric"
                        min={1}
                        max={Math.max(1, Math.min(line.stock, MAX_LINE_QUANTITY))}
                        defaultValue={line.quantity}
                        className="qty-input"
                        required
                      />
                      <button type="submit" className="button" disabled={busy}>
                        {t("shop.update")}
                      </button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="itemId" value={line.id} />
                      <button type="submit" className="button button--quiet" disabled={busy} aria-label={`${t("shop.remove")} ${line.productTitle}`}>
                        {t("shop.remove")}
                      </button>
                    </Form>
                  </div>
                </div>
                <p className="cart-line__total">{formatRupiah(line.lineTotalIdr)}</p>
              </li>
            ))}
          </ul>
          <p className="cart-store__subtotal">
            {t("shop.storeSubtotal")}: <strong>{formatRupiah(group.subtotalIdr)}</strong>
          </p>
        </section>
      ))}
      <div className="cart-summary">
        <p>
          {t("shop.subtotal")}: <strong>{formatRupiah(view.subtotalIdr)}</strong>
        </p>
        {view.hasProblems ? (
          <p className="field__error">{t("shop.fixCartFirst")}</p>
        ) : (
          <Link to="/checkout" className="button button--primary">
            {t("shop.toCheckout")}
          </Link>
        )}
      </div>
    </section>
  );
}

function ActionErrorMessage({ error }: { error: ActionError }) {
  const { t } = useTranslation();
  return (
    <div className="form-errors" role="alert">
      <p>{t(error.key, error.values)}</p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "shop.cartTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
