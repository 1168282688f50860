import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { enUS, id as idLocale } from "date-fns/locale";
import type { Locale } from "./i18n";

const ZONE_ABBREVIATION: Record<string, string> = { "Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" };

/** A UTC instant shown in an Indonesian time zone, e.g. "29 Nov 2026 14.05 WIB". */
export function formatDateTime(value: Date | string, timeZone: string, locale: Locale): string {
  const zoned = new TZDate(new Date(value), timeZone);
  const text = format(zoned, locale === "en" ? "d MMM yyyy HH:mm" : "d MMM yyyy HH.mm", { locale: locale === "en" ? enUS : idLocale });
  return `${text} ${ZONE_ABBREVIATION[timeZone] ?? timeZone}`;
}
