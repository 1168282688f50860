import { Link } from "@remix-run/react";
import { IndicatorExplainer, MonthIndicatorFacts } from "~/components/indicators/indicators";
import type { MonthIndicators, ReadinessPolicy } from "~/models/indicators.server";
import { formatMonth } from "~/utils/dates";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";

/** The previous / next month links of an evidence page; a `null` month has no link (outside what the reader may open). */
export function EvidenceMonthNav({ label, base, previous, next }: { label: string; base: string; previous: string | null; next: string | null }) {
  const { i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <nav className="button-row" aria-label={label}>
      {previous ? (
        <Link to={`${base}/${previous}`} className="button">
          ‹ {formatMonth(previous, locale)}
        </Link>
      ) : null}
      {next ? (
        <Link to={`${base}/${next}`} className="button">
          {formatMonth(next, locale)} ›
        </Link>
      ) : null}
    </nav>
  );
}

/** The month's computed figures under the evidence, with how they are computed. */
export function EvidenceResult({
  id,
  title,
  month,
  policy,
  timeZone,
  provinceName,
}: {
  id: string;
  title: string;
  month: MonthIndicators;
  policy: ReadinessPolicy;
  timeZone: string;
  provinceName?: string;
}) {
  return (
    <section aria-labelledby={id} className="card stack">
      <h2 id={id}>{title}</h2>
      <MonthIndicatorFacts month={month} policy={policy} provinceName={provinceName} />
      <IndicatorExplainer policy={policy} timeZone={timeZone} />
    </section>
  );
}

/** Right-aligned column headers of an evidence table, one per catalog key. */
export function NumberColumnHeaders({ keys }: { keys: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {keys.map((key) => (
        <th key={key} scope="col" className="num">
          {t(key)}
        </th>
      ))}
    </>
  );
}
