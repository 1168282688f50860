/**
 * The Meilisearch engine, for when the marketplace outgrows one process (docs/decisions/0009-search.md).
 * Chosen by MEILI_HOST (and MEILI_API_KEY) in app/services/search/index.server.ts. It speaks to the
 * server through the official `meilisearch` client; tests run it against a recording HTTP server
 * (tests/integration/search-meilisearch-wiring.test.ts) and, when MEILI_HOST is set, against a real one
 * (tests/integration/search-meilisearch-contract.test.ts).
 */
import {
  Meilisearch,
  MeilisearchApiError,
  type EnqueuedTaskPromise,
  type Hit,
  type MultiSearchQuery,
  type SearchParams,
  type SearchResponse as MeiliSearchResponse,
  type Settings,
  type Task,
} from "meilisearch";
import { segmentsFromMarkers } from "./text-analysis.server";
import {
  emptyFacets,
  FACET_ATTRIBUTES,
  totalPagesFor,
  type FacetCount,
  type ProductSearchDocument,
  type SearchEngine,
  type SearchFacets,
  type SearchFilters,
  type SearchRequest,
  type SearchResponse,
  type SearchSort,
  type Suggestion,
} from "./types";
import { PHRASE_VARIANTS, SPELLING_VARIANTS, STOP_WORDS, SYNONYM_GROUPS } from "./vocabulary.server";

/** Private-use characters around highlighted words: they cannot come from a title (toDocument strips them). */
export const HIGHLIGHT_PRE = "\uE000";
export const HIGHLIGHT_POST = "\uE001";

export interface MeilisearchEngineOptions {
  host: string;
  apiKey?: string;
  indexUid: string;
  /** Documents per request when indexing. */
  batchSize?: number;
  /** How long to wait for one task (index creation, settings, a batch of documents, the swap). */
  taskTimeoutMs?: number;
  taskPollIntervalMs?: number;
  /** Per HTTP request. */
  requestTimeoutMs?: number;
}

export class MeilisearchTaskError extends Error {
  constructor(public readonly task: Task) {
    super(`Meilisearch task ${task.uid} (${task.type}) ${task.status}${task.error ? `: ${task.error.message}` : ""}`);
    this.name = "MeilisearchTaskError";
  }
}

/** Synonyms in Meilisearch's shape: every spelling and synonym finds the others, in both directions. */
export function meilisearchSynonyms(): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    if (!map.has(a)) map.set(a, new Set());
    map.get(a)!.add(b);
  };
  const variantGroups = new Map<string, Set<string>>();
  const addVariant = (variant: string, standard: string) => {
    if (!variantGroups.has(standard)) variantGroups.set(standard, new Set([standard]));
    variantGroups.get(standard)!.add(variant);
  };
  for (const [variant, standard] of Object.entries(SPELLING_VARIANTS)) addVariant(variant, standard);
  for (const [variant, standard] of PHRASE_VARIANTS) addVariant(variant, standard);
  const groups = [...variantGroups.values()].map((g) => [...g]).concat(SYNONYM_GROUPS.map((g) => [...g]));
  for (const group of groups) for (const a of group) for (const b of group) link(a, b);
  return Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)).map(([word, others]) => [word, [...others].sort()]));
}

/** Index settings: what is searched (in order of importance), filtered, sorted, and how typos are forgiven. */
export function meilisearchSettings(): Settings {
  return {
    searchableAttributes: ["title", "categoryNameId", "categoryNameEn", "storeName", "description", "regencyName", "provinceName"],
    filterableAttributes: [...Object.values(FACET_ATTRIBUTES), "priceIdr"],
    sortableAttributes: ["priceIdr", "publishedAt", "soldCount"],
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "soldCount:desc"],
    stopWords: [...STOP_WORDS],
    synonyms: meilisearchSynonyms(),
    // The same budget as the embedded engine: one typo from five letters, two from nine.
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnNumbers: true },
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "count" } },
    pagination: { maxTotalHits: 10_000 },
  };
}

const SORT_RULES: Record<SearchSort, string[] | undefined> = {
  relevance: undefined,
  newest: ["publishedAt:desc"],
  price_asc: ["priceIdr:asc"],
  price_desc: ["priceIdr:desc"],
  bestselling: ["soldCount:desc"],
};

type FilterName = "category" | "province" | "regency" | "price" | "stock";

/** A string value in a filter expression, quoted and escaped (values are validated before, this is the second wall). */
function quote(value: string): string {
  return `"${value.replace(/["\\]/g, "\\$&")}"`;
}

function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new TypeError(`Filter bound must be an integer, got ${value}`);
  return String(value);
}

