import { createTestDatabase } from "../helpers/database";
import { startFakeMeilisearch, type FakeMeilisearch } from "../helpers/fake-meilisearch";
import { seedSearchCatalog, type SeededCatalog } from "../helpers/search-catalog";
import { ProductSearch } from "~/models/product-search.server";
import { parseSearchParams } from "~/models/search-params.server";
import { HIGHLIGHT_POST, HIGHLIGHT_PRE, MeilisearchEngine, MeilisearchTaskError, meilisearchSettings } from "~/services/search/meilisearch.server";
import type { ProductSearchDocument } from "~/services/search/types";

// What the official client sends for our Meilisearch engine, checked request by request against a
// recording server. A real server runs the same engine in search-meilisearch-contract.test.ts.
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let catalog: SeededCatalog;
let meili: FakeMeilisearch;

beforeAll(async () => {
  db = await createTestDatabase();
  catalog = await seedSearchCatalog(db.prisma);
});
afterAll(async () => {
  await db.cleanup();
});
beforeEach(async () => {
  meili = await startFakeMeilisearch();
});
afterEach(async () => {
  await meili.close();
});

function engine(options: Partial<ConstructorParameters<typeof MeilisearchEngine>[0]> = {}) {
  return new MeilisearchEngine({ host: meili.url, apiKey: "kunci-uji", indexUid: "products", taskPollIntervalMs: 1, ...options });
}

function doc(i: number): ProductSearchDocument {
  return {
    id: `p${i}`,
    slug: `produk-${i}`,
    title: `Keripik Nomor ${i}`,
    description: "Uji.",
    storeName: "Toko Uji",
    storeSlug: "toko-uji",
    categorySlug: "keripik-camilan",
    categoryNameId: "Keripik & Camilan",
    categoryNameEn: "Chips & Snacks",
    provinceCode: "32",
    provinceName: "Jawa Barat",
    regencyCode: "32.05",
    regencyName: "Kabupaten Garut",
    priceIdr: 10_000,
    prices: [10_000],
    priceBucket: "0-24999",
    inStock: true,
    soldCount: i,
    publishedAt: 1_700_000_000_000 + i,
    image: null,
  };
}

async function* batches(...groups: ProductSearchDocument[][]) {
  for (const group of groups) yield group;
}

describe("index settings", () => {
  test("are what Indonesian product search needs", () => {
    const settings = meilisearchSettings();
    expect(settings.searchableAttributes?.[0]).toBe("title");
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining(["categorySlug", "provinceCode", "regencyCode", "priceBucket", "inStock", "priceIdr"]),
    );
    expect(settings.sortableAttributes).toEqual(["priceIdr", "publishedAt", "soldCount"]);
    expect(settings.typoTolerance).toEqual({ enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnNumbers: true });
    expect(settings.synonyms?.sambel).toEqual(["sambal"]);
    expect(settings.synonyms?.sambal).toEqual(["sambel"]);
    expect(settings.stopWords).toEqual(expect.arrayContaining(["yang", "dan", "dari"]));
  });

  test("are sent when the live index is first created, after waiting for its creation", async () => {
    await engine().upsert([doc(1)]);
    const calls = meili.requests.map((r) => `${r.method} ${r.path}`);
    expect(calls.slice(0, 2)).toEqual(["GET /indexes/products", "POST /indexes"]);
    expect(meili.find("POST", "/indexes")[0]?.body).toEqual({ uid: "products", primaryKey: "id" });
    const settings = meili.find("PATCH", "/indexes/products/settings");
    expect(settings).toHaveLength(1);
    expect(settings[0]?.body).toEqual(JSON.parse(JSON.stringify(meilisearchSettings())));
    // Settings are sent only once creation succeeded: its task was polled to the end first.
    const creationPolls = meili.find("GET", "/tasks/0").length;
    expect(creationPolls).toBe(2);
    expect(calls.indexOf("PATCH /indexes/products/settings")).toBeGreaterThan(calls.lastIndexOf("GET /tasks/0"));
    expect(meili.requests.every((r) => r.authorization === "Bearer kunci-uji")).toBe(true);
  });
});

