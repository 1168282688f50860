import { barChartGeometry } from "~/models/program-chart.server";

describe("graduations bar chart", () => {
  it("draws one bar per month, as tall as its count, on a readable axis", () => {
    const geometry = barChartGeometry([0, 2, 4]);
    expect(geometry.bars).toHaveLength(3);
    expect(geometry.bars.map((bar) => bar.value)).toEqual([0, 2, 4]);
    expect(geometry.bars[0]!.height).toBe(0);
    // Heights are proportional to the counts, and bars stand on the plot's bottom edge.
    expect(geometry.bars[2]!.height).toBeCloseTo(geometry.bars[1]!.height * 2, 0);
    for (const bar of geometry.bars) expect(bar.y + bar.height).toBeCloseTo(geometry.plot.bottom, 0);
    // Left to right, inside the plot.
    expect(geometry.bars[0]!.x).toBeGreaterThanOrEqual(geometry.plot.left);
    expect(geometry.bars[2]!.x + geometry.bars[2]!.width).toBeLessThanOrEqual(geometry.plot.right);
    expect(geometry.bars[1]!.x).toBeGreaterThan(geometry.bars[0]!.x);
  });

  it("keeps an axis up to at least 5 when nothing happened, with whole-number ticks", () => {
    const geometry = barChartGeometry(Array.from({ length: 12 }, () => 0));
    expect(Math.max(...geometry.yTicks.map((tick) => tick.value))).toBeGreaterThanOrEqual(5);
    expect(geometry.yTicks.every((tick) => Number.isInteger(tick.value))).toBe(true);
    expect(geometry.xTicks.map((tick) => tick.index)).toEqual([0, 3, 6, 9]);
  });
});
