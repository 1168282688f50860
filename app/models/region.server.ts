import { getDistricts, getProvinces, getRegencies } from "idn-area-data";
import type { RegionLevel } from "~/generated/prisma/enums";
import { prisma, type PrismaClient } from "~/utils/db.server";

export type IndonesianTimeZone = "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura";

/**
 * Province → legal time zone. Source: Keputusan Presiden No. 41 Tahun 1987 tentang Pembagian Wilayah
 * Republik Indonesia Menjadi 3 (Tiga) Wilayah Waktu:
 * - WIB (UTC+7, Asia/Jakarta): Sumatera and its islands, Jawa, Madura, Kalimantan Barat, Kalimantan Tengah;
 * - WITA (UTC+8, Asia/Makassar): Kalimantan Timur, Kalimantan Selatan, Sulawesi, Bali, NTB, NTT;
 * - WIT (UTC+9, Asia/Jayapura): Maluku and Irian Jaya (Papua).
 * Provinces created since 1987 keep the zone of the province they were split from: Bengkulu, Lampung,
 * Riau, Jambi (Sumatera), Kepulauan Bangka Belitung (from Sumatera Selatan), Kepulauan Riau (from Riau)
 * and Banten (from Jawa Barat) are WIB; Kalimantan Utara (from Kalimantan Timur), Gorontalo (from
 * Sulawesi Utara) and Sulawesi Barat (from Sulawesi Selatan) are WITA; Maluku Utara (from Maluku) and
 * Papua Barat, Papua Selatan, Papua Tengah, Papua Pegunungan and Papua Barat Daya (from Papua and
 * Papua Barat) are WIT.
 */
const PROVINCE_TIME_ZONES: Readonly<Record<string, IndonesianTimeZone>> = {
  "11": "Asia/Jakarta", // Aceh
  "12": "Asia/Jakarta", // Sumatera Utara
  "13": "Asia/Jakarta", // Sumatera Barat
  "14": "Asia/Jakarta", // Riau
  "15": "Asia/Jakarta", // Jambi
  "16": "Asia/Jakarta", // Sumatera Selatan
  "17": "Asia/Jakarta", // Bengkulu
  "18": "Asia/Jakarta", // Lampung
  "19": "Asia/Jakarta", // Kepulauan Bangka Belitung
  "21": "Asia/Jakarta", // Kepulauan Riau
  "31": "Asia/Jakarta", // DKI Jakarta
  "32": "Asia/Jakarta", // Jawa Barat
  "33": "Asia/Jakarta", // Jawa Tengah
  "34": "Asia/Jakarta", // DI Yogyakarta
  "35": "Asia/Jakarta", // Jawa Timur
  "36": "Asia/Jakarta", // Banten
  "51": "Asia/Makassar", // Bali
  "52": "Asia/Makassar", // Nusa Tenggara Barat
  "53": "Asia/Makassar", // Nusa Tenggara Timur
  "61": "Asia/Jakarta", // Kalimantan Barat
  "62": "Asia/Jakarta", // Kalimantan Tengah
  "63": "Asia/Makassar", // Kalimantan Selatan
  "64": "Asia/Makassar", // Kalimantan Timur
  "65": "Asia/Makassar", // Kalimantan Utara
  "71": "Asia/Makassar", // Sulawesi Utara
  "72": "Asia/Makassar", // Sulawesi Tengah
  "73": "Asia/Makassar", // Sulawesi Selatan
  "74": "Asia/Makassar", // Sulawesi Tenggara
  "75": "Asia/Makassar", // Gorontalo
  "76": "Asia/Makassar", // Sulawesi Barat
  "81": "Asia/Jayapura", // Maluku
  "82": "Asia/Jayapura", // Maluku Utara
  "91": "Asia/Jayapura", // Papua
  "92": "Asia/Jayapura", // Papua Barat
  "93": "Asia/Jayapura", // Papua Selatan
  "94": "Asia/Jayapura", // Papua Tengah
  "95": "Asia/Jayapura", // Papua Pegunungan
  "96": "Asia/Jayapura", // Papua Barat Daya
};

