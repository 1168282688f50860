import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import Papa from "papaparse";
import { createTestDatabase } from "../helpers/database";
import { createSessionUser } from "../helpers/route-session";
import { createProgramHousehold, createProgramRegions, createProgramStore } from "../helpers/program-fixtures";
import { createStoreOrder } from "../helpers/sales-fixtures";

// The data-exchange routes called exactly as Remix calls them: real Requests, session cookies or a
// bearer token, a real database. Every download and API call must be logged, refused ones included.

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Action = (args: ActionFunctionArgs) => Promise<unknown>;

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let facilitatorCsv: { loader: Loader };
let facilitatorPage: { loader: Loader };
let programCsv: { loader: Loader };
let dashboard: { loader: Loader };
let apiHouseholds: { loader: Loader };
let apiStoreSales: { loader: Loader };
let apiAssessments: { loader: Loader };
let tokenPage: { loader: Loader; action: Action };

type Session = { id: string; cookie: string };
let facilitatorA: Session;
let facilitatorB: Session;
let verifierKupang: Session;
let admin: Session;
let shopper: Session;

beforeAll(async () => {
  db = await createTestDatabase();
  await createProgramRegions(db.prisma);
  globalThis.__prisma = db.prisma;
  facilitatorCsv = await import("~/routes/pendamping.ekspor.csv");
  facilitatorPage = await import("~/routes/pendamping.ekspor");
  programCsv = await import("~/routes/program.ekspor");
  dashboard = await import("~/routes/program._index");
  apiHouseholds = await import("~/routes/api.v1.households");
  apiStoreSales = await import("~/routes/api.v1.store-sales");
  apiAssessments = await import("~/routes/api.v1.assessments");
  tokenPage = await import("~/routes/admin.token");

  facilitatorA = await userWith(["FACILITATOR"]);
  facilitatorB = await userWith(["FACILITATOR"]);
  verifierKupang = await userWith(["VERIFIER"], "53.71");
  admin = await userWith(["ADMIN"]);
  shopper = await userWith(["SHOPPER"]);

  for (const [facilitator, prefix, regencyCode] of [
    [facilitatorA, "PKH-A", "53.71"],
    [facilitatorB, "PKH-B", "32.04"],
  ] as const) {
    for (const n of [1, 2]) {
      const household = await createProgramHousehold(db.prisma, { facilitatorId: facilitator.id, regencyCode, programRef: `${prefix}${n}` });
      const store = await createProgramStore(db.prisma, { householdId: household.id }, regencyCode);
      await createStoreOrder(db.prisma, store.id, {
        status: "COMPLETED",
        placedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
        completedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
        lines: [{ quantity: 1, unitPriceIdr: 25_000, unitCostIdr: 10_000 }],
      });
    }
  }
});
afterAll(async () => {
  globalThis.__prisma = undefined;
  await db.cleanup();
});

const userWith = (roles: ("FACILITATOR" | "VERIFIER" | "ADMIN" | "SHOPPER")[], scopeRegionCode: string | null = null): Promise<Session> =>
  createSessionUser(db.prisma, roles, { scopeRegionCode });

const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });

/** A loader's answer as Remix would send it: a thrown or returned Response, or data (200). */
async function run(route: { loader: Loader }, request: Request): Promise<{ status: number; response: Response | null; data: unknown }> {
  try {
    const result = await route.loader({ request, params: {}, context: {} });
    if (result instanceof Response) return { status: result.status, response: result, data: null };
    if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
      const wrapped = result as { data: unknown; init: { status?: number } | null };
      return { status: wrapped.init?.status ?? 200, response: null, data: wrapped.data };
    }
    return { status: 200, response: null, data: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, response: thrown, data: null };
    throw thrown;
  }
}

async function csvRows(response: Response): Promise<Record<string, string>[]> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  // The UTF-8 byte order mark, so that spreadsheets read the text as UTF-8.
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8").decode(bytes);
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

async function lastAccess() {
  return db.prisma.dataAccessLog.findFirstOrThrow({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { userId: true, tokenId: true, resource: true, format: true, filters: true, rowCount: true, status: true } });
}

