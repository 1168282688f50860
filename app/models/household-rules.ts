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

const TOKEN = /(\d+)|([\s./_,\-\u2013\u2014]+)|([^\d\s./_,\-\u2013\u2014]+)/g;

/** The kind of a separator between two digit groups: a line break, spaces, or its punctuation. */
function separatorKind(separator: string): string {
  if (separator.includes("\n")) return "newline";
  const punctuation = separator.replace(/\s+/g, "");
  return punctuation === "" ? "space" : punctuation;
}

/**
 * Whether a text holds an NIK (16 digits): a group of exactly 16 digits ("3204011203850001",
 * "NIK3204011203850001"), or consecutive digit groups joined by one kind of separator that add up to
 * exactly 16 digits ("3204 0112 0385 0001", "3204/0112/0385/0001", "3204 - 0112 - 0385 - 0001",
 * "32040112" + line break + "03850001"). Ordinary numbers are left alone: phone numbers (12–13 digits,
 * also two of them on one line with different separators), money ("1.500.000"), dates and RT/RW.
 * Free-text fields refuse it: the NIK is never stored, not even in a note.
 */
export function containsNik(text: string): boolean {
  // Runs of digit groups; anything that is neither a digit nor a separator ends a run.
  const runs: { length: number; kind: string | null }[][] = [];
  let run: { length: number; kind: string | null }[] = [];
  let pendingKind: string | null = null;
  for (const match of text.matchAll(TOKEN)) {
    const [, digits, separator] = match;
    if (digits) {
      if (digits.length === 16) return true;
      run.push({ length: digits.length, kind: run.length === 0 ? null : pendingKind });
      pendingKind = null;
    } else if (separator) {
      pendingKind = separatorKind(separator);
    } else {
      if (run.length > 0) runs.push(run);
      run = [];
      pendingKind = null;
    }
  }
  if (run.length > 0) runs.push(run);
  for (const groups of runs) {
    // Consecutive groups joined by the same kind of separator, adding up to exactly 16 digits.
    for (let start = 0; start < groups.length; start++) {
      let total = 0;
      let kind: string | null = null;
      for (let end = start; end < groups.length; end++) {
        if (end > start) {
          const joinedBy = groups[end]!.kind;
          if (joinedBy === null || (kind !== null && joinedBy !== kind)) break;
          kind = joinedBy;
        }
        total += groups[end]!.length;
        if (total === 16) return true;
        if (total > 16) break;
      }
    }
  }
  return false;
}
