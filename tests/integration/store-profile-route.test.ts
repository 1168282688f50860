import { randomBytes } from "node:crypto";
import type * as ProductSearchModule from "~/models/product-search.server";
import type * as SearchParamsModule from "~/models/search-params.server";
// Tests call the route loaders and actions exactly as Remix does; the rule is about routes importing routes.
// eslint-disable-next-line no-restricted-imports
import type * as StoreSettingsRoute from "~/routes/penjual.toko.$storeId";
// eslint-disable-next-line no-restricted-imports
import type * as PublicStoreRoute from "~/routes/toko.$slug";
import type * as SessionModule from "~/utils/session.server";
import { createTestDatabase } from "../helpers/database";
import { createRegions, createStoreWithProduct } from "../helpers/marketplace-fixtures";

// The store profile page's loader and action, called as Remix calls them: a real Request with a session
// cookie and a form body. The app's modules are imported (below, in beforeAll) only once the test
// database is the app's Prisma client: utils/db.server takes globalThis.__prisma when it loads.
// Type-only imports above are erased and load nothing.
type RouteModule = typeof StoreSettingsRoute;
type StorePageModule = typeof PublicStoreRoute;

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let route: RouteModule;
let storePage: StorePageModule;
let commitSession: (typeof SessionModule)["sessionStorage"]["commitSession"];
let getSession: (typeof SessionModule)["sessionStorage"]["getSession"];
let search: ProductSearchModule.ProductSearch;
let parseSearchParams: (typeof SearchParamsModule)["parseSearchParams"];

beforeAll(async () => {
  db = await createTestDatabase();
  globalThis.__prisma = db.prisma;
  await createRegions(db.prisma);
  await db.prisma.region.createMany({
    data: [
      { code: "51", name: "Bali", level: "PROVINCE", timeZone: "Asia/Makassar" },
      { code: "51.71", name: "Kota Denpasar", level: "REGENCY", parentCode: "51" },
    ],
  });
  const [{ ProductSearch }, { EmbeddedSearchEngine }, sessions, searchParams] = await Promise.all([
    import("~/models/product-search.server"),
    import("~/services/search/embedded.server"),
    import("~/utils/session.server"),
    import("~/models/search-params.server"),
  ]);
  // A long freshness interval: only the page's own sync call can bring the index up to date.
  search = new ProductSearch({ db: db.prisma, engine: new EmbeddedSearchEngine(), autoSync: true, freshnessMs: 3_600_000 });
  globalThis.__productSearch = search;
  commitSession = sessions.sessionStorage.commitSession;
  getSession = sessions.sessionStorage.getSession;
  parseSearchParams = searchParams.parseSearchParams;
  route = await import("~/routes/penjual.toko.$storeId");
  storePage = await import("~/routes/toko.$slug");
});
afterAll(async () => {
  globalThis.__productSearch = undefined;
  globalThis.__prisma = undefined;
  await db.cleanup();
});

/** A logged-in account (a real session row, its id in the signed cookie). */
async function account(roles: ("SELLER" | "SHOPPER")[]) {
  const tag = randomBytes(4).toString("hex");
  const user = await db.prisma.user.create({
    data: { email: `r-${tag}@test.id`, name: `Penjual ${tag}`, roles: { create: roles.map((role) => ({ role })) } },
    select: { id: true },
  });
  const session = await db.prisma.session.create({
    data: { id: randomBytes(32).toString("base64url"), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
    select: { id: true },
  });
  const cookieSession = await getSession();
  cookieSession.set("sessionId", session.id);
  const setCookie = await commitSession(cookieSession);
  return { userId: user.id, cookie: setCookie.split(";")[0]! };
}

/** A store with one product (and a rate to Jawa Barat), run by a new seller account. */
async function sellerWithStore() {
  const shop = await createStoreWithProduct(db.prisma, { variants: [{ name: "250 g", priceIdr: 15000, stock: 5 }] });
  const seller = await account(["SELLER", "SHOPPER"]);
  await db.prisma.storeMember.create({ data: { storeId: shop.store.id, userId: seller.userId } });
  const store = await db.prisma.store.findUniqueOrThrow({ where: { id: shop.store.id }, select: { id: true, slug: true, name: true } });
  return { ...seller, store, productId: shop.productId };
}

type Outcome = { status: number; body: unknown; location: string | null };

/** Runs a loader or action and reports what the browser would get (thrown responses included). */
async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, body: null, location: result.headers.get("Location") };
    if (result && typeof result === "object" && "init" in result && "data" in result) {
      const { data, init } = result as { data: unknown; init?: { status?: number } };
      return { status: init?.status ?? 200, body: data, location: null };
    }
    return { status: 200, body: result, location: null };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null, location: thrown.headers.get("Location") };
    throw thrown;
  }
}

