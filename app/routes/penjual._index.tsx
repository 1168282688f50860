import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { closeCardSessionsOfOrder } from "~/models/card-checkout.server";
import { applySellerAction, type SellerAction } from "~/models/fulfilment.server";
import { LOW_STOCK_THRESHOLD } from "~/models/inventory-rules";
import { syncOrderProductsOfStoreOrder } from "~/models/product-search.server";
import { listRecentStoreOrdersForSeller, OrderTransitionError } from "~/models/order.server";
import { sellerOrderActionSchema } from "~/models/shop-forms.server";
import { formatIndonesianPhone } from "~/utils/phone";
import { listSellerStores } from "~/models/seller.server";
import { getCardPaymentProvider } from "~/services/payments/stripe.server";
import { requireSeller } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { readFormData } from "~/utils/form-data.server";

/** Suggestions only: sellers may type any courier, including a local one. */
const COURIERS = ["JNE", "J&T Express", "POS Indonesia", "SiCepat", "AnterAja", "TIKI", "Ninja Xpress", "Lion Parcel", "Wahana"];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const [stores, orders] = await Promise.all([listSellerStores(prisma, user.id), listRecentStoreOrdersForSeller(prisma, user.id)]);
  return { stores, orders };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireSeller(request);
  const submission = parseWithZod(await readFormData(request), { schema: sellerOrderActionSchema });
  if (submission.status !== "success") {
    const first = Object.values(submission.error ?? {}).flat()[0] ?? "shop.errorBadRequest";
    return data({ error: first, storeOrderId: null as string | null }, { status: 400 });
  }
  const input = submission.value;
  const sellerAction: SellerAction =
    input.intent === "ship"
      ? { kind: "ship", courier: input.courier, waybill: input.waybill }
      : input.intent === "cancel" || input.intent === "refund"
        ? { kind: input.intent, reason: input.reason }
        : { kind: input.intent };
  try {
    await applySellerAction(prisma, { userId: user.id, storeOrderId: input.storeOrderId, action: sellerAction });
    if (sellerAction.kind === "cancel") {
      const part = await prisma.storeOrder.findUnique({ where: { id: input.storeOrderId }, select: { orderId: true } });
      if (part) await closeCardSessionsOfOrder(prisma, getCardPaymentProvider(), part.orderId);
    }
    await syncOrderProductsOfStoreOrder(input.storeOrderId);
    return { error: null, storeOrderId: input.storeOrderId };
  } catch (error) {
    if (error instanceof OrderTransitionError) {
      return data({ error: "shop.errorOrderAction", storeOrderId: input.storeOrderId }, { status: error.code === "not_found" ? 404 : 409 });
    }
    throw error;
  }
}

