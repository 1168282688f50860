import type { Prisma } from "~/generated/prisma/client";
import { hasRole, type UserSummary } from "~/models/user.server";
import type { PrismaClient } from "~/utils/db.server";

/**
 * Whose program data a reader may see. Admins and API tokens see everything; a verifier sees their
 * area (User.scopeRegionCode: a province "53" or a regency "53.71"; none = the whole country); a
 * facilitator sees only the households they coach and the stores of those households and of their
 * KUBE groups. Every program query starts from one of these where clauses.
 */
export type ProgramScope =
  | { kind: "all" }
  | { kind: "region"; regionCode: string }
  | { kind: "facilitator"; facilitatorId: string };

/** Region codes are "53" (province) or "53.71" (regency); a household's regencyCode is always a regency. */
export function regionCodeFilter(code: string): Prisma.StringFilter {
  return code.includes(".") ? { equals: code } : { startsWith: `${code}.` };
}

/** The program area an admin or verifier may read; anyone else is refused (403). */
export async function dashboardScopeFor(db: PrismaClient, user: UserSummary): Promise<ProgramScope> {
  if (hasRole(user, "ADMIN")) return { kind: "all" };
  if (!hasRole(user, "VERIFIER")) throw new Response("Forbidden", { status: 403 });
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { scopeRegionCode: true } });
  return row.scopeRegionCode ? { kind: "region", regionCode: row.scopeRegionCode } : { kind: "all" };
}

export function householdScopeWhere(scope: ProgramScope): Prisma.HouseholdWhereInput {
  switch (scope.kind) {
    case "all":
      return {};
    case "region":
      return { regencyCode: regionCodeFilter(scope.regionCode) };
    case "facilitator":
      return { facilitatorId: scope.facilitatorId };
  }
}

/** Stores owned by a household or KUBE group in the scope (the owner's regency, not the pickup address). */
export function storeScopeWhere(scope: ProgramScope): Prisma.StoreWhereInput {
  switch (scope.kind) {
    case "all":
      return {};
    case "region": {
      const regencyCode = regionCodeFilter(scope.regionCode);
      return { OR: [{ household: { regencyCode } }, { kubeGroup: { regencyCode } }] };
    }
    case "facilitator":
      return { OR: [{ household: { facilitatorId: scope.facilitatorId } }, { kubeGroup: { facilitatorId: scope.facilitatorId } }] };
  }
}

/** A store filtered by the owner's province or regency (the region filter of the data exchange). */
export function storeRegionWhere(code: string): Prisma.StoreWhereInput {
  const regencyCode = regionCodeFilter(code);
  return { OR: [{ household: { regencyCode } }, { kubeGroup: { regencyCode } }] };
}
