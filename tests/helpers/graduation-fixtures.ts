import { randomUUID } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import type { HouseholdStatus, Role } from "~/generated/prisma/enums";
import { EMPTY_CHECKLIST, type AssessmentSnapshot } from "~/models/assessment-snapshot.server";

/** A user with the given roles (and, for verifiers, an area). */
export async function createProgramUser(prisma: PrismaClient, roles: Role[], scopeRegionCode: string | null = null) {
  const tag = randomUUID().slice(0, 8);
  return prisma.user.create({
    data: { email: `${roles.join("-").toLowerCase()}-${tag}@test.id`, name: `Petugas ${tag}`, scopeRegionCode, roles: { create: roles.map((role) => ({ role })) } },
    select: { id: true, name: true, email: true },
  });
}

/** A household coached by `facilitatorId`, in Kota Kupang (NTT) unless another regency is given. */
export async function createProgramHousehold(
  prisma: PrismaClient,
  options: { facilitatorId: string; regencyCode?: string; status?: HouseholdStatus; memberCount?: number },
) {
  const tag = randomUUID().slice(0, 8);
  return prisma.household.create({
    data: {
      programRef: `PKH-${tag}`,
      headName: `Ibu ${tag}`,
      memberCount: options.memberCount ?? 4,
      regencyCode: options.regencyCode ?? "53.71",
      areaType: "URBAN",
      facilitatorId: options.facilitatorId,
      status: options.status ?? "ACTIVE",
    },
    select: { id: true, programRef: true, headName: true },
  });
}

/** A snapshot as submission writes it, for a household of four earning `perCapitaIdr` a head against a Rp600.000 line. */
export function snapshotFor(options: { month?: string; tier?: AssessmentSnapshot["month"]["tier"]; readyStreak?: number; missingLine?: boolean } = {}): AssessmentSnapshot {
  const month = options.month ?? "2026-10";
  const tier = options.missingLine ? null : (options.tier ?? "READY");
  const perCapitaIdr = tier === "READY" ? 650_000 : 400_000;
  return {
    version: 1,
    computedAt: "2026-11-02T03:00:00.000Z",
    policy: { developingPercent: 50, approachingPercent: 75, readyPercent: 100, readyMonths: 3 },
    readyStreak: options.readyStreak ?? (tier === "READY" ? 3 : 0),
    month: {
      month,
      partial: false,
      sources: [],
      businessIncomeIdr: perCapitaIdr * 4,
      orders: 12,
      otherIncomeIdr: 0,
      otherIncomeAssessmentId: null,
      totalIncomeIdr: perCapitaIdr * 4,
      memberCount: 4,
      perCapitaIdr,
      povertyLine: options.missingLine ? null : { provinceCode: "53", period: "2025-09", area: "URBAN", amountIdr: 600_000, source: "BPS" },
      povertyLineMissing: options.missingLine ? { provinceCode: "53", area: "URBAN", month } : null,
      ratioPercent: options.missingLine ? null : Math.round((perCapitaIdr / 600_000) * 1000) / 10,
      minimumWage: null,
      wageRatioPercent: null,
      readyStreak: options.readyStreak ?? (tier === "READY" ? 3 : 0),
      tier,
    },
  };
}

/** An assessment written straight to the table: submitted with a snapshot, or a draft. */
export async function createAssessmentRow(
  prisma: PrismaClient,
  options: { householdId: string; assessorId: string; submitted?: boolean; snapshot?: AssessmentSnapshot; month?: string; submittedAt?: Date },
) {
  const submitted = options.submitted ?? true;
  const snapshot = options.snapshot ?? snapshotFor({ month: options.month });
  return prisma.graduationAssessment.create({
    data: {
      householdId: options.householdId,
      assessorId: options.assessorId,
      month: options.month ?? snapshot.month.month,
      indicatorsJson: submitted ? JSON.stringify(snapshot) : "{}",
      checklistJson: JSON.stringify(EMPTY_CHECKLIST),
      otherIncomeIdr: 0,
      submittedAt: submitted ? (options.submittedAt ?? new Date("2026-11-02T03:00:00Z")) : null,
    },
    select: { id: true },
  });
}
