/**
 * Products in the search index: documents built from the database, kept in sync, and searched
 * for the search page. The engine (embedded or Meilisearch) sits behind app/services/search.
 *
 * Keeping the index in sync:
 * - Code that changes a product calls `syncProductInSearch(id)` (create, edit, stock, archive) or
 *   `removeProductFromSearch(id)` (delete) right after its transaction.
 * - The embedded engine builds itself from the database on the first query of the process, and before
 *   a query checks (at most every SEARCH_FRESHNESS_MS) a cheap fingerprint of the catalog tables: row
 *   counts and latest `updatedAt` of products, variants and stores. When another process changed them
 *   (the seed, a script, tests writing to the database) it re-reads only the changed products, or
 *   rebuilds when rows were deleted.
 * - `npm run search:reindex` rebuilds either engine from the database.
 */
import type { ProductCardData } from "~/components/product-card";
import type { Prisma } from "~/generated/prisma/client";
import { getSearchEngine } from "~/services/search/index.server";
import {
  PRICE_BUCKETS,
  priceBucketOf,
  type FacetCount,
  type HighlightSegment,
  type ProductSearchDocument,
  type SearchEngine,
  type SearchFilters,
  type Suggestion,
} from "~/services/search/types";
import { prisma, type PrismaClient } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import type { SearchState } from "~/utils/search-url";
import { visibleProductWhere } from "./catalog.server";
import { RESULTS_PER_PAGE, type SearchNotice } from "./search-params.server";

const documentSelect = {
  id: true,
  slug: true,
  title: true,
  description: true,
  status: true,
  soldCount: true,
  publishedAt: true,
  store: {
    select: {
      slug: true,
      name: true,
      status: true,
      regency: { select: { code: true, name: true, parent: { select: { code: true, name: true } } } },
    },
  },
  category: { select: { slug: true, nameId: true, nameEn: true } },
  variants: { select: { priceIdr: true, stock: true }, orderBy: { position: "asc" } },
  images: {
    select: { storageKey: true, width: true, height: true, alt: true, placeholder: true },
    orderBy: { position: "asc" },
    take: 1,
  },
} satisfies Prisma.ProductSelect;

type DocumentRow = Prisma.ProductGetPayload<{ select: typeof documentSelect }>;

/** The same rule as `visibleProductWhere`, for a row already loaded. */
function isVisible(row: DocumentRow): boolean {
  return row.status === visibleProductWhere.status && row.store.status === visibleProductWhere.store.status;
}

/** The document of a product shoppers may see, or null (hidden, or no variant to sell). */
export function toSearchDocument(row: DocumentRow): ProductSearchDocument | null {
  if (!isVisible(row) || row.variants.length === 0) return null;
  const prices = row.variants.map((v) => v.priceIdr);
  const priceIdr = Math.min(...prices);
  const regency = row.store.regency;
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    storeName: row.store.name,
    storeSlug: row.store.slug,
    categorySlug: row.category.slug,
    categoryNameId: row.category.nameId,
    categoryNameEn: row.category.nameEn,
    provinceCode: regency.parent?.code ?? regency.code.split(".")[0]!,
    provinceName: regency.parent?.name ?? "",
    regencyCode: regency.code,
    regencyName: regency.name,
    priceIdr,
    prices,
    priceBucket: priceBucketOf(priceIdr),
    inStock: row.variants.some((v) => v.stock > 0),
    soldCount: row.soldCount,
    publishedAt: row.publishedAt?.getTime() ?? 0,
    image: row.images[0] ?? null,
  };
}

const LOAD_BATCH_SIZE = 1_000;

/** Every visible product's document, in batches (a large catalog is never loaded at once for Meilisearch). */
export async function* searchDocumentBatches(db: PrismaClient): AsyncGenerator<ProductSearchDocument[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.product.findMany({
      where: { ...visibleProductWhere, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: documentSelect,
      orderBy: { id: "asc" },
      take: LOAD_BATCH_SIZE,
    });
    if (rows.length === 0) return;
    yield rows.map(toSearchDocument).filter((doc): doc is ProductSearchDocument => doc !== null);
    cursor = rows[rows.length - 1]!.id;
    if (rows.length < LOAD_BATCH_SIZE) return;
  }
}

type Fingerprint = { products: number; productsAt: number; variants: number; variantsAt: number; stores: number; storesAt: number };