describe("documents", () => {
  test("are sent in batches, each task awaited until it succeeded", async () => {
    const docs = Array.from({ length: 2_500 }, (_, i) => doc(i));
    await engine({ batchSize: 1_000 }).upsert(docs);
    const posts = meili.find("POST", "/indexes/products/documents");
    // The client sends the batches concurrently: their order on the wire is not fixed.
    expect(posts.map((p) => (p.body as unknown[]).length).sort((a, b) => b - a)).toEqual([1_000, 1_000, 500]);
    expect(posts.every((p) => p.query.primaryKey === "id")).toBe(true);
    expect(meili.indexes.get("products")?.docs.size).toBe(2_500);
    const taskPolls = meili.requests.filter((r) => r.path.startsWith("/tasks/"));
    const polledTasks = new Set(taskPolls.map((r) => r.path));
    expect(polledTasks.size).toBe(5); // index creation, settings, three batches
  });

  test("are removed by id", async () => {
    const search = engine();
    await search.upsert([doc(1), doc(2)]);
    await search.remove(["p1"]);
    expect(meili.find("POST", "/indexes/products/documents/delete-batch")[0]?.body).toEqual(["p1"]);
    expect([...meili.indexes.get("products")!.docs.keys()]).toEqual(["p2"]);
  });

  test("strip the highlight markers from titles so a title can never fake a highlight", async () => {
    await engine().upsert([{ ...doc(1), title: `Sambal ${HIGHLIGHT_PRE}Palsu${HIGHLIGHT_POST}` }]);
    expect((meili.find("POST", "/indexes/products/documents")[0]?.body as ProductSearchDocument[])[0]?.title).toBe("Sambal Palsu");
  });
});

describe("reindex", () => {
  test("builds a new index beside the live one, swaps it in, and deletes the old one", async () => {
    const search = engine();
    await search.upsert([doc(1)]);
    meili.requests.length = 0;

    const { count } = await search.replaceAll(batches([doc(2), doc(3)], [doc(4)]));
    expect(count).toBe(3);
    const calls = meili.requests.filter((r) => !r.path.startsWith("/tasks/")).map((r) => `${r.method} ${r.path}`);
    const buildUid = (meili.find("POST", "/indexes")[0]?.body as { uid: string }).uid;
    expect(buildUid).toMatch(/^products_build_[a-z0-9]+$/);
    expect(calls).toEqual([
      "POST /indexes",
      `PATCH /indexes/${buildUid}/settings`,
      `POST /indexes/${buildUid}/documents`,
      `POST /indexes/${buildUid}/documents`,
      "GET /indexes/products",
      "POST /swap-indexes",
      `DELETE /indexes/${buildUid}`,
    ]);
    expect(meili.find("POST", "/swap-indexes")[0]?.body).toEqual([{ indexes: ["products", buildUid], rename: false }]);
    // The swap waited for every batch: no document task was still pending when it was sent.
    expect([...meili.indexes.keys()]).toEqual(["products"]);
    expect([...meili.indexes.get("products")!.docs.keys()].sort()).toEqual(["p2", "p3", "p4"]);
  });

  test("creates the live index first when there is none, so the swap has two sides", async () => {
    await engine().replaceAll(batches([doc(1)]));
    const calls = meili.requests.filter((r) => !r.path.startsWith("/tasks/")).map((r) => `${r.method} ${r.path}`);
    expect(calls.filter((c) => c === "POST /indexes")).toHaveLength(2);
    expect([...meili.indexes.get("products")!.docs.keys()]).toEqual(["p1"]);
  });

  test("leaves the live index alone and cleans up when a batch fails", async () => {
    const search = engine();
    await search.upsert([doc(1)]);
    meili.failNextTask("documentAdditionOrUpdate");
    const error = await search.replaceAll(batches([doc(2)])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeilisearchTaskError);
    expect(meili.find("POST", "/swap-indexes")).toEqual([]);
    expect([...meili.indexes.keys()]).toEqual(["products"]);
    expect([...meili.indexes.get("products")!.docs.keys()]).toEqual(["p1"]);
  });

  test("reads every visible product from the database through the model layer", async () => {
    const search = new ProductSearch({ db: db.prisma, engine: engine({ batchSize: 25 }), autoSync: false, freshnessMs: 0 });
    const { count } = await search.reindexAll();
    const visible = await db.prisma.product.count({ where: { status: "ACTIVE", store: { status: "ACTIVE" } } });
    expect(count).toBe(visible);
    const sent = meili.requests.filter((r) => r.method === "POST" && r.path.endsWith("/documents")).flatMap((r) => r.body as ProductSearchDocument[]);
    expect(sent).toHaveLength(visible);
    const boboko = sent.find((d) => d.slug === "boboko-bambu");
    expect(boboko).toMatchObject({
      id: catalog.productIds.get("boboko-bambu"),
      categorySlug: "kerajinan-bambu",
      provinceCode: "32",
      provinceName: "Jawa Barat",
      regencyName: "Kabupaten Tasikmalaya",
      priceIdr: 35_000,
      inStock: true,
    });
    expect(sent.some((d) => d.slug === "kopi-luwak-liar" || d.slug === "ikan-asin-jambal")).toBe(false);
  });
});

