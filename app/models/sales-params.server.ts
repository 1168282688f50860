import { z } from "zod";
import { isCalendarDate, MAX_PERIOD_DAYS, periodDays, presetPeriod, type Period, type PeriodKind } from "~/models/sales-period";
import type { LocalDate } from "~/utils/dates";
import { EXPORT_PARAM, PERIOD_PARAM, type ExportKind } from "~/utils/sales-url";

// Server only (zod stays out of the browser). Messages are translation keys of app/locales/sales.ts.

const kindByParam = new Map(Object.entries(PERIOD_PARAM).map(([kind, param]) => [param, kind as PeriodKind]));

const exportByParam = new Map(Object.entries(EXPORT_PARAM).map(([kind, param]) => [param, kind as ExportKind]));

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

const querySchema = z.object({
  store: optionalText(64),
  periode: optionalText(20),
  from: optionalText(20),
  to: optionalText(20),
  jenis: optionalText(20),
});

/** What the seller asked for, as typed: shown again in the form next to an error. */
export type SalesQueryEcho = { storeId: string | null; kind: PeriodKind; from: string; to: string };

export type ResolvedSalesQuery =
  | { ok: true; echo: SalesQueryEcho; kind: PeriodKind; period: Period; exportKind: ExportKind }
  | { ok: false; echo: SalesQueryEcho; error: string };

/** The store asked for in the URL, if any; checked against the seller's own stores by the caller. */
export function requestedStoreId(params: URLSearchParams): string | null {
  const parsed = querySchema.safeParse(Object.fromEntries(params));
  return parsed.success ? (parsed.data.store ?? null) : null;
}

/**
 * Reads `periode`, `from`, `to` (and `jenis` for the export) against the store's today. Dates given
 * without `periode` mean a chosen range; with neither, the fallback period (or preset) applies, also
 * when the range tab is opened without dates. A range needs both dates, real ones, the first not after the
 * second, at most two years apart.
 */
export function resolveSalesQuery(params: URLSearchParams, today: LocalDate, fallback: PeriodKind | Period): ResolvedSalesQuery {
  const defaultKind: PeriodKind = typeof fallback === "string" ? fallback : "range";
  const parsed = querySchema.safeParse(Object.fromEntries(params));
  const fallbackEcho: SalesQueryEcho = { storeId: null, kind: defaultKind, from: "", to: "" };
  if (!parsed.success) return { ok: false, echo: fallbackEcho, error: "sales.errorBadRequest" };
  const input = parsed.data;
  const datesGiven = input.from !== undefined || input.to !== undefined;
  const kind = input.periode ? kindByParam.get(input.periode) : datesGiven ? "range" : defaultKind;
  const echo: SalesQueryEcho = { storeId: input.store ?? null, kind: kind ?? "range", from: input.from ?? "", to: input.to ?? "" };
  if (!kind) return { ok: false, echo, error: "sales.errorPeriodKind" };
  const exportKind = input.jenis ? exportByParam.get(input.jenis) : "orders";
  if (!exportKind) return { ok: false, echo, error: "sales.errorExportKind" };
  if (kind !== "range") return { ok: true, echo, kind, period: presetPeriod(kind, today), exportKind };
  if (!datesGiven) {
    // The "choose dates" tab opened without dates: start from the default period, ready to change.
    const period = typeof fallback === "string" ? presetPeriod(fallback === "range" ? "month" : fallback, today) : fallback;
    return { ok: true, echo: { ...echo, from: period.from, to: period.to }, kind, period, exportKind };
  }

  if (!input.from || !input.to) return { ok: false, echo, error: "sales.errorDatesRequired" };
  if (!isCalendarDate(input.from) || !isCalendarDate(input.to)) return { ok: false, echo, error: "sales.errorDateInvalid" };
  const period = { from: input.from, to: input.to };
  if (period.from > period.to) return { ok: false, echo, error: "sales.errorDateOrder" };
  if (periodDays(period) > MAX_PERIOD_DAYS) return { ok: false, echo, error: "sales.errorPeriodTooLong" };
  return { ok: true, echo, kind, period, exportKind };
}
