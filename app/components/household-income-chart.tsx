import { useId } from "react";
import type { RevenueChartGeometry } from "~/models/sales-chart.server";
import { formatMonth } from "~/utils/dates";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { formatRupiahCompact } from "~/utils/money";

/**
 * A household's monthly net income (solid) and its stores' sales (dashed) as inline SVG, from geometry
 * computed on the server with the sales chart's helpers: it shows without JavaScript. The figures
 * themselves are in the table next to it.
 */
export function HouseholdIncomeChart({ geometry, months, tableId }: { geometry: RevenueChartGeometry; months: string[]; tableId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const id = useId();
  const { plot } = geometry;
  return (
    <figure className="sales-chart">
      <svg className="sales-chart__svg" viewBox={`0 0 ${geometry.width} ${geometry.height}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={tableId}>
        <title id={`${id}-title`}>{t("households.chartTitle")}</title>
        <g className="sales-chart__grid" aria-hidden="true">
          {geometry.yTicks.map((tick) => (
            <g key={tick.valueIdr}>
              <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} />
              <text x={plot.left - 6} y={tick.y} dy="0.32em" textAnchor="end">
                {formatRupiahCompact(tick.valueIdr, locale)}
              </text>
            </g>
          ))}
          {geometry.xTicks.map((tick) => {
            const month = months[tick.index];
            return month ? (
              <text key={tick.index} x={tick.x} y={plot.bottom + 18} textAnchor="middle">
                {formatMonth(month, locale, true)}
              </text>
            ) : null;
          })}
        </g>
        {geometry.previousPath ? <path className="sales-chart__previous" d={geometry.previousPath} /> : null}
        <path className="sales-chart__current" d={geometry.currentPath} />
        {geometry.currentPoints.map((point, index) => (
          <circle key={index} className="sales-chart__dot" cx={point.x} cy={point.y} r={3} />
        ))}
      </svg>
      <figcaption className="sales-chart__legend">
        <span className="sales-chart__key sales-chart__key--current">{t("households.chartIncome")}</span>
        <span className="sales-chart__key sales-chart__key--previous">{t("households.chartSales")}</span>
      </figcaption>
    </figure>
  );
}
