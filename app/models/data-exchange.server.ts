import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import type { PrismaClient } from "~/utils/db.server";
import { addMonths, computeIndicatorsForHouseholds, isMonth, monthOf, monthWindow } from "./indicators.server";
import { DASHBOARD_TIME_ZONE } from "./program-dashboard.server";
import { householdScopeWhere, regionCodeFilter, storeRegionWhere, storeScopeWhere, type ProgramScope } from "./program-scope.server";
import { timeZoneForProvince } from "./region.server";
import { toCsv } from "./sales-csv.server";
import { loadStoreSales, salesFigures } from "./sales-report.server";

/**
 * The data exchange between ministries named in the Kemensos–Kemenperin MoU: three datasets with only
 * the fields needed. No names of people, no phone numbers, no addresses: a household is its PKH
 * program reference number, a store its public address (slug). Documented field by field in
 * docs/data-exchange.md; the CSV downloads and the JSON API share these rows exactly.
 *
 * Scopes: an admin or an API token reads everything, a verifier their area, a facilitator only their
 * own households (and the stores of those households and of their KUBE groups).
 */

export const DATASETS = ["households", "assessments", "store-sales"] as const;
export type Dataset = (typeof DATASETS)[number];

export function isDataset(value: unknown): value is Dataset {
  return typeof value === "string" && (DATASETS as readonly string[]).includes(value);
}

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;
/** A store-sales request covers at most this many months. */
export const MAX_MONTH_RANGE = 36;

export type ExchangeFilters = {
  provinceCode: string | null;
  regencyCode: string | null;
  /** households: the month whose indicators are reported (default: each household's latest complete month). */
  month: string | null;
  /** assessments and store-sales: the first and last month, inclusive. */
  from: string | null;
  to: string | null;
};

export type FilterProblem = { param: string; key: string; message: string };

const PROVINCE = /^\d{2}$/;
const REGENCY = /^\d{2}\.\d{2}$/;

/** The filters as plain key/values, for the access log and the API's echo. */
export function describeFilters(filters: ExchangeFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.provinceCode) out.province = filters.provinceCode;
  if (filters.regencyCode) out.regency = filters.regencyCode;
  if (filters.month) out.month = filters.month;
  if (filters.from) out.from = filters.from;
  if (filters.to) out.to = filters.to;
  return out;
}

/**
 * Reads `province`, `regency`, `month` (households) and `from`/`to` (assessments, store-sales) from a
 * query string. Every problem is named; unknown parameters are ignored.
 */
