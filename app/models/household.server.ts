import type { PrismaClient } from "~/utils/db.server";

/** A facilitator's households, and nobody else's: the facilitator is part of the where clause. */
export async function listFacilitatorHouseholds(db: PrismaClient, facilitatorId: string) {
  return db.household.findMany({
    where: { facilitatorId },
    select: {
      id: true,
      programRef: true,
      headName: true,
      memberCount: true,
      status: true,
      regency: { select: { name: true } },
      stores: { select: { slug: true, name: true } },
      kubeMemberships: { select: { kubeGroup: { select: { name: true, stores: { select: { slug: true, name: true } } } } } },
      accounts: { select: { email: true, name: true } },
    },
    orderBy: { headName: "asc" },
  });
}
