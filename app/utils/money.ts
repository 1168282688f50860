const rupiah = new Intl.NumberFormat("id-ID", {
  style: "currency",
  currency: "IDR",
  maximumFractionDigits: 0,
  minimumFractionDigits: 0,
});

/** Money is an integer number of Rupiah everywhere; this is the one place it is formatted. */
export function formatRupiah(amountIdr: number): string {
  if (!Number.isSafeInteger(amountIdr)) throw new TypeError(`Rupiah amounts are integers, got ${amountIdr}`);
  return rupiah.format(amountIdr);
}

/** Lowest and highest price of a product's variants, for "Rp10.000 – Rp25.000" labels. */
export function priceRange(pricesIdr: number[]): { min: number; max: number } | null {
  if (pricesIdr.length === 0) return null;
  return { min: Math.min(...pricesIdr), max: Math.max(...pricesIdr) };
}

export function formatPriceRange(pricesIdr: number[]): string {
  const range = priceRange(pricesIdr);
  if (!range) return "";
  return range.min === range.max
    ? formatRupiah(range.min)
    : `${formatRupiah(range.min)} – ${formatRupiah(range.max)}`;
}

const compactRupiah = {
  id: new Intl.NumberFormat("id-ID", { notation: "compact", maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-ID", { notation: "compact", maximumFractionDigits: 1 }),
};

/** Short amounts for chart axes: "Rp1,2 jt" (or "Rp1,2M" in English). Never for totals a seller reads. */
export function formatRupiahCompact(amountIdr: number, locale: "id" | "en"): string {
  if (!Number.isSafeInteger(amountIdr)) throw new TypeError(`Rupiah amounts are integers, got ${amountIdr}`);
  return `Rp${compactRupiah[locale].format(amountIdr)}`;
}