describe("search", () => {
  test("sends filters, facets, sort, page and highlight tags, and counts active facets without their own filter", async () => {
    const search = engine();
    await search.upsert([doc(1), doc(2)]);
    meili.requests.length = 0;
    const result = await search.search({
      text: "keripik",
      filters: { categorySlug: "keripik-camilan", provinceCode: "32", priceMinIdr: 5_000, priceMaxIdr: 20_000, inStock: true },
      sort: "price_asc",
      page: 2,
      perPage: 1,
    });
    const [multi] = meili.find("POST", "/multi-search");
    const queries = (multi?.body as { queries: Record<string, unknown>[] }).queries;
    expect(queries[0]).toEqual({
      indexUid: "products",
      q: "keripik",
      matchingStrategy: "all",
      filter: ['categorySlug = "keripik-camilan"', 'provinceCode = "32"', "priceIdr >= 5000 AND priceIdr <= 20000", "inStock = true"],
      facets: ["categorySlug", "provinceCode", "regencyCode", "priceBucket", "inStock"],
      sort: ["priceIdr:asc"],
      page: 2,
      hitsPerPage: 1,
      attributesToHighlight: ["title"],
      highlightPreTag: HIGHLIGHT_PRE,
      highlightPostTag: HIGHLIGHT_POST,
    });
    // One query per active filter, without it, for that facet's counts.
    expect(queries.slice(1).map((q) => [q.facets, q.filter, q.hitsPerPage])).toEqual([
      [["categorySlug"], ['provinceCode = "32"', "priceIdr >= 5000 AND priceIdr <= 20000", "inStock = true"], 0],
      [["provinceCode"], ['categorySlug = "keripik-camilan"', "priceIdr >= 5000 AND priceIdr <= 20000", "inStock = true"], 0],
      [["priceBucket"], ['categorySlug = "keripik-camilan"', 'provinceCode = "32"', "inStock = true"], 0],
      [["inStock"], ['categorySlug = "keripik-camilan"', 'provinceCode = "32"', "priceIdr >= 5000 AND priceIdr <= 20000"], 0],
    ]);
    expect(result.total).toBe(2);
    expect(result.totalPages).toBe(2);
    expect(result.facets.category).toEqual([{ value: "keripik-camilan", count: 2 }]);
    expect(result.facets.inStock).toBe(2);
    expect(result.hits[0]?.titleHighlight).toEqual([
      { text: "Keripik", match: true },
      { text: " Nomor 2", match: false },
    ]);
  });

  test("quotes and escapes filter values, so a value cannot add a condition", async () => {
    const search = engine();
    await search.upsert([doc(1)]);
    meili.requests.length = 0;
    await search.search({ text: "", filters: { categorySlug: 'x" OR inStock = false OR categorySlug = "y' }, sort: "relevance", page: 1, perPage: 10 });
    const queries = (meili.find("POST", "/multi-search")[0]?.body as { queries: { filter: string[]; sort?: string[] }[] }).queries;
    expect(queries[0]?.filter).toEqual(['categorySlug = "x\\" OR inStock = false OR categorySlug = \\"y"']);
    // An empty query browses newest first.
    expect(queries[0]?.sort).toEqual(["publishedAt:desc"]);
  });

  test("asks again matching only some words when no product has them all", async () => {
    const search = engine();
    meili.requests.length = 0;
    await search.upsert([]);
    // The fake has no index yet: create one with nothing in it, so the first search finds nothing.
    await search.ensureIndex();
    const result = await search.search({ text: "kripik sambal", filters: {}, sort: "relevance", page: 1, perPage: 10 });
    const strategies = meili.find("POST", "/multi-search").map((r) => (r.body as { queries: { matchingStrategy: string }[] }).queries[0]?.matchingStrategy);
    expect(strategies).toEqual(["all", "last"]);
    expect(result.matchedAllWords).toBe(true); // nothing matched either way
  });

  test("suggests from titles and categories with highlights", async () => {
    const search = engine();
    await search.upsert([doc(1)]);
    const suggestions = await search.suggest("kerip", 5);
    const [request] = meili.find("POST", "/indexes/products/search");
    expect(request?.body).toEqual({
      q: "kerip",
      limit: 5,
      attributesToSearchOn: ["title", "categoryNameId", "categoryNameEn"],
      attributesToRetrieve: ["id", "slug", "title", "categorySlug"],
      attributesToHighlight: ["title"],
      highlightPreTag: HIGHLIGHT_PRE,
      highlightPostTag: HIGHLIGHT_POST,
    });
    expect(suggestions[0]).toMatchObject({ slug: "produk-1", titleHighlight: [{ text: "Kerip", match: true }, { text: "ik Nomor 1", match: false }] });
  });

  test("the search page works end to end on the Meilisearch engine", async () => {
    const search = new ProductSearch({ db: db.prisma, engine: engine(), autoSync: false, freshnessMs: 0 });
    await search.reindexAll();
    const { state, notices } = parseSearchParams(new URLSearchParams({ q: "kopi", kategori: "kopi" }));
    const page = await search.searchPage(state, notices);
    expect(page.total).toBeGreaterThan(0);
    expect(page.selected.category).toMatchObject({ value: "kopi", label: "Kopi", labelEn: "Coffee" });
    expect(page.facets.province.map((f) => f.label)).toContain("Jawa Barat");
  });
});
