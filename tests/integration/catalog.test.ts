import type { ProductStatus, StoreStatus } from "~/generated/prisma/client";
import {
  catalogWhere,
  DEFAULT_CATALOG_QUERY,
  getVisibleProduct,
  getVisibleStore,
  listCatalogPage,
  listCategories,
  listFreshProducts,
  listProductCardsByIds,
  listRelatedProducts,
  listStoreRegions,
  parseCatalogQuery,
  type CatalogQuery,
  type CatalogSort,
} from "~/models/catalog.server";
import { createTestDatabase } from "../helpers/database";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let facilitatorId: string;
const categories: Record<"kopi" | "sambal", string> = { kopi: "", sambal: "" };
const stores: Record<string, string> = {};

type VariantSpec = { priceIdr: number; stock: number };

async function makeStore(slug: string, regencyCode: string, status: StoreStatus = "ACTIVE") {
  const household = await db.prisma.household.create({
    data: { programRef: `PKH-${slug}`, headName: `Ibu ${slug}`, memberCount: 4, regencyCode, facilitatorId },
    select: { id: true },
  });
  const store = await db.prisma.store.create({
    data: { slug, name: `Toko ${slug}`, description: "Toko uji", regencyCode, whatsapp: "6281200000000", status, householdId: household.id },
    select: { id: true },
  });
  stores[slug] = store.id;
}