async function readFingerprint(db: PrismaClient): Promise<Fingerprint> {
  const [products, variants, stores] = await Promise.all([
    db.product.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.productVariant.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.store.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
  ]);
  return {
    products: products._count._all,
    productsAt: products._max.updatedAt?.getTime() ?? 0,
    variants: variants._count._all,
    variantsAt: variants._max.updatedAt?.getTime() ?? 0,
    stores: stores._count._all,
    storesAt: stores._max.updatedAt?.getTime() ?? 0,
  };
}

function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return (Object.keys(a) as (keyof Fingerprint)[]).every((key) => a[key] === b[key]);
}

export type SearchHitData = { card: ProductCardData; titleHighlight: HighlightSegment[]; categorySlug: string };
export type LabelledFacet = FacetCount & { label: string; labelEn: string };
export type PriceFacet = FacetCount & { min: number; max: number | null };

/** Everything the search page shows. */
export interface SearchPageData {
  state: SearchState;
  notices: SearchNotice[];
  hits: SearchHitData[];
  total: number;
  totalPages: number;
  matchedAllWords: boolean;
  facets: {
    category: LabelledFacet[];
    province: LabelledFacet[];
    regency: LabelledFacet[];
    priceBucket: PriceFacet[];
    inStock: number;
  };
  /** Names of the chosen filters, for the "remove" links. */
  selected: { category?: LabelledFacet; province?: LabelledFacet; regency?: LabelledFacet };
}

export interface ProductSearchOptions {
  db: PrismaClient;
  engine: SearchEngine;
  /** Build from the database on first use and catch up with other processes (the embedded engine). */
  autoSync: boolean;
  /** At most one freshness check per this many milliseconds; 0 checks before every query. */
  freshnessMs: number;
}

export class ProductSearch {
  readonly db: PrismaClient;
  readonly engine: SearchEngine;
  private readonly autoSync: boolean;
  private readonly freshnessMs: number;
  private fingerprint: Fingerprint | undefined;
  private lastCheck = 0;
  private building: Promise<void> | undefined;
  private checking: Promise<void> | undefined;

  constructor(options: ProductSearchOptions) {
    this.db = options.db;
    this.engine = options.engine;
    this.autoSync = options.autoSync;
    this.freshnessMs = options.freshnessMs;
  }

  /** Rebuilds the whole index from the database (with Meilisearch: a new index swapped in). */
  async reindexAll(): Promise<{ count: number; ms: number }> {
    const started = performance.now();
    const fingerprint = await readFingerprint(this.db);
    const { count } = await this.engine.replaceAll(searchDocumentBatches(this.db));
    // Read before loading: anything changed during the load is newer and caught by the next check.
    this.fingerprint = fingerprint;
    this.lastCheck = Date.now();
    const ms = Math.round(performance.now() - started);
    logger.info("search index rebuilt", { engine: this.engine.name, documents: count, ms });
    return { count, ms };
  }

  /** Brings one product's document up to date: indexed when visible, removed otherwise. */
  async syncProduct(productId: string): Promise<void> {
    if (this.autoSync && !this.fingerprint) return; // the first query builds everything anyway
    const row = await this.db.product.findUnique({ where: { id: productId }, select: documentSelect });
    const doc = row ? toSearchDocument(row) : null;
    if (doc) await this.engine.upsert([doc]);
    else await this.engine.remove([productId]);
  }

  /** Brings every product of a store up to date (its name or regency changed: each document carries them). */
  async syncStore(storeId: string): Promise<void> {
    if (this.autoSync && !this.fingerprint) return;
    const rows = await this.db.product.findMany({ where: { storeId }, select: documentSelect });
    const visible: ProductSearchDocument[] = [];
    const hidden: string[] = [];
    for (const row of rows) {
      const doc = toSearchDocument(row);
      if (doc) visible.push(doc);
      else hidden.push(row.id);
    }
    if (visible.length > 0) await this.engine.upsert(visible);
    if (hidden.length > 0) await this.engine.remove(hidden);
  }

  async removeProduct(productId: string): Promise<void> {
    if (this.autoSync && !this.fingerprint) return;
    await this.engine.remove([productId]);
  }

  /** For the embedded engine: the index exists and reflects the database as of at most `freshnessMs` ago. */
  async ensureFresh(): Promise<void> {
    if (!this.autoSync) return;
    if (!this.fingerprint) {
      this.building ??= this.reindexAll()
        .then(() => undefined)
        .finally(() => {
          this.building = undefined;
        });
      await this.building;
      return;
    }
    if (Date.now() - this.lastCheck < this.freshnessMs) return;
    this.checking ??= this.catchUp().finally(() => {
      this.checking = undefined;
    });
    await this.checking;
  }