export function parseExchangeFilters(
  dataset: Dataset,
  params: URLSearchParams,
  now = new Date(),
): { ok: true; filters: ExchangeFilters } | { ok: false; problems: FilterProblem[] } {
  const problems: FilterProblem[] = [];
  const read = (name: string) => {
    const value = params.get(name)?.trim();
    return value ? value : null;
  };
  const provinceCode = read("province");
  const regencyCode = read("regency");
  const month = read("month");
  let from = read("from");
  let to = read("to");
  if (provinceCode && !PROVINCE.test(provinceCode)) {
    problems.push({ param: "province", key: "program.errorProvince", message: "province must be a two-digit Kemendagri province code such as 53" });
  }
  if (regencyCode && !REGENCY.test(regencyCode)) {
    problems.push({ param: "regency", key: "program.errorRegency", message: "regency must be a Kemendagri regency code such as 53.71" });
  }
  if (provinceCode && regencyCode && PROVINCE.test(provinceCode) && REGENCY.test(regencyCode) && !regencyCode.startsWith(`${provinceCode}.`)) {
    problems.push({ param: "regency", key: "program.errorRegencyOutside", message: "regency is not in the province given" });
  }
  const currentMonth = monthOf(now, DASHBOARD_TIME_ZONE);
  if (dataset === "households") {
    if (from || to) problems.push({ param: from ? "from" : "to", key: "program.errorHouseholdsMonth", message: "households take one month (month=YYYY-MM), not from/to" });
    if (month && (!isMonth(month) || month >= currentMonth)) {
      problems.push({ param: "month", key: "program.errorMonthComplete", message: `month must be a complete month (YYYY-MM) before ${currentMonth}` });
    }
  } else {
    if (month) problems.push({ param: "month", key: "program.errorRangeMonth", message: `${dataset} take a month range (from=YYYY-MM&to=YYYY-MM), not month` });
    if (from && !isMonth(from)) problems.push({ param: "from", key: "program.errorMonth", message: "from must be a month, YYYY-MM" });
    if (to && !isMonth(to)) problems.push({ param: "to", key: "program.errorMonth", message: "to must be a month, YYYY-MM" });
    if (dataset === "store-sales" && problems.length === 0) {
      to ??= currentMonth;
      from ??= addMonths(to, -11);
    }
    if (from && to && isMonth(from) && isMonth(to)) {
      if (from > to) problems.push({ param: "from", key: "program.errorRangeOrder", message: "from must not be after to" });
      else if (dataset === "store-sales" && monthsBetween(from, to) > MAX_MONTH_RANGE) {
        problems.push({ param: "from", key: "program.errorRangeLength", message: `store-sales cover at most ${MAX_MONTH_RANGE} months per request` });
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, filters: { provinceCode, regencyCode, month, from, to } };
}

function monthsBetween(from: string, to: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return index(to) - index(from) + 1;
}

export type Pagination = { page: number; limit: number };

/** `page` (from 1) and `limit` (1 to 500, default 100) of the JSON API. */
export function parsePagination(params: URLSearchParams): { ok: true; pagination: Pagination } | { ok: false; problems: FilterProblem[] } {
  const schema = z.object({
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  });
  const parsed = schema.safeParse({ page: params.get("page") ?? undefined, limit: params.get("limit") ?? undefined });
  if (parsed.success) return { ok: true, pagination: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const param = String(issue.path[0] ?? "page");
      return {
        param,
        key: "program.errorPage",
        message: param === "limit" ? `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}` : "page must be a whole number from 1",
      };
    }),
  };
}

function householdWhere(scope: ProgramScope, filters: ExchangeFilters): Prisma.HouseholdWhereInput {
  const region = filters.regencyCode ?? filters.provinceCode;
  return { AND: [householdScopeWhere(scope), region ? { regencyCode: regionCodeFilter(region) } : {}] };
}

// ---------------------------------------------------------------- households

export type HouseholdRow = {
  programRef: string;
  provinceCode: string;
  provinceName: string;
  regencyCode: string;
  regencyName: string;
  areaType: "URBAN" | "RURAL";
  memberCount: number;
  status: "ACTIVE" | "PROPOSED" | "GRADUATED";
  enrolledAt: string;
  proposedAt: string | null;
  graduatedAt: string | null;
  indicatorsMonth: string | null;
  orders: number | null;
  businessIncomeIdr: number | null;
  otherIncomeIdr: number | null;
  totalIncomeIdr: number | null;
  perCapitaIdr: number | null;
  povertyLineIdr: number | null;
  povertyLinePeriod: string | null;
  povertyLineArea: string | null;
  ratioPercent: number | null;
  tier: string | null;
  readyStreak: number | null;
};

export const HOUSEHOLD_FIELDS = [
  "programRef",
  "provinceCode",
  "provinceName",
  "regencyCode",
  "regencyName",
  "areaType",
  "memberCount",
  "status",
  "enrolledAt",
  "proposedAt",
  "graduatedAt",
  "indicatorsMonth",
  "orders",
  "businessIncomeIdr",
  "otherIncomeIdr",
  "totalIncomeIdr",
  "perCapitaIdr",
  "povertyLineIdr",
  "povertyLinePeriod",
  "povertyLineArea",
  "ratioPercent",
  "tier",
  "readyStreak",
] as const satisfies readonly (keyof HouseholdRow)[];

/**
 * One row per household, by program reference: where it is, its status and dates, and the indicators
 * of one month (the `month` filter, else its latest complete month in its own time zone) as the
 * indicators module computes them (decision 15). No poverty line for the month: the line, ratio and
 * tier are empty, never zero.
 */
