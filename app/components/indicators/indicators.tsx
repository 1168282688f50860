import { Link } from "@remix-run/react";
import type { MonthIndicators, ReadinessPolicy, ReadinessTier } from "~/models/indicators.server";
import { formatMonth, zoneAbbreviation } from "~/utils/dates";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { formatRupiah } from "~/utils/money";

/** A readiness tier as a coloured label; `null` (no poverty line) reads "cannot be computed". */
export function TierBadge({ tier }: { tier: ReadinessTier | null }) {
  const { t } = useTranslation();
  return <span className={`tier-badge tier-badge--${(tier ?? "UNKNOWN").toLowerCase()}`}>{t(`indicators.tier.${tier ?? "UNKNOWN"}`)}</span>;
}

/** "How is this computed?": the formula in plain words, with the program's current thresholds. */
export function IndicatorExplainer({ policy, timeZone, open = false }: { policy: ReadinessPolicy; timeZone: string; open?: boolean }) {
  const { t } = useTranslation();
  const lines = [
    t("indicators.howMonth", { zone: zoneAbbreviation(timeZone) }),
    t("indicators.howBusiness"),
    t("indicators.howKube"),
    t("indicators.howOther"),
    t("indicators.howPerCapita"),
    t("indicators.howLine"),
    t("indicators.howRatio"),
    t("indicators.howTiers", {
      developing: String(policy.developingPercent),
      approaching: String(policy.approachingPercent),
      ready: String(policy.readyPercent),
      months: String(policy.readyMonths),
    }),
    t("indicators.howPolicy"),
    t("indicators.howWage"),
  ];
  return (
    <details className="indicator-how" open={open}>
      <summary>{t("indicators.howTitle")}</summary>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </details>
  );
}

/** The plain error shown when no poverty line applies (never a zero). */
export function PovertyLineMissing({ missing, provinceName }: { missing: NonNullable<MonthIndicators["povertyLineMissing"]>; provinceName?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="notice notice--warning" role="alert">
      {t("indicators.missingLine", {
        province: provinceName ?? missing.provinceCode,
        area: t(`indicators.area.${missing.area}`),
        month: formatMonth(missing.month, i18n.language as Locale),
      })}
    </p>
  );
}

const percent = (value: number, locale: Locale) => value.toLocaleString(locale === "en" ? "en-US" : "id-ID", { maximumFractionDigits: 1 });

/** One month's figures as a definition list, each with what it is made of; `evidenceHref` links the orders and refunds. */
export function MonthIndicatorFacts({
  month,
  policy,
  provinceName,
  evidenceHref,
}: {
  month: MonthIndicators;
  policy: ReadinessPolicy;
  provinceName?: string;
  evidenceHref?: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const monthName = formatMonth(month.month, locale);
  return (
    <div className="indicator-facts">
      <h3>{month.partial ? t("indicators.monthPartial", { month: monthName }) : monthName}</h3>
      {month.partial ? <p className="field__hint">{t("indicators.partialNote")}</p> : null}
      {month.povertyLineMissing ? <PovertyLineMissing missing={month.povertyLineMissing} provinceName={provinceName} /> : null}
      <dl className="facts">
        <dt>{t("indicators.tierLabel")}</dt>
        <dd>
          <TierBadge tier={month.tier} />
        </dd>
        <dt>{t("indicators.orders")}</dt>
        <dd>{month.orders}</dd>
        <dt>{t("indicators.businessIncome")}</dt>
        <dd>{formatRupiah(month.businessIncomeIdr)}</dd>
        <dt>{t("indicators.otherIncome")}</dt>
        <dd>{month.otherIncomeAssessmentId === null && month.otherIncomeIdr === 0 ? t("indicators.otherIncomeNone") : formatRupiah(month.otherIncomeIdr)}</dd>
        <dt>{t("indicators.totalIncome")}</dt>
        <dd>{formatRupiah(month.totalIncomeIdr)}</dd>
        <dt>{t("indicators.members")}</dt>
        <dd>{month.memberCount}</dd>
        <dt>{t("indicators.perCapita")}</dt>
        <dd>{formatRupiah(month.perCapitaIdr)}</dd>
        {month.povertyLine ? (
          <>
            <dt>{t("indicators.povertyLine")}</dt>
            <dd>
              {formatRupiah(month.povertyLine.amountIdr)}
              <br />
              <small>
                {t("indicators.povertyLineOf", {
                  area: t(`indicators.area.${month.povertyLine.area}`),
                  province: provinceName ?? month.povertyLine.provinceCode,
                  period: formatMonth(month.povertyLine.period, locale),
                })}
                <br />
                {t("indicators.povertyLineSource", { source: month.povertyLine.source })}
              </small>
            </dd>
            <dt>{t("indicators.ratio")}</dt>
            <dd>{t("indicators.ratioValue", { percent: percent(month.ratioPercent ?? 0, locale) })}</dd>
            <dt>{t("indicators.streak")}</dt>
            <dd>{t("indicators.streakValue", { count: String(month.readyStreak), needed: String(policy.readyMonths) })}</dd>
          </>
        ) : null}
        <dt>{month.minimumWage ? t("indicators.wage", { year: String(month.minimumWage.year) }) : t("indicators.wage", { year: month.month.slice(0, 4) })}</dt>
        <dd>
          {month.minimumWage && month.wageRatioPercent !== null ? (
            <>
              {t("indicators.ratioValue", { percent: percent(month.wageRatioPercent, locale) })} ({formatRupiah(month.minimumWage.amountIdr)})
              <br />
              <small>{t("indicators.povertyLineSource", { source: month.minimumWage.source })}</small>
            </>
          ) : (
            t("indicators.wageUnknown")
          )}
        </dd>
      </dl>
      {evidenceHref ? (
        <p>
          <Link to={evidenceHref} className="button">
            {t("indicators.evidence")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
