import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EvidenceMonthNav, EvidenceResult } from "~/components/indicators/month-evidence";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { householdsInScope, loadVerifier } from "~/models/graduation.server";
import { addMonths, isMonth, monthEvidence, readinessPolicy } from "~/models/indicators.server";
import { requireVerifier } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formatDateTime, formatMonth, zoneAbbreviation } from "~/utils/dates";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { localeFromMatches, pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";

/** The months a verifier can open: the series shown on the proposal page (12 months up to the assessed one). */
const EVIDENCE_MONTHS = 12;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireVerifier(request);
  const verifier = await loadVerifier(prisma, user.id);
  if (!verifier) throw new Response("Forbidden", { status: 403 });
  const proposal = await prisma.graduationProposal.findFirst({
    where: { id: params.proposalId ?? "", household: householdsInScope(verifier.scopeRegionCode) },
    select: { id: true, assessment: { select: { month: true } }, household: { select: { id: true, headName: true, programRef: true, regency: { select: { parent: { select: { name: true } } } } } } },
  });
  // Outside the verifier's area looks exactly like a proposal that does not exist.
  if (!proposal) throw new Response("Not found", { status: 404 });
  const month = params.month ?? "";
  const last = proposal.assessment.month;
  const first = addMonths(last, -(EVIDENCE_MONTHS - 1));
  if (!isMonth(month) || month > last || month < first) throw new Response("Not found", { status: 404 });
  const evidence = await monthEvidence(prisma, proposal.household.id, month);
  return {
    proposalId: proposal.id,
    household: { headName: proposal.household.headName, programRef: proposal.household.programRef, province: proposal.household.regency.parent?.name },
    timeZone: evidence.timeZone,
    month: evidence.month,
    // Order numbers, stores and amounts only: nothing about the buyers.
    lines: evidence.lines.map((l) => ({
      id: `${l.storeOrderId}-${l.kind}`,
      orderNumber: l.orderNumber,
      storeName: l.storeName,
      kind: l.kind,
      at: l.at,
      revenueIdr: l.revenueIdr,
      costOfGoodsIdr: l.costOfGoodsIdr,
      commissionIdr: l.commissionIdr,
      refundIdr: l.refundIdr,
      commissionBackIdr: l.commissionBackIdr,
    })),
    policy: readinessPolicy(),
    previous: month > first ? addMonths(month, -1) : null,
    next: month < last ? addMonths(month, 1) : null,
  };
}

export default function VerifierEvidencePage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { proposalId, household, timeZone, month, lines, policy, previous, next } = useLoaderData<typeof loader>();
  const base = `/verifikasi/${proposalId}/bukti`;
  return (
    <article className="stack graduation-page">
      <p className="breadcrumb">
        <Link to={`/verifikasi/${proposalId}`}>{t("graduation.backToProposal", { name: household.headName })}</Link>
      </p>
      <h1>{t("graduation.evidenceTitle", { name: household.headName, month: formatMonth(month.month, locale) })}</h1>
      <EvidenceMonthNav label={t("graduation.evidenceMonths")} base={base} previous={previous} next={next} />
      <section className="card stack" aria-labelledby="evidence-lines">
        <h2 id="evidence-lines">{t("graduation.evidenceLines")}</h2>
        <p className="field__hint">{t("graduation.evidenceIntro", { zone: zoneAbbreviation(timeZone) })}</p>
        {lines.length === 0 ? (
          <p className="muted">{t("graduation.evidenceNone")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table series-table">
              <thead>
                <tr>
                  <th scope="col">{t("graduation.evidenceOrder")}</th>
                  <th scope="col">{t("graduation.evidenceWhen")}</th>
                  <th scope="col">{t("graduation.evidenceRevenue")}</th>
                  <th scope="col">{t("graduation.evidenceCost")}</th>
                  <th scope="col">{t("graduation.evidenceCommission")}</th>
                  <th scope="col">{t("graduation.evidenceRefund")}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.id}>
                    <th scope="row">
                      <span className="mono">{line.orderNumber}</span>
                      <br />
                      <small>
                        {line.storeName} · {t(`graduation.evidenceKind.${line.kind}`)}
                      </small>
                    </th>
                    <td>{formatDateTime(line.at, timeZone, locale)}</td>
                    <td>{formatRupiah(line.revenueIdr)}</td>
                    <td>{formatRupiah(line.costOfGoodsIdr)}</td>
                    <td>{formatRupiah(line.commissionIdr - line.commissionBackIdr)}</td>
                    <td>{formatRupiah(line.refundIdr)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <EvidenceResult id="evidence-month" title={t("graduation.evidenceFigures")} month={month} policy={policy} timeZone={timeZone} provinceName={household.province} />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "graduation.evidenceTitle", { name: data.household.headName, month: formatMonth(data.month.month, localeFromMatches(matches)) })
      : pageTitle(matches, "errors.notFoundTitle"),
  },
];

export const ErrorBoundary = RouteErrorBoundary;
