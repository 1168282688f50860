/**
 * KUBE (Kelompok Usaha Bersama): a joint-business group of several households coached by one
 * facilitator. The group's store income is split among its members by their shares, stored in basis
 * points (1% = 100) that add up to exactly 10000.
 */
import { z } from "zod";
import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { regencyCodeField } from "./household-forms.server";
import { checkShares, MIN_KUBE_MEMBERS, parseSharePercent } from "./kube-shares";
import { containsNik } from "./household-rules";

/**
 * The KUBE form: one row per household the facilitator could add (conform's `members[i].…` names), a
 * tick box to include it and its share in percent. Rows not ticked are ignored, whatever their share.
 */
export const newKubeSchema = z
  .object({
    name: z
      .string({ error: "households.errorKubeName" })
      .trim()
      .min(3, "households.errorKubeName")
      .max(80, "households.errorKubeName")
      .refine((name) => !containsNik(name), "households.errorNikText"),
    regencyCode: regencyCodeField,
    members: z
      .array(
        z.object({
          householdId: z.string().min(1).max(64),
          selected: z.literal("on").optional(),
          share: z.string().max(20).optional(),
        }),
      )
      .max(500)
      .default([]),
  })
  .transform((value, ctx) => {
    const picked = value.members.flatMap((row, index) => (row.selected ? [{ row, index }] : []));
    const members: { householdId: string; shareBasisPoints: number }[] = [];
    for (const { row, index } of picked) {
      const shareBasisPoints = parseSharePercent(row.share ?? "");
      if (shareBasisPoints === null) {
        ctx.addIssue({ code: "custom", message: "households.errorShare", path: ["members", index, "share"] });
        continue;
      }
      members.push({ householdId: row.householdId, shareBasisPoints });
    }
    if (picked.length < MIN_KUBE_MEMBERS) ctx.addIssue({ code: "custom", message: "households.errorKubeTooFew", path: ["members"] });
    if (members.length !== picked.length || picked.length < MIN_KUBE_MEMBERS) return z.NEVER;
    return { name: value.name, regencyCode: value.regencyCode, members };
  });
export type NewKubeForm = z.input<typeof newKubeSchema>;

export class KubeError extends Error {
  constructor(
    public readonly code: "not_hundred" | "too_few_members" | "duplicate_member" | "household_not_available" | "unknown_regency" | "not_found",
    public readonly sumBasisPoints: number | null = null,
  ) {
    super(code);
    this.name = "KubeError";
  }
}

/**
 * Forms a group of this facilitator's active households. Every household must be theirs and ACTIVE;
 * the regency must be one where they coach a household. Nothing is written unless all of it holds.
 */
export async function createKubeGroup(
  db: PrismaClient,
  input: { facilitatorId: string; name: string; regencyCode: string; members: { householdId: string; shareBasisPoints: number }[]; now?: Date },
): Promise<{ id: string }> {
  const check = checkShares(input.members);
  if (!check.ok) throw new KubeError(check.error, check.sumBasisPoints);
  return db.$transaction(async (tx) => {
    const ids = input.members.map((m) => m.householdId);
    const households = await tx.household.findMany({
      where: { id: { in: ids }, facilitatorId: input.facilitatorId, status: "ACTIVE" },
      select: { id: true },
    });
    if (households.length !== ids.length) throw new KubeError("household_not_available");
    const coachedHere = await tx.household.count({ where: { facilitatorId: input.facilitatorId, regencyCode: input.regencyCode } });
    if (coachedHere === 0) throw new KubeError("unknown_regency");
    const now = input.now ?? new Date();
    const group = await tx.kubeGroup.create({
      data: {
        name: input.name,
        regencyCode: input.regencyCode,
        facilitatorId: input.facilitatorId,
        createdAt: now,
        members: { create: input.members.map((m) => ({ householdId: m.householdId, shareBasisPoints: m.shareBasisPoints, joinedAt: now })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.facilitatorId,
      action: "kube.create",
      subjectType: "KubeGroup",
      subjectId: group.id,
      details: { name: input.name, regencyCode: input.regencyCode, members: input.members },
    });
    return group;
  });
}

/** One KUBE group of this facilitator, or null (another facilitator's group looks like a missing one). */
export function getFacilitatorKube(db: PrismaClient, facilitatorId: string, kubeGroupId: string) {
  return db.kubeGroup.findFirst({
    where: { id: kubeGroupId, facilitatorId },
    select: {
      id: true,
      name: true,
      createdAt: true,
      regencyCode: true,
      regency: { select: { code: true, name: true } },
      members: {
        select: {
          shareBasisPoints: true,
          joinedAt: true,
          household: {
            select: { id: true, headName: true, programRef: true, status: true, accounts: { select: { id: true, name: true, email: true } } },
          },
        },
        orderBy: [{ shareBasisPoints: "desc" }, { householdId: "asc" }],
      },
      stores: { select: { id: true, slug: true, name: true, status: true, members: { select: { user: { select: { email: true } } } } } },
    },
  });
}

/** Whether this facilitator formed this group (for actions, checked before reading the form). */
export async function isFacilitatorKube(db: PrismaClient, facilitatorId: string, kubeGroupId: string): Promise<boolean> {
  return (await db.kubeGroup.count({ where: { id: kubeGroupId, facilitatorId } })) > 0;
}

/** A facilitator's KUBE groups with their member count, for the workspace's home page. */
export function listFacilitatorKubes(db: PrismaClient, facilitatorId: string) {
  return db.kubeGroup.findMany({
    where: { facilitatorId },
    select: { id: true, name: true, regency: { select: { name: true } }, _count: { select: { members: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
