import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { AssessmentFormFields, assessmentFieldErrors, formValues, type AssessmentFormShape } from "~/components/graduation/assessment-form";
import { AssessmentAnswers, HouseholdFacts, ProposalHistory } from "~/components/graduation/graduation-parts";
import { IndicatorExplainer, MonthIndicatorFacts } from "~/components/indicators/indicators";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { FormErrors } from "~/components/ui/field";
import {
  ASSESSMENT_ERROR_REPLIES,
  AssessmentError,
  deleteAssessmentDraft,
  getFacilitatorAssessment,
  indicatorsForMonth,
  submitAssessment,
  updateAssessmentDraft,
} from "~/models/assessment.server";
import { assessmentActionSchema } from "~/models/graduation-forms.server";
import { GraduationError, isLatestAfterReturn, proposeGraduation } from "~/models/graduation.server";
import { monthOf } from "~/models/indicators.server";
import { requireFacilitator } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formatDateTime, formatMonth } from "~/utils/dates";
import { readFormData } from "~/utils/form-data.server";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { localeFromMatches, pageTitle } from "~/utils/meta";

const INTENTS = ["save", "submit", "delete", "propose"] as const;
type Intent = (typeof INTENTS)[number];

const PROPOSAL_ERRORS: Partial<Record<GraduationError["code"], { key: string; status: number }>> = {
  assessment_draft: { key: "graduation.errorProposeDraft", status: 409 },
  assessment_already_proposed: { key: "graduation.errorAlreadyProposed", status: 409 },
  assessment_not_latest: { key: "graduation.errorNotLatest", status: 409 },
  household_not_active: { key: "graduation.errorNotActive", status: 409 },
  already_pending: { key: "graduation.errorPending", status: 409 },
  confirmation_required: { key: "graduation.errorConfirmNotReady", status: 400 },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireFacilitator(request);
  const found = await getFacilitatorAssessment(prisma, user.id, params.assessmentId ?? "");
  // Another facilitator's assessment looks exactly like one that does not exist.
  if (!found) throw new Response("Not found", { status: 404 });
  const now = new Date();
  const { assessment, household } = found;
  const preview = assessment.snapshot ? null : await indicatorsForMonth(prisma, household.id, assessment.month, assessment.otherIncomeIdr, now);
  const currentMonth = monthOf(now, household.timeZone);
  const latest = assessment.submittedAt !== null && (await isLatestAfterReturn(prisma, household.id, assessment.id, new Date(assessment.submittedAt)));
  return {
    ...found,
    preview,
    currentMonth,
    monthOver: assessment.month < currentMonth,
    canPropose: assessment.snapshot !== null && household.status === "ACTIVE" && !assessment.proposed && latest,
    notLatest: assessment.snapshot !== null && household.status === "ACTIVE" && !assessment.proposed && !latest,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireFacilitator(request);
  // The URL names the assessment, and it must be one of this facilitator's before anything else is read.
  const owned = await prisma.graduationAssessment.findFirst({
    where: { id: params.assessmentId ?? "", household: { facilitatorId: user.id } },
    select: { id: true },
  });
  if (!owned) throw new Response("Not found", { status: 404 });
  const form = await readFormData(request);
  const submission = parseWithZod(form, { schema: assessmentActionSchema });
  const intent: Intent | null = INTENTS.find((i) => i === form.get("intent")) ?? null;
  if (submission.status !== "success") return data({ result: submission.reply(), intent }, { status: 400 });
  const input = submission.value;
  try {
    if (input.intent === "save") {
      const { intent: _intent, ...values } = input;
      await updateAssessmentDraft(prisma, { facilitatorId: user.id, assessmentId: owned.id, input: values });
    } else if (input.intent === "submit") {
      await submitAssessment(prisma, { facilitatorId: user.id, assessmentId: owned.id });
    } else if (input.intent === "delete") {
      const { householdId } = await deleteAssessmentDraft(prisma, { facilitatorId: user.id, assessmentId: owned.id });
      return redirect(`/pendamping/rumah-tangga/${householdId}/penilaian/baru?dihapus=1`);
    } else {
      await proposeGraduation(prisma, { facilitatorId: user.id, assessmentId: owned.id, confirmNotReady: input.confirmNotReady });
    }
  } catch (error) {
    if (error instanceof AssessmentError || error instanceof GraduationError) {
      if (error.code === "not_found") throw new Response("Not found", { status: 404 });
      const known = error instanceof AssessmentError ? ASSESSMENT_ERROR_REPLIES[error.code] : PROPOSAL_ERRORS[error.code];
      if (!known) throw error;
      return data({ result: submission.reply({ formErrors: [known.key] }), intent }, { status: known.status });
    }
    throw error;
  }
  return redirect(`/pendamping/penilaian/${owned.id}?selesai=${input.intent}`);
}

export default function AssessmentPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { assessment, household, proposals, otherAssessments, preview, currentMonth, monthOver, canPropose, notLatest } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const done = INTENTS.find((i) => i === searchParams.get("selesai")) ?? (searchParams.get("selesai") === "create" ? "create" : null);
  const [form, fields] = useForm<AssessmentFormShape>({ id: "edit-assessment", lastResult: actionData?.intent === "save" ? actionData.result : undefined });
  const errorFor = (intent: Intent) =>
    actionData && actionData.intent === intent && intent !== "save" && actionData.result.error?.[""] ? (
      <div className="form-errors" role="alert">
        {actionData.result.error[""].map((e) => (
          <p key={e}>{t(e)}</p>
        ))}
      </div>
    ) : null;
  const snapshot = assessment.snapshot;
  const monthName = formatMonth(assessment.month, locale);

  return (
    <article className="stack graduation-page">
      <p className="breadcrumb">
        <Link to={`/pendamping/rumah-tangga/${household.id}`}>{t("graduation.backToHousehold", { name: household.headName })}</Link>
      </p>
      <h1>{t(snapshot ? "graduation.assessmentTitle" : "graduation.draftTitle", { month: monthName })}</h1>
      <p>
        <span className={`badge${snapshot ? "" : " badge--warning"}`}>{t(snapshot ? "graduation.submittedBadge" : "graduation.draftBadge")}</span>
      </p>
      {done && !actionData ? (
        <p className="notice" role="status">
          {t(`graduation.done.${done}`)}
        </p>
      ) : null}
      {actionData && !actionData.intent ? <FormErrors id="assessment-errors" errors={["graduation.errorBadRequest"]} /> : null}

      <section className="card" aria-labelledby="household-title">
        <h2 id="household-title">{household.headName}</h2>
        <HouseholdFacts household={household} timeZone={household.timeZone} />
      </section>

      {snapshot ? (
        <>
          <section className="card stack" aria-labelledby="snapshot-title">
            <h2 id="snapshot-title">{t("graduation.snapshotTitle")}</h2>
            <p className="field__hint">
              {t("graduation.snapshotWho", {
                name: assessment.assessor.name,
                date: formatDateTime(assessment.submittedAt!, household.timeZone, locale),
              })}
            </p>
            {snapshot.month.povertyLine === null ? (
              <p className="notice notice--warning">{t("graduation.snapshotMissingLine")}</p>
            ) : null}
            <MonthIndicatorFacts
              month={snapshot.month}
              policy={snapshot.policy}
              provinceName={household.regency.parent?.name}
              evidenceHref={`/pendamping/rumah-tangga/${household.id}/bukti/${assessment.month}`}
            />
            <IndicatorExplainer policy={snapshot.policy} timeZone={household.timeZone} />
          </section>
          <AssessmentAnswers checklist={assessment.checklist} otherIncomeIdr={assessment.otherIncomeIdr} notes={assessment.notes} />

          {canPropose ? (
            <section className="card stack" aria-labelledby="propose-title">
              <h2 id="propose-title">{t("graduation.proposeTitle")}</h2>
              <p>{t("graduation.proposeIntro")}</p>
              <Form method="post" className="stack">
                {errorFor("propose")}
                {snapshot.month.tier !== "READY" ? (
                  <>
                    <p className="notice notice--warning">{snapshot.month.tier === null ? t("graduation.proposeWarningNoLine") : t("graduation.proposeWarningNotReady")}</p>
                    <label className="check check--block">
                      <input type="checkbox" name="confirmNotReady" value="yes" required />
                      {t("graduation.confirmNotReady")}
                    </label>
                  </>
                ) : null}
                <button type="submit" name="intent" value="propose" className="button button--primary" disabled={busy}>
                  {t("graduation.propose")}
                </button>
              </Form>
            </section>
          ) : notLatest ? (
            <p className="notice">{t("graduation.notLatestHint")}</p>
          ) : household.status === "ACTIVE" && assessment.proposed ? (
            <p className="notice">{t("graduation.alreadyProposedHint")}</p>
          ) : null}
        </>
      ) : (
        <>
          {preview ? (
            <section className="card stack" aria-labelledby="preview-title">
              <h2 id="preview-title">{t("graduation.previewTitle", { month: monthName })}</h2>
              <p className="field__hint">{t("graduation.previewDraftHint")}</p>
              <MonthIndicatorFacts
                month={preview.month}
                policy={preview.policy}
                provinceName={household.regency.parent?.name}
                evidenceHref={`/pendamping/rumah-tangga/${household.id}/bukti/${assessment.month}`}
              />
              <IndicatorExplainer policy={preview.policy} timeZone={preview.timeZone} />
            </section>
          ) : null}

          <section className="card stack" aria-labelledby="submit-title">
            <h2 id="submit-title">{t("graduation.submitTitle")}</h2>
            {monthOver ? (
              <Form method="post" className="stack">
                <p className="notice notice--warning">{t("graduation.submitWarning")}</p>
                {errorFor("submit")}
                <button type="submit" name="intent" value="submit" className="button button--primary" disabled={busy}>
                  {t("graduation.submit")}
                </button>
              </Form>
            ) : (
              <p className="notice notice--warning">{t("graduation.errorMonthNotOver")}</p>
            )}
          </section>

          <section className="card" aria-labelledby="edit-title">
            <h2 id="edit-title">{t("graduation.editTitle")}</h2>
            <Form method="post" {...getFormProps(form)} className="stack">
              <FormErrors id={form.errorId} errors={form.errors} />
              <AssessmentFormFields
                values={formValues(
                  { month: assessment.month, checklist: assessment.checklist, otherIncomeIdr: assessment.otherIncomeIdr, notes: assessment.notes },
                  actionData?.intent === "save" ? actionData.result.initialValue : null,
                )}
                currentMonth={currentMonth}
                errors={assessmentFieldErrors(form, fields)}
              />
              <button type="submit" name="intent" value="save" className="button" disabled={busy}>
                {t("graduation.saveChanges")}
              </button>
            </Form>
          </section>

          <details className="card" open={actionData?.intent === "delete"}>
            <summary className="button button--quiet">{t("graduation.deleteDraft")}</summary>
            <Form method="post" className="stack">
              <p>{t("graduation.deleteWarning")}</p>
              {errorFor("delete")}
              <button type="submit" name="intent" value="delete" className="button" disabled={busy}>
                {t("graduation.deleteDraftConfirm")}
              </button>
            </Form>
          </details>
        </>
      )}

      <section className="stack" aria-labelledby="proposals-title">
        <h2 id="proposals-title">{t("graduation.proposalsTitle")}</h2>
        <ProposalHistory proposals={proposals} timeZone={household.timeZone} />
      </section>

      <section className="stack" aria-labelledby="others-title">
        <h2 id="others-title">{t("graduation.otherAssessmentsTitle")}</h2>
        {household.status !== "GRADUATED" ? (
          <p>
            <Link to={`/pendamping/rumah-tangga/${household.id}/penilaian/baru`} className="button">
              {t("graduation.newAssessment")}
            </Link>
          </p>
        ) : null}
        {otherAssessments.length === 0 ? (
          <p className="muted">{t("graduation.noOtherAssessments")}</p>
        ) : (
          <ul className="plain-list">
            {otherAssessments.map((a) => (
              <li key={a.id}>
                <Link to={`/pendamping/penilaian/${a.id}`}>{formatMonth(a.month, locale)}</Link> ·{" "}
                {a.submittedAt ? t("graduation.submittedOn", { date: formatDateTime(a.submittedAt, household.timeZone, locale) }) : t("graduation.draftBadge")}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, data.assessment.snapshot ? "graduation.assessmentTitle" : "graduation.draftTitle", { month: formatMonth(data.assessment.month, localeFromMatches(matches)) })
      : pageTitle(matches, "errors.notFoundTitle"),
  },
];

export const ErrorBoundary = RouteErrorBoundary;
