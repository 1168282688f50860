import { FIXTURE_STORES } from "../fixtures/search-catalog";
import { createTestDatabase } from "../helpers/database";
import { seedSearchCatalog } from "../helpers/search-catalog";
import type { SuggestResponse } from "~/components/search-suggest";
import { ProductSearch, type SearchPageData } from "~/models/product-search.server";
// Tests call the route loaders exactly as Remix does; the rule is about routes importing routes.
// eslint-disable-next-line no-restricted-imports
import { loader as searchLoader } from "~/routes/cari";
// eslint-disable-next-line no-restricted-imports
import { loader as suggestLoader } from "~/routes/cari.saran";
import { EmbeddedSearchEngine } from "~/services/search/embedded.server";
import type { SearchEngine } from "~/services/search/types";

// Whatever arrives in the URL, the search page answers 200 with an explanation, and suggestions answer
// 200 with a (possibly empty) list. These call the route loaders as Remix does.
let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedSearchCatalog(db.prisma);
  globalThis.__productSearch = new ProductSearch({ db: db.prisma, engine: new EmbeddedSearchEngine(), autoSync: true, freshnessMs: 0 });
});
afterAll(async () => {
  globalThis.__productSearch = undefined;
  await db.cleanup();
});

const args = (url: string) => ({ request: new Request(`http://localhost${url}`), params: {}, context: {} });
const search = (query: string) => searchLoader(args(`/cari?${query}`)) as Promise<SearchPageData>;
async function suggest(query: string): Promise<{ status: number; body: SuggestResponse }> {
  const response = (await suggestLoader(args(`/cari/saran?${query}`))) as Response;
  return { status: response.status, body: (await response.json()) as SuggestResponse };
}
const visibleCount = () => db.prisma.product.count({ where: { status: "ACTIVE", store: { status: "ACTIVE" } } });

test("an empty query lists every product, newest first, with facets", async () => {
  const page = await search("q=");
  expect(page.total).toBe(await visibleCount());
  expect(page.notices).toEqual([]);
  expect(page.facets.category.length).toBeGreaterThan(5);
  expect(page.hits[0]?.card.slug).toBe("sabun-carica"); // the last fixture is the newest
});

test("a 5,000-character query is shortened and answered", async () => {
  const page = await search(`q=${encodeURIComponent("sambal ".repeat(715))}`);
  expect(page.state.text.length).toBeLessThanOrEqual(200);
  expect(page.notices.map((n) => n.key)).toEqual(["queryTruncated"]);
  expect(page.hits.map((h) => h.card.slug)).toContain("sambal-bawang-pedas");
});

test("a query of symbols only shows every product and says why", async () => {
  const page = await search(`q=${encodeURIComponent("*** %%% ??? <>")}`);
  expect(page.notices.map((n) => n.key)).toEqual(["queryNoWords"]);
  expect(page.total).toBe(await visibleCount());
});

test.each([
  "'; DROP TABLE \"Product\"; --",
  "<script>alert(1)</script>",
  'categorySlug = "kopi" OR 1=1',
  "${process.env.SESSION_SECRET}",
  "../../etc/passwd",
  "%00%0d%0aSet-Cookie: x=1",
])("an injection-looking query is only text: %s", async (query) => {
  const page = await search(`q=${encodeURIComponent(query)}`);
  expect(page.total).toBeGreaterThanOrEqual(0);
  expect(await db.prisma.product.count()).toBeGreaterThan(60);
  for (const hit of page.hits) expect(hit.titleHighlight.map((s) => s.text).join("")).toBe(hit.card.title);
  const { status } = await suggest(`q=${encodeURIComponent(query)}`);
  expect(status).toBe(200);
});

test("filters that do not exist are ignored with a notice, the rest still applies", async () => {
  const page = await search("q=keripik&kategori=tidak-ada&provinsi=99&kabupaten=32.99&harga_min=murah&urut=acak&halaman=99999");
  expect(page.notices.map((n) => n.key).sort()).toEqual(
    ["invalidPage", "invalidPrice", "unknownCategory", "unknownProvince", "unknownRegency", "unknownSort"].sort(),
  );
  expect(page.state).toMatchObject({ text: "keripik", sort: "relevance", page: 1 });
  expect(page.state.categorySlug).toBeUndefined();
  expect(page.hits.length).toBeGreaterThan(0);
});

