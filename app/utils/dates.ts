import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { enUS, id as idLocale } from "date-fns/locale";
import type { Locale } from "./i18n";

const ZONE_ABBREVIATION: Record<string, string> = { "Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" };

/** "WIB", "WITA" or "WIT" for an Indonesian zone (the zone's name otherwise). */
export function zoneAbbreviation(timeZone: string): string {
  return ZONE_ABBREVIATION[timeZone] ?? timeZone;
}

/** A UTC instant shown in an Indonesian time zone, e.g. "29 Nov 2026 14.05 WIB". */
export function formatDateTime(value: Date | string, timeZone: string, locale: Locale): string {
  const zoned = new TZDate(new Date(value), timeZone);
  const text = format(zoned, locale === "en" ? "d MMM yyyy HH:mm" : "d MMM yyyy HH.mm", { locale: locale === "en" ? enUS : idLocale });
  return `${text} ${ZONE_ABBREVIATION[timeZone] ?? timeZone}`;
}

/** A calendar date as written in a form field and a URL: "2026-11-29". */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date of a UTC instant in a time zone (WIB/WITA/WIT). */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return format(new TZDate(instant, timeZone), "yyyy-MM-dd");
}

/** The UTC instant at which a calendar date begins in a time zone (midnight there). */
export function startOfLocalDate(date: LocalDate, timeZone: string): Date {
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: ${date}`);
  const [, y, m, d] = match;
  return new Date(new TZDate(Number(y), Number(m) - 1, Number(d), 0, 0, 0, 0, timeZone).getTime());
}

/** "29 Nov 2026" (or "29 Nov" without the year), a calendar date in the page's language. */
export function formatLocalDate(date: LocalDate, locale: Locale, withYear = true): string {
  const match = LOCAL_DATE.exec(date);
  if (!match) return date;
  const [, y, m, d] = match;
  return format(new Date(Number(y), Number(m) - 1, Number(d)), withYear ? "d MMM yyyy" : "d MMM", { locale: locale === "en" ? enUS : idLocale });
}

/** "November 2026" (or "Nov 2026" when short) for a month key "2026-11". */
export function formatMonth(month: string, locale: Locale, short = false): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return format(new Date(Number(match[1]), Number(match[2]) - 1, 1), short ? "MMM yyyy" : "MMMM yyyy", { locale: locale === "en" ? enUS : idLocale });
}