export async function householdsDataset(
  db: PrismaClient,
  input: { scope: ProgramScope; filters: ExchangeFilters; pagination?: Pagination; now?: Date },
): Promise<{ rows: HouseholdRow[]; total: number }> {
  const where = householdWhere(input.scope, input.filters);
  const [total, households] = await Promise.all([
    db.household.count({ where }),
    db.household.findMany({
      where,
      select: {
        id: true,
        programRef: true,
        regencyCode: true,
        areaType: true,
        memberCount: true,
        status: true,
        enrolledAt: true,
        proposedAt: true,
        graduatedAt: true,
        regency: { select: { name: true, parent: { select: { name: true } } } },
      },
      orderBy: { programRef: "asc" },
      ...(input.pagination ? { skip: (input.pagination.page - 1) * input.pagination.limit, take: input.pagination.limit } : {}),
    }),
  ]);
  const indicators = await computeIndicatorsForHouseholds(
    db,
    households.map((household) => household.id),
    { ...(input.filters.month ? { endMonth: input.filters.month } : {}), ...(input.now ? { now: input.now } : {}) },
  );
  const rows = households.map((household): HouseholdRow => {
    const month = indicators.get(household.id)?.latestComplete ?? null;
    return {
      programRef: household.programRef,
      provinceCode: household.regencyCode.split(".")[0]!,
      provinceName: household.regency.parent?.name ?? "",
      regencyCode: household.regencyCode,
      regencyName: household.regency.name,
      areaType: household.areaType,
      memberCount: household.memberCount,
      status: household.status,
      enrolledAt: household.enrolledAt.toISOString(),
      proposedAt: household.proposedAt?.toISOString() ?? null,
      graduatedAt: household.graduatedAt?.toISOString() ?? null,
      indicatorsMonth: month?.month ?? null,
      orders: month?.orders ?? null,
      businessIncomeIdr: month?.businessIncomeIdr ?? null,
      otherIncomeIdr: month?.otherIncomeIdr ?? null,
      totalIncomeIdr: month?.totalIncomeIdr ?? null,
      perCapitaIdr: month?.perCapitaIdr ?? null,
      povertyLineIdr: month?.povertyLine?.amountIdr ?? null,
      povertyLinePeriod: month?.povertyLine?.period ?? null,
      povertyLineArea: month?.povertyLine?.area ?? null,
      ratioPercent: month?.ratioPercent ?? null,
      tier: month?.tier ?? null,
      readyStreak: month?.readyStreak ?? null,
    };
  });
  return { rows, total };
}

// ---------------------------------------------------------------- assessments

export type AssessmentRow = {
  programRef: string;
  provinceCode: string;
  regencyCode: string;
  month: string;
  submittedAt: string;
  businessIncomeIdr: number | null;
  otherIncomeIdr: number;
  totalIncomeIdr: number | null;
  memberCount: number | null;
  perCapitaIdr: number | null;
  povertyLineIdr: number | null;
  povertyLinePeriod: string | null;
  ratioPercent: number | null;
  tier: string | null;
  readyStreak: number | null;
  health: string | null;
  education: string | null;
  housing: string | null;
  waterSanitation: string | null;
  social: string | null;
  proposalStatus: string | null;
  proposalDecidedAt: string | null;
};

export const ASSESSMENT_FIELDS = [
  "programRef",
  "provinceCode",
  "regencyCode",
  "month",
  "submittedAt",
  "businessIncomeIdr",
  "otherIncomeIdr",
  "totalIncomeIdr",
  "memberCount",
  "perCapitaIdr",
  "povertyLineIdr",
  "povertyLinePeriod",
  "ratioPercent",
  "tier",
  "readyStreak",
  "health",
  "education",
  "housing",
  "waterSanitation",
  "social",
  "proposalStatus",
  "proposalDecidedAt",
] as const satisfies readonly (keyof AssessmentRow)[];

const DOMAINS = ["health", "education", "housing", "waterSanitation", "social"] as const;

/**
 * The figures frozen in a submitted assessment (indicatorsJson: `{ version, computedAt, policy,
 * readyStreak, month: MonthIndicators }`) and its checklist (`{ health: { status, note }, … }`). Only
 * the figures and statuses leave: the notes are free text a facilitator typed and may name people.
 */
