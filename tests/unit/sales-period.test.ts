import { revenueChartGeometry } from "~/models/sales-chart.server";
import { resolveSalesQuery } from "~/models/sales-params.server";
import { bucketsOf, granularityFor, isCalendarDate, mondayOf, presetPeriod, previousPeriod, recentMonths } from "~/models/sales-period";
import { localDateOf, startOfLocalDate } from "~/utils/dates";

describe("reporting periods", () => {
  // 29 November 2026 is a Sunday; 11 November a Wednesday.
  it("starts the week on Monday and the month on the 1st, each ending today", () => {
    expect(mondayOf("2026-11-29")).toBe("2026-11-23");
    expect(mondayOf("2026-11-23")).toBe("2026-11-23");
    expect(presetPeriod("today", "2026-11-11")).toEqual({ from: "2026-11-11", to: "2026-11-11" });
    expect(presetPeriod("week", "2026-11-11")).toEqual({ from: "2026-11-09", to: "2026-11-11" });
    expect(presetPeriod("month", "2026-11-11")).toEqual({ from: "2026-11-01", to: "2026-11-11" });
  });

  it("compares with a previous period of the same length", () => {
    expect(previousPeriod({ from: "2026-11-11", to: "2026-11-11" }, "today")).toEqual({ from: "2026-11-10", to: "2026-11-10" });
    expect(previousPeriod({ from: "2026-11-09", to: "2026-11-11" }, "week")).toEqual({ from: "2026-11-02", to: "2026-11-04" });
    expect(previousPeriod({ from: "2026-11-01", to: "2026-11-29" }, "month")).toEqual({ from: "2026-10-01", to: "2026-10-29" });
    expect(previousPeriod({ from: "2026-01-01", to: "2026-01-15" }, "month")).toEqual({ from: "2025-12-01", to: "2025-12-15" });
    // A shorter previous month ends on its last day.
    expect(previousPeriod({ from: "2027-03-01", to: "2027-03-31" }, "month")).toEqual({ from: "2027-02-01", to: "2027-02-28" });
    expect(previousPeriod({ from: "2028-03-01", to: "2028-03-30" }, "month")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(previousPeriod({ from: "2026-11-01", to: "2026-11-15" }, "range")).toEqual({ from: "2026-10-17", to: "2026-10-31" });
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-01" }, "range")).toEqual({ from: "2026-02-28", to: "2026-02-28" });
  });

  it("cuts a period into days, runs of seven days or calendar months", () => {
    expect(granularityFor({ from: "2026-10-01", to: "2026-12-01" })).toBe("day"); // 62 days
    expect(granularityFor({ from: "2026-10-01", to: "2026-12-02" })).toBe("week");
    expect(granularityFor({ from: "2025-12-01", to: "2026-11-30" })).toBe("week"); // 365 days
    expect(granularityFor({ from: "2025-01-01", to: "2026-11-30" })).toBe("month");
    expect(bucketsOf({ from: "2026-11-01", to: "2026-11-16" }, "week")).toEqual([
      { from: "2026-11-01", to: "2026-11-07" },
      { from: "2026-11-08", to: "2026-11-14" },
      { from: "2026-11-15", to: "2026-11-16" },
    ]);
    expect(bucketsOf({ from: "2026-11-15", to: "2027-02-10" }, "month")).toEqual([
      { from: "2026-11-15", to: "2026-11-30" },
      { from: "2026-12-01", to: "2026-12-31" },
      { from: "2027-01-01", to: "2027-01-31" },
      { from: "2027-02-01", to: "2027-02-10" },
    ]);
    expect(bucketsOf({ from: "2026-11-29", to: "2026-11-29" }, "day")).toEqual([{ from: "2026-11-29", to: "2026-11-29" }]);
  });

  it("defaults the statement to the last six months, this one included", () => {
    expect(recentMonths("2026-11-29")).toEqual({ from: "2026-06-01", to: "2026-11-29" });
    expect(recentMonths("2026-03-05")).toEqual({ from: "2025-10-01", to: "2026-03-05" });
  });

  it("knows real calendar dates only", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    for (const text of ["2026-02-29", "2026-13-01", "2026-11-31", "26-11-01", "2026-1-1", "1999-12-31", "2026-11-01T00:00", ""]) {
      expect(isCalendarDate(text), text).toBe(false);
    }
  });

  it("turns a calendar date into the instant it starts in WIB, WITA and WIT", () => {
    expect(startOfLocalDate("2026-12-01", "Asia/Jakarta").toISOString()).toBe("2026-11-30T17:00:00.000Z");
    expect(startOfLocalDate("2026-12-01", "Asia/Makassar").toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(startOfLocalDate("2026-12-01", "Asia/Jayapura").toISOString()).toBe("2026-11-30T15:00:00.000Z");
    expect(localDateOf(new Date("2026-11-30T16:30:00Z"), "Asia/Jakarta")).toBe("2026-11-30");
    expect(localDateOf(new Date("2026-11-30T16:30:00Z"), "Asia/Makassar")).toBe("2026-12-01");
  });
});

describe("the sales pages' query string", () => {
  const today = "2026-11-29";
  const resolve = (query: string, fallback: Parameters<typeof resolveSalesQuery>[2] = "month") => resolveSalesQuery(new URLSearchParams(query), today, fallback);

  it("reads the period tabs and chosen dates", () => {
    expect(resolve("")).toMatchObject({ ok: true, kind: "month", period: { from: "2026-11-01", to: today }, exportKind: "orders" });
    expect(resolve("periode=hari-ini")).toMatchObject({ ok: true, kind: "today", period: { from: today, to: today } });
    expect(resolve("periode=minggu-ini")).toMatchObject({ ok: true, kind: "week", period: { from: "2026-11-23", to: today } });
    expect(resolve("from=2026-01-01&to=2026-03-31&jenis=barang")).toMatchObject({ ok: true, kind: "range", period: { from: "2026-01-01", to: "2026-03-31" }, exportKind: "items" });
    expect(resolve("", { from: "2026-06-01", to: today })).toMatchObject({ ok: true, kind: "range", period: { from: "2026-06-01", to: today } });
    // The range tab without dates starts from this month, ready to change.
    expect(resolve("periode=pilih-tanggal")).toMatchObject({ ok: true, kind: "range", period: { from: "2026-11-01", to: today }, echo: { from: "2026-11-01", to: today } });
    // Two years and a day (room for a leap day), 731 days, is the longest period.
    expect(resolve("from=2024-11-28&to=2026-11-28")).toMatchObject({ ok: true });
  });

  it.each([
    ["periode=kemarin", "sales.errorPeriodKind"],
    ["jenis=semua", "sales.errorExportKind"],
    ["periode=pilih-tanggal&to=2026-11-01", "sales.errorDatesRequired"],
    ["from=2026-11-01", "sales.errorDatesRequired"],
    ["from=2026-02-30&to=2026-03-01", "sales.errorDateInvalid"],
    ["from=01/11/2026&to=2026-11-02", "sales.errorDateInvalid"],
    ["from=2026-11-10&to=2026-11-01", "sales.errorDateOrder"],
    ["from=2024-11-27&to=2026-11-28", "sales.errorPeriodTooLong"],
    ["from=<5,000 digits>&to=2026-11-01", "sales.errorBadRequest"],
  ])("refuses %s with a clear message", (query, error) => {
    expect(resolve(query.replace("<5,000 digits>", "9".repeat(5000)))).toMatchObject({ ok: false, error });
  });
});

describe("the revenue chart's geometry", () => {
  it("draws both periods as paths inside the plot, with Rupiah ticks from zero", () => {
    const chart = revenueChartGeometry([0, 50_000, 120_000, 30_000], [10_000, 0, 40_000, null]);
    expect(chart.currentPath).toMatch(/^M[\d.]+,[\d.]+C/);
    expect(chart.previousPath).toMatch(/^M/);
    expect(chart.currentPoints).toHaveLength(4);
    const ys = chart.currentPoints.map((p) => p.y);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(chart.plot.top);
    expect(Math.max(...ys)).toBe(chart.plot.bottom); // the zero day sits on the axis
    expect(chart.currentPoints[0]!.x).toBe(chart.plot.left);
    expect(chart.currentPoints[3]!.x).toBe(chart.plot.right);
    expect(chart.yTicks[0]).toEqual({ y: chart.plot.bottom, valueIdr: 0 });
    expect(chart.yTicks.at(-1)!.valueIdr).toBeGreaterThanOrEqual(120_000);
    expect(chart.xTicks.map((tick) => tick.index)).toEqual([0, 1, 2, 3]);
  });

  it("still draws a readable empty chart and a single day", () => {
    const empty = revenueChartGeometry([0], [0]);
    expect(empty.currentPoints).toEqual([{ x: (empty.plot.left + empty.plot.right) / 2, y: empty.plot.bottom }]);
    expect(empty.yTicks.map((tick) => tick.valueIdr)).toEqual([0, 2_000, 4_000, 6_000, 8_000, 10_000]);
  });
});
