import { readFile } from "node:fs/promises";
import path from "node:path";
import { createTestDatabase } from "../helpers/database";
import {
  findPovertyLine,
  loadPovertyLines,
  parsePovertyLineCsv,
  PovertyLineCsvError,
  PovertyLineMissingError,
} from "~/models/poverty-line.server";

const HEADER = "province_code,bps_province_code,province_name,period,total_idr,urban_idr,rural_idr,source";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let realCsv: string;

beforeAll(async () => {
  db = await createTestDatabase();
  realCsv = await readFile(path.resolve("prisma/data/poverty-lines-bps.csv"), "utf8");
});
afterAll(async () => {
  await db.cleanup();
});

/** The figures of one CSV row, read independently of the loader under test. */
function csvFigures(provinceCode: string, period: string): string[] {
  const line = realCsv.split("\n").find((l) => l.startsWith(`${provinceCode},`) && l.split(",")[3] === period);
  if (!line) throw new Error(`no row ${provinceCode} ${period} in the CSV`);
  return line.split(",").slice(4, 7);
}

describe("loadPovertyLines with the BPS file", () => {
  test("writes one row per published figure and is idempotent", async () => {
    const first = await loadPovertyLines(db.prisma, realCsv);
    const count = await db.prisma.povertyLine.count();
    expect(first.inserted).toBe(count);
    // 133 rows, mostly urban + rural, some totals; empty cells are not rows.
    expect(count).toBeGreaterThan(250);
    expect(await db.prisma.povertyLine.count({ where: { amountIdr: { lte: 0 } } })).toBe(0);

    const second = await loadPovertyLines(db.prisma, realCsv);
    expect(second).toEqual({ inserted: 0, updated: 0, unchanged: count });
  });

  test("Jawa Barat urban in June 2025 is the March 2025 figure", async () => {
    const [, urban] = csvFigures("32", "2025-03");
    const line = await findPovertyLine(db.prisma, { provinceCode: "32", area: "URBAN", month: "2025-06" });
    expect(line).toMatchObject({ provinceCode: "32", area: "URBAN", period: "2025-03", amountIdr: Number(urban) });
    expect(line.source).toContain("BPS");
  });

  test("the month of publication itself uses that publication", async () => {
    const [, , rural] = csvFigures("53", "2024-09");
    const line = await findPovertyLine(db.prisma, { provinceCode: "53", area: "RURAL", month: "2024-09" });
    expect(line).toMatchObject({ period: "2024-09", amountIdr: Number(rural) });
  });

  test("a month before any figure is missing, not zero and not the national line", async () => {
    const attempt = findPovertyLine(db.prisma, { provinceCode: "32", area: "URBAN", month: "2023-12" });
    await expect(attempt).rejects.toBeInstanceOf(PovertyLineMissingError);
    await expect(attempt).rejects.toMatchObject({ provinceCode: "32", area: "URBAN", month: "2023-12" });
  });

  test("DKI Jakarta has no rural line", async () => {
    await expect(findPovertyLine(db.prisma, { provinceCode: "31", area: "RURAL", month: "2025-06" })).rejects.toBeInstanceOf(
      PovertyLineMissingError,
    );
  });

  test("a later period missing one area does not hide the earlier figure for that area", async () => {
    // Jawa Tengah 2025-09 has only a total: urban in December 2025 is still the March 2025 figure.
    const [, march2025Urban] = csvFigures("33", "2025-03");
    const [september2025Total] = csvFigures("33", "2025-09");
    const urban = await findPovertyLine(db.prisma, { provinceCode: "33", area: "URBAN", month: "2025-12" });
    expect(urban).toMatchObject({ period: "2025-03", amountIdr: Number(march2025Urban) });
    const total = await findPovertyLine(db.prisma, { provinceCode: "33", area: "TOTAL", month: "2025-12" });
    expect(total).toMatchObject({ period: "2025-09", amountIdr: Number(september2025Total) });
  });

  test("refuses a month that is not YYYY-MM", async () => {
    await expect(findPovertyLine(db.prisma, { provinceCode: "32", area: "URBAN", month: "2025-6" })).rejects.toThrow(RangeError);
  });
});

describe("a malformed file", () => {
  test("is refused with every bad line named, and nothing is written", async () => {
    const fresh = await createTestDatabase();
    try {
      const csv = [
        HEADER,
        `32,32,JAWA BARAT,2024-03,524052,525489,517841,"BPS table, 2024"`,
        `33,33,JAWA TENGAH,2024-3,,517415,495627,BPS`,
        `34,34,DI YOGYAKARTA,2024-03,,628.626,524188,BPS`,
        `35,35,JAWA TIMUR,2024-03,,551702`,
        `99,99,NOWHERE,2024-03,,1,2,BPS`,
        `36,36,BANTEN,2024-03,,,,BPS`,
        `32,32,JAWA BARAT,2024-03,1,2,3,BPS again`,
        `51,51,BALI,2024-03,,586945,520238,`,
      ].join("\n");
      const attempt = loadPovertyLines(fresh.prisma, csv);
      await expect(attempt).rejects.toBeInstanceOf(PovertyLineCsvError);
      const error = (await attempt.catch((e: unknown) => e)) as PovertyLineCsvError;
      expect(error.problems).toEqual([
        expect.stringMatching(/^line 3: period "2024-3"/),
        expect.stringMatching(/^line 4: urban_idr "628\.626" is not a whole number/),
        expect.stringMatching(/^line 5: expected 8 fields, found 6/),
        expect.stringMatching(/^line 6: unknown province_code "99"/),
        expect.stringMatching(/^line 7: no figure/),
        expect.stringMatching(/^line 8: .*already given on line 2/),
        expect.stringMatching(/^line 9: source is empty/),
      ]);
      expect(await fresh.prisma.povertyLine.count()).toBe(0);
    } finally {
      await fresh.cleanup();
    }
  });

  test("a wrong header is refused", () => {
    expect(() => parsePovertyLineCsv("code,period,amount\n32,2024-03,1\n")).toThrow(/line 1: the header/);
  });

  test("line numbers stay right after a quoted field that spans lines", () => {
    const csv = [HEADER, `32,32,JAWA BARAT,2024-03,1,2,3,"two`, `lines"`, `33,33,JAWA TENGAH,2024-03,,x,3,BPS`].join("\n");
    expect(() => parsePovertyLineCsv(csv)).toThrow(/line 4: urban_idr "x"/);
  });

  test("a blank line and a final newline are fine", () => {
    const csv = `${HEADER}\n32,32,JAWA BARAT,2024-03,,525489,517841,BPS\n\n33,33,JAWA TENGAH,2024-03,507001,,,BPS\n`;
    expect(parsePovertyLineCsv(csv)).toEqual([
      { provinceCode: "32", period: "2024-03", area: "URBAN", amountIdr: 525489, source: "BPS" },
      { provinceCode: "32", period: "2024-03", area: "RURAL", amountIdr: 517841, source: "BPS" },
      { provinceCode: "33", period: "2024-03", area: "TOTAL", amountIdr: 507001, source: "BPS" },
    ]);
  });
});
