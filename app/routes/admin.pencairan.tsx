import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { listStoresForPayout, PayoutError, recordPayout } from "~/models/ledger.server";
import { payoutSchema } from "~/models/money-forms.server";
import { requireAdmin } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";

const PAYOUT_ERRORS: Record<PayoutError["code"], { key: string; status: number }> = {
  bad_amount: { key: "money.errorAmount", status: 400 },
  exceeds_available: { key: "money.errorExceeds", status: 409 },
  duplicate_reference: { key: "money.errorDuplicate", status: 409 },
  store_not_found: { key: "money.errorStore", status: 404 },
  no_account: { key: "money.noAccount", status: 409 },
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const stores = await listStoresForPayout(prisma);
  return { stores, today: new Date().toISOString().slice(0, 10) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const submission = parseWithZod(await readFormData(request), { schema: payoutSchema });
  if (submission.status !== "success") {
    const storeId = submission.payload.storeId;
    return data({ ok: null, error: Object.values(submission.error ?? {}).flat()[0] ?? "money.errorAmount", storeId: typeof storeId === "string" ? storeId : null }, { status: 400 });
  }
  const input = submission.value;
  try {
    await recordPayout(prisma, { storeId: input.storeId, amountIdr: input.amountIdr, bankReference: input.bankReference, paidAt: new Date(`${input.paidOn}T12:00:00+07:00`), adminId: admin.id });
  } catch (error) {
    if (!(error instanceof PayoutError)) throw error;
    const known = PAYOUT_ERRORS[error.code];
    return data({ ok: null, error: known.key, storeId: input.storeId }, { status: known.status });
  }
  const store = await prisma.store.findUniqueOrThrow({ where: { id: input.storeId }, select: { name: true } });
  return { ok: { amount: input.amountIdr, store: store.name }, error: null, storeId: input.storeId };
}

export default function PayoutsPage() {
  const { t } = useTranslation();
  const { stores, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="stack">
      <h1>{t("money.payoutsTitle")}</h1>
      <p>{t("money.payoutsIntro")}</p>
      {actionData?.ok ? (
        <p className="notice" role="status">
          {t("money.payoutRecorded", { amount: formatRupiah(actionData.ok.amount), store: actionData.ok.store })}
        </p>
      ) : null}
      {stores.length === 0 ? <p>{t("money.payoutsEmpty")}</p> : null}
      <ul className="card-list">
        {stores.map((store) => (
          <li key={store.id} className="card stack">
            <h2>{store.name}</h2>
            <p>
              {t("money.available")}: <strong className="mono">{formatRupiah(store.balance.availableIdr)}</strong> · {t("money.pending")}:{" "}
              <span className="mono">{formatRupiah(store.balance.pendingIdr)}</span> · {t("money.paidOut")}:{" "}
              <span className="mono">{formatRupiah(store.balance.paidOutIdr)}</span>
            </p>
            <p>
              {store.payoutAccountNumber
                ? t("money.bankAccount", { bank: store.payoutBankName ?? "", number: store.payoutAccountNumber, holder: store.payoutAccountHolder ?? "" })
                : t("money.noAccount")}
            </p>
            {actionData?.error && actionData.storeId === store.id ? (
              <div className="form-errors" role="alert">
                <p>{t(actionData.error)}</p>
              </div>
            ) : null}
            {store.balance.availableIdr > 0 && store.payoutAccountNumber ? (
              <Form method="post" className="stack">
                <input type="hidden" name="storeId" value={store.id} />
                <div className="field">
                  <label htmlFor={`amount-${store.id}`}>{t("money.payoutAmount")}</label>
                  <input id={`amount-${store.id}`} name="amountIdr" inputMode="numeric" required defaultValue={String(store.balance.availableIdr)} />
                </div>
                <div className="field">
                  <label htmlFor={`ref-${store.id}`}>{t("money.payoutReference")}</label>
                  <input id={`ref-${store.id}`} name="bankReference" required minLength={3} maxLength={60} autoComplete="off" />
                </div>
                <div className="field">
                  <label htmlFor={`date-${store.id}`}>{t("money.payoutDate")}</label>
                  <input id={`date-${store.id}`} name="paidOn" type="date" required max={today} defaultValue={today} />
                </div>
                <button type="submit" className="button button--primary" disabled={busy}>
                  {t("money.recordPayout")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "money.payoutsTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
