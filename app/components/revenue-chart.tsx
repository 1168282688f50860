import { useId } from "react";
import { RevenueChartLines } from "~/components/chart-parts";
import type { RevenueChartGeometry } from "~/models/sales-chart.server";
import type { Granularity, Period } from "~/models/sales-period";
import { formatLocalDate, formatMonth } from "~/utils/dates";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { formatRupiah } from "~/utils/money";

export type ChartRow = { bucket: Period; revenueIdr: number; previousBucket: Period | null; previousRevenueIdr: number | null };

/** How a chart bucket is named: "3 Nov", "3 Nov – 9 Nov", "Nov 2026" (short) or "November 2026". */
export function bucketLabel(bucket: Period, granularity: Granularity, locale: Locale, short = false): string {
  if (granularity === "month") return formatMonth(bucket.from.slice(0, 7), locale, short);
  const from = formatLocalDate(bucket.from, locale, false);
  if (granularity === "day" || short || bucket.from === bucket.to) return from;
  return `${from} – ${formatLocalDate(bucket.to, locale, false)}`;
}

/**
 * Revenue per day, week or month as inline SVG drawn from geometry computed on the server, with the
 * previous period as a dashed second line. Screen readers get the title, a summary and the figures in
 * a table (inside <details>, so sighted users can open it too).
 */
export function RevenueChart({ geometry, rows, granularity }: { geometry: RevenueChartGeometry; rows: ChartRow[]; granularity: Granularity }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const id = useId();
  const unit = t(`sales.chartUnit.${granularity}`);
  const currentTotal = rows.reduce((sum, row) => sum + row.revenueIdr, 0);
  const previousTotal = rows.reduce((sum, row) => sum + (row.previousRevenueIdr ?? 0), 0);
  return (
    <figure className="sales-chart">
      <svg
        className="sales-chart__svg"
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{t("sales.chartTitle", { unit })}</title>
        <desc id={`${id}-desc`}>{t("sales.chartDesc", { current: formatRupiah(currentTotal), previous: formatRupiah(previousTotal) })}</desc>
        <RevenueChartLines geometry={geometry} xLabel={(index) => (rows[index] ? bucketLabel(rows[index].bucket, granularity, locale, true) : null)} />
      </svg>
      <figcaption className="sales-chart__legend">
        <span className="sales-chart__key sales-chart__key--current">{t("sales.legendCurrent")}</span>
        <span className="sales-chart__key sales-chart__key--previous">{t("sales.legendPrevious")}</span>
      </figcaption>
      <details className="sales-chart__data">
        <summary>{t("sales.chartTable")}</summary>
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t("sales.chartTableCaption", { unit })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("sales.bucket")}</th>
                <th scope="col">{t("sales.legendCurrent")}</th>
                <th scope="col">{t("sales.legendPrevious")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.bucket.from}>
                  <th scope="row">{bucketLabel(row.bucket, granularity, locale)}</th>
                  <td>{formatRupiah(row.revenueIdr)}</td>
                  <td>
                    {row.previousBucket && row.previousRevenueIdr !== null
                      ? `${formatRupiah(row.previousRevenueIdr)} (${bucketLabel(row.previousBucket, granularity, locale)})`
                      : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
