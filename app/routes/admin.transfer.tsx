import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { confirmBankTransfer, listPendingBankTransfers, OrderTransitionError } from "~/models/order.server";
import { requireAdmin } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formatDateTime } from "~/utils/dates";
import type { Locale } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { readFormData } from "~/utils/form-data.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { transfers: await listPendingBankTransfers(prisma) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const form = await readFormData(request);
  const paymentId = form.get("paymentId");
  if (form.get("intent") !== "confirm" || typeof paymentId !== "string" || paymentId.length === 0 || paymentId.length > 64) {
    return data({ error: "shop.errorBadRequest", confirmed: null }, { status: 400 });
  }
  try {
    await confirmBankTransfer(prisma, { paymentId, adminId: admin.id });
    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { order: { select: { number: true } } } });
    return { error: null, confirmed: payment.order.number };
  } catch (error) {
    if (error instanceof OrderTransitionError) return data({ error: "shop.errorOrderAction", confirmed: null }, { status: 409 });
    throw error;
  }
}

export default function BankTransfersPage() {
  const { t, i18n } = useTranslation();
  const { transfers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <h1>{t("shop.transfersTitle")}</h1>
      {actionData?.confirmed ? <p className="notice">{t("shop.transferConfirmed", { number: actionData.confirmed })}</p> : null}
      {actionData?.error ? (
        <div className="form-errors" role="alert">
          <p>{t(actionData.error)}</p>
        </div>
      ) : null}
      {transfers.length === 0 ? <p>{t("shop.transfersEmpty")}</p> : null}
      <ul className="card-list">
        {transfers.map((transfer) => (
          <li key={transfer.id} className="card">
            <h2 className="mono">{formatRupiah(transfer.amountIdr)}</h2>
            <p>
              {transfer.order.number} · {transfer.order.recipientName}
              <br />
              <span className="muted">{formatDateTime(transfer.createdAt, "Asia/Jakarta", i18n.language as Locale)}</span>
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="paymentId" value={transfer.id} />
              <button type="submit" className="button button--primary">
                {t("shop.confirmTransfer")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "shop.transfersTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
