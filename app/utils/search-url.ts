import type { SearchSort } from "~/services/search/types";

/** The search page's query string, in the shoppers' language: /cari?q=keripik&kategori=…&urut=termurah. */
export const SEARCH_PARAM = {
  text: "q",
  category: "kategori",
  province: "provinsi",
  regency: "kabupaten",
  priceMin: "harga_min",
  priceMax: "harga_max",
  inStock: "tersedia",
  sort: "urut",
  page: "halaman",
} as const;

export const SORT_PARAM_VALUES: Record<SearchSort, string> = {
  relevance: "relevan",
  newest: "terbaru",
  price_asc: "termurah",
  price_desc: "termahal",
  bestselling: "terlaris",
};

/** What the page is showing, as the server understood it (after validation). */
export interface SearchState {
  text: string;
  categorySlug?: string;
  provinceCode?: string;
  regencyCode?: string;
  priceMinIdr?: number;
  priceMaxIdr?: number;
  inStock: boolean;
  sort: SearchSort;
  page: number;
}

/**
 * A link to the search page with some of the state changed (undefined removes a filter).
 * Any change but the page goes back to the first page. Defaults are left out of the URL.
 */
export function searchHref(state: SearchState, change: Partial<SearchState> = {}): string {
  const next: SearchState = { ...state, ...change };
  if (!("page" in change)) next.page = 1;
  const params = new URLSearchParams();
  if (next.text) params.set(SEARCH_PARAM.text, next.text);
  if (next.categorySlug) params.set(SEARCH_PARAM.category, next.categorySlug);
  if (next.provinceCode) params.set(SEARCH_PARAM.province, next.provinceCode);
  if (next.regencyCode) params.set(SEARCH_PARAM.regency, next.regencyCode);
  if (next.priceMinIdr !== undefined) params.set(SEARCH_PARAM.priceMin, String(next.priceMinIdr));
  if (next.priceMaxIdr !== undefined) params.set(SEARCH_PARAM.priceMax, String(next.priceMaxIdr));
  if (next.inStock) params.set(SEARCH_PARAM.inStock, "1");
  if (next.sort !== "relevance") params.set(SEARCH_PARAM.sort, SORT_PARAM_VALUES[next.sort]);
  if (next.page > 1) params.set(SEARCH_PARAM.page, String(next.page));
  const query = params.toString();
  return query ? `/cari?${query}` : "/cari";
}