  private async catchUp(): Promise<void> {
    this.lastCheck = Date.now();
    const previous = this.fingerprint!;
    const current = await readFingerprint(this.db);
    if (sameFingerprint(previous, current)) return;
    if (current.products < previous.products || current.variants < previous.variants || current.stores < previous.stores) {
      await this.reindexAll(); // rows were deleted: only a rebuild knows which
      return;
    }
    const rows = await this.db.product.findMany({
      where: {
        OR: [
          { updatedAt: { gte: new Date(previous.productsAt) } },
          { variants: { some: { updatedAt: { gte: new Date(previous.variantsAt) } } } },
          { store: { updatedAt: { gte: new Date(previous.storesAt) } } },
        ],
      },
      select: documentSelect,
    });
    const visible: ProductSearchDocument[] = [];
    const hidden: string[] = [];
    for (const row of rows) {
      const doc = toSearchDocument(row);
      if (doc) visible.push(doc);
      else hidden.push(row.id);
    }
    await this.engine.upsert(visible);
    await this.engine.remove(hidden);
    this.fingerprint = current;
    logger.debug("search index caught up with the database", { updated: visible.length, removed: hidden.length });
  }

  /** The search page: validated state in, hits with facets (labelled in both languages) out. */
  async searchPage(state: SearchState, notices: SearchNotice[]): Promise<SearchPageData> {
    const checked = await this.checkFilters(state, notices);
    await this.ensureFresh();
    const filters: SearchFilters = {
      categorySlug: checked.categorySlug,
      provinceCode: checked.provinceCode,
      regencyCode: checked.regencyCode,
      priceMinIdr: checked.priceMinIdr,
      priceMaxIdr: checked.priceMaxIdr,
      inStock: checked.inStock || undefined,
    };
    const result = await this.engine.search({
      text: checked.text,
      filters,
      sort: checked.sort,
      page: checked.page,
      perPage: RESULTS_PER_PAGE,
    });
    const labels = await this.facetLabels([
      ...result.facets.province,
      ...result.facets.regency,
      ...[checked.provinceCode, checked.regencyCode].filter((c): c is string => !!c).map((value) => ({ value, count: 0 })),
    ]);
    const label = (facet: FacetCount, names: Map<string, { id: string; en: string }>): LabelledFacet => {
      const name = names.get(facet.value);
      return { ...facet, label: name?.id ?? facet.value, labelEn: name?.en ?? facet.value };
    };
    const labelOf = (value: string | undefined, names: Map<string, { id: string; en: string }>, facets: FacetCount[]) =>
      value === undefined ? undefined : label(facets.find((f) => f.value === value) ?? { value, count: 0 }, names);
    return {
      state: checked,
      notices,
      hits: result.hits.map(({ document: doc, titleHighlight }) => ({
        card: {
          slug: doc.slug,
          title: doc.title,
          storeName: doc.storeName,
          prices: doc.prices,
          inStock: doc.inStock,
          image: doc.image,
        },
        titleHighlight,
        categorySlug: doc.categorySlug,
      })),
      total: result.total,
      totalPages: result.totalPages,
      matchedAllWords: result.matchedAllWords,
      facets: {
        category: result.facets.category.map((f) => label(f, labels.categories)),
        province: result.facets.province.map((f) => label(f, labels.regions)),
        regency: result.facets.regency.map((f) => label(f, labels.regions)),
        priceBucket: PRICE_BUCKETS.map((bucket) => ({
          value: bucket.id,
          min: bucket.min,
          max: bucket.max,
          count: result.facets.priceBucket.find((f) => f.value === bucket.id)?.count ?? 0,
        })).filter((bucket) => bucket.count > 0),
        inStock: result.facets.inStock,
      },
      selected: {
        category: labelOf(checked.categorySlug, labels.categories, result.facets.category),
        province: labelOf(checked.provinceCode, labels.regions, result.facets.province),
        regency: labelOf(checked.regencyCode, labels.regions, result.facets.regency),
      },
    };
  }

  async suggest(text: string, limit: number): Promise<Suggestion[]> {
    if (text.trim().length < 2) return [];
    await this.ensureFresh();
    return this.engine.suggest(text, limit);
  }

