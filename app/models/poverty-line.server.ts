import Papa from "papaparse";
import type { PovertyLineArea } from "~/generated/prisma/enums";
import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { timeZoneForProvince } from "./region.server";

/**
 * BPS poverty lines (garis kemiskinan), Rupiah per person per month, loaded from
 * prisma/data/poverty-lines-bps.csv (see prisma/data/README.md for where each figure comes from).
 */
export const POVERTY_LINE_CSV_HEADER = [
  "province_code",
  "bps_province_code",
  "province_name",
  "period",
  "total_idr",
  "urban_idr",
  "rural_idr",
  "source",
] as const;

const NATIONAL_CODE = "00";
const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
const AMOUNT_PATTERN = /^[1-9]\d{0,8}$/;
const AREA_COLUMNS = [
  ["total_idr", "TOTAL"],
  ["urban_idr", "URBAN"],
  ["rural_idr", "RURAL"],
] as const satisfies readonly (readonly [(typeof POVERTY_LINE_CSV_HEADER)[number], PovertyLineArea])[];

export interface PovertyLineFigure {
  provinceCode: string;
  period: string;
  area: PovertyLineArea;
  amountIdr: number;
  source: string;
}

/** The file cannot be loaded; `problems` names every bad line so it can be fixed in one pass. */
export class PovertyLineCsvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Poverty line CSV rejected, nothing was written:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "PovertyLineCsvError";
  }
}

/** No published line applies; the caller decides what to show (never zero, never a silent national fallback). */
export class PovertyLineMissingError extends Error {
  constructor(
    public readonly provinceCode: string,
    public readonly area: PovertyLineArea,
    public readonly month: string,
  ) {
    super(`No ${area} poverty line for province ${provinceCode} published on or before ${month}`);
    this.name = "PovertyLineMissingError";
  }
}

export interface ParsedRow {
  line: number;
  fields: string[];
  errors: string[];
}

interface PapaStepResult {
  data: string[];
  errors: { message: string }[];
  meta: { cursor: number };
}

/** Splits the text into records with the line each starts on (a quoted field may span lines). */
export function readCsvRows(csvText: string): ParsedRow[] {
  const rows: ParsedRow[] = [];
  let previousCursor = 0;
  let line = 1;
  (Papa as { parse(text: string, config: object): void }).parse(csvText, {
    header: false,
    delimiter: ",",
    skipEmptyLines: false,
    step(result: PapaStepResult) {
      rows.push({ line, fields: result.data, errors: result.errors.map((e) => e.message) });
      // The cursor is just past the record and its line break; the next record starts there.
      for (let i = previousCursor; i < result.meta.cursor; i++) if (csvText.charCodeAt(i) === 10) line++;
      previousCursor = result.meta.cursor;
    },
  });
  return rows;
}

function isKnownProvince(code: string): boolean {
  if (code === NATIONAL_CODE) return true;
  if (!/^\d{2}$/.test(code)) return false;
  try {
    timeZoneForProvince(code);
    return true;
  } catch {
    return false;
  }
}

/** Parses and validates the whole file; throws PovertyLineCsvError listing every bad line. */
export function parsePovertyLineCsv(csvText: string): PovertyLineFigure[] {
  const rows = readCsvRows(csvText.replace(/^\uFEFF/, ""));
  const problems: string[] = [];
  const figures: PovertyLineFigure[] = [];
  const seen = new Map<string, number>();

  const [header, ...records] = rows;
  if (!header || header.fields.join(",") !== POVERTY_LINE_CSV_HEADER.join(",")) {
    throw new PovertyLineCsvError([`line 1: the header must be ${POVERTY_LINE_CSV_HEADER.join(",")}`]);
  }

  for (const row of records) {
    if (row.fields.length === 1 && row.fields[0]!.trim() === "") continue;
    const lineProblems = [...row.errors];
    if (row.fields.length !== POVERTY_LINE_CSV_HEADER.length) {
      lineProblems.push(`expected ${POVERTY_LINE_CSV_HEADER.length} fields, found ${row.fields.length}`);
      problems.push(`line ${row.line}: ${lineProblems.join("; ")}`);
      continue;
    }
    const record = Object.fromEntries(POVERTY_LINE_CSV_HEADER.map((name, i) => [name, row.fields[i]!.trim()])) as Record<
      (typeof POVERTY_LINE_CSV_HEADER)[number],
      string
    >;
    if (!isKnownProvince(record.province_code)) {
      lineProblems.push(`unknown province_code ${JSON.stringify(record.province_code)}`);
    }
    if (!PERIOD_PATTERN.test(record.period)) {
      lineProblems.push(`period ${JSON.stringify(record.period)} is not YYYY-MM`);
    }
    if (record.source === "") lineProblems.push("source is empty");
    const rowFigures: PovertyLineFigure[] = [];
    for (const [column, area] of AREA_COLUMNS) {
      const value = record[column];
      if (value === "") continue;
      if (!AMOUNT_PATTERN.test(value)) {
        lineProblems.push(`${column} ${JSON.stringify(value)} is not a whole number of Rupiah`);
        continue;
      }
      rowFigures.push({
        provinceCode: record.province_code,
        period: record.period,
        area,
        amountIdr: Number(value),
        source: record.source,
      });
    }
    if (rowFigures.length === 0 && lineProblems.length === 0) lineProblems.push("no figure in total_idr, urban_idr or rural_idr");
    const key = `${record.province_code}/${record.period}`;
    const firstLine = seen.get(key);
    if (firstLine !== undefined) lineProblems.push(`province ${record.province_code} ${record.period} already given on line ${firstLine}`);
    else seen.set(key, row.line);

    if (lineProblems.length > 0) problems.push(`line ${row.line}: ${lineProblems.join("; ")}`);
    else figures.push(...rowFigures);
  }

  if (problems.length > 0) throw new PovertyLineCsvError(problems);
  return figures;
}

