import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { AssessmentFormFields, assessmentFieldErrors, formValues, type AssessmentFormShape } from "~/components/graduation/assessment-form";
import { HouseholdFacts } from "~/components/graduation/graduation-parts";
import { IndicatorExplainer, MonthIndicatorFacts } from "~/components/indicators/indicators";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { FormErrors } from "~/components/ui/field";
import { EMPTY_CHECKLIST } from "~/models/assessment-snapshot.server";
import { ASSESSMENT_ERROR_REPLIES, AssessmentError, createAssessmentDraft, findFacilitatorHousehold, indicatorsForMonth, lastCompleteMonth } from "~/models/assessment.server";
import { assessmentDraftSchema, previewMonthSchema } from "~/models/graduation-forms.server";
import { monthOf } from "~/models/indicators.server";
import { requireFacilitator } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formatMonth } from "~/utils/dates";
import { readFormData } from "~/utils/form-data.server";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireFacilitator(request);
  const household = await findFacilitatorHousehold(prisma, user.id, params.householdId ?? "");
  // Another facilitator's household looks exactly like one that does not exist.
  if (!household) throw new Response("Not found", { status: 404 });
  const now = new Date();
  const defaultMonth = lastCompleteMonth(household.timeZone, now);
  const asked = new URL(request.url).searchParams.get("bulan");
  const parsed = asked === null ? null : previewMonthSchema.safeParse(asked);
  const currentMonth = monthOf(now, household.timeZone);
  let month = defaultMonth;
  let monthError: string | null = null;
  if (parsed) {
    if (!parsed.success) monthError = parsed.error.issues[0]?.message ?? "graduation.errorMonth";
    else if (parsed.data > currentMonth) monthError = "graduation.errorFutureMonth";
    else month = parsed.data;
  }
  const preview = household.status === "GRADUATED" ? null : await indicatorsForMonth(prisma, household.id, month, null, now);
  return { household, month, defaultMonth, currentMonth, monthError, preview, emptyChecklist: EMPTY_CHECKLIST };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireFacilitator(request);
  const household = await findFacilitatorHousehold(prisma, user.id, params.householdId ?? "");
  if (!household) throw new Response("Not found", { status: 404 });
  const submission = parseWithZod(await readFormData(request), { schema: assessmentDraftSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const { id } = await createAssessmentDraft(prisma, { facilitatorId: user.id, householdId: household.id, input: submission.value });
    return redirect(`/pendamping/penilaian/${id}?selesai=create`);
  } catch (error) {
    if (!(error instanceof AssessmentError)) throw error;
    if (error.code === "not_found") throw new Response("Not found", { status: 404 });
    const known = ASSESSMENT_ERROR_REPLIES[error.code];
    return data({ result: submission.reply({ formErrors: [known.key] }) }, { status: known.status });
  }
}

export default function NewAssessmentPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { household, month, currentMonth, monthError, preview, emptyChecklist } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [searchParams] = useSearchParams();
  const deleted = searchParams.get("dihapus") === "1";
  const [form, fields] = useForm<AssessmentFormShape>({ id: "new-assessment", lastResult: actionData?.result, shouldValidate: "onSubmit" });

  return (
    <article className="stack graduation-page">
      <p className="breadcrumb">
        <Link to={`/pendamping/rumah-tangga/${household.id}`}>{t("graduation.backToHousehold", { name: household.headName })}</Link>
      </p>
      <h1>{t("graduation.newTitle")}</h1>
      {deleted ? (
        <p className="notice" role="status">
          {t("graduation.done.delete")}
        </p>
      ) : null}
      <section className="card" aria-labelledby="household-title">
        <h2 id="household-title">{household.headName}</h2>
        <HouseholdFacts household={household} timeZone={household.timeZone} />
      </section>

      {household.status === "GRADUATED" ? (
        <p className="notice" role="status">
          {t("graduation.errorGraduated")}
        </p>
      ) : (
        <>
          <section className="card stack" aria-labelledby="preview-title">
            <h2 id="preview-title">{t("graduation.previewTitle", { month: formatMonth(month, locale) })}</h2>
            <p className="field__hint">{t("graduation.previewHint")}</p>
            <Form method="get" className="inline-form month-picker">
              <label htmlFor="preview-month">{t("graduation.monthLabel")}</label>
              <input id="preview-month" type="month" name="bulan" defaultValue={month} max={currentMonth} min="2019-01" required />
              <button type="submit" className="button">
                {t("graduation.showMonth")}
              </button>
            </Form>
            {monthError ? (
              <p className="field__error" role="alert">
                {t(monthError)}
              </p>
            ) : null}
            {preview ? (
              <>
                <MonthIndicatorFacts
                  month={preview.month}
                  policy={preview.policy}
                  provinceName={household.regency.parent?.name}
                  evidenceHref={`/pendamping/rumah-tangga/${household.id}/bukti/${month}`}
                />
                <IndicatorExplainer policy={preview.policy} timeZone={preview.timeZone} />
              </>
            ) : null}
          </section>

          <section className="card" aria-labelledby="form-title">
            <h2 id="form-title">{t("graduation.formTitle")}</h2>
            <Form method="post" {...getFormProps(form)} className="stack">
              <FormErrors id={form.errorId} errors={form.errors} />
              <AssessmentFormFields
                values={formValues({ month, checklist: emptyChecklist, otherIncomeIdr: null, notes: null }, actionData?.result.initialValue)}
                currentMonth={currentMonth}
                errors={assessmentFieldErrors(form, fields)}
              />
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("graduation.saveDraft")}
              </button>
              <p className="field__hint">{t("graduation.saveDraftHint")}</p>
            </Form>
          </section>
        </>
      )}
    </article>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "graduation.newTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
