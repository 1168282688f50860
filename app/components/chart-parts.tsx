import type { RevenueChartGeometry } from "~/models/sales-chart.server";
import { useTranslation } from "~/utils/i18n-react";
import { formatRupiahCompact } from "~/utils/money";

/**
 * The grid of a chart drawn on the server: a line and its value at each y tick, a label under each
 * x tick (none where `xLabel` gives null). Hidden from screen readers: the figures are in a table.
 */
export function ChartGrid({
  plot,
  yTicks,
  xTicks,
  xLabel,
}: {
  plot: { left: number; right: number; bottom: number };
  yTicks: { y: number; value: number; label: string }[];
  xTicks: { x: number; index: number }[];
  xLabel: (index: number) => string | null;
}) {
  return (
    <g className="sales-chart__grid" aria-hidden="true">
      {yTicks.map((tick) => (
        <g key={tick.value}>
          <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} />
          <text x={plot.left - 6} y={tick.y} dy="0.32em" textAnchor="end">
            {tick.label}
          </text>
        </g>
      ))}
      {xTicks.map((tick) => {
        const label = xLabel(tick.index);
        return label === null ? null : (
          <text key={tick.index} x={tick.x} y={plot.bottom + 18} textAnchor="middle">
            {label}
          </text>
        );
      })}
    </g>
  );
}

/** A Rupiah line chart's grid, its dashed comparison line (when there is one), its line and dots. */
export function RevenueChartLines({ geometry, xLabel }: { geometry: RevenueChartGeometry; xLabel: (index: number) => string | null }) {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <>
      <ChartGrid
        plot={geometry.plot}
        yTicks={geometry.yTicks.map((tick) => ({ y: tick.y, value: tick.valueIdr, label: formatRupiahCompact(tick.valueIdr, locale) }))}
        xTicks={geometry.xTicks}
        xLabel={xLabel}
      />
      {geometry.previousPath ? <path className="sales-chart__previous" d={geometry.previousPath} /> : null}
      <path className="sales-chart__current" d={geometry.currentPath} />
      {geometry.currentPoints.map((point, index) => (
        <circle key={index} className="sales-chart__dot" cx={point.x} cy={point.y} r={3} />
      ))}
    </>
  );
}
