import { z } from "zod";
import type { ProductCardData } from "~/components/product-card";
import type { Prisma } from "~/generated/prisma/client";
import type { PrismaClient } from "~/utils/db.server";

/** What shoppers may see: active products of active stores. */
export const visibleProductWhere = {
  status: "ACTIVE",
  store: { status: "ACTIVE" },
} satisfies Prisma.ProductWhereInput;

/** What listings show: visible products that can be bought, i.e. have at least one variant. */
const listedProductWhere = {
  ...visibleProductWhere,
  variants: { some: {} },
} satisfies Prisma.ProductWhereInput;

const cardSelect = {
  id: true,
  slug: true,
  title: true,
  store: { select: { name: true } },
  variants: { select: { priceIdr: true, stock: true }, orderBy: { position: "asc" } },
  images: {
    select: { storageKey: true, width: true, height: true, alt: true, placeholder: true },
    orderBy: { position: "asc" },
    take: 1,
  },
} satisfies Prisma.ProductSelect;

type CardRow = Prisma.ProductGetPayload<{ select: typeof cardSelect }>;

function toCard(row: CardRow): ProductCardData {
  return {
    slug: row.slug,
    title: row.title,
    storeName: row.store.name,
    prices: row.variants.map((v) => v.priceIdr),
    inStock: row.variants.some((v) => v.stock > 0),
    image: row.images[0] ?? null,
  };
}

export async function listFreshProducts(db: PrismaClient, { take = 24 }: { take?: number } = {}) {
  const rows = await db.product.findMany({
    where: listedProductWhere,
    select: cardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take,
  });
  return rows.map(toCard);
}

/**
 * Cards for products found elsewhere (a search engine's hits, a price-sorted page of ids), in the order
 * of `ids`. Ids that are not (or no longer) visible are left out.
 */
export async function listProductCardsByIds(db: PrismaClient, ids: string[]): Promise<ProductCardData[]> {
  if (ids.length === 0) return [];
  const rows = await db.product.findMany({ where: { ...listedProductWhere, id: { in: ids } }, select: cardSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toCard(row)] : [];
  });
}

// ---------------------------------------------------------------- categories

export type CategorySummary = { slug: string; nameId: string; nameEn: string; productCount: number };

/** Every category with the number of products a shopper can see in it, in the catalogue's order. */
export async function listCategories(db: PrismaClient): Promise<CategorySummary[]> {
  const rows = await db.category.findMany({
    select: { slug: true, nameId: true, nameEn: true, _count: { select: { products: { where: listedProductWhere } } } },
    orderBy: [{ sortOrder: "asc" }, { nameId: "asc" }],
  });
  return rows.map(({ _count, ...category }) => ({ ...category, productCount: _count.products }));
}

export function getCategory(db: PrismaClient, slug: string) {
  return db.category.findUnique({ where: { slug }, select: { id: true, slug: true, nameId: true, nameEn: true } });
}

// ---------------------------------------------------------------- short-lived reference lists

/**
 * Lists that change rarely (a category's name, which regions have open stores) are kept this long in the
 * process: each saves a Prisma call on every listing request, where that call costs more than the SQL.
 * A change shows within a minute. One process serves the site (decision 0003), so nothing needs sharing.
 */
const REFERENCE_TTL_MS = 60_000;
const referenceCache = new WeakMap<PrismaClient, Map<string, { expires: number; value: Promise<unknown> }>>();

function remember<T>(db: PrismaClient, key: string, load: () => Promise<T>): Promise<T> {
  let entries = referenceCache.get(db);
  if (!entries) {
    entries = new Map();
    referenceCache.set(db, entries);
  }
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  const value = load();
  entries.set(key, { expires: now + REFERENCE_TTL_MS, value });
  const cache = entries;
  value.catch(() => cache.delete(key));
  return value;
}

/** getCategory, remembered for a minute (an unknown slug is asked again each time). */
export async function getCategoryCached(db: PrismaClient, slug: string) {
  const category = await remember(db, `category:${slug}`, () => getCategory(db, slug));
  if (!category) referenceCache.get(db)?.delete(`category:${slug}`);
  return category;
}

// ---------------------------------------------------------------- listing query (URL state)

export const CATALOG_SORTS = ["terbaru", "termurah", "termahal", "terlaris"] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];
export const CATALOG_PAGE_SIZE = 24;

