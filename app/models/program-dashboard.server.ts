import type { HouseholdStatus } from "~/generated/prisma/enums";
import { startOfLocalDate } from "~/utils/dates";
import type { PrismaClient } from "~/utils/db.server";
import { ACTIVE_SELLER_DAYS, PROGRAM_TIME_ZONE } from "./program-reporting";
import { findGraduationTarget } from "./graduation-target.server";
import { addMonths, monthOf, monthWindow } from "./indicators.server";
import { householdScopeWhere, regionCodeFilter, storeScopeWhere, type ProgramScope } from "./program-scope.server";

/**
 * The program dashboard's figures, for admins (everything) and verifiers (their area). Definitions,
 * also shown on the page:
 * - households by status (active, proposed, graduated) per province, or per regency of one province;
 * - graduations of a year: households whose graduatedAt falls in that calendar year in WIB
 *   (Asia/Jakarta, the program's reporting zone), against the year's national target when one is set;
 * - an active seller is a store with at least one completed sale in the last 30 days;
 * - sales of program stores (every store belongs to a household or a KUBE group): goods revenue of
 *   store orders completed in the period (shipping excluded), and refunds of completed orders in the
 *   period of the refund (goods and shipping given back), as in the sellers' own sales figures;
 * - the trend: the same per calendar month (WIB) over the last 12 months, the current one included.
 */

export { ACTIVE_SELLER_DAYS } from "./program-reporting";
export const DASHBOARD_TIME_ZONE = PROGRAM_TIME_ZONE;
export const TREND_MONTHS = 12;
/** The MoU between Kemensos and Kemenperin was signed in March 2019. */
export const FIRST_PROGRAM_YEAR = 2019;

export type StatusCounts = { active: number; proposed: number; graduated: number; total: number };
export type AreaRow = { code: string; name: string; counts: StatusCounts };
export type SalesTotals = { orders: number; revenueIdr: number; refundCount: number; refundsIdr: number };
export type TrendMonth = SalesTotals & { month: string; graduations: number };

export type ProgramDashboard = {
  areas: { level: "province" | "regency"; province: { code: string; name: string } | null; rows: AreaRow[]; total: StatusCounts };
  graduations: { year: number; count: number; target: { households: number; source: string } | null; percentOfTarget: number | null };
  activeSellers: { count: number; stores: number; since: Date };
  sales: { month: string; monthTotals: SalesTotals; year: number; yearTotals: SalesTotals };
  trend: TrendMonth[];
  years: number[];
};

const monthKey = (instant: Date) => monthOf(instant, DASHBOARD_TIME_ZONE);

function emptyCounts(): StatusCounts {
  return { active: 0, proposed: 0, graduated: 0, total: 0 };
}

function addStatus(counts: StatusCounts, status: HouseholdStatus, count: number) {
  if (status === "ACTIVE") counts.active += count;
  else if (status === "PROPOSED") counts.proposed += count;
  else counts.graduated += count;
  counts.total += count;
}

function emptySales(): SalesTotals {
  return { orders: 0, revenueIdr: 0, refundCount: 0, refundsIdr: 0 };
}