  /** Filters naming a category or region that does not exist are left out, with a notice. */
  private async checkFilters(state: SearchState, notices: SearchNotice[]): Promise<SearchState> {
    const checked = { ...state };
    const [category, province, regency] = await Promise.all([
      state.categorySlug ? this.db.category.findUnique({ where: { slug: state.categorySlug }, select: { slug: true } }) : null,
      state.provinceCode
        ? this.db.region.findFirst({ where: { code: state.provinceCode, level: "PROVINCE" }, select: { code: true } })
        : null,
      state.regencyCode
        ? this.db.region.findFirst({ where: { code: state.regencyCode, level: "REGENCY" }, select: { code: true, parentCode: true } })
        : null,
    ]);
    if (state.categorySlug && !category) {
      notices.push({ key: "unknownCategory", values: { value: state.categorySlug } });
      checked.categorySlug = undefined;
    }
    if (state.provinceCode && !province) {
      notices.push({ key: "unknownProvince", values: { value: state.provinceCode } });
      checked.provinceCode = undefined;
    }
    if (state.regencyCode && !regency) {
      notices.push({ key: "unknownRegency", values: { value: state.regencyCode } });
      checked.regencyCode = undefined;
    } else if (regency && checked.provinceCode && regency.parentCode !== checked.provinceCode) {
      notices.push({ key: "regencyOutsideProvince", values: { value: state.regencyCode! } });
      checked.regencyCode = undefined;
    }
    return checked;
  }

  private async facetLabels(regions: FacetCount[]) {
    const regionCodes = [...new Set(regions.map((r) => r.value))];
    const [categoryRows, regionRows] = await Promise.all([
      this.db.category.findMany({ select: { slug: true, nameId: true, nameEn: true } }),
      regionCodes.length > 0 ? this.db.region.findMany({ where: { code: { in: regionCodes } }, select: { code: true, name: true } }) : [],
    ]);
    return {
      categories: new Map(categoryRows.map((c) => [c.slug, { id: c.nameId, en: c.nameEn }])),
      regions: new Map(regionRows.map((r) => [r.code, { id: r.name, en: r.name }])),
    };
  }
}

declare global {
  // One sync state per process, beside the engine it feeds (survives module reloads in development).
  var __productSearch: ProductSearch | undefined;
}

/** The process's product search, on the app's database and the configured engine. */
export function productSearch(): ProductSearch {
  if (!globalThis.__productSearch) {
    const engine = getSearchEngine();
    globalThis.__productSearch = new ProductSearch({
      db: prisma,
      engine,
      autoSync: engine.name === "embedded",
      freshnessMs: getEnv().SEARCH_FRESHNESS_MS,
    });
  }
  return globalThis.__productSearch;
}

/**
 * Search updates never throw: a product or store saves even when the search service is down; the
 * failure is logged and the next reindex repairs it.
 */
async function quietly(message: string, context: Record<string, string>, run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    logger.error(message, { ...context, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}

/** Call after a product (or its variants' price or stock, its photos, or its store) changed. Never throws. */
export function syncProductInSearch(productId: string): Promise<boolean> {
  return quietly("search sync failed", { productId }, () => productSearch().syncProduct(productId));
}

/** Call after a product was deleted outright. Never throws. */
export function removeProductFromSearch(productId: string): Promise<boolean> {
  return quietly("search removal failed", { productId }, () => productSearch().removeProduct(productId));
}

/** Call after a store's name, regency or status changed: re-indexes all its products. Never throws. */
export function syncStoreProductsInSearch(storeId: string): Promise<boolean> {
  return quietly("search sync failed", { storeId }, () => productSearch().syncStore(storeId));
}

/** After an order took or returned stock: re-index the products it holds. Never throws. */
export async function syncOrderProductsInSearch(orderId: string): Promise<void> {
  try {
    const items = await prisma.orderItem.findMany({
      where: { storeOrder: { orderId } },
      select: { variant: { select: { productId: true } } },
    });
    const productIds = new Set(items.flatMap((item) => (item.variant ? [item.variant.productId] : [])));
    await Promise.all([...productIds].map((id) => syncProductInSearch(id)));
  } catch (error) {
    logger.error("search sync failed", { orderId, error: error instanceof Error ? error.message : String(error) });
  }
}

/** The same, for the order a store order belongs to. Never throws. */
export async function syncOrderProductsOfStoreOrder(storeOrderId: string): Promise<void> {
  const storeOrder = await prisma.storeOrder.findUnique({ where: { id: storeOrderId }, select: { orderId: true } }).catch(() => null);
  if (storeOrder) await syncOrderProductsInSearch(storeOrder.orderId);
}

export function reindexAll(): Promise<{ count: number; ms: number }> {
  return productSearch().reindexAll();
}
