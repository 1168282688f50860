/**
 * Household rules shared by the server and the pages (no zod here, so the browser may import it).
 */

export const MAX_HOUSEHOLD_MEMBERS = 30;

export const HOUSEHOLD_STATUSES = ["ACTIVE", "PROPOSED", "GRADUATED"] as const;
/** The list's readiness filter: a tier, or "UNKNOWN" when the poverty line is missing. */
export const READINESS_FILTERS = ["INACTIVE", "GROWING", "DEVELOPING", "APPROACHING", "READY", "UNKNOWN"] as const;
export type ReadinessFilter = (typeof READINESS_FILTERS)[number];

/** Spaces, dots, dashes and slashes people type between groups of digits. */
const SEPARATORS = /[\s.\-/]/g;

/**
 * True when a typed reference is a national ID number (NIK): 16 digits, however they are grouped.
 * The NIK is never stored; the form refuses it with its own message.
 */
export function looksLikeNik(value: string): boolean {
  return /^\d{16}$/.test(value.replace(SEPARATORS, "")) || containsNik(value);
}

/**
 * A run of 16 digits anywhere in a text, with at most one space, dot, slash, underscore or dash between
 * two digits ("3204 0112 0385 0001", "3204/0112/0385/0001", "NIK3204011203850001"). Longer runs count
 * too. Free-text fields refuse it: the NIK is never stored, not even in a note.
 */
const NIK_RUN = /(?<!\d)(?:\d[\s./_-]?){15}\d/;

export function containsNik(text: string): boolean {
  return NIK_RUN.test(text);
}