async function householdsByArea(db: PrismaClient, scope: ProgramScope, provinceCode: string | null): Promise<ProgramDashboard["areas"]> {
  const where = {
    AND: [householdScopeWhere(scope), provinceCode ? { regencyCode: regionCodeFilter(provinceCode) } : {}],
  };
  const groups = await db.household.groupBy({ by: ["regencyCode", "status"], where, _count: { _all: true }, orderBy: { regencyCode: "asc" } });
  const byArea = new Map<string, StatusCounts>();
  const total = emptyCounts();
  for (const group of groups) {
    const code = provinceCode ? group.regencyCode : group.regencyCode.split(".")[0]!;
    const counts = byArea.get(code) ?? emptyCounts();
    addStatus(counts, group.status, group._count._all);
    addStatus(total, group.status, group._count._all);
    byArea.set(code, counts);
  }
  const codes = [...byArea.keys()];
  if (provinceCode) codes.push(provinceCode);
  const names = new Map((await db.region.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })).map((r) => [r.code, r.name]));
  const rows = [...byArea.entries()]
    .map(([code, counts]) => ({ code, name: names.get(code) ?? code, counts }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return {
    level: provinceCode ? "regency" : "province",
    province: provinceCode ? { code: provinceCode, name: names.get(provinceCode) ?? provinceCode } : null,
    rows,
    total,
  };
}

type SaleRow = { subtotalIdr: number; shippingIdr: number; status: string; completedAt: Date | null; refundedAt: Date | null };

/** Sales and refunds per WIB month: a sale in the month it completed, a refund in the month it was given. */
function salesByMonth(rows: SaleRow[], since: Date): Map<string, SalesTotals> {
  const months = new Map<string, SalesTotals>();
  const bucket = (month: string) => {
    let totals = months.get(month);
    if (!totals) {
      totals = emptySales();
      months.set(month, totals);
    }
    return totals;
  };
  for (const row of rows) {
    // A sale completed before the window but refunded in it counts only as a refund of its month.
    if (row.completedAt && row.completedAt >= since) {
      const totals = bucket(monthKey(row.completedAt));
      totals.orders += 1;
      totals.revenueIdr += row.subtotalIdr;
    }
    if (row.status === "REFUNDED" && row.completedAt && row.refundedAt) {
      const totals = bucket(monthKey(row.refundedAt));
      totals.refundCount += 1;
      totals.refundsIdr += row.subtotalIdr + row.shippingIdr;
    }
  }
  return months;
}

function sumSales(items: SalesTotals[]): SalesTotals {
  const sum = emptySales();
  for (const item of items) {
    sum.orders += item.orders;
    sum.revenueIdr += item.revenueIdr;
    sum.refundCount += item.refundCount;
    sum.refundsIdr += item.refundsIdr;
  }
  return sum;
}

export async function buildProgramDashboard(
  db: PrismaClient,
  input: { scope: ProgramScope; year: number; provinceCode: string | null; now?: Date },
): Promise<ProgramDashboard> {
  const now = input.now ?? new Date();
  const scope = input.scope;
  const currentMonth = monthKey(now);
  const currentYear = Number(currentMonth.slice(0, 4));
  const firstTrendMonth = addMonths(currentMonth, -(TREND_MONTHS - 1));
  const trendStart = monthWindow(firstTrendMonth, DASHBOARD_TIME_ZONE).start;
  const yearStart = startOfLocalDate(`${input.year}-01-01`, DASHBOARD_TIME_ZONE);
  const yearEnd = startOfLocalDate(`${input.year + 1}-01-01`, DASHBOARD_TIME_ZONE);
  const activeSince = new Date(now.getTime() - ACTIVE_SELLER_DAYS * 86_400_000);
  const households = householdScopeWhere(scope);
  const stores = storeScopeWhere(scope);

  const [areas, graduatedInYear, target, activeSellers, storeCount, saleRows, graduatedRecently, targetYears] = await Promise.all([
    householdsByArea(db, scope, input.provinceCode),
    db.household.count({ where: { AND: [households, { graduatedAt: { gte: yearStart, lt: yearEnd } }] } }),
    findGraduationTarget(db, input.year),
    db.store.count({ where: { AND: [stores, { storeOrders: { some: { completedAt: { gte: activeSince, lte: now } } } }] } }),
    db.store.count({ where: stores }),
    db.storeOrder.findMany({
      where: {
        store: stores,
        OR: [{ completedAt: { gte: trendStart, lte: now } }, { status: "REFUNDED", completedAt: { not: null }, refundedAt: { gte: trendStart, lte: now } }],
      },
      select: { subtotalIdr: true, shippingIdr: true, status: true, completedAt: true, refundedAt: true },
    }),
    db.household.findMany({ where: { AND: [households, { graduatedAt: { gte: trendStart, lte: now } }] }, select: { graduatedAt: true } }),
    db.graduationTarget.findMany({ select: { year: true } }),
  ]);

  const sales = salesByMonth(saleRows, trendStart);
  const graduationsByMonth = new Map<string, number>();
  for (const row of graduatedRecently) {
    const month = monthKey(row.graduatedAt!);
    graduationsByMonth.set(month, (graduationsByMonth.get(month) ?? 0) + 1);
  }
  const trend: TrendMonth[] = Array.from({ length: TREND_MONTHS }, (_, index) => {
    const month = addMonths(firstTrendMonth, index);
    return { month, graduations: graduationsByMonth.get(month) ?? 0, ...(sales.get(month) ?? emptySales()) };
  });
  const yearTotals = sumSales(trend.filter((row) => row.month.startsWith(`${currentYear}-`)));
  const years = [...new Set([...Array.from({ length: currentYear - FIRST_PROGRAM_YEAR + 1 }, (_, i) => FIRST_PROGRAM_YEAR + i), ...targetYears.map((t) => t.year), input.year])].sort(
    (a, b) => b - a,
  );

  return {
    areas,
    graduations: {
      year: input.year,
      count: graduatedInYear,
      target,
      percentOfTarget: target ? Math.round((graduatedInYear / target.households) * 10_000) / 100 : null,
    },
    activeSellers: { count: activeSellers, stores: storeCount, since: activeSince },
    sales: { month: currentMonth, monthTotals: sales.get(currentMonth) ?? emptySales(), year: currentYear, yearTotals },
    trend,
    years,
  };
}
