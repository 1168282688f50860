import type { AreaType, PovertyLineArea } from "~/generated/prisma/enums";
import type { PrismaClient } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { localDateOf, startOfLocalDate } from "~/utils/dates";
import { timeZoneForProvince } from "./region.server";
import { costOfGoods, loadStoreSales, salesFigures, type Window, type WindowSale } from "./sales-report.server";

/**
 * Graduation indicators computed from the marketplace (decision 15). For each month of the household's
 * own time zone: net business income from its stores (a KUBE store's by the household's share), plus the
 * other income declared in an assessment, per household member, against the BPS poverty line in force.
 *
 * These functions do not check access: callers load the household through its ownership where clause first.
 */

export type ReadinessTier = "INACTIVE" | "GROWING" | "DEVELOPING" | "APPROACHING" | "READY";
export const READINESS_TIERS: readonly ReadinessTier[] = ["INACTIVE", "GROWING", "DEVELOPING", "APPROACHING", "READY"];

export type ReadinessPolicy = { developingPercent: number; approachingPercent: number; readyPercent: number; readyMonths: number };

export function readinessPolicy(): ReadinessPolicy {
  const env = getEnv();
  return {
    developingPercent: env.READINESS_DEVELOPING_PERCENT,
    approachingPercent: env.READINESS_APPROACHING_PERCENT,
    readyPercent: env.READINESS_READY_PERCENT,
    readyMonths: env.READINESS_READY_MONTHS,
  };
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  const match = MONTH.exec(text);
  return match !== null && Number(match[1]) >= 2000 && Number(match[1]) <= 2100;
}

/** "YYYY-MM" of an instant in a time zone. */
export function monthOf(instant: Date, timeZone: string): string {
  return localDateOf(instant, timeZone).slice(0, 7);
}

