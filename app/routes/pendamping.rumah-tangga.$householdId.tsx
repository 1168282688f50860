import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { HouseholdIncomeChart } from "~/components/household-income-chart";
import { IndicatorExplainer, MonthIndicatorFacts, TierBadge } from "~/components/indicators/indicators";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { coachingDateOf } from "~/models/coaching.server";
import { loadHouseholdPage } from "~/models/household-page.server";
import { formatSharePercent } from "~/models/kube-shares";
import { revenueChartGeometry } from "~/models/sales-chart.server";
import { requireFacilitator } from "~/utils/auth.server";
import { formatDateTime, formatLocalDate, formatMonth, localDateOf, zoneAbbreviation } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import salesStylesHref from "~/styles/sales.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: salesStylesHref }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireFacilitator(request);
  const page = await loadHouseholdPage(prisma, user.id, params.householdId ?? "");
  // Another facilitator's household looks exactly like one that does not exist.
  if (!page) throw new Response("Not found", { status: 404 });
  const months = page.indicators.months.map((m) => ({
    month: m.month,
    partial: m.partial,
    orders: m.orders,
    salesIdr: m.sources.reduce((sum, s) => sum + s.revenueIdr, 0),
    businessIncomeIdr: m.businessIncomeIdr,
    totalIncomeIdr: m.totalIncomeIdr,
    perCapitaIdr: m.perCapitaIdr,
    ratioPercent: m.ratioPercent,
    tier: m.tier,
  }));
  // Losses (refunds larger than a month's sales) show as zero on the chart; the table has the real figure.
  const geometry = revenueChartGeometry(
    months.map((m) => Math.max(0, m.businessIncomeIdr)),
    months.map((m) => m.salesIdr),
  );
  return {
    household: page.household,
    timeZone: page.timeZone,
    policy: page.indicators.policy,
    latest: page.indicators.latestComplete,
    months,
    geometry,
    assessments: page.assessments,
    proposals: page.proposals,
    coaching: page.coaching.map((c) => ({ id: c.id, date: coachingDateOf(c.heldOn), topic: c.topic, facilitator: c.facilitator.name })),
    timeline: page.timeline,
    enrolledOn: localDateOf(page.household.enrolledAt, page.timeZone),
  };
}

