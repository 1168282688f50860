import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { setGraduationTarget as SetGraduationTarget } from "~/models/graduation-target.server";
import type { loadMinimumWages as LoadMinimumWages, MinimumWageCsvError as MinimumWageCsvErrorType } from "~/models/minimum-wage.server";
import { createTestDatabase } from "../helpers/database";
import { createSessionUser } from "../helpers/route-session";
import { createProgramRegions } from "../helpers/program-fixtures";

// Reference data an admin loads: regency minimum wages (UMK), new poverty-line periods, yearly
// graduation targets. A bad file is refused as a whole with every bad line named; nothing is written.

type Route = { loader: (args: LoaderFunctionArgs) => Promise<unknown>; action: (args: ActionFunctionArgs) => Promise<unknown> };

const POVERTY_HEADER = "province_code,bps_province_code,province_name,period,total_idr,urban_idr,rural_idr,source";
const WAGE_HEADER = "regency_code,year,amount_idr,source";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let adminId: string;
let adminCookie: string;
let verifierCookie: string;
let povertyPage: Route;
let wagePage: Route;
let targetPage: Route;
let setGraduationTarget: typeof SetGraduationTarget;
let loadMinimumWages: typeof LoadMinimumWages;
let MinimumWageCsvError: typeof MinimumWageCsvErrorType;

beforeAll(async () => {
  db = await createTestDatabase();
  await createProgramRegions(db.prisma);
  // The routes use the app's one Prisma client: point it at this test's database before anything imports it.
  globalThis.__prisma = db.prisma;
  ({ setGraduationTarget } = await import("~/models/graduation-target.server"));
  ({ loadMinimumWages, MinimumWageCsvError } = await import("~/models/minimum-wage.server"));
  povertyPage = await import("~/routes/admin.garis-kemiskinan");
  wagePage = await import("~/routes/admin.umk");
  targetPage = await import("~/routes/admin.target");
  ({ id: adminId, cookie: adminCookie } = await userWith("ADMIN"));
  ({ cookie: verifierCookie } = await userWith("VERIFIER"));
});
afterAll(async () => {
  globalThis.__prisma = undefined;
  await db.cleanup();
});

const userWith = (role: "ADMIN" | "VERIFIER") => createSessionUser(db.prisma, [role], { name: "Admin Uji" });

/** The action's answer: a redirect (thrown Response) or data with a status. */
async function upload(route: Route, path: string, cookie: string, csv: string | null) {
  const form = new FormData();
  if (csv !== null) form.set("file", new File([csv], "data.csv", { type: "text/csv" }));
  try {
    const result = (await route.action({ request: new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookie }, body: form }), params: {}, context: {} })) as {
      data: { error: string; problems: string[] };
      init: { status?: number } | null;
    };
    return { status: result.init?.status ?? 200, location: null, data: result.data };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), data: null };
    throw thrown;
  }
}

describe("UMK upload", () => {
  it("refuses a file with bad lines, naming every one, and writes nothing", async () => {
    const csv = [
      WAGE_HEADER,
      "53.71,2026,2500000,Keputusan Gubernur NTT uji",
      "99.99,2026,2500000,Sumber",
      "53.10,20xx,2500000,Sumber",
      "53.10,2026,2.500.000,Sumber",
      "32.04,2026,2500000,",
      "53.71,2026,2600000,Sumber lain",
      "32.04",
    ].join("\n");
    const attempt = loadMinimumWages(db.prisma, csv, { actorId: adminId, fileName: "umk.csv" });
    await expect(attempt).rejects.toBeInstanceOf(MinimumWageCsvError);
    const problems = await attempt.catch((error: MinimumWageCsvErrorType) => error.problems);
    expect(problems).toEqual([
      'line 3: unknown regency_code "99.99"',
      expect.stringMatching(/^line 4: year "20xx" is not a year up to \d{4}$/),
      'line 5: amount_idr "2.500.000" is not a whole number of Rupiah',
      "line 6: source is empty",
      "line 7: regency 53.71 2026 already given on line 2",
      "line 8: expected 4 fields, found 1",
    ]);
    expect(await db.prisma.minimumWage.count()).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: "minimum_wages.upload" } })).toBe(0);
  });

  it("refuses a wrong header and an empty file", async () => {
    await expect(loadMinimumWages(db.prisma, "regency,year,amount,source\n53.71,2026,1,x", { actorId: adminId, fileName: "x.csv" })).rejects.toMatchObject({
      problems: ["line 1: the header must be regency_code,year,amount_idr,source"],
    });
    await expect(loadMinimumWages(db.prisma, `${WAGE_HEADER}\n`, { actorId: adminId, fileName: "x.csv" })).rejects.toBeInstanceOf(MinimumWageCsvError);
  });

  it("loads a good file through the admin page, upserts on a second upload, and audits each", async () => {
    const first = await upload(wagePage, "/admin/umk", adminCookie, `\uFEFF${WAGE_HEADER}\r\n53.71,2026,2500000,Keputusan Gubernur NTT uji\r\n53.10,2026,2300000,Keputusan Gubernur NTT uji\r\n`);
    expect(first).toMatchObject({ status: 302, location: "/admin/umk?hasil=2.0.0" });
    const second = await upload(wagePage, "/admin/umk", adminCookie, `${WAGE_HEADER}\n53.71,2026,2550000,Keputusan Gubernur NTT revisi\n53.10,2026,2300000,Keputusan Gubernur NTT uji\n`);
    expect(second).toMatchObject({ status: 302, location: "/admin/umk?hasil=0.1.1" });
    expect(await db.prisma.minimumWage.findMany({ orderBy: { regencyCode: "asc" }, select: { regencyCode: true, year: true, amountIdr: true, source: true } })).toEqual([
      { regencyCode: "53.10", year: 2026, amountIdr: 2_300_000, source: "Keputusan Gubernur NTT uji" },
      { regencyCode: "53.71", year: 2026, amountIdr: 2_550_000, source: "Keputusan Gubernur NTT revisi" },
    ]);
    expect(await db.prisma.auditLog.count({ where: { action: "minimum_wages.upload", actorId: adminId } })).toBe(2);
  });

  it("answers a refused upload with 400 and its problems, and refuses non-admins", async () => {
    const refused = await upload(wagePage, "/admin/umk", adminCookie, `${WAGE_HEADER}\n11.01,2026,100,Sumber\n`);
    expect(refused.status).toBe(400);
    expect(refused.data).toEqual({ error: "program.uploadRefused", problems: ['line 2: unknown regency_code "11.01"'] });
    expect((await upload(wagePage, "/admin/umk", adminCookie, null)).data).toEqual({ error: "program.errorNoFile", problems: [] });
    expect((await upload(wagePage, "/admin/umk", verifierCookie, `${WAGE_HEADER}\n53.71,2026,1,Sumber\n`)).status).toBe(403);
  });
});