const snapshotFigures = z.object({
  readyStreak: z.number().int().optional(),
  month: z.object({
    businessIncomeIdr: z.number().int(),
    totalIncomeIdr: z.number().int(),
    memberCount: z.number().int(),
    perCapitaIdr: z.number().int(),
    povertyLine: z.object({ period: z.string(), amountIdr: z.number().int() }).nullable(),
    ratioPercent: z.number().nullable(),
    tier: z.string().nullable(),
    readyStreak: z.number().int(),
  }),
});
const checklistStatuses = z.object(Object.fromEntries(DOMAINS.map((domain) => [domain, z.object({ status: z.string() })])) as Record<(typeof DOMAINS)[number], z.ZodObject<{ status: z.ZodString }>>);

function parseJsonWith<T>(schema: z.ZodType<T>, text: string): T | null {
  try {
    const result = schema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** Submitted assessments only (drafts never leave), oldest month first. */
export async function assessmentsDataset(
  db: PrismaClient,
  input: { scope: ProgramScope; filters: ExchangeFilters; pagination?: Pagination },
): Promise<{ rows: AssessmentRow[]; total: number }> {
  const where: Prisma.GraduationAssessmentWhereInput = {
    submittedAt: { not: null },
    household: householdWhere(input.scope, input.filters),
    ...(input.filters.from || input.filters.to
      ? { month: { ...(input.filters.from ? { gte: input.filters.from } : {}), ...(input.filters.to ? { lte: input.filters.to } : {}) } }
      : {}),
  };
  const [total, assessments] = await Promise.all([
    db.graduationAssessment.count({ where }),
    db.graduationAssessment.findMany({
      where,
      select: {
        month: true,
        submittedAt: true,
        indicatorsJson: true,
        checklistJson: true,
        otherIncomeIdr: true,
        household: { select: { programRef: true, regencyCode: true } },
        proposals: { select: { status: true, decidedAt: true, createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
      },
      orderBy: [{ month: "asc" }, { submittedAt: "asc" }, { id: "asc" }],
      ...(input.pagination ? { skip: (input.pagination.page - 1) * input.pagination.limit, take: input.pagination.limit } : {}),
    }),
  ]);
  const rows = assessments.map((assessment): AssessmentRow => {
    const snapshot = parseJsonWith(snapshotFigures, assessment.indicatorsJson);
    const checklist = parseJsonWith(checklistStatuses, assessment.checklistJson);
    const proposal = assessment.proposals[0] ?? null;
    const figures = snapshot?.month ?? null;
    return {
      programRef: assessment.household.programRef,
      provinceCode: assessment.household.regencyCode.split(".")[0]!,
      regencyCode: assessment.household.regencyCode,
      month: assessment.month,
      submittedAt: assessment.submittedAt!.toISOString(),
      businessIncomeIdr: figures?.businessIncomeIdr ?? null,
      otherIncomeIdr: assessment.otherIncomeIdr,
      totalIncomeIdr: figures?.totalIncomeIdr ?? null,
      memberCount: figures?.memberCount ?? null,
      perCapitaIdr: figures?.perCapitaIdr ?? null,
      povertyLineIdr: figures?.povertyLine?.amountIdr ?? null,
      povertyLinePeriod: figures?.povertyLine?.period ?? null,
      ratioPercent: figures?.ratioPercent ?? null,
      tier: figures?.tier ?? null,
      readyStreak: snapshot ? (snapshot.readyStreak ?? snapshot.month.readyStreak) : null,
      health: checklist?.health.status ?? null,
      education: checklist?.education.status ?? null,
      housing: checklist?.housing.status ?? null,
      waterSanitation: checklist?.waterSanitation.status ?? null,
      social: checklist?.social.status ?? null,
      proposalStatus: proposal?.status ?? null,
      proposalDecidedAt: proposal?.decidedAt?.toISOString() ?? null,
    };
  });
  return { rows, total };
}

// ---------------------------------------------------------------- store sales

export type StoreSalesRow = {
  storeSlug: string;
  ownerKind: "HOUSEHOLD" | "KUBE";
  provinceCode: string;
  regencyCode: string;
  regencyName: string;
  month: string;
  orders: number;
  revenueIdr: number;
  costOfGoodsIdr: number;
  commissionIdr: number;
  refundCount: number;
  refundsIdr: number;
  refundedCommissionIdr: number;
  netIdr: number;
};

export const STORE_SALES_FIELDS = [
  "storeSlug",
  "ownerKind",
  "provinceCode",
  "regencyCode",
  "regencyName",
  "month",
  "orders",
  "revenueIdr",
  "costOfGoodsIdr",
  "commissionIdr",
  "refundCount",
  "refundsIdr",
  "refundedCommissionIdr",
  "netIdr",
] as const satisfies readonly (keyof StoreSalesRow)[];

/**
 * One row per store and month (in the time zone of the owner's province) with at least one sale or
 * refund, by month then store. A sale counts in the month its store order completed; a refund of a
 * completed order in the month it was refunded (goods and shipping given back), as in the sellers'
 * sales figures (decision 14). net = revenue − cost of goods − commission − refunds + refunded commission.
 */
export async function storeSalesDataset(
  db: PrismaClient,
  input: { scope: ProgramScope; filters: ExchangeFilters; pagination?: Pagination; now?: Date },
): Promise<{ rows: StoreSalesRow[]; total: number }> {
  const to = input.filters.to ?? monthOf(input.now ?? new Date(), DASHBOARD_TIME_ZONE);
  const from = input.filters.from ?? addMonths(to, -11);
  const region = input.filters.regencyCode ?? input.filters.provinceCode;
  // Padded by a day either side so every zone's month fits; rows are then bucketed exactly.
  const start = new Date(monthWindow(from, DASHBOARD_TIME_ZONE).start.getTime() - 86_400_000);
  const end = new Date(monthWindow(to, DASHBOARD_TIME_ZONE).end.getTime() + 86_400_000);
  const stores = await db.store.findMany({
    where: { AND: [storeScopeWhere(input.scope), region ? storeRegionWhere(region) : {}] },
    select: {
      id: true,
      slug: true,
      household: { select: { regencyCode: true, regency: { select: { name: true } } } },
      kubeGroup: { select: { regencyCode: true, regency: { select: { name: true } } } },
    },
  });
  const ordersByStore = await loadStoreSales(
    db,
    stores.map((store) => store.id),
    { start, end },
  );
  const rows: StoreSalesRow[] = [];
  for (const store of stores) {
    const owner = store.household ?? store.kubeGroup;
    if (!owner) continue;
    const timeZone = timeZoneForProvince(owner.regencyCode);
    const records = ordersByStore.get(store.id) ?? [];
    // The months of the range in which the store sold or refunded something, in the owner's zone.
    const months = new Set<string>();
    for (const record of records) {
      if (record.completedAt) months.add(monthOf(record.completedAt, timeZone));
      if (record.status === "REFUNDED" && record.completedAt && record.refundedAt) months.add(monthOf(record.refundedAt, timeZone));
    }
    for (const month of [...months].filter((m) => m >= from && m <= to)) {
      // The sellers' own sales figures (decision 14), so the exchange and the statement never disagree.
      const figures = salesFigures(records, monthWindow(month, timeZone));
      rows.push({
        storeSlug: store.slug,
        ownerKind: store.household ? "HOUSEHOLD" : "KUBE",
        provinceCode: owner.regencyCode.split(".")[0]!,
        regencyCode: owner.regencyCode,
        regencyName: owner.regency.name,
        month,
        orders: figures.orders,
        revenueIdr: figures.revenueIdr,
        costOfGoodsIdr: figures.costOfGoodsIdr,
        commissionIdr: figures.commissionIdr,
        refundCount: figures.refundCount,
        refundsIdr: figures.refundsIdr,
        refundedCommissionIdr: figures.refundedCommissionIdr,
        netIdr: figures.netProfitIdr,
      });
    }
  }
  rows.sort((a, b) => a.month.localeCompare(b.month) || a.storeSlug.localeCompare(b.storeSlug));
  const page = input.pagination ? rows.slice((input.pagination.page - 1) * input.pagination.limit, input.pagination.page * input.pagination.limit) : rows;
  return { rows: page, total: rows.length };
}

// ---------------------------------------------------------------- CSV

/** A dataset's rows as CSV with the documented field names as the header (BOM, formula guard). */
export function exchangeCsv<Row extends Record<string, string | number | null>>(fields: readonly (keyof Row & string)[], rows: Row[]): string {
  return toCsv(
    [...fields],
    rows.map((row) => fields.map((field) => row[field] ?? "")),
  );
}
