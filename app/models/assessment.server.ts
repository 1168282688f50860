import type { Prisma } from "~/generated/prisma/client";
import type { PrismaClient } from "~/utils/db.server";
import {
  assessmentDetailSelect,
  DRAFT_INDICATORS_JSON,
  readAssessmentDetail,
  type AssessmentSnapshot,
  type Checklist,
} from "./assessment-snapshot.server";
import { recordAudit } from "./audit.server";
import { listHouseholdProposals } from "./graduation.server";
import { addMonths, computeHouseholdIndicators, householdTimeZone, monthOf, readinessPolicy, type MonthIndicators, type ReadinessPolicy } from "./indicators.server";

/**
 * Graduation assessments: a facilitator records, for one of their households and one month, the other
 * domains' checklist, the other income the family declares and notes. A draft can be edited; submitting
 * freezes a snapshot of the computed indicators, and from then on the assessment never changes.
 *
 * Ownership is always part of the where clause (the household's facilitator): another facilitator's
 * assessment looks exactly like one that does not exist.
 */

/** Months of the series computed at submission (the streak needs the months before the assessed one). */
const SNAPSHOT_MONTHS = 12;
/** The program began with the 2019 MoU; nothing earlier is assessed. */
export const EARLIEST_ASSESSMENT_MONTH = "2019-01";

export type AssessmentErrorCode =
  | "not_found"
  | "submitted"
  | "future_month"
  | "month_too_early"
  | "month_not_over"
  | "household_graduated"
  /** The draft's month or other income changed while the snapshot was being computed: check and send again. */
  | "changed";

export class AssessmentError extends Error {
  constructor(public readonly code: AssessmentErrorCode) {
    super(code);
    this.name = "AssessmentError";
  }
}

/** What the facilitator's pages say, and with which status, when an assessment change is refused. */
export const ASSESSMENT_ERROR_REPLIES: Record<AssessmentErrorCode, { key: string; status: number }> = {
  not_found: { key: "graduation.errorNotFound", status: 404 },
  submitted: { key: "graduation.errorSubmitted", status: 409 },
  future_month: { key: "graduation.errorFutureMonth", status: 400 },
  month_too_early: { key: "graduation.errorMonthTooEarly", status: 400 },
  month_not_over: { key: "graduation.errorMonthNotOver", status: 409 },
  household_graduated: { key: "graduation.errorGraduated", status: 409 },
  changed: { key: "graduation.errorChanged", status: 409 },
};

export type AssessmentInput = {
  month: string;
  checklist: Checklist;
  otherIncomeIdr: number;
  notes: string | null;
};

const householdSelect = {
  id: true,
  programRef: true,
  headName: true,
  memberCount: true,
  regencyCode: true,
  areaType: true,
  status: true,
  proposedAt: true,
  graduatedAt: true,
  regency: { select: { name: true, parent: { select: { name: true } } } },
} as const satisfies Prisma.HouseholdSelect;

/** One of the facilitator's households, or null (another facilitator's looks the same as a missing one). */
export async function findFacilitatorHousehold(db: PrismaClient, facilitatorId: string, householdId: string) {
  const household = await db.household.findFirst({ where: { id: householdId, facilitatorId }, select: householdSelect });
  return household ? { ...household, timeZone: householdTimeZone(household.regencyCode) } : null;
}

/** The last month that is over in the household's time zone: the default month to assess. */
export function lastCompleteMonth(timeZone: string, now = new Date()): string {
  return addMonths(monthOf(now, timeZone), -1);
}

function checkMonth(month: string, timeZone: string, now: Date): void {
  if (month > monthOf(now, timeZone)) throw new AssessmentError("future_month");
  if (month < EARLIEST_ASSESSMENT_MONTH) throw new AssessmentError("month_too_early");
}

/**
 * The indicators of a month as they would be frozen now (a preview for a draft, or the snapshot on
 * submission), with the draft's declared other income; null keeps the income declared before.
 */
export async function indicatorsForMonth(
  db: PrismaClient,
  householdId: string,
  month: string,
  otherIncomeIdr: number | null,
  now = new Date(),
): Promise<{ month: MonthIndicators; policy: ReadinessPolicy; timeZone: string }> {
  const policy = readinessPolicy();
  const series = await computeHouseholdIndicators(db, householdId, {
    endMonth: month,
    count: Math.max(SNAPSHOT_MONTHS, policy.readyMonths),
    now,
    otherIncomeOverride: otherIncomeIdr === null ? undefined : { month, amountIdr: otherIncomeIdr },
    policy,
  });
  const assessed = series.months.at(-1);
  if (!assessed || assessed.month !== month) throw new Error(`Indicators for ${month} were not computed`);
  return { month: assessed, policy: series.policy, timeZone: series.timeZone };
}