test("a regency outside the chosen province is ignored with a notice", async () => {
  const page = await search("provinsi=33&kabupaten=32.05");
  expect(page.notices.map((n) => n.key)).toEqual(["regencyOutsideProvince"]);
  expect(page.state.provinceCode).toBe("33");
  const centralJavaStores = FIXTURE_STORES.filter((s) => s.regencyCode.startsWith("33.")).map((s) => s.name as string);
  expect(page.hits.length).toBeGreaterThan(0);
  for (const hit of page.hits) expect(centralJavaStores).toContain(hit.card.storeName);
});

test("a page past the last one is empty, not an error", async () => {
  const page = await search("q=boboko&halaman=5");
  expect(page.total).toBe(1);
  expect(page.hits).toEqual([]);
  expect(page.totalPages).toBe(1);
});

test("facets count each value with the other filters applied, and name it in both languages", async () => {
  const page = await search("q=pandan&kategori=anyaman");
  expect(page.hits.every((h) => h.categorySlug === "anyaman")).toBe(true);
  // The category facet ignores the category filter, so the other category with pandan still shows.
  expect(page.facets.category.map((f) => f.value)).toEqual(expect.arrayContaining(["anyaman", "kue-kering"]));
  expect(page.selected.category).toMatchObject({ value: "anyaman", label: "Anyaman", labelEn: "Woven Crafts" });
  expect(page.facets.province).toEqual([expect.objectContaining({ value: "53", label: "Nusa Tenggara Timur" })]);
});

test("suggestions: empty for nothing, a short list for a few letters", async () => {
  expect(await suggest("q=")).toEqual({ status: 200, body: { query: "", suggestions: [] } });
  expect((await suggest("")).body.suggestions).toEqual([]);
  const { body } = await suggest("q=kri");
  expect(body.suggestions.length).toBeGreaterThan(0);
  expect(body.suggestions.length).toBeLessThanOrEqual(6);
  expect(body.suggestions[0]?.titleHighlight.some((s) => s.match)).toBe(true);
  const long = await suggest(`q=${"a".repeat(5000)}`);
  expect(long).toMatchObject({ status: 200, body: { suggestions: [] } });
});

test("a failing engine gives a 503 page and empty suggestions, never a crash", async () => {
  const failing: SearchEngine = {
    name: "meilisearch",
    search: () => Promise.reject(new Error("connection refused")),
    suggest: () => Promise.reject(new Error("connection refused")),
    upsert: () => Promise.resolve(),
    remove: () => Promise.resolve(),
    replaceAll: () => Promise.resolve({ count: 0 }),
  };
  const previous = globalThis.__productSearch;
  globalThis.__productSearch = new ProductSearch({ db: db.prisma, engine: failing, autoSync: false, freshnessMs: 0 });
  try {
    const thrown = await search("q=kopi").catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(503);
    expect(await suggest("q=kopi")).toEqual({ status: 200, body: { query: "kopi", suggestions: [] } });
  } finally {
    globalThis.__productSearch = previous;
  }
});

test("characters that decompose into several symbols (½, ﬁ) are searched, never a crash (the loader throws 503 if the engine fails)", async () => {
  for (const q of ["½", "keripik ½", "ab½", "ﬁ", "kopi ⅓ kg"]) {
    await search(`q=${encodeURIComponent(q)}`);
    const suggestions = await suggest(`q=${encodeURIComponent(q)}`);
    expect(suggestions.status, q).toBe(200);
  }
  // The ordinary word next to the odd one still finds what it names.
  const page = await search(`q=${encodeURIComponent("keripik ½")}`);
  expect(page.total).toBeGreaterThan(0);
  expect(page.hits.some((hit) => /keripik/i.test(hit.card.title))).toBe(true);
});
