import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { EvidenceMonthNav, EvidenceResult, NumberColumnHeaders } from "~/components/indicators/month-evidence";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { getFacilitatorHousehold } from "~/models/household.server";
import { addMonths, isMonth, monthEvidence, monthOf, readinessPolicy } from "~/models/indicators.server";
import { formatSharePercent } from "~/models/kube-shares";
import { timeZoneForProvince } from "~/models/region.server";
import { requireFacilitator } from "~/utils/auth.server";
import { formatDateTime, formatMonth, zoneAbbreviation } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireFacilitator(request);
  const household = await getFacilitatorHousehold(prisma, user.id, params.householdId ?? "");
  // Another facilitator's household looks exactly like one that does not exist.
  if (!household) throw new Response("Not found", { status: 404 });
  const month = params.month ?? "";
  if (!isMonth(month)) throw new Response("bad month", { status: 400 });
  const timeZone = timeZoneForProvince(household.regencyCode);
  const currentMonth = monthOf(new Date(), timeZone);
  // A month that has not begun has no evidence yet.
  if (month > currentMonth) throw new Response("Not found", { status: 404 });
  const evidence = await monthEvidence(prisma, household.id, month);
  return {
    household: { id: household.id, headName: household.headName, province: household.regency.parent?.name ?? household.regencyCode.slice(0, 2) },
    timeZone: evidence.timeZone,
    month: evidence.month,
    lines: evidence.lines,
    policy: readinessPolicy(),
    previous: addMonths(month, -1),
    next: month < currentMonth ? addMonths(month, 1) : null,
  };
}

export default function MonthEvidencePage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { household, timeZone, month, lines, policy, previous, next } = useLoaderData<typeof loader>();
  const monthName = formatMonth(month.month, locale);
  const base = `/pendamping/rumah-tangga/${household.id}/bukti`;
  const otherIncome = month.otherIncomeIdr !== 0 || month.otherIncomeAssessmentId !== null;

  return (
    <section className="stack evidence-page">
      <p>
        <Link to="/pendamping">{t("facilitator.title")}</Link> · <Link to={`/pendamping/rumah-tangga/${household.id}`}>{household.headName}</Link>
      </p>
      <h1>{t("households.evidenceTitle", { name: household.headName, month: monthName })}</h1>
      <EvidenceMonthNav label={t("households.evidenceMonths")} base={base} previous={previous} next={next} />
      <p>{t("households.evidenceIntro", { zone: zoneAbbreviation(timeZone) })}</p>

      <section aria-labelledby="baris" className="card stack">
        <h2 id="baris">{t("households.evidenceLines")}</h2>
        {lines.length === 0 ? (
          <p>{t("households.evidenceNoLines")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("households.evidenceOrder")}</th>
                  <th scope="col">{t("households.evidenceStore")}</th>
                  <th scope="col">{t("households.evidenceWhen")}</th>
                  <NumberColumnHeaders keys={["households.evidenceRevenue", "households.evidenceCost", "households.evidenceCommission", "households.evidenceRefund"]} />
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={`${line.storeOrderId}-${line.kind}`}>
                    <th scope="row">
                      {line.orderNumber}
                      <br />
                      <small>{t(`households.evidenceKind.${line.kind}`)}</small>
                    </th>
                    <td>{line.storeName}</td>
                    <td>{formatDateTime(line.at, timeZone, locale)}</td>
                    <td className="num">{line.kind === "SALE" ? formatRupiah(line.revenueIdr) : "—"}</td>
                    <td className="num">{line.kind === "SALE" ? formatRupiah(line.costOfGoodsIdr) : "—"}</td>
                    <td className="num">
                      {line.kind === "SALE" ? formatRupiah(line.commissionIdr) : t("households.evidenceCommissionBack", { amount: formatRupiah(line.commissionBackIdr) })}
                    </td>
                    <td className="num">{line.kind === "REFUND" ? formatRupiah(line.refundIdr) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="per-toko" className="card stack">
        <h2 id="per-toko">{t("households.evidencePerStore")}</h2>
        {month.sources.length === 0 ? (
          <p>{t("households.noStoreYet")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("households.evidenceStore")}</th>
                  <NumberColumnHeaders
                    keys={[
                      "indicators.orders",
                      "households.evidenceRevenue",
                      "households.evidenceCost",
                      "households.evidenceCommission",
                      "households.evidenceRefunds",
                      "households.evidenceStoreNet",
                      "households.evidenceShare",
                      "households.evidenceHouseholdShare",
                    ]}
                  />
                </tr>
              </thead>
              <tbody>
                {month.sources.map((s) => (
                  <tr key={s.storeId}>
                    <th scope="row">
                      {s.storeName}
                      {s.kubeGroupName ? (
                        <>
                          <br />
                          <small>{t("households.evidenceKube", { name: s.kubeGroupName })}</small>
                        </>
                      ) : null}
                    </th>
                    <td className="num">{s.orders}</td>
                    <td className="num">{formatRupiah(s.revenueIdr)}</td>
                    <td className="num">{formatRupiah(s.costOfGoodsIdr)}</td>
                    <td className="num">{formatRupiah(s.commissionIdr)}</td>
                    <td className="num">
                      {s.refundCount > 0
                        ? `${formatRupiah(s.refundsIdr)} (−${formatRupiah(s.refundedCommissionIdr)} ${t("households.evidenceCommissionShort")})`
                        : formatRupiah(0)}
                    </td>
                    <td className="num">{formatRupiah(s.storeNetIdr)}</td>
                    <td className="num">{formatSharePercent(s.shareBasisPoints, locale)}%</td>
                    <td className="num">{formatRupiah(s.householdShareIdr)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={8}>
                    {t("indicators.businessIncome")}
                  </th>
                  <td className="num">
                    <strong>{formatRupiah(month.businessIncomeIdr)}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="lainnya" className="card stack">
        <h2 id="lainnya">{t("indicators.otherIncome")}</h2>
        {otherIncome ? (
          <p>
            {formatRupiah(month.otherIncomeIdr)}
            {month.otherIncomeAssessmentId ? (
              <>
                {" · "}
                <Link to={`/pendamping/penilaian/${month.otherIncomeAssessmentId}`}>{t("households.evidenceOtherFrom")}</Link>
              </>
            ) : null}
          </p>
        ) : (
          <p>{t("households.evidenceNoOther")}</p>
        )}
      </section>

      <EvidenceResult id="hasil" title={t("households.evidenceResult")} month={month} policy={policy} timeZone={timeZone} provinceName={household.province} />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "households.evidenceTitleShort") }];

/** A malformed month gets its own plain message; everything else, the usual error page. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 400) return <ErrorPage status={400} message={t("households.evidenceBadMonth")} />;
  return <RouteErrorBoundary />;
}
