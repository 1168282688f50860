import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { closeCardSessionsOfOrder } from "~/models/card-checkout.server";
import { applySellerAction, type SellerAction } from "~/models/fulfilment.server";
import { refundAmountIdr, RefundError } from "~/models/refund.server";
import { OrderTransitionError } from "~/models/order.server";
import { cancelNeedsRefund, sellerActionsFor, type SellerActionKind } from "~/models/order-state";
import { syncOrderProductsOfStoreOrder } from "~/models/product-search.server";
import { findSellerStoreOrderRef, getSellerStoreOrder } from "~/models/seller-orders.server";
import { sellerOrderActionSchema } from "~/models/shop-forms.server";
import { getCardPaymentProvider } from "~/services/payments/stripe.server";
import { requireSeller } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formatDateTime } from "~/utils/dates";
import { readFormData } from "~/utils/form-data.server";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { formatIndonesianPhone } from "~/utils/phone";
import { whatsappLink } from "~/utils/whatsapp";

/** Suggestions only: sellers may type any courier, including a local one. */
const COURIERS = ["JNE", "J&T Express", "POS Indonesia", "SiCepat", "AnterAja", "TIKI", "Ninja Xpress", "Lion Parcel", "Wahana"];

const ACTION_KINDS: readonly SellerActionKind[] = ["process", "ship", "deliver", "cancel", "refund"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const storeOrder = await getSellerStoreOrder(prisma, user.id, params.storeOrderId ?? "");
  // Another seller's store order looks exactly like one that does not exist.
  if (!storeOrder) throw new Response("Not found", { status: 404 });
  return {
    storeOrder,
    actions: sellerActionsFor(storeOrder.status, storeOrder.paymentMethod, storeOrder.onlyOpenPart),
    cancelRefunds: cancelNeedsRefund(storeOrder.status, storeOrder.paymentMethod),
    // What a cancel or refund would give back now (the same rule the refund itself uses).
    refundAmountIdr: await refundAmountIdr(prisma, storeOrder.id),
  };
}

type ActionValues = { courier?: string; waybill?: string; reason?: string };

/** The first validation message, when it is one of ours (a catalog key); zod's own wording never reaches the page. */
function firstErrorKey(errors: Record<string, string[] | null> | null | undefined): string {
  const first = Object.values(errors ?? {})
    .flat()
    .find((message): message is string => typeof message === "string");
  return first && /^[a-zA-Z]+\.[a-zA-Z]+$/.test(first) ? first : "shop.errorBadRequest";
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireSeller(request);
  const ref = await findSellerStoreOrderRef(prisma, user.id, params.storeOrderId ?? "");
  if (!ref) throw new Response("Not found", { status: 404 });
  const form = await readFormData(request);
  // The URL names the store order; an id in the body is never trusted.
  form.set("storeOrderId", ref.id);
  const submission = parseWithZod(form, { schema: sellerOrderActionSchema });
  const intent = form.get("intent");
  const knownIntent = ACTION_KINDS.find((kind) => kind === intent) ?? null;
  const values: ActionValues = {
    courier: typeof form.get("courier") === "string" ? String(form.get("courier")) : undefined,
    waybill: typeof form.get("waybill") === "string" ? String(form.get("waybill")) : undefined,
    reason: typeof form.get("reason") === "string" ? String(form.get("reason")) : undefined,
  };
  if (submission.status !== "success") {
    return data({ error: firstErrorKey(submission.error), intent: knownIntent, values }, { status: 400 });
  }
  const input = submission.value;
  const sellerAction: SellerAction =
    input.intent === "ship"
      ? { kind: "ship", courier: input.courier, waybill: input.waybill }
      : input.intent === "cancel" || input.intent === "refund"
        ? { kind: input.intent, reason: input.reason }
        : { kind: input.intent };
  try {
    await applySellerAction(prisma, { userId: user.id, storeOrderId: ref.id, action: sellerAction });
  } catch (error) {
    if (error instanceof OrderTransitionError) {
      if (error.code === "not_found") throw new Response("Not found", { status: 404 });
      return data({ error: "shop.errorOrderAction", intent: knownIntent, values }, { status: 409 });
    }
    if (error instanceof RefundError) {
      // Nothing was written: the transition and the refund roll back together.
      return data({ error: error.code === "balance_too_low" ? "money.errorRefundBalance" : "money.errorRefundPayment", intent: knownIntent, values }, { status: 409 });
    }
    throw error;
  }
  if (sellerAction.kind === "cancel") await closeCardSessionsOfOrder(prisma, getCardPaymentProvider(), ref.orderId);
  await syncOrderProductsOfStoreOrder(ref.id);
  return redirect(`/penjual/pesanan/${ref.id}?selesai=${sellerAction.kind}`);
}