export class UnknownProvinceError extends Error {
  constructor(public readonly provinceCode: string) {
    super(`No time zone is known for province code ${JSON.stringify(provinceCode)}`);
    this.name = "UnknownProvinceError";
  }
}

/** The IANA time zone of a province (or of any region code under it, e.g. "53.11.02"). */
export function timeZoneForProvince(code: string): IndonesianTimeZone {
  const provinceCode = code.split(".")[0] ?? "";
  const zone = PROVINCE_TIME_ZONES[provinceCode];
  if (!zone) throw new UnknownProvinceError(code);
  return zone;
}

interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  timeZone: string | null;
}

/** All provinces, regencies/cities and districts from idn-area-data, parents before children. */
export async function readRegionDataset(): Promise<RegionRow[]> {
  const [provinces, regencies, districts] = await Promise.all([getProvinces(), getRegencies(), getDistricts()]);
  return [
    ...provinces.map((p) => ({
      code: p.code,
      name: p.name,
      level: "PROVINCE" as const,
      parentCode: null,
      timeZone: timeZoneForProvince(p.code),
    })),
    ...regencies.map((r) => ({ code: r.code, name: r.name, level: "REGENCY" as const, parentCode: r.province_code, timeZone: null })),
    ...districts.map((d) => ({ code: d.code, name: d.name, level: "DISTRICT" as const, parentCode: d.regency_code, timeZone: null })),
  ];
}

const INSERT_CHUNK_SIZE = 500;

/**
 * Loads the region tree. Idempotent: missing rows are inserted in chunks, changed names or parents
 * are updated, nothing is deleted (orders and households point at region codes).
 */
export async function loadRegions(db: PrismaClient): Promise<{ inserted: number; updated: number; total: number }> {
  const dataset = await readRegionDataset();
  const existing = await db.region.findMany({ select: { code: true, name: true, level: true, parentCode: true, timeZone: true } });
  const byCode = new Map(existing.map((r) => [r.code, r]));

  const missing: RegionRow[] = [];
  const changed: RegionRow[] = [];
  for (const row of dataset) {
    const current = byCode.get(row.code);
    if (!current) missing.push(row);
    else if (
      current.name !== row.name ||
      current.level !== row.level ||
      current.parentCode !== row.parentCode ||
      current.timeZone !== row.timeZone
    ) {
      changed.push(row);
    }
  }

  await db.$transaction(
    async (tx) => {
      // The dataset lists parents first, so chunks in order never reference a row not yet inserted.
      for (let i = 0; i < missing.length; i += INSERT_CHUNK_SIZE) {
        await tx.region.createMany({ data: missing.slice(i, i + INSERT_CHUNK_SIZE) });
      }
      for (const row of changed) {
        await tx.region.update({
          where: { code: row.code },
          data: { name: row.name, level: row.level, parentCode: row.parentCode, timeZone: row.timeZone },
          select: { code: true },
        });
      }
    },
    { timeout: 60_000 },
  );
  return { inserted: missing.length, updated: changed.length, total: dataset.length };
}

const regionSelect = { code: true, name: true, level: true, parentCode: true, timeZone: true } as const;

export function listProvinces(db: PrismaClient = prisma) {
  return db.region.findMany({ where: { level: "PROVINCE" }, select: regionSelect, orderBy: { code: "asc" } });
}

/** Regencies/cities of a province, or districts of a regency. */
export function listChildren(parentCode: string, db: PrismaClient = prisma) {
  return db.region.findMany({
    where: { parentCode },
    select: { code: true, name: true, level: true, parentCode: true },
    orderBy: { code: "asc" },
  });
}

export function findRegion(code: string, db: PrismaClient = prisma) {
  return db.region.findUnique({ where: { code }, select: regionSelect });
}
