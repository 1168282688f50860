import type { Role } from "~/generated/prisma/enums";
import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { createUser, generateTemporaryPassword, type UserSummary } from "./user.server";

export class HouseholdNotFoundError extends Error {
  constructor() {
    super("household not found or not yours");
    this.name = "HouseholdNotFoundError";
  }
}

/**
 * An account made by an admin (any role) or by a facilitator (a seller of one of their households).
 * The temporary password is returned once, to be shown once; only its hash is stored.
 */
export async function createManagedAccount(
  db: PrismaClient,
  input: {
    actorId: string;
    email: string;
    name: string;
    roles: Role[];
    householdId?: string | null;
    /** When set, the household must be coached by this facilitator. */
    restrictToFacilitatorId?: string;
    /** A verifier's area (province or regency code; null = the whole country), already resolved. */
    scopeRegionCode?: string | null;
  },
): Promise<{ user: UserSummary; temporaryPassword: string }> {
  const temporaryPassword = generateTemporaryPassword();
  const roles: Role[] = input.roles.includes("SELLER") ? [...new Set<Role>([...input.roles, "SHOPPER"])] : input.roles;

  const user = await db.$transaction(async (tx) => {
    let storeIds: string[] = [];
    if (input.householdId) {
      const household = await tx.household.findFirst({
        where: {
          id: input.householdId,
          ...(input.restrictToFacilitatorId ? { facilitatorId: input.restrictToFacilitatorId } : {}),
        },
        select: {
          id: true,
          stores: { select: { id: true } },
          kubeMemberships: { select: { kubeGroup: { select: { stores: { select: { id: true } } } } } },
        },
      });
      if (!household) throw new HouseholdNotFoundError();
      storeIds = [
        ...household.stores.map((s) => s.id),
        ...household.kubeMemberships.flatMap((m) => m.kubeGroup.stores.map((s) => s.id)),
      ];
    }
    const created = await createUser(tx, {
      email: input.email,
      name: input.name,
      password: temporaryPassword,
      roles,
      householdId: input.householdId ?? null,
    });
    const scopeRegionCode = roles.includes("VERIFIER") ? (input.scopeRegionCode ?? null) : null;
    if (scopeRegionCode) await tx.user.update({ where: { id: created.id }, data: { scopeRegionCode }, select: { id: true } });
    if (roles.includes("SELLER") && storeIds.length > 0) {
      await tx.storeMember.createMany({ data: storeIds.map((storeId) => ({ storeId, userId: created.id })) });
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "user.create",
      subjectType: "User",
      subjectId: created.id,
      details: { roles, householdId: input.householdId ?? null, stores: storeIds.length, ...(roles.includes("VERIFIER") ? { scopeRegionCode } : {}) },
    });
    return created;
  });

  return { user, temporaryPassword };
}
