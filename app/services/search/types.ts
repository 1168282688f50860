/**
 * The search module's one interface. Two engines implement it: the embedded default
 * (embedded.server.ts, in the app's own process) and Meilisearch (meilisearch.server.ts).
 * Nothing here runs on the server only, so the search page may import the constants.
 */

export const SEARCH_SORTS = ["relevance", "newest", "price_asc", "price_desc", "bestselling"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/**
 * Price ranges offered as a facet, in integer Rupiah: [min, max] inclusive, max null for "and above".
 * A product falls in the range of its lowest variant price (the "from" price its card shows).
 */
export const PRICE_BUCKETS = [
  { id: "0-24999", min: 0, max: 24_999 },
  { id: "25000-49999", min: 25_000, max: 49_999 },
  { id: "50000-99999", min: 50_000, max: 99_999 },
  { id: "100000-249999", min: 100_000, max: 249_999 },
  { id: "250000-", min: 250_000, max: null },
] as const;
export type PriceBucketId = (typeof PRICE_BUCKETS)[number]["id"];

export function priceBucketOf(priceIdr: number): PriceBucketId {
  const bucket = PRICE_BUCKETS.find((b) => priceIdr >= b.min && (b.max === null || priceIdr <= b.max));
  return (bucket ?? PRICE_BUCKETS[PRICE_BUCKETS.length - 1]!).id;
}

export type SearchImage = { storageKey: string; width: number; height: number; alt: string; placeholder: string };

/** One product as both engines index it: everything the results page shows, so a hit needs no database read. */
export interface ProductSearchDocument {
  id: string;
  slug: string;
  title: string;
  description: string;
  storeName: string;
  storeSlug: string;
  categorySlug: string;
  categoryNameId: string;
  categoryNameEn: string;
  /** Kemendagri codes and names (regency = kabupaten/kota). */
  provinceCode: string;
  provinceName: string;
  regencyCode: string;
  regencyName: string;
  /** Lowest variant price in Rupiah: price filters, price sorting and the price facet use it. */
  priceIdr: number;
  /** Every variant's price, in variant order, for the card's "Rp10.000 – Rp25.000". */
  prices: number[];
  priceBucket: PriceBucketId;
  /** At least one variant has stock. */
  inStock: boolean;
  soldCount: number;
  /** Epoch milliseconds; 0 when never published. */
  publishedAt: number;
  image: SearchImage | null;
}

export interface SearchFilters {
  categorySlug?: string;
  provinceCode?: string;
  regencyCode?: string;
  /** Inclusive bounds on `priceIdr`. */
  priceMinIdr?: number;
  priceMaxIdr?: number;
  inStock?: boolean;
}

export interface SearchRequest {
  /** Free text as typed; empty means "every product" (browse with filters). */
  text: string;
  filters: SearchFilters;
  sort: SearchSort;
  /** 1-based. */
  page: number;
  perPage: number;
}

/** A piece of a title, marked when it matched the query. Rendered as text, never as HTML. */
export type HighlightSegment = { text: string; match: boolean };

export interface SearchHit {
  document: ProductSearchDocument;
  titleHighlight: HighlightSegment[];
}

export type FacetCount = { value: string; count: number };

/**
 * Counts per value. Each facet is counted with every other active filter applied but not its own,
 * so a shopper who picked one category still sees how many hits the other categories have.
 */
export interface SearchFacets {
  category: FacetCount[];
  province: FacetCount[];
  regency: FacetCount[];
  priceBucket: FacetCount[];
  /** Hits with stock, under every other filter. */
  inStock: number;
}

export interface SearchResponse {
  hits: SearchHit[];
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
  facets: SearchFacets;
  /**
   * False when no product has every word, and the hits are products with some of them
   * (the page says so).
   */
  matchedAllWords: boolean;
}

export interface Suggestion {
  id: string;
  slug: string;
  title: string;
  titleHighlight: HighlightSegment[];
  categorySlug: string;
}

export interface SearchEngine {
  readonly name: "embedded" | "meilisearch";
  search(request: SearchRequest): Promise<SearchResponse>;
  /** Search-as-you-type: a few products whose title or category starts like the text. */
  suggest(text: string, limit: number): Promise<Suggestion[]>;
  /** Adds or replaces documents by id. */
  upsert(documents: ProductSearchDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /**
   * Replaces the whole index with these documents. Queries keep being answered from the old
   * index until the new one is complete.
   */
  replaceAll(batches: AsyncIterable<ProductSearchDocument[]>): Promise<{ count: number }>;
}

/** A facet or filter name shared by the engines, the page and the Meilisearch settings. */
export const FACET_ATTRIBUTES = {
  category: "categorySlug",
  province: "provinceCode",
  regency: "regencyCode",
  priceBucket: "priceBucket",
  inStock: "inStock",
} as const satisfies Record<keyof SearchFacets, keyof ProductSearchDocument>;

export function emptyFacets(): SearchFacets {
  return { category: [], province: [], regency: [], priceBucket: [], inStock: 0 };
}

export function totalPagesFor(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}