export function addMonths(month: string, delta: number): string {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`Not a month: ${month}`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The UTC instants of a calendar month in a time zone: midnight of the 1st to midnight of the next 1st. */
export function monthWindow(month: string, timeZone: string): Window {
  return { start: startOfLocalDate(`${month}-01`, timeZone), end: startOfLocalDate(`${addMonths(month, 1)}-01`, timeZone) };
}

/** A household lives by its regency's province time zone (WIB, WITA or WIT). */
export function householdTimeZone(regencyCode: string): string {
  return timeZoneForProvince(regencyCode);
}

export type StoreMonth = {
  storeId: string;
  storeName: string;
  storeSlug: string;
  /** The KUBE group that owns the store; null for the household's own store. */
  kubeGroupName: string | null;
  /** The household's share of the store's income: 10000 (100%) for its own store. */
  shareBasisPoints: number;
  orders: number;
  revenueIdr: number;
  costOfGoodsIdr: number;
  commissionIdr: number;
  refundCount: number;
  refundsIdr: number;
  refundedCommissionIdr: number;
  /** The whole store's net income in the month. */
  storeNetIdr: number;
  /** storeNetIdr × share, to the nearest Rupiah. */
  householdShareIdr: number;
};

export type PovertyLineUsed = { provinceCode: string; period: string; area: PovertyLineArea; amountIdr: number; source: string };

export type MonthIndicators = {
  month: string;
  /** The month is not over yet in the household's time zone. */
  partial: boolean;
  sources: StoreMonth[];
  businessIncomeIdr: number;
  /** Completed sales in the month over all the household's stores. */
  orders: number;
  otherIncomeIdr: number;
  /** The submitted assessment whose declared other income applies (null: none declared, or the draft being previewed). */
  otherIncomeAssessmentId: string | null;
  totalIncomeIdr: number;
  memberCount: number;
  perCapitaIdr: number;
  povertyLine: PovertyLineUsed | null;
  povertyLineMissing: { provinceCode: string; area: AreaType; month: string } | null;
  /** Per-capita income as a percent of the poverty line, one decimal; null when no line applies. */
  ratioPercent: number | null;
  minimumWage: { year: number; amountIdr: number; source: string } | null;
  /** Total household income as a percent of the regency's UMK, one decimal; null when no UMK is loaded. */
  wageRatioPercent: number | null;
  /** Consecutive months ending with this one whose ratio reached the "ready" threshold. */
  readyStreak: number;
  /** null when the poverty line is missing: readiness cannot be computed. */
  tier: ReadinessTier | null;
};

export type HouseholdIndicators = {
  householdId: string;
  timeZone: string;
  policy: ReadinessPolicy;
  /** Oldest first. */
  months: MonthIndicators[];
  /** The last month of the series that is over (null when the series holds only the current month). */
  latestComplete: MonthIndicators | null;
};

export type IndicatorOptions = {
  /** The last month of the series, "YYYY-MM" (default: the current month in the household's time zone). */
  endMonth?: string;
  /** Months in the series (default 12). */
  count?: number;
  now?: Date;
  /** Other income being declared in a draft assessment: used for its month (and later months of the series). */
  otherIncomeOverride?: { month: string; amountIdr: number };
  policy?: ReadinessPolicy;
};

type HouseholdRow = {
  id: string;
  memberCount: number;
  regencyCode: string;
  areaType: AreaType;
  stores: { id: string; name: string; slug: string }[];
  kubeMemberships: { shareBasisPoints: number; kubeGroup: { name: string; stores: { id: string; name: string; slug: string }[] } }[];
  assessments: { id: string; month: string; otherIncomeIdr: number; submittedAt: Date | null }[];
};

type Declaration = { month: string; amountIdr: number; assessmentId: string | null; rank: number };

/** The declaration in force for a month: the latest-month one not after it (a draft override wins ties). */
function declarationFor(declarations: Declaration[], month: string): Declaration | null {
  let best: Declaration | null = null;
  for (const d of declarations) {
    if (d.month > month) continue;
    if (!best || d.month > best.month || (d.month === best.month && d.rank > best.rank)) best = d;
  }
  return best;
}

function pickPovertyLine(lines: PovertyLineUsed[], provinceCode: string, area: AreaType, month: string): PovertyLineUsed | null {
  let best: PovertyLineUsed | null = null;
  for (const line of lines) {
    if (line.provinceCode !== provinceCode || line.area !== area || line.period > month) continue;
    if (!best || line.period > best.period) best = line;
  }
  return best;
}

const oneDecimal = (numerator: number, denominator: number) => Math.round((numerator * 1000) / denominator) / 10;

/** The tier of one month (pure; exported for the unit tests). */
export function tierFor(input: { orders: number; ratioReachesPercent: (percent: number) => boolean; readyStreak: number }, policy: ReadinessPolicy): ReadinessTier {
  if (input.orders === 0) return "INACTIVE";
  if (input.readyStreak >= policy.readyMonths) return "READY";
  if (input.ratioReachesPercent(policy.approachingPercent)) return "APPROACHING";
  if (input.ratioReachesPercent(policy.developingPercent)) return "DEVELOPING";
  return "GROWING";
}

async function loadHouseholds(db: PrismaClient, householdIds: string[]): Promise<HouseholdRow[]> {
  const storeSelect = { select: { id: true, name: true, slug: true }, orderBy: { createdAt: "asc" as const } };
  return db.household.findMany({
    where: { id: { in: householdIds } },
    select: {
      id: true,
      memberCount: true,
      regencyCode: true,
      areaType: true,
      stores: storeSelect,
      kubeMemberships: { select: { shareBasisPoints: true, kubeGroup: { select: { name: true, stores: storeSelect } } } },
      assessments: { where: { submittedAt: { not: null } }, select: { id: true, month: true, otherIncomeIdr: true, submittedAt: true } },
    },
  });
}

type StoreShare = { id: string; name: string; slug: string; kubeGroupName: string | null; shareBasisPoints: number };

function storeShares(household: HouseholdRow): StoreShare[] {
  return [
    ...household.stores.map((s) => ({ ...s, kubeGroupName: null, shareBasisPoints: 10_000 })),
    ...household.kubeMemberships.flatMap((m) =>
      m.kubeGroup.stores.map((s) => ({ ...s, kubeGroupName: m.kubeGroup.name, shareBasisPoints: m.shareBasisPoints })),
    ),
  ];
}

type Context = {
  lines: PovertyLineUsed[];
  wages: { regencyCode: string; year: number; amountIdr: number; source: string }[];
  records: Map<string, WindowSale[]>;
  policy: ReadinessPolicy;
  now: Date;
};

function seriesFor(household: HouseholdRow, months: string[], visibleFrom: number, ctx: Context, override?: IndicatorOptions["otherIncomeOverride"]): HouseholdIndicators {
  const timeZone = householdTimeZone(household.regencyCode);
  const provinceCode = household.regencyCode.split(".")[0]!;
  const shares = storeShares(household);
  const declarations: Declaration[] = household.assessments.map((a) => ({
    month: a.month,
    amountIdr: a.otherIncomeIdr,
    assessmentId: a.id,
    rank: a.submittedAt!.getTime(),
  }));
  if (override) declarations.push({ month: override.month, amountIdr: override.amountIdr, assessmentId: null, rank: Number.POSITIVE_INFINITY });

  const out: MonthIndicators[] = [];
  let streak = 0;
  for (const month of months) {
    const window = monthWindow(month, timeZone);
    const sources: StoreMonth[] = shares.map((store) => {
      const f = salesFigures(ctx.records.get(store.id) ?? [], window);
      return {
        storeId: store.id,
        storeName: store.name,
        storeSlug: store.slug,
        kubeGroupName: store.kubeGroupName,
        shareBasisPoints: store.shareBasisPoints,
        orders: f.orders,
        revenueIdr: f.revenueIdr,
        costOfGoodsIdr: f.costOfGoodsIdr,
        commissionIdr: f.commissionIdr,
        refundCount: f.refundCount,
        refundsIdr: f.refundsIdr,
        refundedCommissionIdr: f.refundedCommissionIdr,
        storeNetIdr: f.netProfitIdr,
        householdShareIdr: Math.round((f.netProfitIdr * store.shareBasisPoints) / 10_000),
      };
    });
    const businessIncomeIdr = sources.reduce((sum, s) => sum + s.householdShareIdr, 0);
    const orders = sources.reduce((sum, s) => sum + s.orders, 0);
    const declaration = declarationFor(declarations, month);
    const otherIncomeIdr = declaration?.amountIdr ?? 0;
    const totalIncomeIdr = businessIncomeIdr + otherIncomeIdr;
    const members = household.memberCount;
    const line = pickPovertyLine(ctx.lines, provinceCode, household.areaType, month);
    const year = Number(month.slice(0, 4));
    const wage = ctx.wages.find((w) => w.regencyCode === household.regencyCode && w.year === year) ?? null;
    // Compare whole numbers: total / members ≥ line × p / 100  ⇔  total × 100 ≥ line × p × members.
    const reaches = (percent: number) => line !== null && totalIncomeIdr * 100 >= line.amountIdr * percent * members;
    streak = line !== null && reaches(ctx.policy.readyPercent) ? streak + 1 : 0;
    out.push({
      month,
      partial: window.end.getTime() > ctx.now.getTime(),
      sources,
      businessIncomeIdr,
      orders,
      otherIncomeIdr,
      otherIncomeAssessmentId: declaration?.assessmentId ?? null,
      totalIncomeIdr,
      memberCount: members,
      perCapitaIdr: Math.round(totalIncomeIdr / members),
      povertyLine: line,
      povertyLineMissing: line ? null : { provinceCode, area: household.areaType, month },
      ratioPercent: line ? oneDecimal(totalIncomeIdr, line.amountIdr * members) : null,
      minimumWage: wage ? { year: wage.year, amountIdr: wage.amountIdr, source: wage.source } : null,
      wageRatioPercent: wage ? oneDecimal(totalIncomeIdr, wage.amountIdr) : null,
      readyStreak: streak,
      tier: line ? tierFor({ orders, ratioReachesPercent: reaches, readyStreak: streak }, ctx.policy) : null,
    });
  }
  const visible = out.slice(visibleFrom);
  const complete = visible.filter((m) => !m.partial);
  return { householdId: household.id, timeZone, policy: ctx.policy, months: visible, latestComplete: complete.at(-1) ?? null };
}

async function compute(db: PrismaClient, householdIds: string[], opts: IndicatorOptions): Promise<Map<string, HouseholdIndicators>> {
  const now = opts.now ?? new Date();
  const count = opts.count ?? 12;
  if (!Number.isInteger(count) || count < 1 || count > 120) throw new RangeError(`count must be 1–120, got ${count}`);
  if (opts.endMonth !== undefined && !isMonth(opts.endMonth)) throw new RangeError(`endMonth must be YYYY-MM, got ${JSON.stringify(opts.endMonth)}`);
  if (opts.otherIncomeOverride && (!isMonth(opts.otherIncomeOverride.month) || !Number.isInteger(opts.otherIncomeOverride.amountIdr) || opts.otherIncomeOverride.amountIdr < 0)) {
    throw new RangeError("otherIncomeOverride needs a YYYY-MM month and a whole, non-negative amount");
  }
  const policy = opts.policy ?? readinessPolicy();
  const households = await loadHouseholds(db, householdIds);
  const result = new Map<string, HouseholdIndicators>();
  if (households.length === 0) return result;

  // The streak needs the months before the first one shown.
  const lead = policy.readyMonths - 1;
  const plans = households.map((h) => {
    const timeZone = householdTimeZone(h.regencyCode);
    const end = opts.endMonth ?? monthOf(now, timeZone);
    const months = Array.from({ length: count + lead }, (_, i) => addMonths(end, i - (count + lead - 1)));
    return { household: h, months, timeZone };
  });
  const earliest = new Date(Math.min(...plans.map((p) => monthWindow(p.months[0]!, p.timeZone).start.getTime())));
  const latest = new Date(Math.max(...plans.map((p) => monthWindow(p.months.at(-1)!, p.timeZone).end.getTime())));
  const storeIds = [...new Set(households.flatMap((h) => storeShares(h).map((s) => s.id)))];
  const provinces = [...new Set(households.map((h) => h.regencyCode.split(".")[0]!))];
  const regencies = [...new Set(households.map((h) => h.regencyCode))];
  const [records, lines, wages] = await Promise.all([
    loadStoreSales(db, storeIds, { start: earliest, end: latest }),
    db.povertyLine.findMany({
      where: { provinceCode: { in: provinces } },
      select: { provinceCode: true, period: true, area: true, amountIdr: true, source: true },
    }),
    db.minimumWage.findMany({ where: { regencyCode: { in: regencies } }, select: { regencyCode: true, year: true, amountIdr: true, source: true } }),
  ]);
  const ctx: Context = { lines, wages, records, policy, now };
  for (const plan of plans) result.set(plan.household.id, seriesFor(plan.household, plan.months, lead, ctx, opts.otherIncomeOverride));
  return result;
}

export async function computeHouseholdIndicators(db: PrismaClient, householdId: string, opts: IndicatorOptions = {}): Promise<HouseholdIndicators> {
  const result = (await compute(db, [householdId], opts)).get(householdId);
  if (!result) throw new Error(`Household ${householdId} not found`);
  return result;
}

export async function computeIndicatorsForHouseholds(
  db: PrismaClient,
  householdIds: string[],
  opts: Omit<IndicatorOptions, "otherIncomeOverride"> = {},
): Promise<Map<string, HouseholdIndicators>> {
  const result = new Map<string, HouseholdIndicators>();
  // Bounded batches keep the IN lists and the loaded orders small.
  for (let i = 0; i < householdIds.length; i += 200) {
    for (const [id, value] of await compute(db, householdIds.slice(i, i + 200), opts)) result.set(id, value);
  }
  return result;
}

export type EvidenceLine = {
  storeOrderId: string;
  orderNumber: string;
  storeId: string;
  storeName: string;
  kind: "SALE" | "REFUND";
  at: Date;
  revenueIdr: number;
  costOfGoodsIdr: number;
  commissionIdr: number;
  refundIdr: number;
  commissionBackIdr: number;
};

/** One month's indicators with every order and refund they count. */
export async function monthEvidence(
  db: PrismaClient,
  householdId: string,
  month: string,
  opts: { now?: Date } = {},
): Promise<{ timeZone: string; month: MonthIndicators; lines: EvidenceLine[] }> {
  if (!isMonth(month)) throw new RangeError(`month must be YYYY-MM, got ${JSON.stringify(month)}`);
  const series = await computeHouseholdIndicators(db, householdId, { endMonth: month, count: 1, now: opts.now });
  const indicators = series.months[0]!;
  const window = monthWindow(month, series.timeZone);
  const records = await loadStoreSales(db, indicators.sources.map((s) => s.storeId), window, { withNumbers: true });
  const lines: EvidenceLine[] = [];
  for (const source of indicators.sources) {
    for (const record of records.get(source.storeId) ?? []) {
      const base = { storeOrderId: record.id, orderNumber: record.number ?? "", storeId: source.storeId, storeName: source.storeName };
      if (record.completedAt && record.completedAt >= window.start && record.completedAt < window.end) {
        lines.push({
          ...base,
          kind: "SALE",
          at: record.completedAt,
          revenueIdr: record.subtotalIdr,
          costOfGoodsIdr: costOfGoods(record),
          commissionIdr: record.commissionIdr,
          refundIdr: 0,
          commissionBackIdr: 0,
        });
      }
      if (record.status === "REFUNDED" && record.completedAt && record.refundedAt && record.refundedAt >= window.start && record.refundedAt < window.end) {
        lines.push({
          ...base,
          kind: "REFUND",
          at: record.refundedAt,
          revenueIdr: 0,
          costOfGoodsIdr: 0,
          commissionIdr: 0,
          refundIdr: record.subtotalIdr + record.shippingIdr,
          commissionBackIdr: record.commissionIdr,
        });
      }
    }
  }
  lines.sort((a, b) => a.at.getTime() - b.at.getTime() || a.orderNumber.localeCompare(b.orderNumber));
  return { timeZone: series.timeZone, month: indicators, lines };
}
