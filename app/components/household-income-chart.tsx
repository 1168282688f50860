import { useId } from "react";
import { RevenueChartLines } from "~/components/chart-parts";
import type { RevenueChartGeometry } from "~/models/sales-chart.server";
import { formatMonth } from "~/utils/dates";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";

/**
 * A household's monthly net income (solid) and its stores' sales (dashed) as inline SVG, from geometry
 * computed on the server with the sales chart's helpers: it shows without JavaScript. The figures
 * themselves are in the table next to it.
 */
export function HouseholdIncomeChart({ geometry, months, tableId }: { geometry: RevenueChartGeometry; months: string[]; tableId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const id = useId();
  return (
    <figure className="sales-chart">
      <svg className="sales-chart__svg" viewBox={`0 0 ${geometry.width} ${geometry.height}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={tableId}>
        <title id={`${id}-title`}>{t("households.chartTitle")}</title>
        <RevenueChartLines geometry={geometry} xLabel={(index) => (months[index] ? formatMonth(months[index], locale, true) : null)} />
      </svg>
      <figcaption className="sales-chart__legend">
        <span className="sales-chart__key sales-chart__key--current">{t("households.chartIncome")}</span>
        <span className="sales-chart__key sales-chart__key--previous">{t("households.chartSales")}</span>
      </figcaption>
    </figure>
  );
}
