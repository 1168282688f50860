import { MAX_PAGE, MAX_QUERY_LENGTH, parseSearchParams, parseSuggestQuery } from "~/models/search-params.server";
import { searchHref } from "~/utils/search-url";

const parse = (query: Record<string, string>) => parseSearchParams(new URLSearchParams(query));

describe("search page parameters", () => {
  test("reads every parameter in the shoppers' words", () => {
    const { state, notices } = parse({
      q: "  kripik   singkong ",
      kategori: "keripik-camilan",
      provinsi: "32",
      kabupaten: "32.05",
      harga_min: "Rp 10.000",
      harga_max: "50000",
      tersedia: "1",
      urut: "termurah",
      halaman: "2",
    });
    expect(notices).toEqual([]);
    expect(state).toEqual({
      text: "kripik singkong",
      categorySlug: "keripik-camilan",
      provinceCode: "32",
      regencyCode: "32.05",
      priceMinIdr: 10_000,
      priceMaxIdr: 50_000,
      inStock: true,
      sort: "price_asc",
      page: 2,
    });
  });

  test("has defaults for an empty request", () => {
    expect(parse({})).toEqual({ state: { text: "", inStock: false, sort: "relevance", page: 1 }, notices: [] });
  });

  test("shortens a very long query to the limit and says so", () => {
    const { state, notices } = parse({ q: "keripik ".repeat(700) });
    expect(state.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(state.text.startsWith("keripik keripik")).toBe(true);
    expect(notices).toEqual([{ key: "queryTruncated", values: { max: "200" } }]);
  });

  test("treats a query of symbols only as no query, with a notice", () => {
    expect(parse({ q: "%%% ;; ---" })).toEqual({
      state: { text: "", inStock: false, sort: "relevance", page: 1 },
      notices: [{ key: "queryNoWords" }],
    });
  });

  test("removes control, zero-width and private-use characters from the query", () => {
    expect(parse({ q: "kopi\u0000\u200b\ue000 garut\n" }).state.text).toBe("kopi garut");
  });

  test("leaves out values it cannot use, each with a notice", () => {
    const { state, notices } = parse({
      kategori: "<script>",
      provinsi: "Jawa Barat",
      kabupaten: "32;DROP",
      harga_min: "murah",
      harga_max: "-5",
      urut: "acak",
      halaman: "0",
    });
    expect(state).toEqual({ text: "", inStock: false, sort: "relevance", page: 1 });
    expect(notices.map((n) => n.key)).toEqual([
      "unknownCategory",
      "unknownProvince",
      "unknownRegency",
      "invalidPrice",
      "invalidPrice",
      "unknownSort",
      "invalidPage",
    ]);
    expect(notices[0]?.values?.value).toBe("<script>");
  });

  test("swaps a price range given the wrong way round", () => {
    const { state, notices } = parse({ harga_min: "90000", harga_max: "10000" });
    expect([state.priceMinIdr, state.priceMaxIdr]).toEqual([10_000, 90_000]);
    expect(notices).toEqual([{ key: "priceSwapped" }]);
  });

  test("refuses pages past the deepest one", () => {
    const { state, notices } = parse({ halaman: String(MAX_PAGE + 1) });
    expect(state.page).toBe(1);
    expect(notices[0]?.key).toBe("invalidPage");
  });

  test("cleans the suggestion query the same way", () => {
    expect(parseSuggestQuery(new URLSearchParams({ q: " kri\u0000 " }))).toBe("kri");
    expect(parseSuggestQuery(new URLSearchParams({ q: "x".repeat(5000) }))).toHaveLength(MAX_QUERY_LENGTH);
  });

  test("builds links that change one thing and go back to the first page", () => {
    const state = { text: "kopi", categorySlug: "kopi", inStock: true, sort: "newest" as const, page: 3 };
    expect(searchHref(state, { provinceCode: "32" })).toBe("/cari?q=kopi&kategori=kopi&provinsi=32&tersedia=1&urut=terbaru");
    expect(searchHref(state, { categorySlug: undefined, page: 2 })).toBe("/cari?q=kopi&tersedia=1&urut=terbaru&halaman=2");
    expect(searchHref({ text: "", inStock: false, sort: "relevance", page: 1 })).toBe("/cari");
  });
});