describe("poverty line upload", () => {
  it("loads a new period through the admin page, audited, and lists it", async () => {
    const csv = `${POVERTY_HEADER}\n00,00,INDONESIA,2027-03,650000,660000,640000,BPS uji 2027\n53,53,NUSA TENGGARA TIMUR,2027-03,,600000,560000,BPS uji 2027\n`;
    const result = await upload(povertyPage, "/admin/garis-kemiskinan", adminCookie, csv);
    expect(result).toMatchObject({ status: 302, location: "/admin/garis-kemiskinan?hasil=5.0.0" });
    expect(await db.prisma.auditLog.findFirst({ where: { action: "poverty_lines.upload" }, select: { actorId: true, subjectId: true } })).toEqual({ actorId: adminId, subjectId: "2027-03" });
    const page = (await povertyPage.loader({ request: new Request("http://localhost/admin/garis-kemiskinan", { headers: { Cookie: adminCookie } }), params: {}, context: {} })) as {
      periods: { period: string; provinceCount: number }[];
      period: string;
      rows: { code: string; TOTAL: number | null; RURAL: number | null }[];
    };
    expect(page.periods).toEqual([expect.objectContaining({ period: "2027-03", provinceCount: 1, sources: ["BPS uji 2027"] })]);
    expect(page.period).toBe("2027-03");
    expect(page.rows).toEqual([
      { code: "00", name: null, TOTAL: 650_000, URBAN: 660_000, RURAL: 640_000, source: "BPS uji 2027" },
      { code: "53", name: "Nusa Tenggara Timur", TOTAL: null, URBAN: 600_000, RURAL: 560_000, source: "BPS uji 2027" },
    ]);
  });

  it("refuses a file with any bad line, shows every problem, and writes nothing", async () => {
    const before = await db.prisma.povertyLine.count();
    const csv = `${POVERTY_HEADER}\n00,00,INDONESIA,2027-09,670000,,,BPS uji\n77,77,NOWHERE,2027-09,1,,,BPS\n53,53,NTT,2027-9,1,,,BPS\n`;
    const result = await upload(povertyPage, "/admin/garis-kemiskinan", adminCookie, csv);
    expect(result.status).toBe(400);
    expect(result.data!.problems).toEqual(['line 3: unknown province_code "77"', 'line 4: period "2027-9" is not YYYY-MM']);
    expect(await db.prisma.povertyLine.count()).toBe(before);
    expect(await db.prisma.povertyLine.count({ where: { period: "2027-09" } })).toBe(0);
  });

  it("refuses a file that is not UTF-8 text", async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode(`${POVERTY_HEADER}\n`), 0xe9, 0x0a]);
    const form = new FormData();
    form.set("file", new File([latin1], "x.csv"));
    const result = (await povertyPage.action({ request: new Request("http://localhost/admin/garis-kemiskinan", { method: "POST", headers: { Cookie: adminCookie }, body: form }), params: {}, context: {} })) as {
      data: { error: string };
      init: { status: number };
    };
    expect(result.init.status).toBe(400);
    expect(result.data.error).toBe("program.errorNotText");
  });
});

describe("graduation targets", () => {
  it("sets a year's target with its source, audited, and updates it later", async () => {
    const post = (fields: Record<string, string>) =>
      targetPage.action({
        request: new Request("http://localhost/admin/target", { method: "POST", headers: { Cookie: adminCookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) }),
        params: {},
        context: {},
      });
    await expect(post({ year: "2019", households: "800000", source: "Kemensos: target graduasi 2019, 8% dari KPM PKH" })).rejects.toMatchObject({ status: 302 });
    const missingSource = (await post({ year: "2020", households: "500000", source: "" })) as { init: { status: number } };
    expect(missingSource.init.status).toBe(400);
    expect(await db.prisma.graduationTarget.count({ where: { year: 2020 } })).toBe(0);
    await setGraduationTarget(db.prisma, { year: 2019, households: 800_000, source: "Kemensos 2019, revisi sumber", actorId: adminId });
    expect(await db.prisma.graduationTarget.findUniqueOrThrow({ where: { year: 2019 }, select: { households: true, source: true, updatedById: true } })).toEqual({
      households: 800_000,
      source: "Kemensos 2019, revisi sumber",
      updatedById: adminId,
    });
    expect(await db.prisma.auditLog.findMany({ where: { subjectType: "GraduationTarget" }, select: { action: true }, orderBy: { createdAt: "asc" } })).toEqual([
      { action: "graduation_target.create" },
      { action: "graduation_target.update" },
    ]);
  });
});