function draftData(input: AssessmentInput) {
  return {
    month: input.month,
    checklistJson: JSON.stringify(input.checklist),
    otherIncomeIdr: input.otherIncomeIdr,
    notes: input.notes,
  };
}

/** A new draft for one of the facilitator's households. */
export async function createAssessmentDraft(
  db: PrismaClient,
  args: { facilitatorId: string; householdId: string; input: AssessmentInput; now?: Date },
): Promise<{ id: string }> {
  const now = args.now ?? new Date();
  const household = await db.household.findFirst({
    where: { id: args.householdId, facilitatorId: args.facilitatorId },
    select: { id: true, regencyCode: true, status: true },
  });
  if (!household) throw new AssessmentError("not_found");
  if (household.status === "GRADUATED") throw new AssessmentError("household_graduated");
  checkMonth(args.input.month, householdTimeZone(household.regencyCode), now);
  return db.$transaction(async (tx) => {
    const created = await tx.graduationAssessment.create({
      data: { householdId: household.id, assessorId: args.facilitatorId, indicatorsJson: DRAFT_INDICATORS_JSON, createdAt: now, ...draftData(args.input) },
      select: { id: true },
    });
    await recordAudit(tx, {
      at: now,
      actorId: args.facilitatorId,
      action: "assessment.create",
      subjectType: "GraduationAssessment",
      subjectId: created.id,
      details: { householdId: household.id, month: args.input.month },
    });
    return created;
  });
}

/** Why a conditional update of a draft matched nothing: it was submitted meanwhile, it is gone, or (still a draft) it changed. */
async function notUpdatedBecause(tx: Prisma.TransactionClient, facilitatorId: string, assessmentId: string): Promise<AssessmentError> {
  const row = await tx.graduationAssessment.findFirst({
    where: { id: assessmentId, household: { facilitatorId } },
    select: { submittedAt: true },
  });
  return new AssessmentError(!row ? "not_found" : row.submittedAt ? "submitted" : "changed");
}

/** Edits a draft; a submitted assessment is refused (the update only matches drafts). */
export async function updateAssessmentDraft(
  db: PrismaClient,
  args: { facilitatorId: string; assessmentId: string; input: AssessmentInput; now?: Date },
): Promise<void> {
  const now = args.now ?? new Date();
  const current = await db.graduationAssessment.findFirst({
    where: { id: args.assessmentId, household: { facilitatorId: args.facilitatorId } },
    select: { submittedAt: true, household: { select: { regencyCode: true } } },
  });
  if (!current) throw new AssessmentError("not_found");
  if (current.submittedAt) throw new AssessmentError("submitted");
  checkMonth(args.input.month, householdTimeZone(current.household.regencyCode), now);
  await db.$transaction(async (tx) => {
    const updated = await tx.graduationAssessment.updateMany({
      where: { id: args.assessmentId, submittedAt: null, household: { facilitatorId: args.facilitatorId } },
      data: draftData(args.input),
    });
    if (updated.count !== 1) throw await notUpdatedBecause(tx, args.facilitatorId, args.assessmentId);
    await recordAudit(tx, {
      at: now,
      actorId: args.facilitatorId,
      action: "assessment.update",
      subjectType: "GraduationAssessment",
      subjectId: args.assessmentId,
      details: { month: args.input.month },
    });
  });
}

/**
 * Submits a draft: computes the month's indicators with the declared other income, stores them with
 * the policy and the streak, and makes the assessment immutable. The month must be over (a snapshot of
 * a month still running would freeze figures that keep changing). A missing poverty line does not stop
 * submission: the snapshot records that the line was missing, never a zero.
 */