/** One filter expression per active filter, keyed by name so facets can leave their own out. */
export function filterExpressions(filters: SearchFilters): Partial<Record<FilterName, string>> {
  const out: Partial<Record<FilterName, string>> = {};
  if (filters.categorySlug !== undefined) out.category = `${FACET_ATTRIBUTES.category} = ${quote(filters.categorySlug)}`;
  if (filters.provinceCode !== undefined) out.province = `${FACET_ATTRIBUTES.province} = ${quote(filters.provinceCode)}`;
  if (filters.regencyCode !== undefined) out.regency = `${FACET_ATTRIBUTES.regency} = ${quote(filters.regencyCode)}`;
  const bounds: string[] = [];
  if (filters.priceMinIdr !== undefined) bounds.push(`priceIdr >= ${integer(filters.priceMinIdr)}`);
  if (filters.priceMaxIdr !== undefined) bounds.push(`priceIdr <= ${integer(filters.priceMaxIdr)}`);
  if (bounds.length > 0) out.price = bounds.join(" AND ");
  if (filters.inStock) out.stock = `${FACET_ATTRIBUTES.inStock} = true`;
  return out;
}

const FACET_OF_FILTER: Record<FilterName, keyof SearchFacets> = {
  category: "category",
  province: "province",
  regency: "regency",
  price: "priceBucket",
  stock: "inStock",
};

