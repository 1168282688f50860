import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { readCsvRows } from "./poverty-line.server";

/**
 * Regency minimum wages (upah minimum kabupaten/kota, UMK), Rupiah per month, uploaded by an admin
 * as CSV. No UMK figures ship with the product: each regency's decree (Keputusan Gubernur) is the
 * source, and the admin names it on every line. Validated like the poverty lines: a file with any bad
 * line is refused as a whole, every bad line named, nothing written.
 */
export const MINIMUM_WAGE_CSV_HEADER = ["regency_code", "year", "amount_idr", "source"] as const;

const REGENCY_CODE_PATTERN = /^\d{2}\.\d{2}$/;
const YEAR_PATTERN = /^(19|20)\d{2}$/;
const AMOUNT_PATTERN = /^[1-9]\d{0,8}$/;

export interface MinimumWageFigure {
  regencyCode: string;
  year: number;
  amountIdr: number;
  source: string;
}

export class MinimumWageCsvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Minimum wage CSV rejected, nothing was written:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "MinimumWageCsvError";
  }
}

/** Parses and validates the file against the known regencies; throws MinimumWageCsvError listing every bad line. */
export async function parseMinimumWageCsv(db: PrismaClient, csvText: string): Promise<MinimumWageFigure[]> {
  const rows = readCsvRows(csvText.replace(/^\uFEFF/, ""));
  const [header, ...records] = rows;
  if (!header || header.fields.map((field) => field.trim()).join(",") !== MINIMUM_WAGE_CSV_HEADER.join(",")) {
    throw new MinimumWageCsvError([`line 1: the header must be ${MINIMUM_WAGE_CSV_HEADER.join(",")}`]);
  }
  const regencies = new Set(
    (await db.region.findMany({ where: { level: "REGENCY" }, select: { code: true } })).map((region) => region.code),
  );
  const problems: string[] = [];
  const figures: MinimumWageFigure[] = [];
  const seen = new Map<string, number>();
  const maxYear = new Date().getUTCFullYear() + 1;

  for (const row of records) {
    if (row.fields.length === 1 && row.fields[0]!.trim() === "") continue;
    const lineProblems = [...row.errors];
    if (row.fields.length !== MINIMUM_WAGE_CSV_HEADER.length) {
      lineProblems.push(`expected ${MINIMUM_WAGE_CSV_HEADER.length} fields, found ${row.fields.length}`);
      problems.push(`line ${row.line}: ${lineProblems.join("; ")}`);
      continue;
    }
    const [regencyCode, yearText, amountText, source] = row.fields.map((field) => field.trim()) as [string, string, string, string];
    if (!REGENCY_CODE_PATTERN.test(regencyCode) || !regencies.has(regencyCode)) {
      lineProblems.push(`unknown regency_code ${JSON.stringify(regencyCode)}`);
    }
    if (!YEAR_PATTERN.test(yearText) || Number(yearText) > maxYear) {
      lineProblems.push(`year ${JSON.stringify(yearText)} is not a year up to ${maxYear}`);
    }
    if (!AMOUNT_PATTERN.test(amountText)) lineProblems.push(`amount_idr ${JSON.stringify(amountText)} is not a whole number of Rupiah`);
    if (source === "") lineProblems.push("source is empty");
    const key = `${regencyCode}/${yearText}`;
    const firstLine = seen.get(key);
    if (firstLine !== undefined) lineProblems.push(`regency ${regencyCode} ${yearText} already given on line ${firstLine}`);
    else seen.set(key, row.line);

    if (lineProblems.length > 0) problems.push(`line ${row.line}: ${lineProblems.join("; ")}`);
    else figures.push({ regencyCode, year: Number(yearText), amountIdr: Number(amountText), source });
  }
  if (problems.length > 0) throw new MinimumWageCsvError(problems);
  if (figures.length === 0) throw new MinimumWageCsvError(["the file has no figures after the header"]);
  return figures;
}

/** Loads the file: every figure upserted on (regency, year) in one transaction with its audit entry, or nothing. */
export async function loadMinimumWages(
  db: PrismaClient,
  csvText: string,
  audit: { actorId: string; fileName: string },
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  const figures = await parseMinimumWageCsv(db, csvText);
  return db.$transaction(
    async (tx) => {
      const existing = await tx.minimumWage.findMany({
        where: { year: { in: [...new Set(figures.map((figure) => figure.year))] } },
        select: { regencyCode: true, year: true, amountIdr: true, source: true },
      });
      const byKey = new Map(existing.map((row) => [`${row.regencyCode}/${row.year}`, row]));
      let inserted = 0;
      let updated = 0;
      let unchanged = 0;
      for (const figure of figures) {
        const current = byKey.get(`${figure.regencyCode}/${figure.year}`);
        if (!current) {
          await tx.minimumWage.create({ data: figure, select: { regencyCode: true } });
          inserted++;
        } else if (current.amountIdr !== figure.amountIdr || current.source !== figure.source) {
          await tx.minimumWage.update({
            where: { regencyCode_year: { regencyCode: figure.regencyCode, year: figure.year } },
            data: { amountIdr: figure.amountIdr, source: figure.source },
            select: { regencyCode: true },
          });
          updated++;
        } else unchanged++;
      }
      const years = [...new Set(figures.map((figure) => figure.year))].sort();
      await recordAudit(tx, {
        actorId: audit.actorId,
        action: "minimum_wages.upload",
        subjectType: "MinimumWage",
        subjectId: years.join(","),
        details: { fileName: audit.fileName, years, regencies: figures.length, inserted, updated, unchanged },
      });
      return { inserted, updated, unchanged };
    },
    { timeout: 30_000 },
  );
}

/** What is loaded, newest year first, with the regency's name. */
export async function listMinimumWages(db: PrismaClient) {
  const rows = await db.minimumWage.findMany({
    select: { regencyCode: true, year: true, amountIdr: true, source: true },
    orderBy: [{ year: "desc" }, { regencyCode: "asc" }],
  });
  const names = new Map(
    (await db.region.findMany({ where: { code: { in: [...new Set(rows.map((row) => row.regencyCode))] } }, select: { code: true, name: true } })).map(
      (region) => [region.code, region.name],
    ),
  );
  return rows.map((row) => ({ ...row, regencyName: names.get(row.regencyCode) ?? row.regencyCode }));
}
