import { z } from "zod";
import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

/**
 * A year's national graduation target (households expected to graduate, "graduasi sejahtera
 * mandiri"), set by an admin with the document it comes from. The 2019 target was 800,000 families,
 * 8% of the KPM PKH. A year without a target has none: the dashboard says so and never guesses one.
 */

/** PKH began in 2007; the dashboard shows any year a target can be set for. */
export const TARGET_YEAR_MIN = 2007;
export const TARGET_YEAR_MAX = 2100;

export const graduationTargetSchema = z.object({
  year: z.coerce
    .number({ error: "program.errorYear" })
    .int("program.errorYear")
    .min(TARGET_YEAR_MIN, "program.errorYear")
    .max(TARGET_YEAR_MAX, "program.errorYear"),
  households: z.coerce
    .number({ error: "program.errorTargetHouseholds" })
    .int("program.errorTargetHouseholds")
    .min(1, "program.errorTargetHouseholds")
    .max(20_000_000, "program.errorTargetHouseholds"),
  source: z.string({ error: "program.errorSource" }).trim().min(5, "program.errorSource").max(300, "errors.tooLong"),
});
export type GraduationTargetForm = z.infer<typeof graduationTargetSchema>;

export async function setGraduationTarget(db: PrismaClient, input: GraduationTargetForm & { actorId: string }) {
  return db.$transaction(async (tx) => {
    const before = await tx.graduationTarget.findUnique({ where: { year: input.year }, select: { households: true, source: true } });
    const target = await tx.graduationTarget.upsert({
      where: { year: input.year },
      create: { year: input.year, households: input.households, source: input.source, updatedById: input.actorId },
      update: { households: input.households, source: input.source, updatedById: input.actorId },
      select: { id: true, year: true, households: true, source: true },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: before ? "graduation_target.update" : "graduation_target.create",
      subjectType: "GraduationTarget",
      subjectId: target.id,
      details: { year: input.year, households: input.households, source: input.source, ...(before ? { before } : {}) },
    });
    return target;
  });
}

export function listGraduationTargets(db: PrismaClient) {
  return db.graduationTarget.findMany({
    select: { year: true, households: true, source: true, updatedAt: true },
    orderBy: { year: "desc" },
  });
}

export function findGraduationTarget(db: PrismaClient, year: number) {
  return db.graduationTarget.findUnique({ where: { year }, select: { year: true, households: true, source: true } });
}
