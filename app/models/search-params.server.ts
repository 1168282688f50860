/**
 * The search page's query string, validated. Nothing a shopper (or a bot) puts in the URL makes the
 * page fail: a value that cannot be used is left out and the page says so in a notice.
 */
import { z } from "zod";
import { analyzeQuery } from "~/services/search/text-analysis.server";
import { SEARCH_SORTS, type SearchSort } from "~/services/search/types";
import { SEARCH_PARAM, SORT_PARAM_VALUES, type SearchState } from "~/utils/search-url";

export const MAX_QUERY_LENGTH = 200;
export const RESULTS_PER_PAGE = 24;
/** Deep pages are for robots; Meilisearch stops counting at 10,000 hits (meilisearchSettings). */
export const MAX_PAGE = Math.floor(10_000 / RESULTS_PER_PAGE);
/** Highest price a shopper may filter on: ten billion Rupiah, far above any product here. */
const MAX_PRICE_IDR = 10_000_000_000;

export type SearchNoticeKey =
  | "queryTruncated"
  | "queryNoWords"
  | "unknownCategory"
  | "unknownProvince"
  | "unknownRegency"
  | "regencyOutsideProvince"
  | "invalidPrice"
  | "priceSwapped"
  | "unknownSort"
  | "invalidPage";

/** A message for the shopper about a part of the request that was changed or left out; `values` fill its placeholders. */
export type SearchNotice = { key: SearchNoticeKey; values?: Record<string, string> };

// Control characters (including zero-width and bidi marks) are never part of a product's name.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ue000-\uf8ff]/g;

const querySchema = z
  .string()
  .transform((raw) => raw.replace(INVISIBLE, " ").replace(/\s+/g, " ").trim());
const slugSchema = z.string().trim().toLowerCase().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);
const provinceCodeSchema = z.string().trim().regex(/^\d{2}$/);
const regencyCodeSchema = z.string().trim().regex(/^\d{2}\.\d{2}$/);
/** "25000", "25.000", "Rp 25.000" and "25,000" all mean twenty-five thousand Rupiah; no fractions. */
const priceSchema = z
  .string()
  .trim()
  .transform((raw) => raw.replace(/^rp\.?\s*/i, "").replace(/[.,\s]/g, ""))
  .pipe(z.string().regex(/^\d{1,11}$/))
  .transform(Number)
  .pipe(z.number().int().min(0).max(MAX_PRICE_IDR));
const pageSchema = z.string().trim().regex(/^\d{1,6}$/).transform(Number).pipe(z.number().int().min(1).max(MAX_PAGE));
const TRUE_VALUES = new Set(["1", "ya", "on", "true"]);

const sortByParam = new Map<string, SearchSort>(SEARCH_SORTS.map((sort) => [SORT_PARAM_VALUES[sort], sort]));

export interface ParsedSearch {
  state: SearchState;
  notices: SearchNotice[];
}

/** Shortens to the limit without cutting a word in two where a space allows. */
function clampQuery(text: string): string {
  if (text.length <= MAX_QUERY_LENGTH) return text;
  const cut = text.slice(0, MAX_QUERY_LENGTH);
  const lastSpace = cut.lastIndexOf(" ");
  return (lastSpace > MAX_QUERY_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trim();
}

export function parseSearchParams(params: URLSearchParams): ParsedSearch {
  const notices: SearchNotice[] = [];
  const get = (name: string) => {
    const value = params.get(name);
    return value === null || value.trim() === "" ? undefined : value;
  };

  let text = querySchema.parse(get(SEARCH_PARAM.text) ?? "");
  if (text.length > MAX_QUERY_LENGTH) {
    text = clampQuery(text);
    notices.push({ key: "queryTruncated", values: { max: String(MAX_QUERY_LENGTH) } });
  }
  if (text && analyzeQuery(text).length === 0) {
    notices.push({ key: "queryNoWords" });
    text = "";
  }

  const state: SearchState = { text, inStock: false, sort: "relevance", page: 1 };

  const category = get(SEARCH_PARAM.category);
  if (category !== undefined) {
    const parsed = slugSchema.safeParse(category);
    if (parsed.success) state.categorySlug = parsed.data;
    else notices.push({ key: "unknownCategory", values: { value: category.slice(0, 40) } });
  }
  const province = get(SEARCH_PARAM.province);
  if (province !== undefined) {
    const parsed = provinceCodeSchema.safeParse(province);
    if (parsed.success) state.provinceCode = parsed.data;
    else notices.push({ key: "unknownProvince", values: { value: province.slice(0, 40) } });
  }
  const regency = get(SEARCH_PARAM.regency);
  if (regency !== undefined) {
    const parsed = regencyCodeSchema.safeParse(regency);
    if (parsed.success) state.regencyCode = parsed.data;
    else notices.push({ key: "unknownRegency", values: { value: regency.slice(0, 40) } });
  }

  const prices: Partial<Record<"priceMinIdr" | "priceMaxIdr", number>> = {};
  for (const [field, name] of [
    ["priceMinIdr", SEARCH_PARAM.priceMin],
    ["priceMaxIdr", SEARCH_PARAM.priceMax],
  ] as const) {
    const raw = get(name);
    if (raw === undefined) continue;
    const parsed = priceSchema.safeParse(raw);
    if (parsed.success) prices[field] = parsed.data;
    else notices.push({ key: "invalidPrice", values: { value: raw.slice(0, 40) } });
  }
  if (prices.priceMinIdr !== undefined && prices.priceMaxIdr !== undefined && prices.priceMinIdr > prices.priceMaxIdr) {
    [prices.priceMinIdr, prices.priceMaxIdr] = [prices.priceMaxIdr, prices.priceMinIdr];
    notices.push({ key: "priceSwapped" });
  }
  Object.assign(state, prices);

  const inStock = get(SEARCH_PARAM.inStock);
  state.inStock = inStock !== undefined && TRUE_VALUES.has(inStock.trim().toLowerCase());

  const sort = get(SEARCH_PARAM.sort);
  if (sort !== undefined) {
    const known = sortByParam.get(sort.trim().toLowerCase());
    if (known) state.sort = known;
    else notices.push({ key: "unknownSort", values: { value: sort.slice(0, 40) } });
  }

  const page = get(SEARCH_PARAM.page);
  if (page !== undefined) {
    const parsed = pageSchema.safeParse(page);
    if (parsed.success) state.page = parsed.data;
    else notices.push({ key: "invalidPage", values: { max: String(MAX_PAGE) } });
  }

  return { state, notices };
}

/** The suggestion endpoint's one parameter: the same cleaning, a shorter limit (a title fits in it). */
export function parseSuggestQuery(params: URLSearchParams): string {
  const text = querySchema.parse(params.get(SEARCH_PARAM.text) ?? "");
  return text.length > MAX_QUERY_LENGTH ? clampQuery(text) : text;
}
