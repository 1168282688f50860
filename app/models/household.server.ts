import { Prisma } from "~/generated/prisma/client";
import type { AreaType, HouseholdStatus } from "~/generated/prisma/enums";
import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { looksLikeNik } from "./household-rules";

export class HouseholdError extends Error {
  constructor(public readonly code: "duplicate_program_ref" | "nik_refused" | "unknown_regency" | "not_active") {
    super(code);
    this.name = "HouseholdError";
  }
}

/** A facilitator's households, and nobody else's: the facilitator is part of the where clause. */
export async function listFacilitatorHouseholds(
  db: PrismaClient,
  facilitatorId: string,
  filters: { status?: HouseholdStatus; regencyCode?: string } = {},
) {
  return db.household.findMany({
    where: {
      facilitatorId,
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.regencyCode ? { regencyCode: filters.regencyCode } : {}),
    },
    select: {
      id: true,
      programRef: true,
      headName: true,
      memberCount: true,
      status: true,
      regencyCode: true,
      regency: { select: { name: true } },
    },
    orderBy: [{ headName: "asc" }, { id: "asc" }],
  });
}

/** The regencies where a facilitator has households (the list's regency filter offers only these). */
export async function facilitatorRegencies(db: PrismaClient, facilitatorId: string) {
  const rows = await db.household.findMany({
    where: { facilitatorId },
    select: { regency: { select: { code: true, name: true } } },
    distinct: ["regencyCode"],
  });
  return rows.map((r) => r.regency).sort((a, b) => a.name.localeCompare(b.name, "id"));
}

/** A facilitator's active households, for the KUBE and coaching forms. */
export function listActiveHouseholds(db: PrismaClient, facilitatorId: string) {
  return db.household.findMany({
    where: { facilitatorId, status: "ACTIVE" },
    select: { id: true, headName: true, programRef: true, regencyCode: true, regency: { select: { name: true } } },
    orderBy: [{ headName: "asc" }, { id: "asc" }],
  });
}

/**
 * Registers a household coached by `facilitatorId`. The program reference is the PKH participant
 * number, never the NIK: a 16-digit number is refused here too, whatever the form let through.
 */
export async function registerHousehold(
  db: PrismaClient,
  input: { facilitatorId: string; programRef: string; headName: string; memberCount: number; regencyCode: string; areaType: AreaType; now?: Date },
): Promise<{ id: string }> {
  if (looksLikeNik(input.programRef)) throw new HouseholdError("nik_refused");
  try {
    return await db.$transaction(async (tx) => {
      const regency = await tx.region.findFirst({ where: { code: input.regencyCode, level: "REGENCY" }, select: { code: true } });
      if (!regency) throw new HouseholdError("unknown_regency");
      const now = input.now ?? new Date();
      const household = await tx.household.create({
        data: {
          programRef: input.programRef,
          headName: input.headName,
          memberCount: input.memberCount,
          regencyCode: regency.code,
          areaType: input.areaType,
          facilitatorId: input.facilitatorId,
          enrolledAt: now,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: input.facilitatorId,
        action: "household.create",
        subjectType: "Household",
        subjectId: household.id,
        details: { programRef: input.programRef, memberCount: input.memberCount, regencyCode: regency.code, areaType: input.areaType },
      });
      return household;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new HouseholdError("duplicate_program_ref");
    throw error;
  }
}

/**
 * A facilitator corrects an active household they coach: the head of family's name, the number of
 * members (a birth, someone moving out) and the BPS area type. Not while a graduation proposal is
 * waiting (the verifier judges these facts) nor after graduation. The program reference is its identity and does not
 * change. Only what changed is written, with the old and new values in the audit log. The indicators
 * use the current member count for every month shown; submitted assessments keep their snapshot.
 */
export async function updateHousehold(
  db: PrismaClient,
  input: { facilitatorId: string; householdId: string; headName: string; memberCount: number; areaType: AreaType },
): Promise<{ changed: string[] } | null> {
  return db.$transaction(async (tx) => {
    const before = await tx.household.findFirst({
      where: { id: input.householdId, facilitatorId: input.facilitatorId },
      select: { headName: true, memberCount: true, areaType: true, status: true },
    });
    if (!before) return null;
    // A proposed household is being judged on these facts, a graduated one's evidence is closed.
    if (before.status !== "ACTIVE") throw new HouseholdError("not_active");
    const changes: Record<string, [string | number, string | number]> = {};
    if (before.headName !== input.headName) changes.headName = [before.headName, input.headName];
    if (before.memberCount !== input.memberCount) changes.memberCount = [before.memberCount, input.memberCount];
    if (before.areaType !== input.areaType) changes.areaType = [before.areaType, input.areaType];
    const changed = Object.keys(changes);
    if (changed.length === 0) return { changed };
    await tx.household.update({
      where: { id: input.householdId },
      data: { headName: input.headName, memberCount: input.memberCount, areaType: input.areaType },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: input.facilitatorId, action: "household.update", subjectType: "Household", subjectId: input.householdId, details: changes });
    return { changed };
  });
}

const storeSelect = { id: true, slug: true, name: true, status: true, createdAt: true } as const;

/**
 * One household of this facilitator with what its page shows, or null: another facilitator's
 * household looks exactly like one that does not exist.
 */
export function getFacilitatorHousehold(db: PrismaClient, facilitatorId: string, householdId: string) {
  return db.household.findFirst({
    where: { id: householdId, facilitatorId },
    select: {
      id: true,
      programRef: true,
      headName: true,
      memberCount: true,
      regencyCode: true,
      areaType: true,
      status: true,
      enrolledAt: true,
      proposedAt: true,
      graduatedAt: true,
      createdAt: true,
      regency: { select: { code: true, name: true, parent: { select: { code: true, name: true } } } },
      stores: { select: storeSelect, orderBy: { createdAt: "asc" } },
      kubeMemberships: {
        select: {
          shareBasisPoints: true,
          joinedAt: true,
          kubeGroup: { select: { id: true, name: true, stores: { select: storeSelect, orderBy: { createdAt: "asc" } } } },
        },
      },
      accounts: { select: { id: true, name: true, email: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
}
export type FacilitatorHousehold = NonNullable<Awaited<ReturnType<typeof getFacilitatorHousehold>>>;

/** Whether this facilitator coaches this household (for actions, checked before reading the form). */
export async function isFacilitatorHousehold(db: PrismaClient, facilitatorId: string, householdId: string): Promise<boolean> {
  return (await db.household.count({ where: { id: householdId, facilitatorId } })) > 0;
}