/**
 * Loads the CSV: one row per published figure, upserted on (provinceCode, period, area).
 * A malformed file is refused as a whole before anything is written; the writes share one transaction.
 * An admin's upload passes `audit`: the audit entry is written in the same transaction.
 */
export async function loadPovertyLines(
  db: PrismaClient,
  csvText: string,
  audit?: { actorId: string; fileName: string },
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  const figures = parsePovertyLineCsv(csvText);
  return db.$transaction(
    async (tx) => {
      const existing = await tx.povertyLine.findMany({
        select: { id: true, provinceCode: true, period: true, area: true, amountIdr: true, source: true },
      });
      const byKey = new Map(existing.map((row) => [`${row.provinceCode}/${row.period}/${row.area}`, row]));
      const toInsert: PovertyLineFigure[] = [];
      let updated = 0;
      let unchanged = 0;
      for (const figure of figures) {
        const current = byKey.get(`${figure.provinceCode}/${figure.period}/${figure.area}`);
        if (!current) toInsert.push(figure);
        else if (current.amountIdr !== figure.amountIdr || current.source !== figure.source) {
          await tx.povertyLine.update({
            where: { id: current.id },
            data: { amountIdr: figure.amountIdr, source: figure.source },
            select: { id: true },
          });
          updated++;
        } else unchanged++;
      }
      if (toInsert.length > 0) await tx.povertyLine.createMany({ data: toInsert });
      const result = { inserted: toInsert.length, updated, unchanged };
      if (audit) {
        const periods = [...new Set(figures.map((figure) => figure.period))].sort();
        await recordAudit(tx, {
          actorId: audit.actorId,
          action: "poverty_lines.upload",
          subjectType: "PovertyLine",
          subjectId: periods.join(","),
          details: { fileName: audit.fileName, periods, ...result },
        });
      }
      return result;
    },
    { timeout: 30_000 },
  );
}

export interface PovertyLineQuery {
  provinceCode: string;
  area: PovertyLineArea;
  /** The month assessed, "YYYY-MM". */
  month: string;
}

/** The line in force for a month: the latest period published for that province and area not after it. */
export async function findPovertyLine(db: PrismaClient, query: PovertyLineQuery) {
  if (!PERIOD_PATTERN.test(query.month)) throw new RangeError(`month must be YYYY-MM, got ${JSON.stringify(query.month)}`);
  const line = await db.povertyLine.findFirst({
    where: { provinceCode: query.provinceCode, area: query.area, period: { lte: query.month } },
    orderBy: { period: "desc" },
    select: { provinceCode: true, period: true, area: true, amountIdr: true, source: true },
  });
  if (!line) throw new PovertyLineMissingError(query.provinceCode, query.area, query.month);
  return line;
}

export type PovertyLinePeriodSummary = {
  period: string;
  /** The national figures of the period (TOTAL, URBAN, RURAL), when published. */
  national: { area: PovertyLineArea; amountIdr: number }[];
  /** Provinces with at least one figure for the period (the national line not counted). */
  provinceCount: number;
  sources: string[];
};

/** Which periods are loaded, newest first, with the national figures and how many provinces each covers. */
export async function summarizePovertyLines(db: PrismaClient): Promise<PovertyLinePeriodSummary[]> {
  const rows = await db.povertyLine.findMany({
    select: { provinceCode: true, period: true, area: true, amountIdr: true, source: true },
    orderBy: [{ period: "desc" }, { provinceCode: "asc" }, { area: "asc" }],
  });
  const byPeriod = new Map<string, { national: PovertyLinePeriodSummary["national"]; provinces: Set<string>; sources: Set<string> }>();
  for (const row of rows) {
    let entry = byPeriod.get(row.period);
    if (!entry) {
      entry = { national: [], provinces: new Set(), sources: new Set() };
      byPeriod.set(row.period, entry);
    }
    if (row.provinceCode === NATIONAL_CODE) entry.national.push({ area: row.area, amountIdr: row.amountIdr });
    else entry.provinces.add(row.provinceCode);
    entry.sources.add(row.source);
  }
  return [...byPeriod.entries()].map(([period, entry]) => ({
    period,
    national: entry.national,
    provinceCount: entry.provinces.size,
    sources: [...entry.sources],
  }));
}

/** Every figure of one period, national first, for the period's table. */
export function listPovertyLinesOfPeriod(db: PrismaClient, period: string) {
  return db.povertyLine.findMany({
    where: { period },
    select: { provinceCode: true, area: true, amountIdr: true, source: true },
    orderBy: [{ provinceCode: "asc" }, { area: "asc" }],
  });
}
