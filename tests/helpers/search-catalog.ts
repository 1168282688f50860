import { FIXTURE_CATEGORIES, FIXTURE_PRODUCTS, FIXTURE_STORES, RELEVANCE_CASES, type RelevanceCase } from "../fixtures/search-catalog";
import type { PrismaClient } from "~/generated/prisma/client";
import type { ProductSearch } from "~/models/product-search.server";
import { parseSearchParams } from "~/models/search-params.server";
import { readRegionDataset } from "~/models/region.server";

/** Provinces and regencies from idn-area-data (districts are not needed by search). */
export async function loadProvincesAndRegencies(db: PrismaClient): Promise<void> {
  const rows = (await readRegionDataset()).filter((r) => r.level !== "DISTRICT");
  await db.region.createMany({ data: rows });
}

export type SeededCatalog = {
  productIds: Map<string, string>;
  categoryIds: Map<string, string>;
  storeIds: Map<string, string>;
};

/** Writes tests/fixtures/search-catalog.ts into a migrated database. Published dates are fixed (one a day). */
export async function seedSearchCatalog(db: PrismaClient, { withRegions = true } = {}): Promise<SeededCatalog> {
  if (withRegions) await loadProvincesAndRegencies(db);
  const facilitator = await db.user.create({
    data: { email: "pendamping-cari@contoh.test", name: "Pendamping Uji Cari" },
    select: { id: true },
  });
  const categoryIds = new Map<string, string>();
  for (const [i, category] of FIXTURE_CATEGORIES.entries()) {
    const row = await db.category.create({ data: { ...category, sortOrder: i }, select: { id: true } });
    categoryIds.set(category.slug, row.id);
  }
  const storeIds = new Map<string, string>();
  for (const store of FIXTURE_STORES) {
    const household = await db.household.create({
      data: {
        programRef: `PKH-CARI-${store.key}`,
        headName: `Keluarga ${store.name}`,
        memberCount: 4,
        regencyCode: store.regencyCode,
        facilitatorId: facilitator.id,
      },
      select: { id: true },
    });
    const row = await db.store.create({
      data: {
        slug: `toko-${store.key}`,
        name: store.name,
        description: `Toko ${store.name}.`,
        regencyCode: store.regencyCode,
        whatsapp: "0812-0000-0000",
        householdId: household.id,
      },
      select: { id: true },
    });
    storeIds.set(store.key, row.id);
  }
  const productIds = new Map<string, string>();
  const firstPublished = Date.UTC(2026, 0, 1);
  for (const [i, product] of FIXTURE_PRODUCTS.entries()) {
    const status = product.status ?? "ACTIVE";
    const row = await db.product.create({
      data: {
        slug: product.slug,
        title: product.title,
        description: product.description,
        status,
        soldCount: product.soldCount ?? 0,
        publishedAt: status === "DRAFT" ? null : new Date(firstPublished + i * 86_400_000),
        categoryId: categoryIds.get(product.category)!,
        storeId: storeIds.get(product.store)!,
        variants: {
          create: product.variants.map(([priceIdr, stock], position) => ({
            name: `Pilihan ${position + 1}`,
            priceIdr,
            costIdr: Math.floor(priceIdr / 2),
            stock,
            weightGrams: 250,
            position,
          })),
        },
      },
      select: { id: true },
    });
    productIds.set(product.slug, row.id);
  }
  return { productIds, categoryIds, storeIds };
}

export type CaseOutcome = {
  case: RelevanceCase;
  top5: string[];
  missing: string[];
  unwanted: string[];
  /** False for cases without relevant products (they check that something is never shown). */
  scored: boolean;
  /** Relevant among the first five, over five (the textbook P@5). */
  precisionAt5: number;
  /** Relevant among the first five, over the most that could be (min(5, relevant)). */
  attainablePrecisionAt5: number;
};

/** Runs every relevance case through the search page's own parsing and search. */
export async function evaluateRelevance(search: ProductSearch, cases: RelevanceCase[] = RELEVANCE_CASES): Promise<CaseOutcome[]> {
  const outcomes: CaseOutcome[] = [];
  for (const c of cases) {
    const { state, notices } = parseSearchParams(new URLSearchParams({ q: c.query, ...c.params }));
    const page = await search.searchPage(state, notices);
    const top5 = page.hits.slice(0, 5).map((hit) => hit.card.slug);
    const relevant = new Set(c.relevant ?? c.mustAppear);
    const hits = top5.filter((slug) => relevant.has(slug)).length;
    outcomes.push({
      case: c,
      top5,
      missing: c.mustAppear.filter((slug) => !top5.includes(slug)),
      unwanted: (c.mustNotAppear ?? []).filter((slug) => top5.includes(slug)),
      scored: relevant.size > 0,
      precisionAt5: hits / 5,
      attainablePrecisionAt5: relevant.size === 0 ? 1 : hits / Math.min(5, relevant.size),
    });
  }
  return outcomes;
}

export function mean(values: number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}