export default function HouseholdPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const data = useLoaderData<typeof loader>();
  const { household, timeZone, policy, latest, months, geometry, assessments, coaching, timeline } = data;
  const [searchParams] = useSearchParams();
  const province = household.regency.parent?.name ?? household.regencyCode.slice(0, 2);
  const evidenceHref = (month: string) => `/pendamping/rumah-tangga/${household.id}/bukti/${month}`;
  const percent = (value: number) => value.toLocaleString(locale === "en" ? "en-US" : "id-ID", { maximumFractionDigits: 1 });
  const when = (at: Date | string) => formatDateTime(at, timeZone, locale);

  return (
    <section className="stack household-page">
      <p>
        <Link to="/pendamping">{t("facilitator.title")}</Link>
      </p>
      <h1>{household.headName}</h1>
      {searchParams.get("terdaftar") ? (
        <p className="notice" role="status">
          {t("households.registered")}
        </p>
      ) : null}
      {searchParams.get("diubah") ? (
        <p className="notice" role="status">
          {t(searchParams.get("diubah") === "0" ? "households.editedNothing" : "households.edited")}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("households.programRefLabel")}</dt>
        <dd>{household.programRef}</dd>
        <dt>{t("households.memberCountLabel")}</dt>
        <dd>{household.memberCount}</dd>
        <dt>{t("households.regencyLabel")}</dt>
        <dd>
          {household.regency.name}, {province} ({t(`households.area.${household.areaType}`)})
        </dd>
        <dt>{t("households.colStatus")}</dt>
        <dd>{t(`facilitator.status.${household.status}`)}</dd>
        <dt>{t("households.enrolledOn")}</dt>
        <dd>{formatLocalDate(data.enrolledOn, locale)}</dd>
        {household.proposedAt ? (
          <>
            <dt>{t("households.proposedOn")}</dt>
            <dd>{when(household.proposedAt)}</dd>
          </>
        ) : null}
        {household.graduatedAt ? (
          <>
            <dt>{t("households.graduatedOn")}</dt>
            <dd>{when(household.graduatedAt)}</dd>
          </>
        ) : null}
      </dl>
      {household.status === "ACTIVE" ? (
        <p>
          <Link to={`/pendamping/rumah-tangga/${household.id}/ubah`} className="button">
            {t("households.editLink")}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="toko" className="card stack">
        <h2 id="toko">{t("households.storesHeading")}</h2>
        {household.stores.length === 0 && household.kubeMemberships.every((m) => m.kubeGroup.stores.length === 0) ? (
          <p>{t("households.noStoreYet")}</p>
        ) : (
          <ul>
            {household.stores.map((s) => (
              <li key={s.id}>
                <Link to={`/toko/${s.slug}`}>{s.name}</Link> · {t("households.ownStoreShare")}
              </li>
            ))}
            {household.kubeMemberships.flatMap((m) =>
              m.kubeGroup.stores.map((s) => (
                <li key={s.id}>
                  <Link to={`/toko/${s.slug}`}>{s.name}</Link> · <Link to={`/pendamping/kube/${m.kubeGroup.id}`}>{m.kubeGroup.name}</Link> ·{" "}
                  {t("households.shareOf", { share: formatSharePercent(m.shareBasisPoints, locale) })}
                </li>
              )),
            )}
          </ul>
        )}
        {household.kubeMemberships.some((m) => m.kubeGroup.stores.length === 0) ? (
          <ul>
            {household.kubeMemberships
              .filter((m) => m.kubeGroup.stores.length === 0)
              .map((m) => (
                <li key={m.kubeGroup.id}>
                  <Link to={`/pendamping/kube/${m.kubeGroup.id}`}>{m.kubeGroup.name}</Link> ·{" "}
                  {t("households.shareOf", { share: formatSharePercent(m.shareBasisPoints, locale) })}
                </li>
              ))}
          </ul>
        ) : null}
        <p>
          <Link to={`/pendamping/rumah-tangga/${household.id}/toko`} className="button">
            {t("households.manageStore")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="pendapatan" className="card stack">
        <h2 id="pendapatan">{t("households.incomeHeading")}</h2>
        <p className="field__hint">{t("households.incomeHint")}</p>
        <HouseholdIncomeChart geometry={geometry} months={months.map((m) => m.month)} tableId="income-table" />
        <div className="table-scroll">
          <table className="table" id="income-table">
            <caption className="visually-hidden">{t("households.incomeHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("indicators.month")}</th>
                <th scope="col" className="num">
                  {t("indicators.orders")}
                </th>
                <th scope="col" className="num">
                  {t("households.chartSales")}
                </th>
                <th scope="col" className="num">
                  {t("indicators.businessIncome")}
                </th>
                <th scope="col" className="num">
                  {t("indicators.perCapita")}
                </th>
                <th scope="col" className="num">
                  {t("indicators.ratio")}
                </th>
                <th scope="col">{t("indicators.tierLabel")}</th>
              </tr>
            </thead>
            <tbody>
              {[...months].reverse().map((m) => (
                <tr key={m.month}>
                  <th scope="row">
                    <Link to={evidenceHref(m.month)}>
                      {m.partial ? t("indicators.monthPartial", { month: formatMonth(m.month, locale) }) : formatMonth(m.month, locale)}
                    </Link>
                  </th>
                  <td className="num">{m.orders}</td>
                  <td className="num">{formatRupiah(m.salesIdr)}</td>
                  <td className="num">{formatRupiah(m.businessIncomeIdr)}</td>
                  <td className="num">{formatRupiah(m.perCapitaIdr)}</td>
                  <td className="num">{m.ratioPercent === null ? "—" : t("indicators.ratioValue", { percent: percent(m.ratioPercent) })}</td>
                  <td>
                    <TierBadge tier={m.tier} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="indikator" className="card stack">
        <h2 id="indikator">{t("households.latestIndicators")}</h2>
        {latest ? (
          <MonthIndicatorFacts month={latest} policy={policy} provinceName={province} evidenceHref={evidenceHref(latest.month)} />
        ) : (
          <p>{t("households.noCompleteMonth")}</p>
        )}
        <IndicatorExplainer policy={policy} timeZone={timeZone} />
      </section>

      <section aria-labelledby="penilaian" className="card stack">
        <h2 id="penilaian">{t("households.assessmentsHeading")}</h2>
        {assessments.length === 0 ? (
          <p>{t("households.noAssessments")}</p>
        ) : (
          <ul>
            {assessments.map((a) => (
              <li key={a.id}>
                <Link to={`/pendamping/penilaian/${a.id}`}>{t("households.assessmentOf", { month: formatMonth(a.month, locale) })}</Link> ·{" "}
                {a.submittedAt ? t("households.assessmentSubmitted", { when: when(a.submittedAt) }) : t("households.assessmentDraft")} · {a.assessor.name}
              </li>
            ))}
          </ul>
        )}
        {household.status === "ACTIVE" ? (
          <p>
            <Link to={`/pendamping/rumah-tangga/${household.id}/penilaian/baru`} className="button button--primary">
              {t("households.newAssessment")}
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="pendampingan" className="card stack">
        <h2 id="pendampingan">{t("households.coachingAttended")}</h2>
        {coaching.length === 0 ? (
          <p>{t("households.noCoaching")}</p>
        ) : (
          <ul>
            {coaching.map((c) => (
              <li key={c.id}>
                {formatLocalDate(c.date, locale)}: {c.topic}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/pendamping/pendampingan/baru" className="button">
            {t("households.coachingNew")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="riwayat" className="card stack">
        <h2 id="riwayat">{t("households.timelineHeading")}</h2>
        <p className="field__hint">{t("households.timelineHint", { zone: zoneAbbreviation(timeZone) })}</p>
        <ol className="timeline">
          {timeline.map((e, i) => (
            <li key={`${e.kind}-${i}`}>
              <span className="timeline__when">{e.date ? formatLocalDate(e.date, locale) : when(e.at)}</span>{" "}
              {e.href ? <Link to={e.href}>{t(`households.event.${e.kind}`, e.values)}</Link> : t(`households.event.${e.kind}`, e.values)}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: data ? `${data.household.headName} · ${pageTitle(matches, "households.title")}` : pageTitle(matches, "households.title") },
];

export const ErrorBoundary = RouteErrorBoundary;
