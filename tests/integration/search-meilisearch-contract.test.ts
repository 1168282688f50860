import { randomBytes } from "node:crypto";
import { Meilisearch } from "meilisearch";
import { createTestDatabase } from "../helpers/database";
import { seedSearchCatalog, type SeededCatalog } from "../helpers/search-catalog";
import { ProductSearch } from "~/models/product-search.server";
import { parseSearchParams } from "~/models/search-params.server";
import { MeilisearchEngine } from "~/services/search/meilisearch.server";

/**
 * The Meilisearch engine against a real server. Runs only when MEILI_HOST is set (and MEILI_API_KEY
 * if the server has a master key); otherwise vitest reports these tests as skipped, not passed.
 * It uses its own throw-away index and deletes it afterwards. See docs/search.md.
 */
const host = process.env.MEILI_HOST;

describe.runIf(host)("Meilisearch contract (real server at MEILI_HOST)", () => {
  const indexUid = `products_contract_${randomBytes(4).toString("hex")}`;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let catalog: SeededCatalog;
  let search: ProductSearch;

  beforeAll(async () => {
    db = await createTestDatabase();
    catalog = await seedSearchCatalog(db.prisma);
    const engine = new MeilisearchEngine({ host: host!, apiKey: process.env.MEILI_API_KEY, indexUid, taskTimeoutMs: 60_000 });
    search = new ProductSearch({ db: db.prisma, engine, autoSync: false, freshnessMs: 0 });
    await search.reindexAll();
  }, 120_000);

  afterAll(async () => {
    const client = new Meilisearch({ host: host!, apiKey: process.env.MEILI_API_KEY });
    await client.deleteIndexIfExists(indexUid);
    await db?.cleanup();
  });

  async function slugs(query: Record<string, string>) {
    const { state, notices } = parseSearchParams(new URLSearchParams(query));
    const page = await search.searchPage(state, notices);
    return page.hits.map((h) => h.card.slug);
  }

  test("settings are applied to the live index after the swap", async () => {
    const client = new Meilisearch({ host: host!, apiKey: process.env.MEILI_API_KEY });
    const settings = await client.index(indexUid).getSettings();
    expect(settings.filterableAttributes).toEqual(expect.arrayContaining(["categorySlug", "inStock", "priceIdr"]));
    expect(settings.sortableAttributes).toEqual(expect.arrayContaining(["priceIdr", "publishedAt", "soldCount"]));
    expect(settings.synonyms?.sambel).toContain("sambal");
    const indexes = await client.getIndexes({ limit: 1000 });
    expect(indexes.results.some((i) => i.uid.startsWith(`${indexUid}_build_`))).toBe(false);
  });

  test("spelling variants and synonyms find the standard word", async () => {
    expect((await slugs({ q: "sambel bawang" })).slice(0, 5)).toEqual(expect.arrayContaining(["sambal-bawang-pedas", "sambal-bawang-original"]));
    expect((await slugs({ q: "kripik singkong" })).slice(0, 5)).toEqual(expect.arrayContaining(["keripik-singkong-balado-pedas"]));
    expect((await slugs({ q: "boboko" })).slice(0, 5)).toContain("boboko-bambu");
  });

  test("typos are forgiven", async () => {
    expect((await slugs({ q: "keripik pisng" })).slice(0, 5)).toContain("keripik-pisang-tanduk");
  });

  test("filters, facets and sorting", async () => {
    expect(await slugs({ q: "keripik", provinsi: "35" })).not.toContain("keripik-singkong-balado-pedas");
    expect(await slugs({ q: "kopi arabika", tersedia: "1" })).not.toContain("kopi-arabika-cikajang-biji");
    const prices = await slugs({ kategori: "sambal", urut: "termurah" });
    expect(prices[0]).toBe("sambal-bawang-original");
    const { state, notices } = parseSearchParams(new URLSearchParams({ q: "pandan", kategori: "anyaman" }));
    const page = await search.searchPage(state, notices);
    expect(page.facets.category.map((f) => f.value)).toEqual(expect.arrayContaining(["anyaman", "kue-kering"]));
  });

  test("sync: an edited, sold-out and archived product is found accordingly", async () => {
    const id = catalog.productIds.get("sabun-daun-sirih")!;
    await db.prisma.product.update({ where: { id }, data: { title: "Sabun Sirih Merah Kontrak" }, select: { id: true } });
    await search.syncProduct(id);
    expect(await slugs({ q: "kontrak" })).toEqual(["sabun-daun-sirih"]);
    await db.prisma.productVariant.updateMany({ where: { productId: id }, data: { stock: 0 } });
    await search.syncProduct(id);
    expect(await slugs({ q: "kontrak", tersedia: "1" })).toEqual([]);
    await db.prisma.product.update({ where: { id }, data: { status: "ARCHIVED" }, select: { id: true } });
    await search.syncProduct(id);
    expect(await slugs({ q: "kontrak" })).toEqual([]);
  });

  test("suggestions while typing", async () => {
    const suggestions = await search.suggest("kerip", 5);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions[0]?.titleHighlight.some((s) => s.match)).toBe(true);
  });
});
