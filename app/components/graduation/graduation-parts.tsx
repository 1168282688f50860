import { Link } from "@remix-run/react";
import { TierBadge } from "~/components/indicators/indicators";
import type { ReadinessTier } from "~/models/indicators.server";
import { formatDateTime, formatMonth } from "~/utils/dates";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { formatRupiah } from "~/utils/money";

// Pieces shared by the facilitator's assessment pages and the verifier's pages. Data comes serialised
// from loaders, so dates arrive as strings.

const DOMAINS = ["health", "education", "housing", "waterSanitation", "social"] as const;
const STATUSES = ["MET", "NOT_MET", "NOT_ASSESSED"] as const;
type ChecklistData = Record<(typeof DOMAINS)[number], { status: (typeof STATUSES)[number]; note: string | null }>;

type HouseholdData = {
  programRef: string;
  headName: string;
  memberCount: number;
  status: "ACTIVE" | "PROPOSED" | "GRADUATED";
  proposedAt: Date | string | null;
  graduatedAt: Date | string | null;
  regency: { name: string };
};

/** Who the household is (program reference, head, members, regency) and where it stands in the workflow. */
export function HouseholdFacts({ household, timeZone }: { household: HouseholdData; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <dl className="facts">
      <dt>{t("graduation.programRef")}</dt>
      <dd className="mono">{household.programRef}</dd>
      <dt>{t("graduation.headName")}</dt>
      <dd>{household.headName}</dd>
      <dt>{t("graduation.members")}</dt>
      <dd>{household.memberCount}</dd>
      <dt>{t("graduation.regency")}</dt>
      <dd>{household.regency.name}</dd>
      <dt>{t("graduation.householdStatus")}</dt>
      <dd>
        <HouseholdStatusText household={household} timeZone={timeZone} locale={locale} />
      </dd>
    </dl>
  );
}

function HouseholdStatusText({ household, timeZone, locale }: { household: HouseholdData; timeZone: string; locale: Locale }) {
  const { t } = useTranslation();
  if (household.status === "GRADUATED" && household.graduatedAt) {
    return <strong>{t("graduation.graduatedOn", { date: formatDateTime(household.graduatedAt, timeZone, locale) })}</strong>;
  }
  if (household.status === "PROPOSED" && household.proposedAt) {
    return <>{t("graduation.proposedOn", { date: formatDateTime(household.proposedAt, timeZone, locale) })}</>;
  }
  return <>{t(`graduation.status.${household.status}`)}</>;
}

