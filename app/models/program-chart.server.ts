import { scaleBand, scaleLinear } from "d3-scale";
import { CHART_SIZE } from "./sales-chart.server";

/**
 * Bars for a count per month (graduations on the program dashboard), computed on the server with d3's
 * scales like the sales chart: the page draws them as inline SVG, with no JavaScript in the browser.
 */

const MARGIN = { top: 12, right: 16, bottom: 28, left: 48 } as const;
const MAX_X_LABELS = 4;

export type BarChartGeometry = {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  bars: { x: number; y: number; width: number; height: number; value: number }[];
  yTicks: { y: number; value: number }[];
  xTicks: { x: number; index: number }[];
};

export function barChartGeometry(values: number[]): BarChartGeometry {
  const { width, height } = CHART_SIZE;
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom };
  const round = (value: number) => Math.round(value * 10) / 10;
  const x = scaleBand<number>()
    .domain(values.map((_, index) => index))
    .range([plot.left, plot.right])
    .padding(0.25);
  // An empty year still gets a readable axis (0 to 5).
  const y = scaleLinear()
    .domain([0, Math.max(5, ...values)])
    .nice(4)
    .range([plot.bottom, plot.top]);
  const step = Math.max(1, Math.ceil(values.length / MAX_X_LABELS));
  return {
    width,
    height,
    plot,
    bars: values.map((value, index) => ({
      x: round(x(index) ?? plot.left),
      y: round(y(value)),
      width: round(x.bandwidth()),
      height: round(plot.bottom - y(value)),
      value,
    })),
    yTicks: y
      .ticks(4)
      .filter(Number.isInteger)
      .map((value) => ({ y: round(y(value)), value })),
    xTicks: values
      .map((_, index) => index)
      .filter((index) => index % step === 0)
      .map((index) => ({ x: round((x(index) ?? plot.left) + x.bandwidth() / 2), index })),
  };
}