let day = 0;
async function makeProduct(
  title: string,
  { store, category = "kopi", status = "ACTIVE", soldCount = 0, variants }: {
    store: string;
    category?: keyof typeof categories;
    status?: ProductStatus;
    soldCount?: number;
    variants: VariantSpec[];
  },
) {
  day += 1;
  return db.prisma.product.create({
    data: {
      title,
      slug: title.toLowerCase().replace(/\s+/g, "-"),
      description: `${title} untuk pengujian.`,
      storeId: stores[store]!,
      categoryId: categories[category],
      status,
      soldCount,
      publishedAt: status === "ACTIVE" ? new Date(Date.UTC(2026, 0, day)) : null,
      variants: {
        create: variants.map((v, position) => ({ name: `Varian ${position + 1}`, costIdr: 1_000, weightGrams: 250, position, ...v })),
      },
    },
    select: { id: true, slug: true, categoryId: true, storeId: true },
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.region.createMany({
    data: [
      { code: "32", name: "Jawa Barat", level: "PROVINCE", timeZone: "Asia/Jakarta" },
      { code: "32.04", name: "Kabupaten Bandung", level: "REGENCY", parentCode: "32" },
      { code: "32.05", name: "Kabupaten Garut", level: "REGENCY", parentCode: "32" },
      { code: "33", name: "Jawa Tengah", level: "PROVINCE", timeZone: "Asia/Jakarta" },
      { code: "33.02", name: "Kabupaten Banyumas", level: "REGENCY", parentCode: "33" },
      { code: "53", name: "Nusa Tenggara Timur", level: "PROVINCE", timeZone: "Asia/Makassar" },
      { code: "53.11", name: "Kabupaten Sumba Timur", level: "REGENCY", parentCode: "53" },
    ],
  });
  const facilitator = await db.prisma.user.create({ data: { email: "pendamping@katalog.test", name: "Pendamping" }, select: { id: true } });
  facilitatorId = facilitator.id;
  for (const [slug, sortOrder] of [["kopi", 1], ["sambal", 2]] as const) {
    const category = await db.prisma.category.create({ data: { slug, nameId: slug, nameEn: slug, sortOrder }, select: { id: true } });
    categories[slug] = category.id;
  }
  await makeStore("garut", "32.05");
  await makeStore("bandung", "32.04");
  await makeStore("banyumas", "33.02");
  await makeStore("sumba-ditangguhkan", "53.11", "SUSPENDED");
  await makeStore("sumba-tutup", "53.11", "CLOSED");

  // Published in this order (Kopi A oldest). Lowest variant prices: A 20k, B 12k, C 30k, D 15k.
  await makeProduct("Kopi A", { store: "garut", soldCount: 10, variants: [{ priceIdr: 20_000, stock: 5 }] });
  await makeProduct("Kopi B", { store: "bandung", soldCount: 30, variants: [{ priceIdr: 50_000, stock: 0 }, { priceIdr: 12_000, stock: 0 }] });
  await makeProduct("Kopi C", { store: "banyumas", soldCount: 5, variants: [{ priceIdr: 30_000, stock: 0 }, { priceIdr: 80_000, stock: 2 }] });
  await makeProduct("Kopi D", { store: "garut", variants: [{ priceIdr: 15_000, stock: 1 }] });
  // Never shown, however the filters are set: cheap and best-selling so a leak would be at the top.
  await makeProduct("Kopi Draf", { store: "garut", status: "DRAFT", soldCount: 99, variants: [{ priceIdr: 1_000, stock: 9 }] });
  await makeProduct("Kopi Arsip", { store: "garut", status: "ARCHIVED", soldCount: 99, variants: [{ priceIdr: 2_000, stock: 9 }] });
  await makeProduct("Kopi Ditangguhkan", { store: "sumba-ditangguhkan", soldCount: 99, variants: [{ priceIdr: 3_000, stock: 9 }] });
  await makeProduct("Kopi Tutup", { store: "sumba-tutup", soldCount: 99, variants: [{ priceIdr: 4_000, stock: 9 }] });
  await makeProduct("Kopi Tanpa Varian", { store: "garut", soldCount: 99, variants: [] });
  await makeProduct("Sambal E", { store: "garut", category: "sambal", soldCount: 1, variants: [{ priceIdr: 10_000, stock: 3 }] });
});

afterAll(async () => {
  await db.cleanup();
});

const HIDDEN = ["Kopi Draf", "Kopi Arsip", "Kopi Ditangguhkan", "Kopi Tutup", "Kopi Tanpa Varian"];

/** Titles of one page of the coffee category for the query given by URL parameters. */
async function kopi(search: string, { pageSize }: { pageSize?: number } = {}) {
  const { query } = parseCatalogQuery(new URLSearchParams(search));
  const page = await listCatalogPage(db.prisma, catalogWhere(query, { categoryId: categories.kopi }), {
    sort: query.urut,
    page: query.halaman,
    pageSize,
  });
  return { ...page, titles: page.products.map((p) => p.title) };
}

describe("reading a listing's state from the address", () => {
  const parse = (search: string) => parseCatalogQuery(new URLSearchParams(search));

  test("nothing or empty fields (as a GET form sends them) mean the defaults, with nothing ignored", () => {
    expect(parse("")).toEqual({ query: DEFAULT_CATALOG_QUERY, ignored: [] });
    expect(parse("provinsi=&kabupaten=&harga_min=&harga_max=&urut=terbaru")).toEqual({ query: DEFAULT_CATALOG_QUERY, ignored: [] });
  });

  test("reads every parameter", () => {
    const { query, ignored } = parse("kategori=kopi&provinsi=32&kabupaten=32.05&harga_min=10000&harga_max=50000&tersedia=1&urut=terlaris&halaman=3");
    expect(ignored).toEqual([]);
    expect(query).toEqual<CatalogQuery>({
      kategori: "kopi",
      provinsi: "32",
      kabupaten: "32.05",
      hargaMin: 10_000,
      hargaMax: 50_000,
      tersedia: true,
      urut: "terlaris",
      halaman: 3,
    });
  });

  test("ignores values that make no sense and names them, keeping the good ones", () => {
    const { query, ignored } = parse("halaman=-3&harga_min=abc&harga_max=40000&urut=acak&provinsi=Jawa&tersedia=ya&kategori=../etc");
    expect(ignored.sort()).toEqual(["halaman", "harga_min", "kategori", "provinsi", "tersedia", "urut"]);
    expect(query).toEqual({ ...DEFAULT_CATALOG_QUERY, hargaMax: 40_000 });
    expect(parse("halaman=0").query.halaman).toBe(1);
    expect(parse("halaman=1.5").ignored).toEqual(["halaman"]);
    expect(parse("harga_min=-5000").ignored).toEqual(["harga_min"]);
    expect(parse("harga_max=99999999999999999999").ignored).toEqual(["harga_max"]);
  });

  test("an absurdly deep page is capped (and later clamped to the last page)", () => {
    expect(parse("halaman=999999999").query.halaman).toBe(100_000);
  });

  test("prices may be written as Indonesians write them", () => {
    expect(parse("harga_min=Rp 25.000&harga_max=1.250.000").query).toMatchObject({ hargaMin: 25_000, hargaMax: 1_250_000 });
    expect(parse("harga_min=25.5").ignored).toEqual(["harga_min"]);
  });

  test("a lowest price above the highest is understood the other way round", () => {
    expect(parse("harga_min=50000&harga_max=10000").query).toMatchObject({ hargaMin: 10_000, hargaMax: 50_000 });
  });

  test("a regency implies its province; a regency outside the chosen province is a leftover and is dropped", () => {
    expect(parse("kabupaten=32.05").query).toMatchObject({ provinsi: "32", kabupaten: "32.05" });
    expect(parse("provinsi=33&kabupaten=32.05").query).toMatchObject({ provinsi: "33", kabupaten: null });
  });
});

describe("what shoppers see", () => {
  test("a listing never shows drafts, archived products, products of suspended or closed stores, or products without variants", async () => {
    const all = await kopi("");
    expect(all.total).toBe(4);
    expect(all.titles.sort()).toEqual(["Kopi A", "Kopi B", "Kopi C", "Kopi D"]);
    for (const search of ["urut=termurah", "urut=terlaris", "urut=termahal", "tersedia=1", "provinsi=53", "harga_max=5000"]) {
      const page = await kopi(search);
      for (const hidden of HIDDEN) expect(page.titles, search).not.toContain(hidden);
    }
  });

  test("fresh products, category counts, cards by id, related products and regions follow the same rules", async () => {
    const fresh = (await listFreshProducts(db.prisma)).map((p) => p.title);
    expect(fresh).toEqual(["Sambal E", "Kopi D", "Kopi C", "Kopi B", "Kopi A"]);

    expect(await listCategories(db.prisma)).toEqual([
      { slug: "kopi", nameId: "kopi", nameEn: "kopi", productCount: 4 },
      { slug: "sambal", nameId: "sambal", nameEn: "sambal", productCount: 1 },
    ]);

    const hiddenIds = (await db.prisma.product.findMany({ where: { title: { in: HIDDEN } }, select: { id: true } })).map((p) => p.id);
    const a = await db.prisma.product.findFirstOrThrow({ where: { title: "Kopi A" }, select: { id: true } });
    expect((await listProductCardsByIds(db.prisma, [...hiddenIds, a.id])).map((p) => p.title)).toEqual(["Kopi A"]);

    const regions = await listStoreRegions(db.prisma, { categoryId: categories.kopi });
    expect(regions).toEqual([
      { code: "33", name: "Jawa Tengah", regencies: [{ code: "33.02", name: "Kabupaten Banyumas" }] },
      {
        code: "32",
        name: "Jawa Barat",
        regencies: [
          { code: "32.04", name: "Kabupaten Bandung" },
          { code: "32.05", name: "Kabupaten Garut" },
        ],
      },
    ].sort((x, y) => x.name.localeCompare(y.name, "id")));
    expect((await listStoreRegions(db.prisma, { categoryId: categories.sambal })).map((p) => p.code)).toEqual(["32"]);
  });

  test("hidden products and stores have no page", async () => {
    for (const title of ["Kopi Draf", "Kopi Arsip", "Kopi Ditangguhkan", "Kopi Tutup"]) {
      expect(await getVisibleProduct(db.prisma, title.toLowerCase().replace(/\s+/g, "-")), title).toBeNull();
    }
    expect(await getVisibleProduct(db.prisma, "kopi-a")).not.toBeNull();
    expect(await getVisibleStore(db.prisma, "sumba-ditangguhkan")).toBeNull();
    expect(await getVisibleStore(db.prisma, "sumba-tutup")).toBeNull();
    const garut = await getVisibleStore(db.prisma, "garut");
    expect(garut?.products.map((p) => p.title)).toEqual(["Sambal E", "Kopi D", "Kopi A"]);
  });

  test("related products: the category's best-sellers first, then the same store's, never the product or a hidden one", async () => {
    const d = await db.prisma.product.findFirstOrThrow({ where: { title: "Kopi D" }, select: { id: true, categoryId: true, storeId: true } });
    expect((await listRelatedProducts(db.prisma, d)).map((p) => p.title)).toEqual(["Kopi B", "Kopi A", "Kopi C", "Sambal E"]);
    expect((await listRelatedProducts(db.prisma, d, 2)).map((p) => p.title)).toEqual(["Kopi B", "Kopi A"]);
  });
});

describe("sorting", () => {
  const cases: [CatalogSort, string[]][] = [
    ["terbaru", ["Kopi D", "Kopi C", "Kopi B", "Kopi A"]],
    // soldCount: B 30, A 10, C 5, D 0.
    ["terlaris", ["Kopi B", "Kopi A", "Kopi C", "Kopi D"]],
    // By each product's lowest variant price: B 12k, D 15k, A 20k, C 30k.
    ["termurah", ["Kopi B", "Kopi D", "Kopi A", "Kopi C"]],
    ["termahal", ["Kopi C", "Kopi A", "Kopi D", "Kopi B"]],
  ];
  test.each(cases)("urut=%s", async (sort, expected) => {
    expect((await kopi(`urut=${sort}`)).titles).toEqual(expected);
  });

  test("the default order is the newest first", async () => {
    expect((await kopi("")).titles).toEqual(["Kopi D", "Kopi C", "Kopi B", "Kopi A"]);
  });

  test("best-selling follows soldCount as it changes", async () => {
    await db.prisma.product.update({ where: { slug: "kopi-d" }, data: { soldCount: 100 } });
    try {
      expect((await kopi("urut=terlaris")).titles[0]).toBe("Kopi D");
    } finally {
      await db.prisma.product.update({ where: { slug: "kopi-d" }, data: { soldCount: 0 } });
    }
  });
});

describe("filters", () => {
  test("price range: a product matches when any of its variants' prices is in the range", async () => {
    // B has a 50k variant, C a 30k one; A (20k) and D (15k) have none in 25k–60k.
    expect((await kopi("harga_min=25000&harga_max=60000&urut=termurah")).titles).toEqual(["Kopi B", "Kopi C"]);
    expect((await kopi("harga_min=80000")).titles).toEqual(["Kopi C"]);
    expect((await kopi("harga_max=15000&urut=termurah")).titles).toEqual(["Kopi B", "Kopi D"]);
    // Bounds are inclusive.
    expect((await kopi("harga_min=20000&harga_max=20000")).titles).toEqual(["Kopi A"]);
  });

  test("in stock: a product with at least one variant in stock", async () => {
    expect((await kopi("tersedia=1")).titles).toEqual(["Kopi D", "Kopi C", "Kopi A"]);
  });

  test("in stock within a price range means one variant that is both", async () => {
    // C is in stock (80k) and has a 30k variant, but that one is sold out.
    expect((await kopi("tersedia=1&harga_max=40000")).titles).toEqual(["Kopi D", "Kopi A"]);
    expect((await kopi("tersedia=1&harga_min=70000")).titles).toEqual(["Kopi C"]);
  });

  test("the store's province (through its regency's parent) and regency", async () => {
    expect((await kopi("provinsi=32")).titles).toEqual(["Kopi D", "Kopi B", "Kopi A"]);
    expect((await kopi("provinsi=33")).titles).toEqual(["Kopi C"]);
    expect((await kopi("kabupaten=32.05")).titles).toEqual(["Kopi D", "Kopi A"]);
    expect((await kopi("provinsi=32&kabupaten=32.04")).titles).toEqual(["Kopi B"]);
    // Only suspended and closed stores there.
    expect(await kopi("provinsi=53")).toMatchObject({ total: 0, titles: [], page: 1, pageCount: 1 });
  });

  test("filters combine", async () => {
    expect((await kopi("provinsi=32&tersedia=1&urut=termurah")).titles).toEqual(["Kopi D", "Kopi A"]);
  });

  test("the category scope keeps other categories out", async () => {
    const { query } = parseCatalogQuery(new URLSearchParams(""));
    const sambal = await listCatalogPage(db.prisma, catalogWhere(query, { category: { slug: "sambal" } }), { sort: "terbaru", page: 1 });
    expect(sambal.products.map((p) => p.title)).toEqual(["Sambal E"]);
  });
});

describe("pagination", () => {
  test("pages follow each other without overlap and report the count", async () => {
    const first = await kopi("", { pageSize: 3 });
    expect(first).toMatchObject({ total: 4, page: 1, pageCount: 2, titles: ["Kopi D", "Kopi C", "Kopi B"] });
    // Reached directly, the last page knows the total too.
    expect(await kopi("halaman=2", { pageSize: 3 })).toMatchObject({ total: 4, page: 2, pageCount: 2, titles: ["Kopi A"] });
    expect(await kopi("", { pageSize: 4 })).toMatchObject({ total: 4, page: 1, pageCount: 1 });
    expect(await kopi("", { pageSize: 2 })).toMatchObject({ total: 4, page: 1, pageCount: 2, titles: ["Kopi D", "Kopi C"] });
    expect(await kopi("halaman=2", { pageSize: 2 })).toMatchObject({ total: 4, page: 2, pageCount: 2, titles: ["Kopi B", "Kopi A"] });
  });

  test("price-sorted pages too", async () => {
    expect((await kopi("urut=termahal", { pageSize: 3 })).titles).toEqual(["Kopi C", "Kopi A", "Kopi D"]);
    expect(await kopi("urut=termahal&halaman=2", { pageSize: 3 })).toMatchObject({ total: 4, page: 2, pageCount: 2, titles: ["Kopi B"] });
    expect(await kopi("urut=termurah&halaman=9", { pageSize: 3 })).toMatchObject({ total: 4, page: 2, pageCount: 2, titles: ["Kopi C"] });
  });

  test("a page past the end shows the last page; a bad page the first", async () => {
    expect(await kopi("halaman=99", { pageSize: 3 })).toMatchObject({ page: 2, pageCount: 2, titles: ["Kopi A"] });
    expect(await kopi("halaman=-3", { pageSize: 3 })).toMatchObject({ page: 1, titles: ["Kopi D", "Kopi C", "Kopi B"] });
    expect(await kopi("halaman=99&provinsi=53")).toMatchObject({ page: 1, pageCount: 1, total: 0 });
  });

  test("products with the same lowest price are never repeated or skipped across pages", async () => {
    const created = [];
    for (const n of [1, 2, 3, 4, 5]) created.push(await makeProduct(`Kopi Sama ${n}`, { store: "banyumas", variants: [{ priceIdr: 22_000, stock: 1 }] }));
    try {
      const seen: string[] = [];
      for (let page = 1; page <= 3; page++) seen.push(...(await kopi(`urut=termurah&halaman=${page}`, { pageSize: 3 })).titles);
      expect(seen).toHaveLength(9);
      expect(new Set(seen).size).toBe(9);
      expect(seen.slice(0, 3)).toEqual(["Kopi B", "Kopi D", "Kopi A"]);
      expect(seen[8]).toBe("Kopi C");
    } finally {
      await db.prisma.product.deleteMany({ where: { id: { in: created.map((p) => p.id) } } });
    }
  });
});
