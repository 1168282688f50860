import { formatPriceRange, formatRupiah, formatRupiahCompact, priceRange } from "~/utils/money";

// Intl puts a no-break space between "Rp" and the amount.
const nbsp = "\u00a0";

describe("formatRupiah", () => {
  it("formats integer Rupiah the Indonesian way, without decimals", () => {
    expect(formatRupiah(15000)).toBe(`Rp${nbsp}15.000`);
    expect(formatRupiah(1250000)).toBe(`Rp${nbsp}1.250.000`);
    expect(formatRupiah(0)).toBe(`Rp${nbsp}0`);
  });

  it("refuses fractions, which would mean money was computed with floats", () => {
    expect(() => formatRupiah(10.5)).toThrow(TypeError);
    expect(() => formatRupiah(Number.NaN)).toThrow(TypeError);
  });
});

describe("formatRupiahCompact", () => {
  it("shortens chart axis amounts in the page's language", () => {
    expect(formatRupiahCompact(0, "id")).toBe("Rp0");
    expect(formatRupiahCompact(60_000, "id")).toBe(`Rp60${nbsp}rb`);
    expect(formatRupiahCompact(1_250_000, "id")).toBe(`Rp1,3${nbsp}jt`);
    expect(formatRupiahCompact(1_250_000, "en")).toBe("Rp1,3M"); // en-ID keeps the Indonesian decimal comma
    expect(() => formatRupiahCompact(0.5, "id")).toThrow(TypeError);
  });
});

describe("price ranges", () => {
  it("shows one price when all variants cost the same", () => {
    expect(formatPriceRange([12000, 12000])).toBe(`Rp${nbsp}12.000`);
  });

  it("shows lowest to highest", () => {
    expect(priceRange([25000, 10000, 18000])).toEqual({ min: 10000, max: 25000 });
    expect(formatPriceRange([25000, 10000])).toBe(`Rp${nbsp}10.000 – Rp${nbsp}25.000`);
  });

  it("is empty for a product without variants", () => {
    expect(priceRange([])).toBeNull();
    expect(formatPriceRange([])).toBe("");
  });
});
