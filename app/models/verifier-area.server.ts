import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

/**
 * A verifier's area (User.scopeRegionCode): the district social office's regency ("53.71"), a province
 * ("53"), or the whole country (null), which an admin must choose on purpose ("ALL" in the form), never
 * by leaving the field empty.
 */
export const WHOLE_COUNTRY = "ALL";
const AREA_CODE = /^\d{2}(\.\d{2})?$/;

export class VerifierAreaError extends Error {
  constructor(public readonly code: "unknown_area" | "not_verifier") {
    super(code);
    this.name = "VerifierAreaError";
  }
}

/** The form's value as the column's: "ALL" → null; a province or regency code that exists → itself. */
export async function resolveVerifierArea(db: PrismaClient, value: string): Promise<string | null> {
  if (value === WHOLE_COUNTRY) return null;
  if (!AREA_CODE.test(value)) throw new VerifierAreaError("unknown_area");
  const region = await db.region.findFirst({ where: { code: value, level: { in: ["PROVINCE", "REGENCY"] } }, select: { code: true } });
  if (!region) throw new VerifierAreaError("unknown_area");
  return region.code;
}

/** The provinces with their regencies, for the area picker. */
export async function listAreaChoices(db: PrismaClient) {
  const [provinces, regencies] = await Promise.all([
    db.region.findMany({ where: { level: "PROVINCE" }, select: { code: true, name: true }, orderBy: { code: "asc" } }),
    db.region.findMany({ where: { level: "REGENCY" }, select: { code: true, name: true, parentCode: true }, orderBy: { code: "asc" } }),
  ]);
  return provinces.map((p) => ({ ...p, regencies: regencies.filter((r) => r.parentCode === p.code).map(({ code, name }) => ({ code, name })) }));
}

/** An admin changes a verifier's area; audited with the area before and after. */
export async function setVerifierArea(db: PrismaClient, input: { actorId: string; userId: string; area: string }): Promise<void> {
  const scopeRegionCode = await resolveVerifierArea(db, input.area);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: input.userId, roles: { some: { role: "VERIFIER" } } }, select: { scopeRegionCode: true } });
    if (!user) throw new VerifierAreaError("not_verifier");
    await tx.user.update({ where: { id: input.userId }, data: { scopeRegionCode }, select: { id: true } });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "user.verifier_area",
      subjectType: "User",
      subjectId: input.userId,
      details: { from: user.scopeRegionCode, to: scopeRegionCode },
    });
  });
}