/** What a listing shows, read from the address so a link can be shared. Param names are the URL's. */
export type CatalogQuery = {
  kategori: string | null;
  provinsi: string | null;
  kabupaten: string | null;
  hargaMin: number | null;
  hargaMax: number | null;
  tersedia: boolean;
  urut: CatalogSort;
  halaman: number;
};

export const CATALOG_PARAMS = ["kategori", "provinsi", "kabupaten", "harga_min", "harga_max", "tersedia", "urut", "halaman"] as const;
export type CatalogParam = (typeof CATALOG_PARAMS)[number];

/** Above any product's price; keeps numbers well inside what SQLite and JavaScript hold exactly. */
const MAX_PRICE_IDR = 1_000_000_000_000;
/** Deeper than any real listing; the page is clamped to the last one after counting. */
const MAX_PAGE = 100_000;

/** "25000", "25.000" or "Rp 25.000" (thousands with dots, as Indonesians write them). */
const rupiahParam = z
  .string()
  .trim()
  .transform((text) => text.replace(/^rp\.?\s*/i, ""))
  .refine((text) => /^\d{1,13}$/.test(text) || /^\d{1,3}(\.\d{3}){1,4}$/.test(text))
  .transform((text) => Number(text.replace(/\./g, "")))
  .refine((amount) => amount <= MAX_PRICE_IDR);

/** Each parameter on its own, so one bad value is ignored without losing the others. */
const catalogParamSchemas = {
  kategori: z.string().max(100).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  // Kemendagri codes: "32" is a province, "32.04" a regency or city in it.
  provinsi: z.string().regex(/^\d{2}$/),
  kabupaten: z.string().regex(/^\d{2}\.\d{2}$/),
  harga_min: rupiahParam,
  harga_max: rupiahParam,
  tersedia: z.enum(["1", "0"]).transform((value) => value === "1"),
  urut: z.enum(CATALOG_SORTS),
  halaman: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .refine((page) => page >= 1)
    .transform((page) => Math.min(page, MAX_PAGE)),
} satisfies Record<CatalogParam, z.ZodType>;

export const DEFAULT_CATALOG_QUERY: CatalogQuery = {
  kategori: null,
  provinsi: null,
  kabupaten: null,
  hargaMin: null,
  hargaMax: null,
  tersedia: false,
  urut: "terbaru",
  halaman: 1,
};

/**
 * Reads a listing's state from the address. Never throws: an empty field (as a GET form sends it) means
 * "not set", and a value that makes no sense is dropped and named in `ignored` so the page can say so.
 * A regency outside the chosen province is a leftover of an earlier choice and is dropped too.
 */
export function parseCatalogQuery(params: URLSearchParams): { query: CatalogQuery; ignored: CatalogParam[] } {
  const ignored: CatalogParam[] = [];
  function read<P extends CatalogParam>(name: P): z.output<(typeof catalogParamSchemas)[P]> | undefined {
    const raw = params.get(name);
    if (raw === null || raw.trim() === "") return undefined;
    const parsed = catalogParamSchemas[name].safeParse(raw);
    if (!parsed.success) {
      ignored.push(name);
      return undefined;
    }
    return parsed.data as z.output<(typeof catalogParamSchemas)[P]>;
  }

  let provinsi = read("provinsi") ?? null;
  let kabupaten = read("kabupaten") ?? null;
  if (kabupaten && provinsi && !kabupaten.startsWith(`${provinsi}.`)) kabupaten = null;
  if (kabupaten && !provinsi) provinsi = kabupaten.slice(0, 2);

  let hargaMin = read("harga_min") ?? null;
  let hargaMax = read("harga_max") ?? null;
  if (hargaMin !== null && hargaMax !== null && hargaMin > hargaMax) [hargaMin, hargaMax] = [hargaMax, hargaMin];

  const query: CatalogQuery = {
    kategori: read("kategori") ?? null,
    provinsi,
    kabupaten,
    hargaMin,
    hargaMax,
    tersedia: read("tersedia") ?? false,
    urut: read("urut") ?? "terbaru",
    halaman: read("halaman") ?? 1,
  };
  return { query, ignored };
}

/**
 * The products a listing shows. `scope` narrows to a category or a store; the query adds the shopper's
 * filters. A product matches the price range or "in stock" when one of its variants does (the same
 * variant for both, so "in stock under Rp20.000" means a variant that is both). Products without any
 * variant cannot be bought and are never listed.
 */