export default function SellerOrderPage() {
  const { t, i18n } = useTranslation();
  const { storeOrder: so, actions, cancelRefunds, refundAmountIdr: giveBackIdr } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const locale = i18n.language as Locale;
  const done = ACTION_KINDS.find((kind) => kind === searchParams.get("selesai"));
  const cod = so.paymentMethod === "COD";
  const phone = formatIndonesianPhone(so.recipient.phone);
  const errorFor = (kind: SellerActionKind) =>
    actionData?.error && actionData.intent === kind ? (
      <p className="field__error" role="alert">
        {t(actionData.error)}
      </p>
    ) : null;

  return (
    <article className="seller-order">
      <p className="breadcrumb">
        <Link to="/penjual/pesanan">{t("sellerOrders.backToInbox")}</Link>
      </p>
      <h1>{t("sellerOrders.orderTitle", { number: so.number })}</h1>
      <p>
        <span className="badge">{t(`orderStatus.${so.status}`)}</span> · {so.store.name}
      </p>
      <p className="muted">{t("sellerOrders.placedAt", { date: formatDateTime(so.placedAt, so.timeZone, locale) })}</p>
      {done && !actionData ? (
        <p className="notice" role="status">
          {t(`sellerOrders.done.${done}`)}
        </p>
      ) : null}
      {actionData?.error && !actionData.intent ? (
        <div className="form-errors" role="alert">
          <p>{t(actionData.error)}</p>
        </div>
      ) : null}

      <section className="card" aria-labelledby="actions-title">
        <h2 id="actions-title">{t("sellerOrders.actionsTitle")}</h2>
        {actions.length === 0 ? <p className="muted">{t("sellerOrders.noActions")}</p> : null}
        <div className="stack">
          {actions.includes("process") ? (
            <Form method="post" className="stack">
              <p className="field__hint">{t("sellerOrders.processHint")}</p>
              {errorFor("process")}
              <button type="submit" name="intent" value="process" className="button button--primary">
                {t("sellerOrders.process")}
              </button>
            </Form>
          ) : null}
          {actions.includes("ship") ? (
            <Form method="post" className="stack" aria-labelledby="ship-title">
              <h3 id="ship-title">{t("sellerOrders.ship")}</h3>
              <p className="field__hint">{t("sellerOrders.shipHint")}</p>
              {errorFor("ship")}
              <datalist id="couriers">
                {COURIERS.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
              <div className="field">
                <label htmlFor="courier">{t("sellerOrders.courier")}</label>
                <input id="courier" name="courier" list="couriers" required minLength={2} maxLength={40} defaultValue={actionData?.values?.courier} />
              </div>
              <div className="field">
                <label htmlFor="waybill">{t("sellerOrders.waybill")}</label>
                <p className="field__hint" id="waybill-hint">
                  {t("sellerOrders.waybillHint")}
                </p>
                <input
                  id="waybill"
                  name="waybill"
                  required
                  pattern="[A-Za-z0-9\-]{6,40}"
                  autoCapitalize="characters"
                  aria-describedby="waybill-hint"
                  defaultValue={actionData?.values?.waybill}
                />
              </div>
              <SubmitButton intent="ship" label={t("sellerOrders.ship")} primary />
            </Form>
          ) : null}
          {actions.includes("deliver") ? (
            <Form method="post" className="stack">
              {errorFor("deliver")}
              <button type="submit" name="intent" value="deliver" className="button button--primary">
                {cod ? t("sellerOrders.deliverCod") : t("sellerOrders.deliver")}
              </button>
            </Form>
          ) : null}
          {actions.includes("cancel") ? (
            <details open={actionData?.intent === "cancel"}>
              <summary className="button button--quiet">{t("sellerOrders.cancel")}</summary>
              <Form method="post" className="stack">
                <p className="notice notice--warning">
                  {cancelRefunds ? t("sellerOrders.cancelWarningRefund", { amount: formatRupiah(giveBackIdr) }) : t("sellerOrders.cancelWarning")}
                </p>
                {errorFor("cancel")}
                <div className="field">
                  <label htmlFor="cancel-reason">{t("sellerOrders.cancelReason")}</label>
                  <input id="cancel-reason" name="reason" required minLength={5} maxLength={200} defaultValue={actionData?.intent === "cancel" ? actionData.values?.reason : undefined} />
                </div>
                <SubmitButton intent="cancel" label={t("sellerOrders.cancel")} />
              </Form>
            </details>
          ) : null}
          {actions.includes("refund") ? (
            <details open={actionData?.intent === "refund"}>
              <summary className="button button--quiet">{t("sellerOrders.refund")}</summary>
              <Form method="post" className="stack">
                <p className="notice notice--warning">
                  {t(cod ? "sellerOrders.refundWarningCod" : "sellerOrders.refundWarning", { amount: formatRupiah(giveBackIdr) })}
                </p>
                {errorFor("refund")}
                <div className="field">
                  <label htmlFor="refund-reason">{t("sellerOrders.refundReasonLabel")}</label>
                  <input id="refund-reason" name="reason" required minLength={5} maxLength={200} defaultValue={actionData?.intent === "refund" ? actionData.values?.reason : undefined} />
                </div>
                <SubmitButton intent="refund" label={t("sellerOrders.refund")} />
              </Form>
            </details>
          ) : null}
        </div>
      </section>

      <section className="card" aria-labelledby="address-title">
        <h2 id="address-title">{t("sellerOrders.addressTitle")}</h2>
        <p className="seller-order__recipient">
          <strong>{so.recipient.name}</strong>
          <br />
          {so.recipient.addressLine}
          <br />
          {[so.recipient.district, so.recipient.regency, so.recipient.province].filter(Boolean).join(", ")}
          {so.recipient.postalCode ? (
            <>
              <br />
              {t("sellerOrders.postalCode", { code: so.recipient.postalCode })}
            </>
          ) : null}
        </p>
        <p className="inbox-row__actions">
          <a className="button" href={`tel:+${so.recipient.phone}`}>
            {t("sellerOrders.callBuyer", { phone })}
          </a>
          <a
            className="button button--whatsapp"
            href={whatsappLink(so.recipient.phone, t("sellerOrders.whatsappMessage", { name: so.recipient.name, store: so.store.name, number: so.number }))}
            rel="noopener noreferrer"
            target="_blank"
          >
            {t("sellerOrders.whatsappBuyer")}
          </a>
        </p>
        <p>
          <Link className="button" to={`/penjual/pesanan/${so.id}/slip`}>
            {t("sellerOrders.printSlip")}
          </Link>
        </p>
      </section>

      <section className="card" aria-labelledby="items-title">
        <h2 id="items-title">{t("sellerOrders.itemsTitle")}</h2>
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">
                  {t("sellerOrders.product")} ({t("sellerOrders.variant")})
                </th>
                <th scope="col">{t("sellerOrders.quantity")}</th>
                <th scope="col">{t("sellerOrders.unitPrice")}</th>
                <th scope="col">{t("sellerOrders.lineTotal")}</th>
              </tr>
            </thead>
            <tbody>
              {so.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    {item.productTitle}
                    <br />
                    <span className="muted">{item.variantName}</span>
                  </td>
                  <td>{item.quantity}</td>
                  <td>{formatRupiah(item.unitPriceIdr)}</td>
                  <td>{formatRupiah(item.lineTotalIdr)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl className="facts totals">
          <dt>{t("sellerOrders.subtotal")}</dt>
          <dd>{formatRupiah(so.subtotalIdr)}</dd>
          <dt>{t("sellerOrders.shipping")}</dt>
          <dd>{formatRupiah(so.shippingIdr)}</dd>
          <dt>
            <strong>{t("sellerOrders.totalStorePart")}</strong>
          </dt>
          <dd>
            <strong>{formatRupiah(so.totalIdr)}</strong>
          </dd>
          {so.commissionIdr > 0 ? (
            <>
              <dt>{t("sellerOrders.commission")}</dt>
              <dd>− {formatRupiah(so.commissionIdr)}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="card" aria-labelledby="payment-title">
        <h2 id="payment-title">{t("sellerOrders.paymentTitle")}</h2>
        <dl className="facts">
          <dt>{t("sellerOrders.paymentMethod")}</dt>
          <dd>{t(`paymentMethod.${so.paymentMethod}`)}</dd>
          {so.payment ? (
            <>
              <dt>{t("sellerOrders.paymentStatus")}</dt>
              <dd>{t(`paymentStatus.${so.payment.status}`)}</dd>
            </>
          ) : null}
        </dl>
        {so.refund ? (
          <>
            <h3>{t("sellerOrders.refundTitle")}</h3>
            <dl className="facts">
              <dt>{t("sellerOrders.refundStatusLabel")}</dt>
              <dd>{t(`sellerOrders.refundStatus.${so.refund.status}`)}</dd>
              <dt>{t("sellerOrders.refundAmount")}</dt>
              <dd>{formatRupiah(so.refund.amountIdr)}</dd>
              {so.refund.bankReference ? (
                <>
                  <dt>{t("sellerOrders.bankReference")}</dt>
                  <dd className="mono">{so.refund.bankReference}</dd>
                </>
              ) : null}
              <dt>{t("sellerOrders.refundReason")}</dt>
              <dd>{so.refund.reason}</dd>
            </dl>
          </>
        ) : null}
      </section>

      <section className="card" aria-labelledby="shipping-title">
        <h2 id="shipping-title">{t("sellerOrders.shippingTitle")}</h2>
        {so.waybill ? (
          <p>
            {t("sellerOrders.courier")}: {so.courier} · {t("sellerOrders.waybill")}: <strong className="mono">{so.waybill}</strong>
          </p>
        ) : (
          <p className="muted">{t("sellerOrders.notShippedYet")}</p>
        )}
        {so.cancelReason ? (
          <p>
            {t("shop.cancelReason")}: {so.cancelReason}
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("sellerOrders.timelineTitle")}</h2>
        <ol className="timeline">
          {so.events.map((event) => (
            <li key={event.id} className="timeline__step timeline__step--done">
              <span>{t(`orderStatus.${event.toStatus}`)}</span>
              <span className="muted"> · {formatDateTime(event.createdAt, so.timeZone, locale)}</span>
              <br />
              <span className="seller-order__actor">
                {t(`sellerOrders.actor.${event.actorKind}`)}
                {event.actorName ? `: ${event.actorName}` : ""}
              </span>
              {event.note ? <span className="muted"> · {event.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

/** A submit button that says it is working while the request is on its way (with JavaScript). */
function SubmitButton({ intent, label, primary = false }: { intent: SellerActionKind; label: string; primary?: boolean }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <button type="submit" name="intent" value={intent} className={primary ? "button button--primary" : "button"} disabled={busy}>
      {label}
    </button>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, "sellerOrders.orderTitle", { number: data.storeOrder.number }) : pageTitle(matches, "errors.notFoundTitle") },
];

export const ErrorBoundary = RouteErrorBoundary;
