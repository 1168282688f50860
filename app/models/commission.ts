/**
 * The platform's commission on a store order's goods (shipping is never commissioned), in basis points
 * (100 = 1%). Rounded down, so the seller is never charged a fraction of a rupiah more than the rate.
 */
export function commissionFor(goodsIdr: number, basisPoints: number): number {
  if (!Number.isInteger(goodsIdr) || goodsIdr < 0) throw new RangeError("goodsIdr must be a non-negative integer");
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > 10_000) throw new RangeError("basisPoints must be 0–10000");
  return Math.floor((goodsIdr * basisPoints) / 10_000);
}

/** "2,5%" / "0%": how the rate is shown to sellers. */
export function formatCommissionRate(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale === "en" ? "en-GB" : "id-ID", { style: "percent", maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}