export function catalogWhere(query: CatalogQuery, scope: Prisma.ProductWhereInput = {}): Prisma.ProductWhereInput {
  const variant: Prisma.ProductVariantWhereInput = {};
  if (query.hargaMin !== null || query.hargaMax !== null) {
    variant.priceIdr = { ...(query.hargaMin !== null && { gte: query.hargaMin }), ...(query.hargaMax !== null && { lte: query.hargaMax }) };
  }
  if (query.tersedia) variant.stock = { gt: 0 };

  const store: Prisma.StoreWhereInput = { status: "ACTIVE" };
  if (query.kabupaten) store.regencyCode = query.kabupaten;
  else if (query.provinsi) store.regency = { parentCode: query.provinsi };

  return { ...scope, status: "ACTIVE", store, variants: { some: variant } };
}

export type CatalogPage = {
  products: ProductCardData[];
  total: number;
  /** The page shown: the asked one, clamped to the last page. */
  page: number;
  pageCount: number;
};

/**
 * One page of a listing. Newest and best-selling are plain indexed orders. Price orders use each
 * product's lowest variant price (the price its card starts from): the variants of matching products
 * are grouped per product and ordered by their minimum in SQL, the page of ids is taken there, and the
 * cards are loaded by id. Ties fall back to the id so pages never overlap.
 *
 * One row more than the page is read: when there is no next page the total is known without counting
 * (most categories fit on one page), so `count` runs only when more pages follow or the asked page is
 * past the end (then the last page is shown).
 */
export async function listCatalogPage(
  db: PrismaClient,
  where: Prisma.ProductWhereInput,
  { sort, page, pageSize = CATALOG_PAGE_SIZE }: { sort: CatalogSort; page: number; pageSize?: number },
): Promise<CatalogPage> {
  const asked = Math.max(1, page);
  const window = await readPage(db, where, sort, (asked - 1) * pageSize, pageSize + 1);
  if (window.length > 0 && window.length <= pageSize) {
    return { products: await window.load(), total: (asked - 1) * pageSize + window.length, page: asked, pageCount: asked };
  }
  if (window.length === 0 && asked === 1) return { products: [], total: 0, page: 1, pageCount: 1 };

  const total = await db.product.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (window.length > pageSize) return { products: await window.load(pageSize), total, page: asked, pageCount };
  // Past the end: show the last page.
  const last = await readPage(db, where, sort, (pageCount - 1) * pageSize, pageSize);
  return { products: await last.load(), total, page: pageCount, pageCount };
}

/** Rows of a listing in order, and a way to turn the first `limit` of them into cards. */
async function readPage(
  db: PrismaClient,
  where: Prisma.ProductWhereInput,
  sort: CatalogSort,
  skip: number,
  take: number,
): Promise<{ length: number; load(limit?: number): Promise<ProductCardData[]> }> {
  if (sort === "termurah" || sort === "termahal") {
    const groups = await db.productVariant.groupBy({
      by: ["productId"],
      where: { product: where },
      _min: { priceIdr: true },
      orderBy: [{ _min: { priceIdr: sort === "termurah" ? "asc" : "desc" } }, { productId: "asc" }],
      skip,
      take,
    });
    return {
      length: groups.length,
      load: (limit = take) => listProductCardsByIds(db, groups.slice(0, limit).map((group) => group.productId)),
    };
  }
  const orderBy: Prisma.ProductOrderByWithRelationInput[] =
    sort === "terlaris"
      ? [{ soldCount: "desc" }, { publishedAt: "desc" }, { id: "asc" }]
      : [{ publishedAt: "desc" }, { id: "asc" }];
  const rows = await db.product.findMany({ where, select: cardSelect, orderBy, skip, take });
  return { length: rows.length, load: async (limit = take) => rows.slice(0, limit).map(toCard) };
}

export type RegionChoice = { code: string; name: string };
export type ProvinceChoice = RegionChoice & { regencies: RegionChoice[] };

/**
 * Provinces and regencies that have an open store with something to show in `scope`, for the region
 * filter: offering a place with nothing in it only leads to an empty page. Read from the stores' side,
 * which are few, rather than scanning every region of Indonesia.
 */
