import { scaleLinear } from "d3-scale";
import { curveMonotoneX, line } from "d3-shape";

/**
 * The revenue chart's geometry, computed on the server with d3's scales and line generator and drawn
 * by React as inline SVG: the page shows it without JavaScript and d3 never reaches the browser.
 * Coordinates are in the SVG's viewBox units; the component scales it to the screen's width.
 */

// Narrow enough that its 13-unit labels stay readable when a phone scales it down.
export const CHART_SIZE = { width: 400, height: 240 } as const;
const MARGIN = { top: 12, right: 16, bottom: 28, left: 76 } as const;
const MAX_X_LABELS = 4;

export type ChartPoint = { x: number; y: number };

export type RevenueChartGeometry = {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  currentPath: string;
  previousPath: string | null;
  /** Dots on the current series, drawn when there are few enough to tell apart. */
  currentPoints: ChartPoint[];
  yTicks: { y: number; valueIdr: number }[];
  /** Which buckets get a label under the x axis, and where. */
  xTicks: { x: number; index: number }[];
};

/** `current[i]` and `previous[i]` are the revenue of bucket i of each period; a missing previous bucket is null. */
export function revenueChartGeometry(current: number[], previous: (number | null)[]): RevenueChartGeometry {
  const { width, height } = CHART_SIZE;
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom };
  const count = Math.max(current.length, 1);
  // An empty period still gets a readable axis (Rp0 to Rp10.000).
  const highest = Math.max(10_000, ...current, ...previous.filter((value): value is number => value !== null));
  // A single bucket sits in the middle rather than on the left edge.
  const x = scaleLinear().domain(count === 1 ? [-1, 1] : [0, count - 1]).range([plot.left, plot.right]);
  const y = scaleLinear().domain([0, highest]).nice(4).range([plot.bottom, plot.top]);
  const round = (value: number) => Math.round(value * 10) / 10;

  const toPoints = (values: (number | null)[]): ChartPoint[] =>
    values.flatMap((value, index) => (value === null ? [] : [{ x: round(x(index)), y: round(y(value)) }]));
  const path = line<ChartPoint>()
    .x((p) => p.x)
    .y((p) => p.y)
    .curve(curveMonotoneX);

  const currentPoints = toPoints(current);
  const previousPoints = toPoints(previous);
  const step = Math.max(1, Math.ceil(count / MAX_X_LABELS));
  const xTicks = current.map((_, index) => index).filter((index) => index % step === 0).map((index) => ({ x: round(x(index)), index }));

  return {
    width,
    height,
    plot,
    currentPath: path(currentPoints) ?? "",
    previousPath: previousPoints.length > 0 ? (path(previousPoints) ?? null) : null,
    currentPoints: currentPoints.length <= 31 ? currentPoints : [],
    yTicks: y.ticks(4).filter(Number.isInteger).map((valueIdr) => ({ y: round(y(valueIdr)), valueIdr })),
    xTicks,
  };
}
