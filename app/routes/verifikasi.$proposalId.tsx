import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { AssessmentAnswers, HouseholdFacts, IndicatorSeriesTable, ProposalHistory } from "~/components/graduation/graduation-parts";
import { IndicatorExplainer, MonthIndicatorFacts } from "~/components/indicators/indicators";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { decisionSchema } from "~/models/graduation-forms.server";
import { decideProposal, getProposalForVerifier, GraduationError, householdsInScope, loadVerifier, RETURN_REASON_MAX, RETURN_REASON_MIN } from "~/models/graduation.server";
import { computeHouseholdIndicators, householdTimeZone } from "~/models/indicators.server";
import { requireVerifier } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formatDateTime, formatMonth } from "~/utils/dates";
import { readFormData } from "~/utils/form-data.server";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

const DECISIONS = ["approve", "return"] as const;
type DecisionIntent = (typeof DECISIONS)[number];

const DECISION_ERRORS: Partial<Record<GraduationError["code"], { key: string; status: number }>> = {
  already_decided: { key: "graduation.errorAlreadyDecided", status: 409 },
  assessment_not_submitted: { key: "graduation.errorAssessmentNotSubmitted", status: 409 },
  own_proposal: { key: "graduation.conflict.own_proposal", status: 403 },
  own_household: { key: "graduation.conflict.own_household", status: 403 },
  reason_required: { key: "graduation.errorReason", status: 400 },
  not_verifier: { key: "graduation.errorNotVerifier", status: 403 },
};

/** How many months the verifier sees, ending with the assessed month. */
const SERIES_MONTHS = 12;

