import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { refundActionSchema } from "~/models/money-forms.server";
import { completeManualRefund, listRefundsNeedingAdmin, RefundError, retryFailedCardRefund } from "~/models/refund.server";
import { getCardPaymentProvider } from "~/services/payments/stripe.server";
import { requireAdmin } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { formatIndonesianPhone } from "~/utils/phone";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { refunds: await listRefundsNeedingAdmin(prisma) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const submission = parseWithZod(await readFormData(request), { schema: refundActionSchema });
  if (submission.status !== "success") {
    const refundId = submission.payload.refundId;
    return data({ done: null, error: Object.values(submission.error ?? {}).flat()[0] ?? "shop.errorBadRequest", refundId: typeof refundId === "string" ? refundId : null }, { status: 400 });
  }
  const input = submission.value;
  try {
    if (input.intent === "complete") {
      await completeManualRefund(prisma, { refundId: input.refundId, bankReference: input.bankReference, adminId: admin.id });
      return { done: { key: "money.refundRecorded", status: "SUCCEEDED" }, error: null, refundId: input.refundId };
    }
    const status = await retryFailedCardRefund(prisma, getCardPaymentProvider(), { refundId: input.refundId, adminId: admin.id });
    return { done: { key: "money.refundRetried", status }, error: null, refundId: input.refundId };
  } catch (error) {
    if (error instanceof RefundError) return data({ done: null, error: "money.errorRefundState", refundId: input.refundId }, { status: 409 });
    throw error;
  }
}

export default function RefundsPage() {
  const { t, i18n } = useTranslation();
  const { refunds } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="stack">
      <h1>{t("money.refundsTitle")}</h1>
      <p>{t("money.refundsIntro")}</p>
      {actionData?.done ? (
        <p className="notice" role="status">
          {t(actionData.done.key, { status: t(`shop.refundStatus.${actionData.done.status}`) })}
        </p>
      ) : null}
      {refunds.length === 0 ? <p>{t("money.refundsEmpty")}</p> : null}
      <ul className="card-list">
        {refunds.map((refund) => {
          const order = refund.storeOrder.order;
          return (
            <li key={refund.id} className="card stack">
              <h2 className="mono">{formatRupiah(refund.amountIdr)}</h2>
              <p>
                {order.number} · {refund.storeOrder.store.name}
                <br />
                {t("money.buyerContact", { name: order.recipientName, phone: formatIndonesianPhone(order.phone) })}
                {order.email ? ` · ${order.email}` : ""}
                <br />
                {t("money.refundReason", { reason: refund.reason })}
                <br />
                <span className="muted">{formatDateTime(refund.createdAt, "Asia/Jakarta", i18n.language as Locale)}</span>
              </p>
              {actionData?.error && actionData.refundId === refund.id ? (
                <div className="form-errors" role="alert">
                  <p>{t(actionData.error)}</p>
                </div>
              ) : null}
              {refund.status === "MANUAL_PENDING" ? (
                <>
                  <p>{t("money.refundBank")}</p>
                  <RecordRefundForm refundId={refund.id} primary />
                </>
              ) : (
                <>
                  <p>
                    {refund.status === "FAILED" ? t("money.refundCardFailed") : t("money.refundCardPending")}
                    {refund.failureMessage ? <span className="muted"> · {refund.failureMessage}</span> : null}
                  </p>
                  {refund.status === "FAILED" ? (
                    <>
                      <Form method="post">
                        <input type="hidden" name="intent" value="retry" />
                        <input type="hidden" name="refundId" value={refund.id} />
                        <button type="submit" className="button">
                          {t("money.retryRefund")}
                        </button>
                      </Form>
                      <details>
                        <summary className="button button--quiet">{t("money.refundedElsewhere")}</summary>
                        <RecordRefundForm refundId={refund.id} />
                      </details>
                    </>
                  ) : null}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Records money an admin sent back outside Stripe, with the reference of that transfer. */
function RecordRefundForm({ refundId, primary = false }: { refundId: string; primary?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value="complete" />
      <input type="hidden" name="refundId" value={refundId} />
      <div className="field">
        <label htmlFor={`ref-${refundId}`}>{t("money.refundReference")}</label>
        <input id={`ref-${refundId}`} name="bankReference" required minLength={3} maxLength={60} autoComplete="off" />
      </div>
      <button type="submit" className={primary ? "button button--primary" : "button"}>
        {t("money.recordRefund")}
      </button>
    </Form>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "money.refundsTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