export default function SellerHome() {
  const { t } = useTranslation();
  const { stores, orders } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (stores.length === 0) {
    return (
      <section>
        <h1>{t("seller.title")}</h1>
        <p>{t("seller.noStore")}</p>
      </section>
    );
  }
  return (
    <>
      <datalist id="couriers">
        {COURIERS.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <section aria-labelledby="seller-orders">
        <h2 id="seller-orders">{t("shop.newOrders")}</h2>
        {orders.length === 0 ? <p>{t("shop.noOrders")}</p> : null}
        {actionData?.error && !actionData.storeOrderId ? (
          <div className="form-errors" role="alert">
            <p>{t(actionData.error)}</p>
          </div>
        ) : null}
        <ul className="card-list">
          {orders.map((so) => (
            <li key={so.id} className="card">
              <p>
                <strong>{so.order.number}</strong> · {so.store.name} · <span className="badge">{t(`orderStatus.${so.status}`)}</span>
              </p>
              <p className="muted">
                {t(`paymentMethod.${so.order.paymentMethod}`)} · {so.order.recipientName}, {so.order.district.name}, {so.order.district.parent?.name} ·{" "}
                {formatRupiah(so.subtotalIdr)}
              </p>
              <ul>
                {so.items.map((item, index) => (
                  <li key={index}>
                    {item.quantity} × {item.productTitle} ({item.variantName})
                  </li>
                ))}
              </ul>
              <p>
                {t("shop.deliverTo")}: {so.order.recipientName} · {formatIndonesianPhone(so.order.phone)}
                <br />
                {so.order.addressLine}, {so.order.district.name}, {so.order.district.parent?.name}, {so.order.district.parent?.parent?.name}{" "}
                {so.order.postalCode ?? ""}
              </p>
              {so.waybill ? (
                <p>
                  {t("shop.courier")}: {so.courier} · {t("shop.waybill")}: <strong className="mono">{so.waybill}</strong>
                </p>
              ) : null}
              {actionData?.error && actionData.storeOrderId === so.id ? (
                <p className="field__error" role="alert">
                  {t(actionData.error)}
                </p>
              ) : null}
              <SellerOrderActions
                storeOrderId={so.id}
                status={so.status}
                cod={so.order.paymentMethod === "COD"}
                onlyOpenPart={so.order.storeOrders.filter((part) => part.status !== "CANCELLED").length === 1}
              />
            </li>
          ))}
        </ul>
      </section>
      {stores.map((store) => (
        <section key={store.id} aria-labelledby={`store-${store.id}`}>
          <h1 id={`store-${store.id}`}>{store.name}</h1>
          <p>
            <Link to={`/toko/${store.slug}`}>{t("seller.viewInStore")}</Link> ·{" "}
            <Link to={`/penjual/toko/${store.id}`}>{t("storeProfile.manageLink")}</Link>
          </p>
          <h2>{t("seller.products")}</h2>
          <p>
            <Link to="/penjual/produk/baru" className="button button--primary">
              {t("seller.newProduct")}
            </Link>
          </p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("seller.products")}</th>
                <th scope="col">{t("seller.price")}</th>
                <th scope="col">{t("seller.stock")}</th>
              </tr>
            </thead>
            <tbody>
              {store.products.map((product) => (
                <tr key={product.id}>
                  <td>
                    {product.title}
                    <br />
                    <span className="badge">{t(`seller.status.${product.status}`)}</span>{" "}
                    {product.variants.some((v) => v.stock <= LOW_STOCK_THRESHOLD) ? <span className="badge badge--warning">{t("seller.lowStock")}</span> : null}
                    <br />
                    <Link to={`/penjual/produk/${product.id}/ubah`}>{t("seller.editProduct")}</Link> ·{" "}
                    <Link to={`/penjual/produk/${product.id}`}>{t("seller.manageStock")}</Link>
                  </td>
                  <td>{product.variants.map((v) => `${v.name}: ${formatRupiah(v.priceIdr)}`).join(", ")}</td>
                  <td>{product.variants.reduce((sum, v) => sum + v.stock, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

/** The next step of a store order, as big buttons; shipping asks for the courier and waybill. */
function SellerOrderActions({ storeOrderId, status, cod, onlyOpenPart }: { storeOrderId: string; status: string; cod: boolean; onlyOpenPart: boolean }) {
  const { t } = useTranslation();
  const hidden = <input type="hidden" name="storeOrderId" value={storeOrderId} />;
  // The same rule as applySellerAction: nothing paid yet, and a prepaid order only as a whole.
  const mayCancel = (status === "AWAITING_PAYMENT" && (cod || onlyOpenPart)) || (cod && status === "PROCESSING");
  return (
    <div className="stack">
      {status === "PAID" ? (
        <Form method="post">
          {hidden}
          <button type="submit" name="intent" value="process" className="button button--primary">
            {t("shop.sellerProcess")}
          </button>
        </Form>
      ) : null}
      {status === "PROCESSING" ? (
        <Form method="post" className="stack">
          {hidden}
          <p className="field__hint">{t("shop.sellerShipHint")}</p>
          <div className="field">
            <label htmlFor={`courier-${storeOrderId}`}>{t("shop.courier")}</label>
            <input id={`courier-${storeOrderId}`} name="courier" list="couriers" required minLength={2} maxLength={40} />
          </div>
          <div className="field">
            <label htmlFor={`waybill-${storeOrderId}`}>{t("shop.waybill")}</label>
            <input id={`waybill-${storeOrderId}`} name="waybill" required pattern="[A-Za-z0-9-]{6,40}" autoCapitalize="characters" />
          </div>
          <button type="submit" name="intent" value="ship" className="button button--primary">
            {t("shop.sellerShip")}
          </button>
        </Form>
      ) : null}
      {status === "SHIPPED" ? (
        <Form method="post">
          {hidden}
          <button type="submit" name="intent" value="deliver" className="button button--primary">
            {cod ? t("shop.sellerDeliverCod") : t("shop.sellerDeliver")}
          </button>
        </Form>
      ) : null}
      {mayCancel ? (
        <details>
          <summary className="button button--quiet">{t("shop.sellerCancel")}</summary>
          <Form method="post" className="stack">
            {hidden}
            <div className="field">
              <label htmlFor={`reason-${storeOrderId}`}>{t("shop.sellerCancelReason")}</label>
              <input id={`reason-${storeOrderId}`} name="reason" required minLength={5} maxLength={200} />
            </div>
            <button type="submit" name="intent" value="cancel" className="button">
              {t("shop.sellerCancel")}
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "seller.title") }];

export const ErrorBoundary = RouteErrorBoundary;
