import type { HouseholdStatus } from "~/generated/prisma/enums";
import type { PrismaClient } from "~/utils/db.server";
import type { ReadinessFilter } from "./household-rules";
import { listFacilitatorHouseholds } from "./household.server";
import { computeIndicatorsForHouseholds, readinessPolicy } from "./indicators.server";

export const HOUSEHOLD_PAGE_SIZE = 50;

/**
 * A household's readiness for the list: the tier of its latest completed month, "UNKNOWN" when the
 * poverty line for that month is missing (never a silent tier), and "INACTIVE" before any month is over.
 */
function readinessOf(latest: { tier: string | null } | null | undefined): ReadinessFilter {
  if (!latest) return "INACTIVE";
  return (latest.tier ?? "UNKNOWN") as ReadinessFilter;
}

/**
 * One page of a facilitator's households with their readiness, filtered by status, regency and
 * readiness. Readiness comes from the sales, so it is computed for every household the other filters
 * keep (a facilitator coaches tens to a few hundred) before the page is cut.
 */
export async function facilitatorHouseholdPage(
  db: PrismaClient,
  facilitatorId: string,
  filters: { status?: HouseholdStatus; kesiapan?: ReadinessFilter; wilayah?: string; halaman?: number },
  opts: { now?: Date } = {},
) {
  const [households, totalAll] = await Promise.all([
    listFacilitatorHouseholds(db, facilitatorId, { status: filters.status, regencyCode: filters.wilayah }),
    db.household.count({ where: { facilitatorId } }),
  ]);
  const indicators = await computeIndicatorsForHouseholds(
    db,
    households.map((h) => h.id),
    // The "ready" streak needs that many complete months behind the latest one, plus the current month.
    { now: opts.now, count: readinessPolicy().readyMonths + 1 },
  );
  const withReadiness = households.map((h) => ({
    id: h.id,
    headName: h.headName,
    programRef: h.programRef,
    memberCount: h.memberCount,
    status: h.status,
    regencyName: h.regency.name,
    readiness: readinessOf(indicators.get(h.id)?.latestComplete),
  }));
  const kept = filters.kesiapan ? withReadiness.filter((h) => h.readiness === filters.kesiapan) : withReadiness;
  const pageCount = Math.max(1, Math.ceil(kept.length / HOUSEHOLD_PAGE_SIZE));
  const page = Math.min(filters.halaman ?? 1, pageCount);
  return {
    rows: kept.slice((page - 1) * HOUSEHOLD_PAGE_SIZE, page * HOUSEHOLD_PAGE_SIZE),
    total: kept.length,
    totalAll,
    page,
    pageCount,
  };
}
