import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { closeCardSessionsOfOrder, startCardCheckout } from "~/models/card-checkout.server";
import {
  cancelOrderByBuyer,
  confirmReceipt,
  expireOverdueOrders,
  getOrderForBuyer,
  OrderTransitionError,
  type OrderAccess,
  type OrderDetail,
} from "~/models/order.server";
import { buyerMayCancel, TIMELINE } from "~/models/order-state";
import { syncOrderProductsInSearch } from "~/models/product-search.server";
import { orderActionSchema } from "~/models/shop-forms.server";
import { getCardPaymentProvider } from "~/services/payments/stripe.server";
import { prisma } from "~/utils/db.server";
import { formatDateTime } from "~/utils/dates";
import { getEnv } from "~/utils/env.server";
import type { Locale } from "~/utils/i18n";
import { getLocale } from "~/utils/i18n.server";
import { logger } from "~/utils/logger.server";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { orderAccessCandidates } from "~/utils/order-access.server";
import { formatIndonesianPhone } from "~/utils/phone";
import { readFormData } from "~/utils/form-data.server";

async function findOrder(number: string, accesses: OrderAccess[]): Promise<{ order: OrderDetail; access: OrderAccess } | null> {
  for (const access of accesses) {
    const order = await getOrderForBuyer(prisma, number, access);
    if (order) return { order, access };
  }
  return null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const number = params.number ?? "";
  const { accesses } = await orderAccessCandidates(request);
  let found = await findOrder(number, accesses);
  if (!found) throw new Response("Not found", { status: 404 });
  if (found.order.expiresAt && new Date(found.order.expiresAt) <= new Date()) {
    // The background job may not have run yet: nobody should see an order as payable after its deadline.
    await expireOverdueOrders(prisma);
    found = await findOrder(number, [found.access]);
    if (!found) throw new Response("Not found", { status: 404 });
  }
  const env = getEnv();
  return {
    order: found.order,
    bank: { name: env.BANK_TRANSFER_BANK, number: env.BANK_TRANSFER_ACCOUNT_NUMBER, holder: env.BANK_TRANSFER_ACCOUNT_NAME, demo: /demo/i.test(env.BANK_TRANSFER_ACCOUNT_NAME) },
    cardAvailable: getCardPaymentProvider() !== null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const number = params.number ?? "";
  const { accesses, actorId } = await orderAccessCandidates(request);
  const found = await findOrder(number, accesses);
  if (!found) throw new Response("Not found", { status: 404 });
  const submission = parseWithZod(await readFormData(request), { schema: orderActionSchema });
  if (submission.status !== "success") return data({ error: "shop.errorBadRequest" }, { status: 400 });
  const input = submission.value;
  const here = new URL(request.url);
  const key = here.searchParams.get("kunci");
  const back = `${here.pathname}${key ? `?kunci=${encodeURIComponent(key)}` : ""}`;
  try {
    if (input.intent === "cancel") {
      await cancelOrderByBuyer(prisma, { number, access: found.access, actorId });
      await closeCardSessionsOfOrder(prisma, getCardPaymentProvider(), found.order.id);
      await syncOrderProductsInSearch(found.order.id);
      return redirect(back);
    }
    if (input.intent === "confirm-receipt") {
      await confirmReceipt(prisma, { number, storeOrderId: input.storeOrderId, access: found.access, actorId });
      return redirect(back);
    }
    // pay-card: reopen the same checkout session (idempotent per payment).
    const card = getCardPaymentProvider();
    const payment = found.order.payments.find((p) => p.provider === "STRIPE" && (p.status === "PENDING" || p.status === "FAILED"));
    const open = found.order.storeOrders.some((so) => so.status === "AWAITING_PAYMENT");
    if (!card || !payment || !open || !found.order.expiresAt) return data({ error: "shop.errorOrderAction" }, { status: 409 });
    const env = getEnv();
    try {
      const url = await startCardCheckout(prisma, card, {
        paymentId: payment.id,
        existingSessionId: payment.externalId,
        orderNumber: found.order.number,
        amountIdr: payment.amountIdr,
        email: found.order.email,
        orderUrl: `${env.APP_ORIGIN}${back}`,
        expiresAt: new Date(found.order.expiresAt),
        locale: await getLocale(request),
      });
      return redirect(url, { status: 303 });
    } catch (error) {
      logger.error("card checkout could not start", { order: number, error: String(error) });
      return data({ error: "shop.errorCardFailed" }, { status: 502 });
    }
  } catch (error) {
    if (error instanceof OrderTransitionError) return data({ error: "shop.errorOrderAction" }, { status: 409 });
    throw error;
  }
}

export default function OrderPage() {
  const { t, i18n } = useTranslation();
  const { order, bank, cardAvailable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const locale = i18n.language as Locale;
  // Times are shown in the zone of the delivery address (WIB, WITA or WIT).
  const zone = order.district.parent?.parent?.timeZone ?? "Asia/Jakarta";
  const payment = order.payments[0];
  // What is still to pay: a cash-on-delivery order loses a cancelled store's part; otherwise the order total.
  const amountDue = payment?.amountIdr ?? order.totalIdr;
  const active = order.storeOrders.filter((so) => so.status !== "CANCELLED");
  const awaiting = order.storeOrders.some((so) => so.status === "AWAITING_PAYMENT");
  const mayCancel = active.length > 0 && active.every((so) => buyerMayCancel(so.status, order.paymentMethod));
  const justPlaced = searchParams.has("kunci") || searchParams.get("kartu") === "selesai";

  return (
    <article className="order">
      <h1>{t("shop.orderTitle", { number: order.number })}</h1>
      {justPlaced ? <p className="notice">{t("shop.orderPlaced")}</p> : null}
      {order.guestToken ? <p className="muted">{t("shop.saveLink")}</p> : null}
      {actionData?.error ? (
        <div className="form-errors" role="alert">
          <p>{t(actionData.error)}</p>
        </div>
      ) : null}
      {searchParams.get("kartu") === "gagal" ? (
        <div className="form-errors" role="alert">
          <p>{t("shop.errorCardFailed")}</p>
        </div>
      ) : null}
      <p className="muted">{t("shop.placedAt", { date: formatDateTime(order.placedAt, zone, locale) })}</p>

      <section className="card" aria-labelledby="payment-title">
        <h2 id="payment-title">
          {t(`paymentMethod.${order.paymentMethod}`)} · {formatRupiah(amountDue)}
        </h2>
        {payment ? (
          <p>
            {t("shop.paymentStatus")}: <strong>{t(`paymentStatus.${payment.status}`)}</strong>
          </p>
        ) : null}
        {order.paymentMethod === "BANK_TRANSFER" && awaiting ? (
          <>
            <p>{t("shop.payBank", { amount: formatRupiah(order.totalIdr) })}</p>
            <dl className="facts">
              <dt>{t("shop.bankName")}</dt>
              <dd>{bank.name}</dd>
              <dt>{t("shop.accountNumber")}</dt>
              <dd className="mono">{bank.number}</dd>
              <dt>{t("shop.accountName")}</dt>
              <dd>{bank.holder}</dd>
            </dl>
            <p>{t("shop.payBankCode", { code: String(order.uniqueCodeIdr).padStart(3, "0") })}</p>
            {order.expiresAt ? <p>{t("shop.payBankDeadline", { date: formatDateTime(order.expiresAt, zone, locale) })}</p> : null}
            {bank.demo ? <p className="notice notice--warning">{t("shop.payBankDemo")}</p> : null}
          </>
        ) : null}
        {order.paymentMethod === "COD" && active.length > 0 ? <p>{t("shop.payCod", { amount: formatRupiah(amountDue) })}</p> : null}
        {order.paymentMethod === "CARD" && awaiting ? (
          <>
            <p>{t("shop.payCardPending")}</p>
            {cardAvailable ? (
              <Form method="post">
                <input type="hidden" name="intent" value="pay-card" />
                <button type="submit" className="button button--primary">
                  {t("shop.payCardNow")}
                </button>
              </Form>
            ) : null}
          </>
        ) : null}
        {mayCancel ? (
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="button button--quiet">
              {t("shop.cancelOrder")}
            </button>
          </Form>
        ) : null}
      </section>

      <section className="card" aria-labelledby="address-title">
        <h2 id="address-title">{t("shop.deliverTo")}</h2>
        <p>
          {order.recipientName} · {formatIndonesianPhone(order.phone)}
          <br />
          {order.addressLine}
          <br />
          {order.district.name}, {order.district.parent?.name}, {order.district.parent?.parent?.name} {order.postalCode ?? ""}
        </p>
      </section>

      {order.storeOrders.map((storeOrder) => (
        <section key={storeOrder.id} className="card store-order" aria-labelledby={`so-${storeOrder.id}`}>
          <h2 id={`so-${storeOrder.id}`}>{storeOrder.store.name}</h2>
          <p className="badge">{t(`orderStatus.${storeOrder.status}`)}</p>
          <ul>
            {storeOrder.items.map((item) => (
              <li key={item.id}>
                {item.quantity} × {item.productTitle} ({item.variantName}) — {formatRupiah(item.unitPriceIdr * item.quantity)}
              </li>
            ))}
          </ul>
          <p className="muted">
            {t("shop.shipping")}: {formatRupiah(storeOrder.shippingIdr)}
          </p>
          {storeOrder.waybill ? (
            <p>
              {t("shop.courier")}: {storeOrder.courier} · {t("shop.waybill")}: <strong className="mono">{storeOrder.waybill}</strong>
            </p>
          ) : null}
          {storeOrder.cancelReason ? (
            <p>
              {t("shop.cancelReason")}: {storeOrder.cancelReason}
            </p>
          ) : null}
          {storeOrder.refund ? (
            <p className="notice" data-testid="refund-status">
              {t("shop.refundOf", { status: t(`shop.refundStatus.${storeOrder.refund.status}`), amount: formatRupiah(storeOrder.refund.amountIdr) })}
            </p>
          ) : null}
          <h3>{t("shop.timeline")}</h3>
          <ol className="timeline">
            {timelineOf(storeOrder).map((step) => (
              <li key={step.status} className={step.at ? "timeline__step timeline__step--done" : "timeline__step"}>
                <span>{t(`orderStatus.${step.status}`)}</span>
                {step.at ? <span className="muted"> · {formatDateTime(step.at, zone, locale)}</span> : null}
              </li>
            ))}
          </ol>
          {storeOrder.status === "SHIPPED" || storeOrder.status === "DELIVERED" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="confirm-receipt" />
              <input type="hidden" name="storeOrderId" value={storeOrder.id} />
              <button type="submit" className="button button--primary">
                {t("shop.confirmReceipt")}
              </button>
            </Form>
          ) : null}
        </section>
      ))}
    </article>
  );
}

type StoreOrderView = OrderDetail["storeOrders"][number];
type Serialized<T> = T extends Date ? string | Date : T extends object ? { [K in keyof T]: Serialized<T[K]> } : T;

/** The steps this store order went through (with when), then the ones still ahead; a final state ends it. */
function timelineOf(storeOrder: Serialized<StoreOrderView>) {
  const reached = new Map(storeOrder.events.map((e) => [e.toStatus, e.createdAt] as const));
  if (storeOrder.status === "CANCELLED" || storeOrder.status === "REFUNDED") {
    return storeOrder.events.map((e) => ({ status: e.toStatus, at: e.createdAt }));
  }
  const start = storeOrder.events[0]?.toStatus ?? "AWAITING_PAYMENT";
  return TIMELINE.slice(TIMELINE.indexOf(start)).map((status) => ({ status, at: reached.get(status) ?? null }));
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: pageTitle(matches, "shop.orderTitle", { number: data.order.number }) }, { name: "robots", content: "noindex" }] : [{ title: pageTitle(matches, "errors.notFoundTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