function counts(distribution: Record<string, number> | undefined): FacetCount[] {
  return Object.entries(distribution ?? {})
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

function fillFacet(facets: SearchFacets, facet: keyof SearchFacets, distribution: Record<string, Record<string, number>> | undefined) {
  const values = distribution?.[FACET_ATTRIBUTES[facet]];
  if (facet === "inStock") facets.inStock = values?.["true"] ?? 0;
  else facets[facet] = counts(values);
}

const DOCUMENT_FIELDS = [
  "id",
  "slug",
  "title",
  "description",
  "storeName",
  "storeSlug",
  "categorySlug",
  "categoryNameId",
  "categoryNameEn",
  "provinceCode",
  "provinceName",
  "regencyCode",
  "regencyName",
  "priceIdr",
  "prices",
  "priceBucket",
  "inStock",
  "soldCount",
  "publishedAt",
  "image",
] as const satisfies readonly (keyof ProductSearchDocument)[];

function withoutMarkers(text: string): string {
  return text.replaceAll(HIGHLIGHT_PRE, "").replaceAll(HIGHLIGHT_POST, "");
}

function toDocument(hit: Hit<ProductSearchDocument>): ProductSearchDocument {
  const doc = {} as Record<string, unknown>;
  for (const field of DOCUMENT_FIELDS) doc[field] = hit[field];
  return doc as unknown as ProductSearchDocument;
}

function titleSegments(hit: Hit<ProductSearchDocument>) {
  const formatted = hit._formatted?.title;
  return typeof formatted === "string" ? segmentsFromMarkers(formatted, HIGHLIGHT_PRE, HIGHLIGHT_POST) : [{ text: hit.title, match: false }];
}

export class MeilisearchEngine implements SearchEngine {
  readonly name = "meilisearch" as const;
  readonly client: Meilisearch;
  readonly indexUid: string;
  private readonly batchSize: number;
  private readonly waitOptions: { timeout: number; interval: number };
  private ready: Promise<void> | undefined;

  constructor(options: MeilisearchEngineOptions) {
    this.client = new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout: options.requestTimeoutMs ?? 10_000 });
    this.indexUid = options.indexUid;
    this.batchSize = options.batchSize ?? 1_000;
    this.waitOptions = { timeout: options.taskTimeoutMs ?? 120_000, interval: options.taskPollIntervalMs ?? 50 };
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    const words = request.text.trim().length > 0;
    const first = await this.runSearch(request, "all");
    if (first.total === 0 && words && /\s/.test(request.text.trim())) {
      const some = await this.runSearch(request, "last");
      return { ...some, matchedAllWords: some.total === 0 };
    }
    return first;
  }

  async suggest(text: string, limit: number): Promise<Suggestion[]> {
    if (text.trim().length < 2) return [];
    const response = await this.client.index<ProductSearchDocument>(this.indexUid).search(text, {
      limit,
      attributesToSearchOn: ["title", "categoryNameId", "categoryNameEn"],
      attributesToRetrieve: ["id", "slug", "title", "categorySlug"],
      attributesToHighlight: ["title"],
      highlightPreTag: HIGHLIGHT_PRE,
      highlightPostTag: HIGHLIGHT_POST,
    });
    return response.hits.map((hit) => ({
      id: hit.id,
      slug: hit.slug,
      title: hit.title,
      titleHighlight: titleSegments(hit),
      categorySlug: hit.categorySlug,
    }));
  }

  async upsert(documents: ProductSearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await this.ensureIndex();
    const index = this.client.index<ProductSearchDocument>(this.indexUid);
    await this.waitAll(index.addDocumentsInBatches(documents.map(sanitize), this.batchSize, { primaryKey: "id" }));
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.ensureIndex();
    await this.wait(this.client.index(this.indexUid).deleteDocuments(ids));
  }

  /**
   * Zero-downtime reindex: a new index is built beside the live one with the current settings,
   * swapped in atomically once every document is in, and the old one (now under the new name) deleted.
   */
  async replaceAll(batches: AsyncIterable<ProductSearchDocument[]>): Promise<{ count: number }> {
    const buildUid = `${this.indexUid}_build_${Date.now().toString(36)}`;
    await this.wait(this.client.createIndex(buildUid, { primaryKey: "id" }));
    let count = 0;
    try {
      const building = this.client.index<ProductSearchDocument>(buildUid);
      await this.wait(building.updateSettings(meilisearchSettings()));
      const pending: EnqueuedTaskPromise[] = [];
      for await (const batch of batches) {
        if (batch.length === 0) continue;
        pending.push(...building.addDocumentsInBatches(batch.map(sanitize), this.batchSize, { primaryKey: "id" }));
        count += batch.length;
      }
      await this.waitAll(pending);
      if (!(await this.indexExists(this.indexUid))) await this.wait(this.client.createIndex(this.indexUid, { primaryKey: "id" }));
      await this.wait(this.client.swapIndexes([{ indexes: [this.indexUid, buildUid], rename: false }]));
    } catch (error) {
      await this.client
        .deleteIndex(buildUid)
        .waitTask(this.waitOptions)
        .catch(() => undefined);
      throw error;
    }
    await this.wait(this.client.deleteIndex(buildUid));
    this.ready = Promise.resolve();
    return { count };
  }

  /** Creates the live index with its settings when it does not exist yet (first sync before any reindex). */
  ensureIndex(): Promise<void> {
    this.ready ??= (async () => {
      if (await this.indexExists(this.indexUid)) return;
      await this.wait(this.client.createIndex(this.indexUid, { primaryKey: "id" }));
      await this.wait(this.client.index(this.indexUid).updateSettings(meilisearchSettings()));
    })().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async runSearch(request: SearchRequest, matchingStrategy: "all" | "last"): Promise<SearchResponse> {
    const expressions = filterExpressions(request.filters);
    const active = Object.keys(expressions) as FilterName[];
    const allExcept = (skip?: FilterName) => active.filter((name) => name !== skip).map((name) => expressions[name]!);
    const sort = SORT_RULES[request.sort === "relevance" && request.text.trim() === "" ? "newest" : request.sort];
    const common: SearchParams = { q: request.text, matchingStrategy };
    const main: MultiSearchQuery = {
      indexUid: this.indexUid,
      ...common,
      filter: allExcept(),
      facets: Object.values(FACET_ATTRIBUTES),
      ...(sort ? { sort } : {}),
      page: request.page,
      hitsPerPage: request.perPage,
      attributesToHighlight: ["title"],
      highlightPreTag: HIGHLIGHT_PRE,
      highlightPostTag: HIGHLIGHT_POST,
    };
    // Disjunctive facets: a facet whose filter is active is counted by a query without that filter.
    const facetQueries: MultiSearchQuery[] = active.map((name) => ({
      indexUid: this.indexUid,
      ...common,
      filter: allExcept(name),
      facets: [FACET_ATTRIBUTES[FACET_OF_FILTER[name]]],
      page: 1,
      hitsPerPage: 0,
    }));
    const { results } = await this.client.multiSearch<{ queries: MultiSearchQuery[] }, ProductSearchDocument>({
      queries: [main, ...facetQueries],
    });
    const [mainResult, ...facetResults] = results as MeiliSearchResponse<ProductSearchDocument, { page: number }>[];
    if (!mainResult) throw new Error("Meilisearch answered a multi-search without results");
    const facets = emptyFacets();
    for (const facet of Object.keys(FACET_ATTRIBUTES) as (keyof SearchFacets)[]) fillFacet(facets, facet, mainResult.facetDistribution);
    active.forEach((name, i) => fillFacet(facets, FACET_OF_FILTER[name], facetResults[i]?.facetDistribution));
    const total = mainResult.totalHits ?? 0;
    return {
      hits: mainResult.hits.map((hit) => ({ document: toDocument(hit), titleHighlight: titleSegments(hit) })),
      total,
      page: request.page,
      perPage: request.perPage,
      totalPages: totalPagesFor(total, request.perPage),
      facets,
      matchedAllWords: true,
    };
  }

  private async indexExists(uid: string): Promise<boolean> {
    try {
      await this.client.getRawIndex(uid);
      return true;
    } catch (error) {
      if (error instanceof MeilisearchApiError && error.cause?.code === "index_not_found") return false;
      throw error;
    }
  }

  private async wait(task: EnqueuedTaskPromise): Promise<Task> {
    const done = await task.waitTask(this.waitOptions);
    if (done.status !== "succeeded") throw new MeilisearchTaskError(done);
    return done;
  }

  private async waitAll(tasks: EnqueuedTaskPromise[]): Promise<void> {
    for (const task of tasks) await this.wait(task);
  }
}

function sanitize(doc: ProductSearchDocument): ProductSearchDocument {
  return { ...doc, title: withoutMarkers(doc.title) };
}