export async function listStoreRegions(db: PrismaClient, scope: Prisma.ProductWhereInput = {}): Promise<ProvinceChoice[]> {
  const stores = await db.store.findMany({
    where: { status: "ACTIVE", products: { some: { ...scope, status: "ACTIVE", variants: { some: {} } } } },
    select: { regency: { select: { code: true, name: true, parent: { select: { code: true, name: true } } } } },
  });
  const provinces = new Map<string, ProvinceChoice>();
  for (const { regency } of stores) {
    if (!regency.parent) continue;
    let province = provinces.get(regency.parent.code);
    if (!province) {
      province = { code: regency.parent.code, name: regency.parent.name, regencies: [] };
      provinces.set(province.code, province);
    }
    if (!province.regencies.some((r) => r.code === regency.code)) province.regencies.push({ code: regency.code, name: regency.name });
  }
  const byName = (a: RegionChoice, b: RegionChoice) => a.name.localeCompare(b.name, "id");
  return [...provinces.values()]
    .map((province) => ({ ...province, regencies: province.regencies.sort(byName) }))
    .sort(byName);
}

/** listStoreRegions for a category (or every category), remembered for a minute. */
export function listStoreRegionsCached(db: PrismaClient, category: { id: string } | { slug: string } | null) {
  const key = category === null ? "regions:*" : "id" in category ? `regions:id:${category.id}` : `regions:slug:${category.slug}`;
  const scope = category === null ? {} : "id" in category ? { categoryId: category.id } : { category: { slug: category.slug } };
  return remember(db, key, () => listStoreRegions(db, scope));
}

// ---------------------------------------------------------------- product and store pages

export async function getVisibleProduct(db: PrismaClient, slug: string) {
  const product = await db.product.findFirst({
    where: { ...visibleProductWhere, slug },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      categoryId: true,
      storeId: true,
      soldCount: true,
      category: { select: { slug: true, nameId: true, nameEn: true } },
      store: {
        select: {
          slug: true,
          name: true,
          whatsapp: true,
          kubeGroupId: true,
          regency: { select: { name: true, parent: { select: { name: true } } } },
        },
      },
      variants: {
        select: { id: true, name: true, priceIdr: true, stock: true, weightGrams: true },
        orderBy: { position: "asc" },
      },
      images: {
        select: { storageKey: true, width: true, height: true, alt: true, placeholder: true },
        orderBy: { position: "asc" },
      },
    },
  });
  return product;
}

/**
 * Products to show under a product: best-sellers of its category first, then the same store's, never
 * the product itself. Two small indexed queries instead of one that cannot rank "same category" first.
 */
export async function listRelatedProducts(
  db: PrismaClient,
  product: { id: string; categoryId: string; storeId: string },
  take = 4,
): Promise<ProductCardData[]> {
  const orderBy: Prisma.ProductOrderByWithRelationInput[] = [{ soldCount: "desc" }, { publishedAt: "desc" }, { id: "asc" }];
  const base = { ...listedProductWhere, id: { not: product.id } } satisfies Prisma.ProductWhereInput;
  const sameCategory = await db.product.findMany({ where: { ...base, categoryId: product.categoryId }, select: cardSelect, orderBy, take });
  if (sameCategory.length >= take) return sameCategory.map(toCard);
  const sameStore = await db.product.findMany({
    where: { ...base, storeId: product.storeId, categoryId: { not: product.categoryId } },
    select: cardSelect,
    orderBy,
    take: take - sameCategory.length,
  });
  return [...sameCategory, ...sameStore].map(toCard);
}

const storeProfileSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  story: true,
  whatsapp: true,
  kubeGroupId: true,
  logoKey: true,
  regency: { select: { name: true, parent: { select: { name: true } } } },
} satisfies Prisma.StoreSelect;

/** An open store's public profile (no products). */
export function getVisibleStoreProfile(db: PrismaClient, slug: string) {
  return db.store.findFirst({ where: { slug, status: "ACTIVE" }, select: storeProfileSelect });
}

/** An open store with every product it shows, newest first. Store pages use the paged listing instead. */
export async function getVisibleStore(db: PrismaClient, slug: string) {
  const store = await getVisibleStoreProfile(db, slug);
  if (!store) return null;
  const products = await db.product.findMany({
    where: { ...listedProductWhere, storeId: store.id },
    select: cardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
  });
  return { ...store, products: products.map(toCard) };
}
