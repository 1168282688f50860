import { randomBytes } from "node:crypto";
import Papa from "papaparse";
import type { LoaderFunction } from "@remix-run/node";
import { createTestDatabase } from "../helpers/database";
import { createRegions } from "../helpers/marketplace-fixtures";
import { createSellerStore, createStoreOrder, type SellerStore } from "../helpers/sales-fixtures";

// The sales routes' loaders called as Remix calls them, with a real Request and a signed session
// cookie, against this file's own database (the app's Prisma client is pointed at it before the
// route modules load).
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let routes: { dashboard: LoaderFunction; exportCsv: LoaderFunction; statement: LoaderFunction };
let commitSession: (userId: string) => Promise<string>;
let sellerA: SellerStore;
let sellerB: SellerStore;

beforeAll(async () => {
  db = await createTestDatabase();
  await createRegions(db.prisma);
  globalThis.__prisma = db.prisma;
  // Loaded only now, so that ~/utils/db.server finds the test database's client.
  const [dashboard, exportCsv, statement, session] = await Promise.all([
    import("~/routes/penjual.penjualan"),
    import("~/routes/penjual.penjualan.ekspor"),
    import("~/routes/penjual.laporan"),
    import("~/utils/session.server"),
  ]);
  routes = { dashboard: dashboard.loader, exportCsv: exportCsv.loader, statement: statement.loader };
  commitSession = async (userId) => {
    const row = await db.prisma.session.create({
      data: { id: randomBytes(32).toString("base64url"), userId, expiresAt: new Date(Date.now() + 3_600_000) },
      select: { id: true },
    });
    const cookieSession = await session.sessionStorage.getSession();
    cookieSession.set("sessionId", row.id);
    return (await session.sessionStorage.commitSession(cookieSession)).split(";")[0]!;
  };

  sellerA = await createSellerStore(db.prisma);
  sellerB = await createSellerStore(db.prisma, { kubeName: "KUBE Melati" });
  for (const seller of [sellerA, sellerB]) {
    await createStoreOrder(db.prisma, seller.storeId, {
      status: "COMPLETED",
      placedAt: "2026-10-02T03:00:00Z",
      completedAt: "2026-10-05T03:00:00Z",
      lines: [{ quantity: 2, unitPriceIdr: 15_000, unitCostIdr: 9_000, productTitle: `Produk ${seller.storeName}` }],
    });
  }
});
afterAll(async () => {
  globalThis.__prisma = undefined;
  await db.cleanup();
});

type LoaderResult = { status: number; body: unknown; response: Response | null };

/** Runs a loader; a thrown or returned Response, data() with a status, and plain data all become a status and a body. */
async function call(loader: LoaderFunction, url: string, userId: string | null): Promise<LoaderResult> {
  const headers = new Headers();
  if (userId) headers.set("Cookie", await commitSession(userId));
  try {
    const result: unknown = await loader({ request: new Request(`http://localhost${url}`, { headers }), params: {}, context: {} });
    if (result instanceof Response) return { status: result.status, body: null, response: result };
    if (result && typeof result === "object" && "type" in result && result.type === "DataWithResponseInit") {
      const wrapped = result as unknown as { data: unknown; init: ResponseInit | null };
      return { status: wrapped.init?.status ?? 200, body: wrapped.data, response: null };
    }
    return { status: 200, body: result, response: null };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null, response: thrown };
    throw thrown;
  }
}

const range = "from=2026-10-01&to=2026-10-31";

describe("another seller's store looks like one that does not exist", () => {
  it.each([
    ["the dashboard", "dashboard", `/penjual/penjualan?periode=pilih-tanggal&${range}`],
    ["the export per order", "exportCsv", `/penjual/penjualan/ekspor?${range}&jenis=pesanan`],
    ["the export per item", "exportCsv", `/penjual/penjualan/ekspor?${range}&jenis=barang`],
    ["the statement", "statement", `/penjual/laporan?${range}`],
  ] as const)("%s answers 404 for seller B's store id", async (_name, route, url) => {
    const theirs = await call(routes[route], `${url}&store=${sellerB.storeId}`, sellerA.userId);
    expect(theirs.status).toBe(404);
    const unknown = await call(routes[route], `${url}&store=tidak-ada`, sellerA.userId);
    expect(unknown.status).toBe(404);
    const mine = await call(routes[route], `${url}&store=${sellerA.storeId}`, sellerA.userId);
    expect(mine.status).toBe(200);
  });
});

