import { createTestDatabase } from "../helpers/database";
import { listChildren, listProvinces, loadRegions, timeZoneForProvince, UnknownProvinceError } from "~/models/region.server";

let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.cleanup();
});

describe("loadRegions", () => {
  test("loads every province, regency and district once, and a second load changes nothing", async () => {
    const first = await loadRegions(db.prisma);
    expect(first.inserted).toBe(first.total);
    expect(first.total).toBeGreaterThan(7_800);

    const [provinces, regencies, districts] = await Promise.all([
      db.prisma.region.count({ where: { level: "PROVINCE" } }),
      db.prisma.region.count({ where: { level: "REGENCY" } }),
      db.prisma.region.count({ where: { level: "DISTRICT" } }),
    ]);
    expect(provinces).toBe(38);
    expect(regencies).toBe(514);
    expect(provinces + regencies + districts).toBe(first.total);

    const second = await loadRegions(db.prisma);
    expect(second).toEqual({ inserted: 0, updated: 0, total: first.total });
  });

  test("restores a name that was changed by hand", async () => {
    await db.prisma.region.update({ where: { code: "32.05" }, data: { name: "Garoet" }, select: { code: true } });
    const result = await loadRegions(db.prisma);
    expect(result.updated).toBe(1);
    const garut = await db.prisma.region.findUnique({ where: { code: "32.05" }, select: { name: true } });
    expect(garut?.name).toBe("Kabupaten Garut");
  });

  test("lists provinces with their time zones and the children of a region", async () => {
    const provinces = await listProvinces(db.prisma);
    expect(provinces).toHaveLength(38);
    const byName = new Map(provinces.map((p) => [p.name, p]));
    expect(byName.get("Jawa Barat")).toMatchObject({ code: "32", timeZone: "Asia/Jakarta" });
    expect(byName.get("Bali")).toMatchObject({ code: "51", timeZone: "Asia/Makassar" });
    expect(byName.get("Papua")).toMatchObject({ code: "91", timeZone: "Asia/Jayapura" });
    expect(provinces.every((p) => p.timeZone !== null)).toBe(true);

    const jawaBarat = await listChildren("32", db.prisma);
    expect(jawaBarat).toContainEqual({ code: "32.05", name: "Kabupaten Garut", level: "REGENCY", parentCode: "32" });
    expect(jawaBarat.every((r) => r.code.startsWith("32.") && r.level === "REGENCY")).toBe(true);

    const sumbaTimur = await listChildren("53.11", db.prisma);
    expect(sumbaTimur.length).toBeGreaterThan(10);
    expect(sumbaTimur.every((r) => r.level === "DISTRICT" && r.parentCode === "53.11")).toBe(true);
  });
});

describe("timeZoneForProvince", () => {
  test.each([
    ["32", "Asia/Jakarta"], // Jawa Barat
    ["21", "Asia/Jakarta"], // Kepulauan Riau
    ["19", "Asia/Jakarta"], // Bangka Belitung
    ["36", "Asia/Jakarta"], // Banten
    ["62", "Asia/Jakarta"], // Kalimantan Tengah
    ["51", "Asia/Makassar"], // Bali
    ["53", "Asia/Makassar"], // Nusa Tenggara Timur
    ["63", "Asia/Makassar"], // Kalimantan Selatan
    ["65", "Asia/Makassar"], // Kalimantan Utara
    ["75", "Asia/Makassar"], // Gorontalo
    ["76", "Asia/Makassar"], // Sulawesi Barat
    ["82", "Asia/Jayapura"], // Maluku Utara
    ["91", "Asia/Jayapura"], // Papua
    ["96", "Asia/Jayapura"], // Papua Barat Daya
    ["53.11.01", "Asia/Makassar"], // a district follows its province
  ])("%s is in %s", (code, zone) => {
    expect(timeZoneForProvince(code)).toBe(zone);
  });

  test("refuses a code that is not a province", () => {
    expect(() => timeZoneForProvince("99")).toThrow(UnknownProvinceError);
    expect(() => timeZoneForProvince("")).toThrow(UnknownProvinceError);
  });
});
