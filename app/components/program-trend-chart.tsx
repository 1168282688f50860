import { useId } from "react";
import { ChartGrid, RevenueChartLines } from "~/components/chart-parts";
import type { BarChartGeometry } from "~/models/program-chart.server";
import type { RevenueChartGeometry } from "~/models/sales-chart.server";
import { formatMonth } from "~/utils/dates";
import { INTL_LOCALE } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { formatRupiah } from "~/utils/money";

export type TrendRow = { month: string; graduations: number; orders: number; revenueIdr: number; refundCount: number; refundsIdr: number };

/**
 * The program's last 12 months: graduations per month as bars and goods revenue per month as a line,
 * both drawn from geometry computed on the server, then every figure in a table.
 */
export function ProgramTrendChart({ rows, graduations, sales }: { rows: TrendRow[]; graduations: BarChartGeometry; sales: RevenueChartGeometry }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const id = useId();
  const count = new Intl.NumberFormat(INTL_LOCALE[locale]);
  const first = rows[0]?.month ?? "";
  const last = rows[rows.length - 1]?.month ?? "";
  const totalGraduations = rows.reduce((sum, row) => sum + row.graduations, 0);
  const totalRevenue = rows.reduce((sum, row) => sum + row.revenueIdr, 0);
  return (
    <div className="program-trend">
      <figure className="sales-chart">
        <svg className="sales-chart__svg" viewBox={`0 0 ${graduations.width} ${graduations.height}`} role="img" aria-labelledby={`${id}-g-title`} aria-describedby={`${id}-g-desc`}>
          <title id={`${id}-g-title`}>{t("program.trendGraduationsTitle")}</title>
          <desc id={`${id}-g-desc`}>
            {t("program.trendGraduationsDesc", { count: count.format(totalGraduations), from: formatMonth(first, locale), to: formatMonth(last, locale) })}
          </desc>
          <ChartGrid
            plot={graduations.plot}
            yTicks={graduations.yTicks.map((tick) => ({ y: tick.y, value: tick.value, label: count.format(tick.value) }))}
            xTicks={graduations.xTicks}
            xLabel={(index) => formatMonth(rows[index]?.month ?? "", locale, true)}
          />
          {graduations.bars.map((bar, index) => (
            <rect key={index} className="program-trend__bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
          ))}
        </svg>
        <figcaption className="muted">{t("program.trendGraduationsTitle")}</figcaption>
      </figure>
      <figure className="sales-chart">
        <svg className="sales-chart__svg" viewBox={`0 0 ${sales.width} ${sales.height}`} role="img" aria-labelledby={`${id}-s-title`} aria-describedby={`${id}-s-desc`}>
          <title id={`${id}-s-title`}>{t("program.trendSalesTitle")}</title>
          <desc id={`${id}-s-desc`}>{t("program.trendSalesDesc", { amount: formatRupiah(totalRevenue), from: formatMonth(first, locale), to: formatMonth(last, locale) })}</desc>
          <RevenueChartLines geometry={sales} xLabel={(index) => formatMonth(rows[index]?.month ?? "", locale, true)} />
        </svg>
        <figcaption className="muted">{t("program.trendSalesTitle")}</figcaption>
      </figure>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{t("program.trendTableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("program.month")}</th>
              <th scope="col" className="num">
                {t("program.graduations")}
              </th>
              <th scope="col" className="num">
                {t("program.orders")}
              </th>
              <th scope="col" className="num">
                {t("program.revenue")}
              </th>
              <th scope="col" className="num">
                {t("program.refunds")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.month}>
                <th scope="row">{formatMonth(row.month, locale)}</th>
                <td className="num">{count.format(row.graduations)}</td>
                <td className="num">{count.format(row.orders)}</td>
                <td className="num">{formatRupiah(row.revenueIdr)}</td>
                <td className="num">
                  {formatRupiah(row.refundsIdr)} ({count.format(row.refundCount)})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
