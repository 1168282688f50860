import type { LocalDate } from "~/utils/dates";

/**
 * Reporting periods as calendar dates of the store's own time zone, both ends included. Pure calendar
 * arithmetic on "YYYY-MM-DD" strings; turning a date into a UTC instant is `startOfLocalDate`.
 */
export type Period = { from: LocalDate; to: LocalDate };
export type PeriodKind = "today" | "week" | "month" | "range";
export type Granularity = "day" | "week" | "month";

/** The longest period a seller may ask for: two years (and a leap day). */
export const MAX_PERIOD_DAYS = 731;

const DAY_MS = 24 * 60 * 60 * 1000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcDay(date: LocalDate): number {
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function fromUtcDay(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whether the text is a real calendar date between the years 2000 and 2100 ("2026-02-30" is not). */
export function isCalendarDate(text: string): boolean {
  const match = LOCAL_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return false;
  return fromUtcDay(toUtcDay(text)) === text;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcDay(toUtcDay(date) + days * DAY_MS);
}

/** Days from `from` to `to`: 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtcDay(to) - toUtcDay(from)) / DAY_MS);
}

export function periodDays(period: Period): number {
  return daysBetween(period.from, period.to) + 1;
}

function lastDayOfMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** The Monday of the date's week (Indonesian calendars start the week on Monday). */
export function mondayOf(date: LocalDate): LocalDate {
  const weekday = new Date(toUtcDay(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** Today, this week from Monday, or this month from the 1st; each ends today. */
export function presetPeriod(kind: Exclude<PeriodKind, "range">, today: LocalDate): Period {
  if (kind === "today") return { from: today, to: today };
  if (kind === "week") return { from: mondayOf(today), to: today };
  return { from: `${today.slice(0, 7)}-01`, to: today };
}

/** The statement's default: the last six calendar months, this one included, up to today. */
export function recentMonths(today: LocalDate, count = 6): Period {
  let [year, month] = today.split("-").map(Number) as [number, number];
  month -= count - 1;
  while (month < 1) {
    month += 12;
    year -= 1;
  }
  return { from: `${year}-${String(month).padStart(2, "0")}-01`, to: today };
}

/**
 * The period figures are compared with, of the same length: yesterday for today, the same weekdays of
 * last week for this week, the same days of last month for this month (up to its last day when it is
 * shorter), and the days just before a chosen range.
 */
export function previousPeriod(period: Period, kind: PeriodKind): Period {
  if (kind === "today" || kind === "week") {
    const shift = kind === "today" ? 1 : 7;
    return { from: addDays(period.from, -shift), to: addDays(period.to, -shift) };
  }
  if (kind === "month") {
    const [year, month, day] = period.to.split("-").map(Number) as [number, number, number];
    const prevYear = month === 1 ? year - 1 : year;
    const prevMonthIndex = month === 1 ? 11 : month - 2;
    const lastDay = Math.min(day, lastDayOfMonth(prevYear, prevMonthIndex));
    const prefix = `${prevYear}-${String(prevMonthIndex + 1).padStart(2, "0")}`;
    return { from: `${prefix}-01`, to: `${prefix}-${String(lastDay).padStart(2, "0")}` };
  }
  const length = periodDays(period);
  return { from: addDays(period.from, -length), to: addDays(period.from, -1) };
}

/** A point of the chart per day up to two months, per week up to a year, per month beyond. */
export function granularityFor(period: Period): Granularity {
  const days = periodDays(period);
  if (days <= 62) return "day";
  if (days <= 366) return "week";
  return "month";
}

/**
 * The period cut into chart buckets: single days, runs of seven days from the first day (the last may
 * be shorter), or calendar months (the first and last clipped to the period).
 */
export function bucketsOf(period: Period, granularity: Granularity): Period[] {
  const buckets: Period[] = [];
  if (granularity === "month") {
    for (const month of monthsOf(period)) {
      const start = `${month}-01` < period.from ? period.from : `${month}-01`;
      const [year, monthNumber] = month.split("-").map(Number) as [number, number];
      const end = `${month}-${String(lastDayOfMonth(year, monthNumber - 1)).padStart(2, "0")}`;
      buckets.push({ from: start, to: end > period.to ? period.to : end });
    }
    return buckets;
  }
  const step = granularity === "day" ? 1 : 7;
  for (let start = period.from; start <= period.to; start = addDays(start, step)) {
    const end = addDays(start, step - 1);
    buckets.push({ from: start, to: end > period.to ? period.to : end });
  }
  return buckets;
}

/** The calendar months ("YYYY-MM") a period touches, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let [year, month] = period.from.split("-").map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
}

