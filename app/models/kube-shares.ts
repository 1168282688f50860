/** KUBE income shares in basis points (1% = 100): reading, writing and checking them. Shared with the pages. */

export const FULL_SHARE_BASIS_POINTS = 10_000;
export const MIN_KUBE_MEMBERS = 2;

/**
 * A share typed in percent, as Indonesians and English speakers write it: "25", "33,33", "33.33",
 * "12,5 %". At most two decimals (one basis point). Returns basis points, or null when it is not such
 * a number or not between 0 and 100 (exclusive of 0).
 */
export function parseSharePercent(text: string): number | null {
  const cleaned = text.trim().replace(/\s*%$/, "").trim();
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? "").padEnd(2, "0"));
  const basisPoints = whole * 100 + fraction;
  if (basisPoints <= 0 || basisPoints > FULL_SHARE_BASIS_POINTS) return null;
  return basisPoints;
}

/** "33,33" (Bahasa Indonesia) or "33.33" (English): basis points back to a percent for display. */
export function formatSharePercent(basisPoints: number, locale: "id" | "en"): string {
  const text = (basisPoints / 100).toFixed(2).replace(/\.?0+$/, "");
  return locale === "id" ? text.replace(".", ",") : text;
}

export type ShareCheck =
  | { ok: true }
  | { ok: false; error: "too_few_members" | "duplicate_member" | "not_hundred"; sumBasisPoints: number };

/** A group needs at least two distinct members whose shares add up to exactly 100%. */
export function checkShares(members: { householdId: string; shareBasisPoints: number }[]): ShareCheck {
  const sumBasisPoints = members.reduce((sum, m) => sum + m.shareBasisPoints, 0);
  if (members.length < MIN_KUBE_MEMBERS) return { ok: false, error: "too_few_members", sumBasisPoints };
  if (new Set(members.map((m) => m.householdId)).size !== members.length) return { ok: false, error: "duplicate_member", sumBasisPoints };
  if (sumBasisPoints !== FULL_SHARE_BASIS_POINTS) return { ok: false, error: "not_hundred", sumBasisPoints };
  return { ok: true };
}
