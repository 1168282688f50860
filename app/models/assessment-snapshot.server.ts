import { z } from "zod";
import type { MonthIndicators, ReadinessPolicy } from "./indicators.server";

/**
 * What an assessment stores as JSON text: the other domains' checklist, and (once submitted) the
 * snapshot of the computed indicators. Both are validated when read back, so a row written by an
 * older version or by hand is refused loudly instead of being shown wrong.
 */

/** The program's other domains besides income (health, education, housing, water and sanitation, social). */
export const ASSESSMENT_DOMAINS = ["health", "education", "housing", "waterSanitation", "social"] as const;
export type AssessmentDomain = (typeof ASSESSMENT_DOMAINS)[number];

export const DOMAIN_STATUSES = ["MET", "NOT_MET", "NOT_ASSESSED"] as const;
export type DomainStatus = (typeof DOMAIN_STATUSES)[number];

export const CHECKLIST_NOTE_MAX = 500;

const checklistItemSchema = z.object({
  status: z.enum(DOMAIN_STATUSES),
  note: z.string().max(CHECKLIST_NOTE_MAX).nullable(),
});

export const checklistSchema = z.object({
  health: checklistItemSchema,
  education: checklistItemSchema,
  housing: checklistItemSchema,
  waterSanitation: checklistItemSchema,
  social: checklistItemSchema,
});
export type Checklist = z.infer<typeof checklistSchema>;

export const EMPTY_CHECKLIST: Checklist = {
  health: { status: "NOT_ASSESSED", note: null },
  education: { status: "NOT_ASSESSED", note: null },
  housing: { status: "NOT_ASSESSED", note: null },
  waterSanitation: { status: "NOT_ASSESSED", note: null },
  social: { status: "NOT_ASSESSED", note: null },
};

const READINESS_TIERS = ["INACTIVE", "GROWING", "DEVELOPING", "APPROACHING", "READY"] as const;
const rupiah = z.number().int();
const count = z.number().int().min(0);

const storeMonthSchema = z.object({
  storeId: z.string(),
  storeName: z.string(),
  storeSlug: z.string(),
  kubeGroupName: z.string().nullable(),
  shareBasisPoints: z.number().int().min(0).max(10_000),
  orders: count,
  revenueIdr: rupiah,
  costOfGoodsIdr: rupiah,
  commissionIdr: rupiah,
  refundCount: count,
  refundsIdr: rupiah,
  refundedCommissionIdr: rupiah,
  storeNetIdr: rupiah,
  householdShareIdr: rupiah,
});

export const monthIndicatorsSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  partial: z.boolean(),
  sources: z.array(storeMonthSchema),
  businessIncomeIdr: rupiah,
  orders: count,
  otherIncomeIdr: rupiah.min(0),
  otherIncomeAssessmentId: z.string().nullable(),
  totalIncomeIdr: rupiah,
  memberCount: z.number().int().min(1),
  perCapitaIdr: rupiah,
  povertyLine: z
    .object({
      provinceCode: z.string(),
      period: z.string(),
      area: z.enum(["URBAN", "RURAL", "TOTAL"]),
      amountIdr: z.number().int().positive(),
      source: z.string(),
    })
    .nullable(),
  povertyLineMissing: z.object({ provinceCode: z.string(), area: z.enum(["URBAN", "RURAL"]), month: z.string() }).nullable(),
  ratioPercent: z.number().nullable(),
  minimumWage: z.object({ year: z.number().int(), amountIdr: z.number().int().positive(), source: z.string() }).nullable(),
  wageRatioPercent: z.number().nullable(),
  readyStreak: count,
  tier: z.enum(READINESS_TIERS).nullable(),
}) satisfies z.ZodType<MonthIndicators>;

export const readinessPolicySchema = z.object({
  developingPercent: z.number(),
  approachingPercent: z.number(),
  readyPercent: z.number(),
  readyMonths: z.number().int().min(1),
}) satisfies z.ZodType<ReadinessPolicy>;

/** The indicators frozen at submission: the assessed month, the policy in force and the streak. */
export const snapshotSchema = z.object({
  version: z.literal(1),
  computedAt: z.iso.datetime(),
  policy: readinessPolicySchema,
  readyStreak: count,
  month: monthIndicatorsSchema,
});
export type AssessmentSnapshot = z.infer<typeof snapshotSchema>;

export class StoredJsonError extends Error {
  constructor(
    public readonly assessmentId: string,
    public readonly column: "checklistJson" | "indicatorsJson",
    cause: unknown,
  ) {
    super(`Assessment ${assessmentId}: ${column} does not have the expected shape`, { cause });
    this.name = "StoredJsonError";
  }
}

function parseJson<T>(schema: z.ZodType<T>, text: string, assessmentId: string, column: "checklistJson" | "indicatorsJson"): T {
  try {
    return schema.parse(JSON.parse(text));
  } catch (error) {
    throw new StoredJsonError(assessmentId, column, error);
  }
}

export function readChecklist(assessmentId: string, text: string): Checklist {
  return parseJson(checklistSchema, text, assessmentId, "checklistJson");
}

/** A draft has no snapshot yet (its column holds "{}"); a submitted assessment always has one. */
export function readSnapshot(assessmentId: string, text: string): AssessmentSnapshot {
  return parseJson(snapshotSchema, text, assessmentId, "indicatorsJson");
}

/** What a draft holds in indicatorsJson until it is submitted. */
export const DRAFT_INDICATORS_JSON = "{}";

/** The columns of an assessment that the facilitator's assessment page and the verifier's proposal page show. */
export const assessmentDetailSelect = {
  id: true,
  month: true,
  indicatorsJson: true,
  checklistJson: true,
  otherIncomeIdr: true,
  notes: true,
  submittedAt: true,
  createdAt: true,
  assessor: { select: { name: true } },
} as const;

/** Such a row with its checklist, and once submitted its snapshot, read back from their JSON. */
export function readAssessmentDetail<Row extends { id: string; indicatorsJson: string; checklistJson: string; submittedAt: Date | null }>(row: Row) {
  const { indicatorsJson, checklistJson, ...rest } = row;
  return { ...rest, checklist: readChecklist(row.id, checklistJson), snapshot: row.submittedAt ? readSnapshot(row.id, indicatorsJson) : null };
}