describe("the sales routes", () => {
  it("send visitors to log in and refuse shoppers", async () => {
    const anonymous = await call(routes.dashboard, "/penjual/penjualan", null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.response?.headers.get("Location")).toBe("/masuk?redirectTo=%2Fpenjual%2Fpenjualan");
    const shopper = await db.prisma.user.create({ data: { email: `pembeli-${randomBytes(4).toString("hex")}@test.id`, name: "Pembeli", roles: { create: [{ role: "SHOPPER" }] } }, select: { id: true } });
    for (const loader of [routes.dashboard, routes.exportCsv, routes.statement]) {
      expect((await call(loader, `/x?${range}`, shopper.id)).status).toBe(403);
    }
  });

  it("shows the dashboard's figures for the seller's own store", async () => {
    const page = await call(routes.dashboard, `/penjual/penjualan?periode=pilih-tanggal&${range}&store=${sellerA.storeId}`, sellerA.userId);
    expect(page.body).toMatchObject({
      store: { id: sellerA.storeId },
      error: null,
      report: { period: { from: "2026-10-01", to: "2026-10-31" }, current: { orders: 1, units: 2, revenueIdr: 30_000, grossProfitIdr: 12_000 } },
    });
  });

  it("answers bad dates with 400 and a message, on the page and for the export", async () => {
    const page = await call(routes.dashboard, "/penjual/penjualan?periode=pilih-tanggal&from=2026-10-31&to=2026-10-01", sellerA.userId);
    expect(page.status).toBe(400);
    expect(page.body).toMatchObject({ error: "sales.errorDateOrder", report: null, echo: { from: "2026-10-31", to: "2026-10-01" } });
    const statement = await call(routes.statement, "/penjual/laporan?from=2026-10-01&to=2029-10-01", sellerA.userId);
    expect(statement.status).toBe(400);
    expect(statement.body).toMatchObject({ error: "sales.errorPeriodTooLong", statement: null });
    const csv = await call(routes.exportCsv, "/penjual/penjualan/ekspor?from=2026-10-01&to=2026-10-31&jenis=semua", sellerA.userId);
    expect(csv.status).toBe(400);
    expect(await csv.response!.text()).toBe("Jenis unduhan tidak dikenal. Pilih per pesanan atau per barang.");
  });

  it("downloads the CSV as an attachment of the seller's own sales", async () => {
    const result = await call(routes.exportCsv, `/penjual/penjualan/ekspor?store=${sellerA.storeId}&${range}&jenis=barang`, sellerA.userId);
    expect(result.status).toBe(200);
    const response = result.response!;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="penjualan-${sellerA.storeSlug}-2026-10-01-2026-10-31-barang.csv"`);
    const text = await response.text();
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(2);
    expect(rows[1]![2]).toBe(`Produk ${sellerA.storeName}`);
    expect(text).not.toContain(sellerB.storeName);
  });

  it("shows the statement with the owner type and the months of the period", async () => {
    const statement = await call(routes.statement, `/penjual/laporan?store=${sellerB.storeId}&from=2026-09-15&to=2026-10-31`, sellerB.userId);
    expect(statement.body).toMatchObject({
      store: { name: sellerB.storeName, owner: { kind: "kube", name: "KUBE Melati" }, regencyName: "Kabupaten Bandung" },
      statement: {
        months: [
          { month: "2026-09", figures: { orders: 0 } },
          { month: "2026-10", figures: { orders: 1, revenueIdr: 30_000 } },
        ],
        totals: { orders: 1, netProfitIdr: 12_000 },
      },
    });
  });
});