async function verifierOf(request: Request) {
  const user = await requireVerifier(request);
  const verifier = await loadVerifier(prisma, user.id);
  if (!verifier) throw new Response("Forbidden", { status: 403 });
  return verifier;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const verifier = await verifierOf(request);
  const found = await getProposalForVerifier(prisma, verifier, params.proposalId ?? "");
  // Outside the verifier's area looks exactly like a proposal that does not exist.
  if (!found) throw new Response("Not found", { status: 404 });
  const { proposal, household, assessment, history } = found;
  const series = await computeHouseholdIndicators(prisma, household.id, { endMonth: assessment.month, count: SERIES_MONTHS });
  return {
    proposal,
    history,
    household: { ...household, timeZone: householdTimeZone(household.regencyCode) },
    province: await prisma.region.findUnique({ where: { code: household.regencyCode.split(".")[0]! }, select: { name: true } }),
    assessment: {
      id: assessment.id,
      month: assessment.month,
      otherIncomeIdr: assessment.otherIncomeIdr,
      notes: assessment.notes,
      submittedAt: assessment.submittedAt,
      assessorName: assessment.assessor.name,
      checklist: assessment.checklist,
      snapshot: assessment.snapshot,
    },
    series: series.months,
    policy: series.policy,
    reasonLength: { min: RETURN_REASON_MIN, max: RETURN_REASON_MAX },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const verifier = await verifierOf(request);
  const inScope = await prisma.graduationProposal.findFirst({
    where: { id: params.proposalId ?? "", household: householdsInScope(verifier.scopeRegionCode) },
    select: { id: true },
  });
  if (!inScope) throw new Response("Not found", { status: 404 });
  const form = await readFormData(request);
  const intent: DecisionIntent | null = DECISIONS.find((d) => d === form.get("intent")) ?? null;
  const reason = typeof form.get("reason") === "string" ? String(form.get("reason")) : "";
  const submission = parseWithZod(form, { schema: decisionSchema });
  if (submission.status !== "success") {
    const first = Object.values(submission.error ?? {}).flat().find((e): e is string => typeof e === "string" && e.startsWith("graduation."));
    return data({ error: first ?? "graduation.errorBadRequest", intent, reason }, { status: 400 });
  }
  const input = submission.value;
  try {
    await decideProposal(prisma, {
      verifierId: verifier.id,
      proposalId: inScope.id,
      decision: input.intent === "approve" ? { kind: "approve" } : { kind: "return", reason: input.reason },
    });
  } catch (error) {
    if (!(error instanceof GraduationError)) throw error;
    if (error.code === "not_found") throw new Response("Not found", { status: 404 });
    const known = DECISION_ERRORS[error.code];
    if (!known) throw error;
    return data({ error: known.key, intent, reason }, { status: known.status });
  }
  return redirect(`/verifikasi/${inScope.id}?selesai=${input.intent}`);
}

export default function ProposalPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { proposal, history, household, province, assessment, series, policy, reasonLength } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const done = DECISIONS.find((d) => d === searchParams.get("selesai"));
  const snapshot = assessment.snapshot;
  const pending = proposal.status === "PENDING";
  const errorFor = (intent: DecisionIntent) =>
    actionData?.error && actionData.intent === intent ? (
      <p className="field__error" role="alert" id={`${intent}-error`}>
        {t(actionData.error)}
      </p>
    ) : null;

  return (
    <article className="stack graduation-page">
      <p className="breadcrumb">
        <Link to="/verifikasi">{t("graduation.backToQueue")}</Link>
      </p>
      <h1>{t("graduation.proposalTitle", { name: household.headName })}</h1>
      <p>
        <span className={`badge${proposal.status === "RETURNED" ? " badge--warning" : ""}`}>{t(`graduation.proposalStatus.${proposal.status}`)}</span>{" "}
        {t("graduation.proposedByOn", { name: proposal.proposedBy.name, date: formatDateTime(proposal.createdAt, household.timeZone, locale) })}
      </p>
      {done && !actionData ? (
        <p className="notice" role="status">
          {t(`graduation.done.${done}`)}
        </p>
      ) : null}
      {actionData?.error && !actionData.intent ? (
        <div className="form-errors" role="alert">
          <p>{t(actionData.error)}</p>
        </div>
      ) : null}

      <section className="card" aria-labelledby="household-title">
        <h2 id="household-title">{t("graduation.householdTitle")}</h2>
        <HouseholdFacts household={household} timeZone={household.timeZone} />
      </section>

      {pending && (!snapshot || snapshot.month.tier !== "READY") ? (
        <div className="notice notice--warning" role="note">
          <p>
            <strong>{t("graduation.warningsTitle")}</strong>
          </p>
          <ul>
            {!snapshot ? <li>{t("graduation.errorAssessmentNotSubmitted")}</li> : null}
            {snapshot && snapshot.month.povertyLine === null ? <li>{t("graduation.warnNoLine")}</li> : null}
            {snapshot && snapshot.month.povertyLine !== null && snapshot.month.tier !== "READY" ? <li>{t("graduation.warnNotReady")}</li> : null}
          </ul>
        </div>
      ) : null}

      <section className="card stack" aria-labelledby="snapshot-title">
        <h2 id="snapshot-title">{t("graduation.snapshotTitle")}</h2>
        {snapshot ? (
          <>
            <p className="field__hint">
              {t("graduation.snapshotWho", { name: assessment.assessorName, date: formatDateTime(assessment.submittedAt!, household.timeZone, locale) })}
            </p>
            <MonthIndicatorFacts month={snapshot.month} policy={snapshot.policy} provinceName={province?.name} evidenceHref={`/verifikasi/${proposal.id}/bukti/${assessment.month}`} />
            <IndicatorExplainer policy={snapshot.policy} timeZone={household.timeZone} />
          </>
        ) : (
          <p className="notice notice--warning">{t("graduation.errorAssessmentNotSubmitted")}</p>
        )}
      </section>

      <AssessmentAnswers checklist={assessment.checklist} otherIncomeIdr={assessment.otherIncomeIdr} notes={assessment.notes} />

      <section className="card stack" aria-labelledby="series-title">
        <h2 id="series-title">{t("graduation.seriesTitle")}</h2>
        <p className="field__hint">{t("graduation.seriesHint", { month: formatMonth(assessment.month, locale) })}</p>
        <IndicatorSeriesTable months={series} highlight={assessment.month} monthHref={(month) => `/verifikasi/${proposal.id}/bukti/${month}`} />
        <IndicatorExplainer policy={policy} timeZone={household.timeZone} />
      </section>

      {pending ? (
        proposal.conflict ? (
          <p className="notice notice--warning">{t(`graduation.conflict.${proposal.conflict}`)}</p>
        ) : (
          <section className="card stack" aria-labelledby="decide-title">
            <h2 id="decide-title">{t("graduation.decideTitle")}</h2>
            <Form method="post" className="stack decision decision--approve" aria-labelledby="approve-title">
              <h3 id="approve-title">{t("graduation.approveTitle")}</h3>
              <p>{t("graduation.approveIntro", { name: household.headName })}</p>
              {errorFor("approve")}
              <label className="check check--block">
                <input type="checkbox" name="confirm" value="yes" required aria-describedby={actionData?.intent === "approve" ? "approve-error" : undefined} />
                {t("graduation.approveConfirm")}
              </label>
              <button type="submit" name="intent" value="approve" className="button button--primary" disabled={busy}>
                {t("graduation.approve", { name: household.headName })}
              </button>
            </Form>
            <Form method="post" className="stack decision decision--return" aria-labelledby="return-title">
              <h3 id="return-title">{t("graduation.returnTitle")}</h3>
              <p className="field__hint" id="return-hint">
                {t("graduation.returnHint", { min: String(reasonLength.min) })}
              </p>
              {errorFor("return")}
              <div className="field">
                <label htmlFor="return-reason">{t("graduation.returnReasonLabel")}</label>
                <textarea
                  id="return-reason"
                  name="reason"
                  rows={4}
                  required
                  minLength={reasonLength.min}
                  maxLength={reasonLength.max}
                  aria-describedby="return-hint"
                  defaultValue={actionData?.intent === "return" ? actionData.reason : undefined}
                />
              </div>
              <button type="submit" name="intent" value="return" className="button" disabled={busy}>
                {t("graduation.return")}
              </button>
            </Form>
          </section>
        )
      ) : null}

      <section className="stack" aria-labelledby="history-title">
        <h2 id="history-title">{t("graduation.historyTitle")}</h2>
        <ProposalHistory proposals={[proposal, ...history]} timeZone={household.timeZone} />
      </section>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, "graduation.proposalTitle", { name: data.household.headName }) : pageTitle(matches, "errors.notFoundTitle") },
];

export const ErrorBoundary = RouteErrorBoundary;