/** The other domains as assessed. */
export function ChecklistView({ checklist }: { checklist: ChecklistData }) {
  const { t } = useTranslation();
  return (
    <dl className="facts checklist-view">
      {DOMAINS.map((domain) => (
        <div key={domain} className="checklist-view__row">
          <dt>{t(`graduation.domain.${domain}`)}</dt>
          <dd>
            <span className={`badge checklist-status checklist-status--${checklist[domain].status.toLowerCase()}`}>
              {t(`graduation.domainStatus.${checklist[domain].status}`)}
            </span>
            {checklist[domain].note ? <span className="prose checklist-view__note">{checklist[domain].note}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The submitted answers: the checklist, the other income and the facilitator's notes. */
export function AssessmentAnswers({ checklist, otherIncomeIdr, notes }: { checklist: ChecklistData; otherIncomeIdr: number; notes: string | null }) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t("graduation.checklistTitle")}</h2>
      <ChecklistView checklist={checklist} />
      <dl className="facts">
        <dt>{t("graduation.otherIncomeLabel")}</dt>
        <dd>{formatRupiah(otherIncomeIdr)}</dd>
        <dt>{t("graduation.notesLabel")}</dt>
        <dd className="prose">{notes ?? t("graduation.noNotes")}</dd>
      </dl>
    </section>
  );
}

/** The checklist as form fields: one group of radio buttons and a note per domain (plain HTML, no script needed). */
export function ChecklistFields({ checklist, errors }: { checklist: ChecklistData; errors?: string[] }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field checklist-fields">
      <legend>{t("graduation.checklistTitle")}</legend>
      <p className="field__hint">{t("graduation.checklistHint")}</p>
      {errors?.length ? (
        <p className="field__error" role="alert">
          {errors.map((e) => t(e)).join(" ")}
        </p>
      ) : null}
      {DOMAINS.map((domain) => (
        <fieldset key={domain} className="checklist-fields__domain">
          <legend>{t(`graduation.domain.${domain}`)}</legend>
          <p className="field__hint">{t(`graduation.domainHint.${domain}`)}</p>
          <div className="checklist-fields__choices">
            {STATUSES.map((status) => (
              <label key={status} className="check">
                <input type="radio" name={`checklist.${domain}.status`} value={status} defaultChecked={checklist[domain].status === status} required />
                {t(`graduation.domainStatus.${status}`)}
              </label>
            ))}
          </div>
          <label htmlFor={`checklist-${domain}-note`} className="checklist-fields__note-label">
            {t("graduation.domainNote", { domain: t(`graduation.domain.${domain}`) })}
          </label>
          <textarea id={`checklist-${domain}-note`} name={`checklist.${domain}.note`} rows={2} maxLength={500} defaultValue={checklist[domain].note ?? ""} />
        </fieldset>
      ))}
    </fieldset>
  );
}

type ProposalData = {
  id: string;
  status: "PENDING" | "APPROVED" | "RETURNED";
  createdAt: Date | string;
  decidedAt: Date | string | null;
  decisionReason: string | null;
  month: string;
  tier: ReadinessTier | null;
  proposedBy: { name: string };
  decidedBy: { name: string } | null;
};

/** Proposals and their decisions, newest first; a return shows its reason in full. */
export function ProposalHistory({ proposals, timeZone, linkTo }: { proposals: ProposalData[]; timeZone: string; linkTo?: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  if (proposals.length === 0) return <p className="muted">{t("graduation.noProposals")}</p>;
  return (
    <ol className="card-list proposal-history">
      {proposals.map((p) => (
        <li key={p.id} className={`card proposal proposal--${p.status.toLowerCase()}`}>
          <p>
            <span className={`badge${p.status === "RETURNED" ? " badge--warning" : ""}`}>{t(`graduation.proposalStatus.${p.status}`)}</span>{" "}
            {linkTo ? <Link to={linkTo(p.id)}>{t("graduation.proposalFor", { month: formatMonth(p.month, locale) })}</Link> : t("graduation.proposalFor", { month: formatMonth(p.month, locale) })}{" "}
            <TierBadge tier={p.tier} />
          </p>
          <p className="muted">{t("graduation.proposedByOn", { name: p.proposedBy.name, date: formatDateTime(p.createdAt, timeZone, locale) })}</p>
          {p.decidedAt && p.decidedBy ? (
            <p>{t(p.status === "APPROVED" ? "graduation.approvedByOn" : "graduation.returnedByOn", { name: p.decidedBy.name, date: formatDateTime(p.decidedAt, timeZone, locale) })}</p>
          ) : null}
          {p.decisionReason ? (
            <blockquote className="proposal__reason">
              <p className="muted">{t("graduation.returnReasonLabel")}</p>
              <p className="prose">{p.decisionReason}</p>
            </blockquote>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

type SeriesMonth = {
  month: string;
  partial: boolean;
  orders: number;
  businessIncomeIdr: number;
  otherIncomeIdr: number;
  perCapitaIdr: number;
  ratioPercent: number | null;
  readyStreak: number;
  tier: ReadinessTier | null;
};

/** Month by month up to the assessed month, oldest first, in a table that scrolls sideways on a phone. */
export function IndicatorSeriesTable({ months, highlight, monthHref }: { months: SeriesMonth[]; highlight?: string; monthHref?: (month: string) => string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const percent = (value: number) => value.toLocaleString(locale === "en" ? "en-US" : "id-ID", { maximumFractionDigits: 1 });
  return (
    <div className="table-scroll">
      <table className="table series-table">
        <caption className="visually-hidden">{t("graduation.seriesTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("graduation.seriesMonth")}</th>
            <th scope="col">{t("graduation.seriesOrders")}</th>
            <th scope="col">{t("graduation.seriesBusiness")}</th>
            <th scope="col">{t("graduation.seriesOther")}</th>
            <th scope="col">{t("graduation.seriesPerCapita")}</th>
            <th scope="col">{t("graduation.seriesRatio")}</th>
            <th scope="col">{t("graduation.seriesTier")}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month} aria-current={m.month === highlight ? "true" : undefined} className={m.month === highlight ? "series-table__assessed" : undefined}>
              <th scope="row">
                {monthHref ? (
                  <Link to={monthHref(m.month)} aria-label={t("graduation.seriesEvidence", { month: formatMonth(m.month, locale) })}>
                    {formatMonth(m.month, locale, true)}
                  </Link>
                ) : m.partial ? (
                  t("indicators.monthPartial", { month: formatMonth(m.month, locale, true) })
                ) : (
                  formatMonth(m.month, locale, true)
                )}
              </th>
              <td>{m.orders}</td>
              <td>{formatRupiah(m.businessIncomeIdr)}</td>
              <td>{formatRupiah(m.otherIncomeIdr)}</td>
              <td>{formatRupiah(m.perCapitaIdr)}</td>
              <td>{m.ratioPercent === null ? t("graduation.noLine") : `${percent(m.ratioPercent)} %`}</td>
              <td>
                <TierBadge tier={m.tier} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