describe("facilitator CSV export", () => {
  it("gives facilitator B only B's households, whatever the filters ask, and logs it", async () => {
    for (const query of ["dataset=households", "dataset=households&province=53", "dataset=households&regency=53.71"]) {
      const { status, response } = await run(facilitatorCsv, get(`/pendamping/ekspor/csv?${query}`, { Cookie: facilitatorB.cookie }));
      expect(status).toBe(200);
      expect(response!.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      expect(response!.headers.get("Content-Disposition")).toMatch(/^attachment; filename="pendampingan-households-\d{4}-\d{2}-\d{2}\.csv"$/);
      const refs = (await csvRows(response!)).map((row) => row.programRef);
      expect(refs.every((ref) => ref!.startsWith("PKH-B"))).toBe(true);
      expect(refs).not.toContain("PKH-A1");
    }
    const all = await run(facilitatorCsv, get("/pendamping/ekspor/csv?dataset=households", { Cookie: facilitatorB.cookie }));
    expect((await csvRows(all.response!)).map((row) => row.programRef)).toEqual(["PKH-B1", "PKH-B2"]);
    expect(await lastAccess()).toEqual({ userId: facilitatorB.id, tokenId: null, resource: "households", format: "csv", filters: "{}", rowCount: 2, status: 200 });
  });

  it("gives facilitator B only B's stores' sales", async () => {
    const { response } = await run(facilitatorCsv, get("/pendamping/ekspor/csv?dataset=store-sales", { Cookie: facilitatorB.cookie }));
    const rows = await csvRows(response!);
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.regencyCode === "32.04")).toBe(true);
  });

  it("refuses a bad filter with 400, logged, and other roles with 403", async () => {
    const bad = await run(facilitatorCsv, get("/pendamping/ekspor/csv?dataset=store-sales&from=2026-13", { Cookie: facilitatorA.cookie }));
    expect(bad.status).toBe(400);
    expect(await bad.response!.text()).toContain("TTTT-BB");
    expect(await lastAccess()).toMatchObject({ userId: facilitatorA.id, resource: "store-sales", status: 400, rowCount: 0 });
    expect((await run(facilitatorCsv, get("/pendamping/ekspor/csv?dataset=nope", { Cookie: facilitatorA.cookie }))).status).toBe(400);
    expect(await lastAccess()).toMatchObject({ userId: facilitatorA.id, resource: "nope", status: 400, rowCount: 0 });
    expect((await run(facilitatorCsv, get("/pendamping/ekspor/csv?dataset=households", { Cookie: shopper.cookie }))).status).toBe(403);
    expect((await run(facilitatorCsv, get("/pendamping/ekspor/csv?dataset=households", { Cookie: verifierKupang.cookie }))).status).toBe(403);
    const anonymous = await run(facilitatorCsv, get("/pendamping/ekspor/csv?dataset=households"));
    expect(anonymous.status).toBe(302);
  });

  it("sends a link with a dataset from the page to the file", async () => {
    const { status, response } = await run(facilitatorPage, get("/pendamping/ekspor?dataset=assessments&from=2026-01", { Cookie: facilitatorA.cookie }));
    expect(status).toBe(302);
    expect(response!.headers.get("Location")).toBe("/pendamping/ekspor/csv?dataset=assessments&from=2026-01");
  });
});

describe("program CSV export and dashboard", () => {
  it("gives a verifier of Kota Kupang only Kupang's households", async () => {
    const { status, response } = await run(programCsv, get("/program/ekspor?dataset=households", { Cookie: verifierKupang.cookie }));
    expect(status).toBe(200);
    expect((await csvRows(response!)).map((row) => row.programRef)).toEqual(["PKH-A1", "PKH-A2"]);
    expect(await lastAccess()).toMatchObject({ userId: verifierKupang.id, resource: "households", format: "csv", rowCount: 2, status: 200 });
  });

  it("gives a verifier without an area (the whole country) every household", async () => {
    const national = await userWith(["VERIFIER"]);
    const { response } = await run(programCsv, get("/program/ekspor?dataset=households&province=32", { Cookie: national.cookie }));
    expect((await csvRows(response!)).map((row) => row.programRef)).toEqual(["PKH-B1", "PKH-B2"]);
  });

  it("gives an admin everything, and refuses facilitators", async () => {
    const { response } = await run(programCsv, get("/program/ekspor?dataset=households", { Cookie: admin.cookie }));
    expect((await csvRows(response!)).map((row) => row.programRef)).toEqual(["PKH-A1", "PKH-A2", "PKH-B1", "PKH-B2"]);
    expect((await run(programCsv, get("/program/ekspor?dataset=households", { Cookie: facilitatorA.cookie }))).status).toBe(403);
  });

  it("shows a verifier the counts of their area, and refuses facilitators", async () => {
    const { status, data } = await run(dashboard, get("/program", { Cookie: verifierKupang.cookie }));
    expect(status).toBe(200);
    const view = data as { dashboard: { areas: { rows: { code: string }[]; total: { active: number; total: number } }; activeSellers: { count: number } } };
    expect(view.dashboard.areas.rows.map((row) => row.code)).toEqual(["53"]);
    expect(view.dashboard.areas.total).toMatchObject({ active: 2, total: 2 });
    expect(view.dashboard.activeSellers.count).toBe(2);
    expect((await run(dashboard, get("/program", { Cookie: facilitatorA.cookie }))).status).toBe(403);
    expect((await run(dashboard, get("/program?tahun=abc", { Cookie: admin.cookie }))).status).toBe(400);
    expect((await run(dashboard, get("/program?tahun=2006", { Cookie: admin.cookie }))).status).toBe(400);
    // Every year a target can be set for can be shown (the year list offers them).
    for (const year of ["2010", "2030"]) {
      const shown = await run(dashboard, get(`/program?tahun=${year}`, { Cookie: admin.cookie }));
      expect(shown.status).toBe(200);
      expect((shown.data as { dashboard: { graduations: { year: number } } }).dashboard.graduations.year).toBe(Number(year));
    }
    expect((await run(dashboard, get("/program?provinsi=5", { Cookie: admin.cookie }))).status).toBe(400);
  });
});