function load(cookie: string | null, storeId: string, search = "") {
  const request = new Request(`http://localhost/penjual/toko/${storeId}${search}`, { headers: cookie ? { Cookie: cookie } : {} });
  return outcome(() => route.loader({ request, params: { storeId }, context: {} }));
}

function post(cookie: string, storeId: string, fields: Record<string, string>) {
  const request = new Request(`http://localhost/penjual/toko/${storeId}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  return outcome(() => route.action({ request, params: { storeId }, context: {} }));
}

/** Everything the page can change about a store, and its audit trail. */
async function snapshot(storeId: string) {
  const [store, audits] = await Promise.all([
    db.prisma.store.findUniqueOrThrow({
      where: { id: storeId },
      select: {
        slug: true,
        name: true,
        description: true,
        story: true,
        whatsapp: true,
        regencyCode: true,
        payoutBankName: true,
        payoutAccountNumber: true,
        payoutAccountHolder: true,
        updatedAt: true,
        shippingRates: { select: { id: true, provinceCode: true, firstKgIdr: true, additionalKgIdr: true, estimatedDays: true }, orderBy: { provinceCode: "asc" } },
      },
    }),
    db.prisma.auditLog.count({ where: { subjectType: "Store", subjectId: storeId } }),
  ]);
  return { store, audits };
}

const validProfile = {
  intent: "profile",
  name: "Keripik Sari Rasa",
  description: "Keripik singkong rumahan dari Ciwidey.",
  story: "Kami mulai tahun 2021.\r\nSekarang dibantu dua tetangga.",
  whatsapp: "0857-1234-5678",
};

async function searchHit(query: Record<string, string>, productId: string) {
  const { state, notices } = parseSearchParams(new URLSearchParams(query));
  const page = await search.searchPage(state, notices);
  const slug = (await db.prisma.product.findUniqueOrThrow({ where: { id: productId }, select: { slug: true } })).slug;
  return page.hits.find((h) => h.card.slug === slug) ?? null;
}

describe("the store profile page", () => {
  it("shows a member their store with its rates and the provinces buyers cannot order from", async () => {
    const s = await sellerWithStore();
    const page = await load(s.cookie, s.store.id);
    expect(page.status).toBe(200);
    const body = page.body as Awaited<ReturnType<RouteModule["loader"]>>;
    expect(body.store).toMatchObject({ id: s.store.id, name: s.store.name, whatsappDisplay: "0812-3456-7890" });
    expect(body.store.shippingRates.map((r) => r.provinceCode)).toEqual(["32"]);
    expect(body.store.unshippedProvinces.map((p) => p.name)).toEqual(["Bali", "Nusa Tenggara Timur"]);
    expect(body.pickedProvince).toBe("32");
    expect(body.regencies.map((r) => r.code)).toEqual(["32.04"]);
    // The province picker (a GET form) lists the chosen province's regencies.
    const bali = (await load(s.cookie, s.store.id, "?provinsi=51")).body as typeof body;
    expect(bali.regencies).toEqual([{ code: "51.71", name: "Kota Denpasar" }]);
  });

  it("answers 404 for another seller's store, 403 for a shopper and sends a visitor to log in", async () => {
    const a = await sellerWithStore();
    const b = await sellerWithStore();
    expect((await load(a.cookie, b.store.id)).status).toBe(404);
    expect((await load(a.cookie, "no-such-store")).status).toBe(404);
    const shopper = await account(["SHOPPER"]);
    expect((await load(shopper.cookie, a.store.id)).status).toBe(403);
    const visitor = await load(null, a.store.id);
    expect(visitor.status).toBe(302);
    expect(visitor.location).toBe(`/masuk?redirectTo=${encodeURIComponent(`/penjual/toko/${a.store.id}`)}`);
  });

  it("saves the profile and the public store page shows it: story with its line breaks, wa.me with the new number", async () => {
    const s = await sellerWithStore();
    const saved = await post(s.cookie, s.store.id, validProfile);
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/penjual/toko/${s.store.id}?tersimpan=profile#profil`);

    const publicPage = await outcome(() =>
      storePage.loader({ request: new Request(`http://localhost/toko/${s.store.slug}`), params: { slug: s.store.slug }, context: {} }),
    );
    expect(publicPage.status).toBe(200);
    const { store } = publicPage.body as Awaited<ReturnType<StorePageModule["loader"]>>;
    expect(store).toMatchObject({
      slug: s.store.slug, // links shared before the rename still work
      name: "Keripik Sari Rasa",
      description: "Keripik singkong rumahan dari Ciwidey.",
      story: "Kami mulai tahun 2021.\nSekarang dibantu dua tetangga.",
      whatsapp: "6285712345678",
    });
    const { whatsappLink } = await import("~/utils/whatsapp");
    expect(whatsappLink(store.whatsapp, "Halo")).toBe("https://wa.me/6285712345678?text=Halo");
  });

  it("renaming or moving the store updates what search shows for its products", async () => {
    const s = await sellerWithStore();
    expect((await searchHit({ kabupaten: "32.04" }, s.productId))?.card.storeName).toBe(s.store.name); // builds the index
    expect((await post(s.cookie, s.store.id, validProfile)).status).toBe(302);
    expect((await searchHit({ kabupaten: "32.04" }, s.productId))?.card.storeName).toBe("Keripik Sari Rasa");

    expect(await searchHit({ kabupaten: "51.71" }, s.productId)).toBeNull();
    expect((await post(s.cookie, s.store.id, { intent: "location", regencyCode: "51.71" })).status).toBe(302);
    expect(await searchHit({ kabupaten: "51.71" }, s.productId)).not.toBeNull();
    expect(await searchHit({ kabupaten: "32.04" }, s.productId)).toBeNull();
    const audits = await db.prisma.auditLog.findMany({ where: { subjectId: s.store.id }, select: { action: true, actorId: true } });
    expect(audits).toEqual([
      { action: "store.profile.update", actorId: s.userId },
      { action: "store.regency.update", actorId: s.userId },
    ]);
  });

  it("adds, edits and removes shipping rates, and saves the payout account", async () => {
    const s = await sellerWithStore();
    expect((await post(s.cookie, s.store.id, { intent: "rate-add", provinceCode: "53", firstKgIdr: "45.000", additionalKgIdr: "Rp 40.000", estimatedDays: "6" })).location).toBe(
      `/penjual/toko/${s.store.id}?tersimpan=rate-add#ongkir`,
    );
    const rate = await db.prisma.shippingRate.findFirstOrThrow({ where: { storeId: s.store.id, provinceCode: "53" }, select: { id: true, firstKgIdr: true, additionalKgIdr: true, estimatedDays: true } });
    expect(rate).toMatchObject({ firstKgIdr: 45000, additionalKgIdr: 40000, estimatedDays: 6 });
    expect((await post(s.cookie, s.store.id, { intent: "rate-update", rateId: rate.id, firstKgIdr: "50000", additionalKgIdr: "0", estimatedDays: "" })).status).toBe(302);
    expect(await db.prisma.shippingRate.findUniqueOrThrow({ where: { id: rate.id }, select: { firstKgIdr: true, additionalKgIdr: true, estimatedDays: true } })).toEqual({
      firstKgIdr: 50000,
      additionalKgIdr: 0,
      estimatedDays: null,
    });
    expect((await post(s.cookie, s.store.id, { intent: "rate-remove", rateId: rate.id })).status).toBe(302);
    expect(await db.prisma.shippingRate.count({ where: { id: rate.id } })).toBe(0);

    expect((await post(s.cookie, s.store.id, { intent: "payout", payoutBankName: "BRI", payoutAccountNumber: "0123-01-000123-45-6", payoutAccountHolder: "Sari Wulandari" })).status).toBe(302);
    expect((await snapshot(s.store.id)).store).toMatchObject({ payoutBankName: "BRI", payoutAccountNumber: "012301000123456", payoutAccountHolder: "Sari Wulandari" });
  });

  it.each([
    ["a bad WhatsApp number", { ...validProfile, whatsapp: "0812" }, "whatsapp", "storeProfile.errorWhatsapp"],
    ["a too-long story", { ...validProfile, story: "Cerita ".repeat(500) }, "story", "storeProfile.errorStory"],
    ["a too-long name", { ...validProfile, name: "N".repeat(81) }, "name", "storeProfile.errorName"],
    ["an unknown regency", { intent: "location", regencyCode: "32.99" }, "regencyCode", "storeProfile.errorRegency"],
    ["a province code as regency", { intent: "location", regencyCode: "51" }, "regencyCode", "storeProfile.errorRegency"],
    ["a negative rate", { intent: "rate-add", provinceCode: "53", firstKgIdr: "-5000", additionalKgIdr: "1000" }, "firstKgIdr", "seller.errorRupiah"],
    ["a rate with an extra zero", { intent: "rate-add", provinceCode: "53", firstKgIdr: "15000", additionalKgIdr: "10.000.000" }, "additionalKgIdr", "storeProfile.errorRateTooHigh"],
    ["a duplicate province", { intent: "rate-add", provinceCode: "32", firstKgIdr: "10000", additionalKgIdr: "5000" }, "provinceCode", "storeProfile.errorDuplicate"],
    ["an unknown province", { intent: "rate-add", provinceCode: "99", firstKgIdr: "10000", additionalKgIdr: "5000" }, "provinceCode", "storeProfile.errorProvince"],
    ["a bad account number", { intent: "payout", payoutBankName: "BRI", payoutAccountNumber: "12-AB", payoutAccountHolder: "Sari" }, "payoutAccountNumber", "storeProfile.errorAccountNumber"],
  ])("refuses %s with 400, the message at its field, and changes nothing", async (_name, fields, field, message) => {
    const s = await sellerWithStore();
    const before = await snapshot(s.store.id);
    const refused = await post(s.cookie, s.store.id, fields);
    expect(refused.status).toBe(400);
    const body = refused.body as { intent: string; result: { error?: Record<string, string[]> } };
    expect(body.intent).toBe(fields.intent);
    expect(body.result.error?.[field]).toContain(message);
    expect(await snapshot(s.store.id)).toEqual(before);
  });

  it("refuses an unknown intent with 400", async () => {
    const s = await sellerWithStore();
    const before = await snapshot(s.store.id);
    expect((await post(s.cookie, s.store.id, { intent: "close-store" })).status).toBe(400);
    expect(await snapshot(s.store.id)).toEqual(before);
  });

  it("answers 404 to every form sent for another seller's store, and changes nothing there", async () => {
    const a = await sellerWithStore();
    const b = await sellerWithStore();
    const bRate = await db.prisma.shippingRate.findFirstOrThrow({ where: { storeId: b.store.id }, select: { id: true } });
    const forms: Record<string, string>[] = [
      validProfile,
      { intent: "location", regencyCode: "51.71" },
      { intent: "payout", payoutBankName: "BRI", payoutAccountNumber: "999988887777", payoutAccountHolder: "Bukan Pemilik" },
      { intent: "rate-add", provinceCode: "53", firstKgIdr: "1000", additionalKgIdr: "1000" },
      { intent: "rate-update", rateId: bRate.id, firstKgIdr: "1", additionalKgIdr: "1" },
      { intent: "rate-remove", rateId: bRate.id },
      // Bad input too: the store is checked first, so nothing about it leaks through a 400.
      { intent: "rate-add", provinceCode: "53", firstKgIdr: "-1", additionalKgIdr: "x" },
    ];
    const before = await snapshot(b.store.id);
    for (const form of forms) {
      expect((await post(a.cookie, b.store.id, form)).status, form.intent).toBe(404);
    }
    expect(await snapshot(b.store.id)).toEqual(before);
  });

  it("answers 404 when a rate row of another store is sent from one's own store", async () => {
    const a = await sellerWithStore();
    const b = await sellerWithStore();
    const bRate = await db.prisma.shippingRate.findFirstOrThrow({ where: { storeId: b.store.id }, select: { id: true } });
    const [beforeA, beforeB] = await Promise.all([snapshot(a.store.id), snapshot(b.store.id)]);
    expect((await post(a.cookie, a.store.id, { intent: "rate-update", rateId: bRate.id, firstKgIdr: "1", additionalKgIdr: "1" })).status).toBe(404);
    expect((await post(a.cookie, a.store.id, { intent: "rate-remove", rateId: bRate.id })).status).toBe(404);
    expect([await snapshot(a.store.id), await snapshot(b.store.id)]).toEqual([beforeA, beforeB]);
  });

  it("answers 415 to a body that is not a form", async () => {
    const s = await sellerWithStore();
    const request = new Request(`http://localhost/penjual/toko/${s.store.id}`, {
      method: "POST",
      headers: { Cookie: s.cookie, "Content-Type": "application/json" },
      body: JSON.stringify(validProfile),
    });
    expect((await outcome(() => route.action({ request, params: { storeId: s.store.id }, context: {} }))).status).toBe(415);
  });
});
