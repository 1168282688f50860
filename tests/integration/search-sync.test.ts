import { createTestDatabase } from "../helpers/database";
import { seedSearchCatalog, type SeededCatalog } from "../helpers/search-catalog";
import { ProductSearch } from "~/models/product-search.server";
import { parseSearchParams } from "~/models/search-params.server";
import { EmbeddedSearchEngine } from "~/services/search/embedded.server";

// The index follows product changes right after they happen: through the model's sync calls, and
// through the freshness check for changes another process wrote to the database.
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let catalog: SeededCatalog;

beforeAll(async () => {
  db = await createTestDatabase();
  catalog = await seedSearchCatalog(db.prisma);
});
afterAll(async () => {
  await db.cleanup();
});

/** A long freshness interval: only explicit sync calls can update the index in these tests. */
function explicitOnly() {
  return new ProductSearch({ db: db.prisma, engine: new EmbeddedSearchEngine(), autoSync: true, freshnessMs: 3_600_000 });
}

async function slugsFor(search: ProductSearch, query: Record<string, string>) {
  const { state, notices } = parseSearchParams(new URLSearchParams(query));
  const page = await search.searchPage(state, notices);
  return page.hits.map((h) => h.card.slug);
}

const id = (slug: string) => catalog.productIds.get(slug)!;

describe("sync through the model layer", () => {
  test("the index is built from the database on the first query", async () => {
    const search = explicitOnly();
    expect(await slugsFor(search, { q: "boboko" })).toEqual(["boboko-bambu"]);
  });

  test("an edited title is found by its new words and no longer by the old ones", async () => {
    const search = explicitOnly();
    await slugsFor(search, { q: "boboko" });
    await db.prisma.product.update({ where: { id: id("tampah-bambu") }, data: { title: "Nyiru Bambu Raksasa Ciamis" }, select: { id: true } });
    expect(await slugsFor(search, { q: "raksasa ciamis" })).toEqual([]); // not synced yet: the test can fail
    await search.syncProduct(id("tampah-bambu"));
    expect(await slugsFor(search, { q: "raksasa ciamis" })).toEqual(["tampah-bambu"]);
    expect(await slugsFor(search, { q: "serbaguna" })).not.toContain("tampah-bambu");
  });

  test("a sold-out product is still found, marked out of stock, and left out by the in-stock filter", async () => {
    const search = explicitOnly();
    expect(await slugsFor(search, { q: "sabun sirih", tersedia: "1" })).toEqual(["sabun-daun-sirih"]);
    await db.prisma.productVariant.updateMany({ where: { productId: id("sabun-daun-sirih") }, data: { stock: 0 } });
    await search.syncProduct(id("sabun-daun-sirih"));
    const { state, notices } = parseSearchParams(new URLSearchParams({ q: "sabun sirih" }));
    const page = await search.searchPage(state, notices);
    expect(page.hits.map((h) => [h.card.slug, h.card.inStock])).toEqual([["sabun-daun-sirih", false]]);
    expect(await slugsFor(search, { q: "sabun sirih", tersedia: "1" })).toEqual([]);
  });

  test("an archived product disappears, and comes back when it is active again", async () => {
    const search = explicitOnly();
    expect(await slugsFor(search, { q: "carica" })).toContain("sabun-carica");
    await db.prisma.product.update({ where: { id: id("sabun-carica") }, data: { status: "ARCHIVED" }, select: { id: true } });
    await search.syncProduct(id("sabun-carica"));
    expect(await slugsFor(search, { q: "carica" })).toEqual(["carica-manisan"]);
    await db.prisma.product.update({ where: { id: id("sabun-carica") }, data: { status: "ACTIVE" }, select: { id: true } });
    await search.syncProduct(id("sabun-carica"));
    expect(await slugsFor(search, { q: "carica" })).toContain("sabun-carica");
  });

  test("a removed product is gone at once", async () => {
    const search = explicitOnly();
    expect(await slugsFor(search, { q: "lilin lebah" })).toEqual(["lilin-lebah"]);
    await search.removeProduct(id("lilin-lebah"));
    expect(await slugsFor(search, { q: "lilin lebah" })).not.toContain("lilin-lebah");
  });
});

describe("changes written by another process", () => {
  test("are picked up by the freshness check, without a restart", async () => {
    const search = new ProductSearch({ db: db.prisma, engine: new EmbeddedSearchEngine(), autoSync: true, freshnessMs: 0 });
    expect(await slugsFor(search, { q: "topi pandan" })).toEqual(["topi-anyaman-pandan"]);

    // A new product, an edit and a store closing, all without a sync call.
    await db.prisma.product.create({
      data: {
        slug: "dompet-anyaman-pandan",
        title: "Dompet Anyaman Pandan",
        description: "Dompet kecil dari pandan.",
        status: "ACTIVE",
        publishedAt: new Date(),
        categoryId: catalog.categoryIds.get("anyaman")!,
        storeId: catalog.storeIds.get("kambera")!,
        variants: { create: [{ name: "Satu", priceIdr: 40_000, costIdr: 20_000, stock: 5, weightGrams: 100 }] },
      },
      select: { id: true },
    });
    await db.prisma.product.update({ where: { id: id("topi-anyaman-pandan") }, data: { title: "Caping Anyaman Pandan" }, select: { id: true } });
    await db.prisma.store.update({ where: { id: catalog.storeIds.get("jepara")! }, data: { status: "SUSPENDED" }, select: { id: true } });

    expect(await slugsFor(search, { q: "dompet pandan" })).toEqual(["dompet-anyaman-pandan"]);
    expect(await slugsFor(search, { q: "caping" })).toEqual(["topi-anyaman-pandan"]);
    expect(await slugsFor(search, { q: "meja bambu" })).not.toContain("meja-bambu-lipat");
  });

  test("a product deleted outright is gone after a rebuild the check starts itself", async () => {
    const search = new ProductSearch({ db: db.prisma, engine: new EmbeddedSearchEngine(), autoSync: true, freshnessMs: 0 });
    expect(await slugsFor(search, { q: "kacang mete" })).toContain("kacang-mete-bawang");
    await db.prisma.product.delete({ where: { id: id("kacang-mete-bawang") }, select: { id: true } });
    expect(await slugsFor(search, { q: "kacang mete" })).not.toContain("kacang-mete-bawang");
  });

  test("a full reindex gives the same answers as the incremental updates", async () => {
    const search = new ProductSearch({ db: db.prisma, engine: new EmbeddedSearchEngine(), autoSync: true, freshnessMs: 0 });
    const before = await slugsFor(search, { q: "pandan" });
    const { count } = await search.reindexAll();
    expect(count).toBe(
      await db.prisma.product.count({ where: { status: "ACTIVE", store: { status: "ACTIVE" } } }),
    );
    expect(await slugsFor(search, { q: "pandan" })).toEqual(before);
  });
});