describe("JSON API with tokens", () => {
  async function createToken(name: string): Promise<{ token: string; id: string }> {
    const body = new URLSearchParams({ intent: "create", name });
    const result = await tokenPage.action({
      request: new Request("http://localhost/admin/token", { method: "POST", headers: { Cookie: admin.cookie, "Content-Type": "application/x-www-form-urlencoded" }, body }),
      params: {},
      context: {},
    });
    const created = (result as { data: { created: { token: string } } }).data.created;
    const row = await db.prisma.apiToken.findFirstOrThrow({ where: { name }, select: { id: true } });
    return { token: created.token, id: row.id };
  }

  it("stores only the token's hash and prefix, and audits its creation", async () => {
    const { token, id } = await createToken("Kemenperin uji");
    expect(token).toMatch(/^pm_[A-Za-z0-9_-]{43}$/);
    const row = await db.prisma.apiToken.findUniqueOrThrow({ where: { id }, select: { tokenHash: true, prefix: true } });
    expect(row.prefix).toBe(token.slice(0, 8));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await db.prisma.apiToken.findMany())).not.toContain(token);
    expect(await db.prisma.auditLog.count({ where: { action: "api_token.create", subjectId: id, actorId: admin.id } })).toBe(1);
  });

  it("refuses a missing, malformed or unknown token with 401, WWW-Authenticate, no-store, and logs it", async () => {
    const cases: [Record<string, string>, string][] = [
      [{}, 'Bearer realm="pasar-mandiri"'],
      [{ Authorization: "Basic YWRtaW46YWRtaW4=" }, 'Bearer realm="pasar-mandiri", error="invalid_token"'],
      [{ Authorization: `Bearer pm_${"A".repeat(43)}` }, 'Bearer realm="pasar-mandiri", error="invalid_token"'],
    ];
    for (const [headers, challenge] of cases) {
      const before = await db.prisma.dataAccessLog.count();
      const { status, response } = await run(apiHouseholds, get("/api/v1/households", headers));
      expect(status).toBe(401);
      expect(response!.headers.get("WWW-Authenticate")).toBe(challenge);
      expect(response!.headers.get("Cache-Control")).toBe("no-store");
      expect(response!.headers.get("Set-Cookie")).toBeNull();
      expect(((await response!.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
      expect(await db.prisma.dataAccessLog.count()).toBe(before + 1);
      expect(await lastAccess()).toMatchObject({ userId: null, tokenId: null, resource: "households", format: "json", rowCount: 0, status: 401 });
    }
  });

  it("logs who called a refused request: the client address from the server and the User-Agent", async () => {
    const request = get("/api/v1/households", { Authorization: `Bearer pm_${"B".repeat(43)}`, "User-Agent": "curl/8.5.0" });
    const response = (await apiHouseholds.loader({ request, params: {}, context: { clientIp: "203.0.113.9" } })) as Response;
    expect(response.status).toBe(401);
    const row = await db.prisma.dataAccessLog.findFirstOrThrow({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { status: true, clientIp: true, userAgent: true } });
    expect(row).toEqual({ status: 401, clientIp: "203.0.113.9", userAgent: "curl/8.5.0" });
  });

  it("answers a valid token with a page of data, logged with its row count, and updates lastUsedAt", async () => {
    const { token, id } = await createToken("Kemensos uji");
    const { status, response } = await run(apiHouseholds, get("/api/v1/households?limit=3", { Authorization: `Bearer ${token}` }));
    expect(status).toBe(200);
    expect(response!.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(response!.headers.get("Cache-Control")).toBe("no-store");
    const body = (await response!.json()) as { dataset: string; generatedAt: string; page: Record<string, unknown>; data: { programRef: string }[] };
    expect(body.dataset).toBe("households");
    expect(Number.isNaN(Date.parse(body.generatedAt))).toBe(false);
    expect(body.page).toEqual({ number: 1, limit: 3, total: 4, hasMore: true, next: "/api/v1/households?limit=3&page=2" });
    expect(body.data.map((row) => row.programRef)).toEqual(["PKH-A1", "PKH-A2", "PKH-B1"]);
    expect(await lastAccess()).toEqual({ userId: null, tokenId: id, resource: "households", format: "json", filters: '{"page":"1","limit":"3"}', rowCount: 3, status: 200 });
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id }, select: { lastUsedAt: true } })).lastUsedAt).not.toBeNull();

    const next = await run(apiHouseholds, get(body.page.next as string, { Authorization: `Bearer ${token}` }));
    const second = (await next.response!.json()) as { page: { hasMore: boolean; next: string | null }; data: { programRef: string }[] };
    expect(second.data.map((row) => row.programRef)).toEqual(["PKH-B2"]);
    expect(second.page).toMatchObject({ hasMore: false, next: null });

    const sales = await run(apiStoreSales, get("/api/v1/store-sales?province=32", { Authorization: `Bearer ${token}` }));
    expect(((await sales.response!.json()) as { data: unknown[] }).data).toHaveLength(2);
    const assessments = await run(apiAssessments, get("/api/v1/assessments", { Authorization: `Bearer ${token}` }));
    expect(((await assessments.response!.json()) as { data: unknown[] }).data).toEqual([]);
  });

  it("answers bad filters and a too large page with 400, logged against the token", async () => {
    const { token, id } = await createToken("Filter uji");
    for (const query of ["limit=501", "province=ABC", "month=2026-13", "page=0"]) {
      const { status, response } = await run(apiHouseholds, get(`/api/v1/households?${query}`, { Authorization: `Bearer ${token}` }));
      expect(status).toBe(400);
      const body = (await response!.json()) as { error: { code: string; problems: { param: string }[] } };
      expect(body.error.code).toBe("bad_request");
      expect(body.error.problems.length).toBeGreaterThan(0);
      expect(await lastAccess()).toMatchObject({ tokenId: id, status: 400, rowCount: 0 });
    }
  });

  it("refuses a revoked token with 401, logged against it; revoking twice is a 404 that changes nothing", async () => {
    const { token, id } = await createToken("Dicabut uji");
    expect((await run(apiHouseholds, get("/api/v1/households", { Authorization: `Bearer ${token}` }))).status).toBe(200);
    const revoke = () =>
      tokenPage.action({
        request: new Request("http://localhost/admin/token", {
          method: "POST",
          headers: { Cookie: admin.cookie, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ intent: "revoke", tokenId: id }),
        }),
        params: {},
        context: {},
      });
    await expect(revoke()).rejects.toMatchObject({ status: 302 });
    expect(await db.prisma.auditLog.count({ where: { action: "api_token.revoke", subjectId: id } })).toBe(1);
    const { status, response } = await run(apiHouseholds, get("/api/v1/households", { Authorization: `Bearer ${token}` }));
    expect(status).toBe(401);
    expect(((await response!.json()) as { error: { message: string } }).error.message).toContain("revoked");
    expect(await lastAccess()).toMatchObject({ tokenId: id, status: 401, rowCount: 0 });
    await expect(revoke()).rejects.toMatchObject({ status: 404 });
    expect(await db.prisma.auditLog.count({ where: { action: "api_token.revoke", subjectId: id } })).toBe(1);
  });

  it("lets only admins manage tokens", async () => {
    expect((await run(tokenPage, get("/admin/token", { Cookie: verifierKupang.cookie }))).status).toBe(403);
    await expect(
      tokenPage.action({
        request: new Request("http://localhost/admin/token", {
          method: "POST",
          headers: { Cookie: verifierKupang.cookie, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ intent: "create", name: "Penyusup" }),
        }),
        params: {},
        context: {},
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect(await db.prisma.apiToken.count({ where: { name: "Penyusup" } })).toBe(0);
  });
});