export async function submitAssessment(
  db: PrismaClient,
  args: { facilitatorId: string; assessmentId: string; now?: Date },
): Promise<{ snapshot: AssessmentSnapshot }> {
  const now = args.now ?? new Date();
  const draft = await db.graduationAssessment.findFirst({
    where: { id: args.assessmentId, household: { facilitatorId: args.facilitatorId } },
    select: { id: true, month: true, otherIncomeIdr: true, submittedAt: true, householdId: true, household: { select: { regencyCode: true, status: true } } },
  });
  if (!draft) throw new AssessmentError("not_found");
  if (draft.submittedAt) throw new AssessmentError("submitted");
  if (draft.household.status === "GRADUATED") throw new AssessmentError("household_graduated");
  const timeZone = householdTimeZone(draft.household.regencyCode);
  checkMonth(draft.month, timeZone, now);
  if (draft.month >= monthOf(now, timeZone)) throw new AssessmentError("month_not_over");

  const computed = await indicatorsForMonth(db, draft.householdId, draft.month, draft.otherIncomeIdr, now);
  const snapshot: AssessmentSnapshot = {
    version: 1,
    computedAt: now.toISOString(),
    policy: computed.policy,
    readyStreak: computed.month.readyStreak,
    // The declared income now comes from this assessment itself.
    month: { ...computed.month, otherIncomeAssessmentId: draft.id },
  };

  await db.$transaction(async (tx) => {
    // Only a draft whose month and income are still the ones computed above is submitted.
    const updated = await tx.graduationAssessment.updateMany({
      where: { id: draft.id, submittedAt: null, month: draft.month, otherIncomeIdr: draft.otherIncomeIdr, household: { facilitatorId: args.facilitatorId } },
      data: { indicatorsJson: JSON.stringify(snapshot), submittedAt: now },
    });
    if (updated.count !== 1) throw await notUpdatedBecause(tx, args.facilitatorId, draft.id);
    await recordAudit(tx, {
      at: now,
      actorId: args.facilitatorId,
      action: "assessment.submit",
      subjectType: "GraduationAssessment",
      subjectId: draft.id,
      details: {
        householdId: draft.householdId,
        month: draft.month,
        tier: snapshot.month.tier,
        ratioPercent: snapshot.month.ratioPercent,
        povertyLineMissing: snapshot.month.povertyLine === null,
        otherIncomeIdr: draft.otherIncomeIdr,
      },
    });
  });
  return { snapshot };
}

/** Deletes a draft (a submitted assessment is never deleted). */
export async function deleteAssessmentDraft(db: PrismaClient, args: { facilitatorId: string; assessmentId: string; now?: Date }): Promise<{ householdId: string }> {
  const now = args.now ?? new Date();
  const row = await db.graduationAssessment.findFirst({
    where: { id: args.assessmentId, household: { facilitatorId: args.facilitatorId } },
    select: { householdId: true, submittedAt: true, month: true },
  });
  if (!row) throw new AssessmentError("not_found");
  if (row.submittedAt) throw new AssessmentError("submitted");
  await db.$transaction(async (tx) => {
    const deleted = await tx.graduationAssessment.deleteMany({ where: { id: args.assessmentId, submittedAt: null, household: { facilitatorId: args.facilitatorId } } });
    if (deleted.count !== 1) throw await notUpdatedBecause(tx, args.facilitatorId, args.assessmentId);
    await recordAudit(tx, {
      at: now,
      actorId: args.facilitatorId,
      action: "assessment.delete",
      subjectType: "GraduationAssessment",
      subjectId: args.assessmentId,
      details: { householdId: row.householdId, month: row.month },
    });
  });
  return { householdId: row.householdId };
}

/** One assessment with its household, checklist, snapshot (when submitted) and the household's proposals. */
export async function getFacilitatorAssessment(db: PrismaClient, facilitatorId: string, assessmentId: string) {
  const row = await db.graduationAssessment.findFirst({
    where: { id: assessmentId, household: { facilitatorId } },
    select: { ...assessmentDetailSelect, household: { select: householdSelect }, _count: { select: { proposals: true } } },
  });
  if (!row) return null;
  const [proposals, others] = await Promise.all([
    listHouseholdProposals(db, row.household.id),
    db.graduationAssessment.findMany({
      where: { householdId: row.household.id, id: { not: row.id } },
      select: { id: true, month: true, submittedAt: true, createdAt: true },
      orderBy: [{ month: "desc" }, { createdAt: "desc" }],
      take: 24,
    }),
  ]);
  const { _count, ...detail } = row;
  return {
    assessment: { ...readAssessmentDetail(detail), proposed: _count.proposals > 0 },
    household: { ...row.household, timeZone: householdTimeZone(row.household.regencyCode) },
    proposals,
    otherAssessments: others,
  };
}

/** A household's assessments, newest month first, for its facilitator's household page. */
export async function listHouseholdAssessments(db: PrismaClient, facilitatorId: string, householdId: string) {
  return db.graduationAssessment.findMany({
    where: { householdId, household: { facilitatorId } },
    select: { id: true, month: true, submittedAt: true, createdAt: true, otherIncomeIdr: true, assessor: { select: { name: true } } },
    orderBy: [{ month: "desc" }, { createdAt: "desc" }],
  });
}
