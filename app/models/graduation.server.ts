import { Prisma } from "~/generated/prisma/client";
import type { HouseholdStatus, ProposalStatus } from "~/generated/prisma/enums";
import type { PrismaClient } from "~/utils/db.server";
import { assessmentDetailSelect, readAssessmentDetail, readSnapshot } from "./assessment-snapshot.server";
import { recordAudit } from "./audit.server";
import { householdScopeWhere } from "./program-scope.server";

/**
 * The graduation workflow ("graduasi sejahtera mandiri"): a facilitator proposes graduation for a
 * household they coach, on the strength of a submitted assessment; a verifier (district social office)
 * approves it (the household graduates) or returns it with a reason (the household is active again).
 *
 * Every step is one transaction with its audit entry. Steps that race (two proposals, two decisions)
 * are settled by conditional updates and by the database's partial unique indexes (one pending and one
 * approved proposal per household), never by a read followed by a write.
 */

export const RETURN_REASON_MIN = 10;
export const RETURN_REASON_MAX = 1000;

export type GraduationErrorCode =
  /** No such proposal or assessment for this user (another facilitator's, or outside a verifier's area). */
  | "not_found"
  | "not_verifier"
  | "assessment_draft"
  | "assessment_already_proposed"
  /** Only the household's latest submitted assessment, sent after its last returned proposal, may back a proposal. */
  | "assessment_not_latest"
  | "household_not_active"
  | "already_pending"
  | "confirmation_required"
  | "already_decided"
  | "assessment_not_submitted"
  | "own_proposal"
  | "own_household"
  | "reason_required";

export class GraduationError extends Error {
  constructor(public readonly code: GraduationErrorCode) {
    super(code);
    this.name = "GraduationError";
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * A verifier's area as a where clause on households: a province ("53") or a regency ("53.71"); null =
 * everywhere. The same rule as the program dashboard and exports (`regionCodeFilter`).
 */
export function householdsInScope(scopeRegionCode: string | null): Prisma.HouseholdWhereInput {
  return householdScopeWhere(scopeRegionCode ? { kind: "region", regionCode: scopeRegionCode } : { kind: "all" });
}

export type Verifier = { id: string; scopeRegionCode: string | null };

/** The verifier's area, read fresh from the database (an admin may have changed it since login). */
export async function loadVerifier(db: PrismaClient | Prisma.TransactionClient, userId: string): Promise<Verifier | null> {
  const user = await db.user.findFirst({
    where: { id: userId, disabledAt: null, roles: { some: { role: "VERIFIER" } } },
    select: { id: true, scopeRegionCode: true },
  });
  return user;
}

// ---------------------------------------------------------------- proposing

/**
 * Whether a submitted assessment is the household's latest (by month, then by when it was sent) and was
 * sent after the household's last returned proposal: an older assessment cannot be proposed to skip the
 * months since, and a return is always answered by a new assessment.
 */
export async function isLatestAfterReturn(
  db: PrismaClient | Prisma.TransactionClient,
  householdId: string,
  assessmentId: string,
  submittedAt: Date,
): Promise<boolean> {
  const [latest, lastReturn] = await Promise.all([
    db.graduationAssessment.findFirst({
      where: { householdId, submittedAt: { not: null } },
      orderBy: [{ month: "desc" }, { submittedAt: "desc" }],
      select: { id: true },
    }),
    db.graduationProposal.findFirst({
      where: { householdId, status: "RETURNED" },
      orderBy: { decidedAt: "desc" },
      select: { decidedAt: true },
    }),
  ]);
  if (latest?.id !== assessmentId) return false;
  return !lastReturn?.decidedAt || submittedAt > lastReturn.decidedAt;
}

export type ProposeInput = {
  facilitatorId: string;
  assessmentId: string;
  /** The facilitator ticked "propose although the indicators do not say ready". */
  confirmNotReady: boolean;
  now?: Date;
};

/**
 * A facilitator proposes graduation of a household they coach, based on one of its submitted
 * assessments. The household must be active (not already proposed or graduated), and an assessment
 * backs at most one proposal: after a return, the facilitator assesses again.
 */
export async function proposeGraduation(db: PrismaClient, input: ProposeInput): Promise<{ proposalId: string; householdId: string }> {
  const now = input.now ?? new Date();
  try {
    return await db.$transaction(async (tx) => {
      const assessment = await tx.graduationAssessment.findFirst({
        where: { id: input.assessmentId, household: { facilitatorId: input.facilitatorId } },
        select: {
          id: true,
          householdId: true,
          submittedAt: true,
          indicatorsJson: true,
          household: { select: { status: true } },
          _count: { select: { proposals: true } },
        },
      });
      if (!assessment) throw new GraduationError("not_found");
      if (!assessment.submittedAt) throw new GraduationError("assessment_draft");
      if (assessment.household.status === "PROPOSED") throw new GraduationError("already_pending");
      if (assessment.household.status !== "ACTIVE") throw new GraduationError("household_not_active");
      if (assessment._count.proposals > 0) throw new GraduationError("assessment_already_proposed");
      if (!(await isLatestAfterReturn(tx, assessment.householdId, assessment.id, assessment.submittedAt))) {
        throw new GraduationError("assessment_not_latest");
      }
      const snapshot = readSnapshot(assessment.id, assessment.indicatorsJson);
      const tier = snapshot.month.tier;
      if (tier !== "READY" && !input.confirmNotReady) throw new GraduationError("confirmation_required");

      // Only an active household moves to proposed; a concurrent proposal finds it proposed already.
      const moved = await tx.household.updateMany({
        where: { id: assessment.householdId, status: "ACTIVE", facilitatorId: input.facilitatorId },
        data: { status: "PROPOSED", proposedAt: now },
      });
      if (moved.count !== 1) throw new GraduationError("already_pending");
      const proposal = await tx.graduationProposal.create({
        data: { householdId: assessment.householdId, assessmentId: assessment.id, proposedById: input.facilitatorId, status: "PENDING", createdAt: now },
        select: { id: true },
      });
      await recordAudit(tx, {
        at: now,
        actorId: input.facilitatorId,
        action: "graduation.propose",
        subjectType: "GraduationProposal",
        subjectId: proposal.id,
        details: {
          householdId: assessment.householdId,
          assessmentId: assessment.id,
          month: snapshot.month.month,
          tier,
          ratioPercent: snapshot.month.ratioPercent,
          povertyLineMissing: snapshot.month.povertyLine === null,
          confirmedNotReady: tier !== "READY",
        },
      });
      return { proposalId: proposal.id, householdId: assessment.householdId };
    });
  } catch (error) {
    // The partial unique index: another pending proposal for this household was committed first.
    if (isUniqueViolation(error)) throw new GraduationError("already_pending");
    throw error;
  }
}

// ---------------------------------------------------------------- deciding

export type Decision = { kind: "approve" } | { kind: "return"; reason: string };

export type DecideInput = { verifierId: string; proposalId: string; decision: Decision; now?: Date };

/**
 * A verifier approves (the household graduates) or returns (the household is active again) a pending
 * proposal in their area. Refused: a proposal already decided, an assessment not submitted, a proposal
 * the verifier made or a household they coach (a user may hold several roles), and anything outside
 * their area (not found).
 */
export async function decideProposal(db: PrismaClient, input: DecideInput): Promise<{ householdId: string; status: ProposalStatus }> {
  const now = input.now ?? new Date();
  const reason = input.decision.kind === "return" ? input.decision.reason.trim() : null;
  if (input.decision.kind === "return" && (!reason || reason.length < RETURN_REASON_MIN || reason.length > RETURN_REASON_MAX)) {
    throw new GraduationError("reason_required");
  }
  try {
    return await db.$transaction(async (tx) => {
      const verifier = await loadVerifier(tx, input.verifierId);
      if (!verifier) throw new GraduationError("not_verifier");
      const proposal = await tx.graduationProposal.findFirst({
        where: { id: input.proposalId, household: householdsInScope(verifier.scopeRegionCode) },
        select: {
          id: true,
          status: true,
          householdId: true,
          proposedById: true,
          assessmentId: true,
          household: { select: { facilitatorId: true } },
          assessment: { select: { householdId: true, submittedAt: true } },
        },
      });
      if (!proposal) throw new GraduationError("not_found");
      if (proposal.status !== "PENDING") throw new GraduationError("already_decided");
      if (proposal.proposedById === verifier.id) throw new GraduationError("own_proposal");
      if (proposal.household.facilitatorId === verifier.id) throw new GraduationError("own_household");
      const approve = input.decision.kind === "approve";
      if (approve && (!proposal.assessment.submittedAt || proposal.assessment.householdId !== proposal.householdId)) {
        throw new GraduationError("assessment_not_submitted");
      }
      const status: ProposalStatus = approve ? "APPROVED" : "RETURNED";
      // Only a pending proposal is decided: of two decisions at once, the second finds it decided.
      const decided = await tx.graduationProposal.updateMany({
        where: { id: proposal.id, status: "PENDING" },
        data: { status, decidedById: verifier.id, decidedAt: now, decisionReason: reason },
      });
      if (decided.count !== 1) throw new GraduationError("already_decided");
      const householdStatus: HouseholdStatus = approve ? "GRADUATED" : "ACTIVE";
      const moved = await tx.household.updateMany({
        where: { id: proposal.householdId, status: "PROPOSED" },
        data: approve ? { status: householdStatus, graduatedAt: now } : { status: householdStatus, proposedAt: null },
      });
      if (moved.count !== 1) throw new GraduationError("already_decided");
      await recordAudit(tx, {
        at: now,
        actorId: verifier.id,
        action: approve ? "graduation.approve" : "graduation.return",
        subjectType: "GraduationProposal",
        subjectId: proposal.id,
        details: approve
          ? { householdId: proposal.householdId, assessmentId: proposal.assessmentId }
          : { householdId: proposal.householdId, assessmentId: proposal.assessmentId, reason },
      });
      return { householdId: proposal.householdId, status };
    });
  } catch (error) {
    // The partial unique index: the household already has an approved proposal.
    if (isUniqueViolation(error)) throw new GraduationError("already_decided");
    throw error;
  }
}

// ---------------------------------------------------------------- reading

const householdForVerifier = {
  id: true,
  programRef: true,
  headName: true,
  memberCount: true,
  regencyCode: true,
  status: true,
  proposedAt: true,
  graduatedAt: true,
  facilitatorId: true,
  regency: { select: { name: true } },
  facilitator: { select: { name: true } },
} as const satisfies Prisma.HouseholdSelect;

const proposalSummary = {
  id: true,
  status: true,
  createdAt: true,
  decidedAt: true,
  decisionReason: true,
  assessmentId: true,
  proposedById: true,
  proposedBy: { select: { name: true } },
  decidedBy: { select: { name: true } },
  assessment: { select: { month: true, indicatorsJson: true, submittedAt: true } },
} as const satisfies Prisma.GraduationProposalSelect;

type ProposalRow = Prisma.GraduationProposalGetPayload<{ select: typeof proposalSummary }>;

/**
 * What a list shows of a proposal: the assessed month and the snapshot's verdict, never the raw JSON.
 * A proposal on an unsubmitted assessment cannot be made here, but a row written another way shows as such.
 */
function summarise<T extends ProposalRow>(row: T) {
  const { assessment, ...rest } = row;
  const snapshot = assessment.submittedAt ? readSnapshot(row.assessmentId, assessment.indicatorsJson) : null;
  return {
    ...rest,
    month: assessment.month,
    assessmentSubmitted: snapshot !== null,
    tier: snapshot?.month.tier ?? null,
    ratioPercent: snapshot?.month.ratioPercent ?? null,
    povertyLineMissing: snapshot ? snapshot.month.povertyLine === null : false,
  };
}

/** Why this verifier may not decide a proposal (they made it, or they coach the household); null when they may. */
function conflictOf(verifierId: string, proposedById: string, facilitatorId: string): "own_proposal" | "own_household" | null {
  if (proposedById === verifierId) return "own_proposal";
  if (facilitatorId === verifierId) return "own_household";
  return null;
}

/** The queue page shows at most this many pending proposals (the oldest); the total is always shown. */
export const QUEUE_PAGE_SIZE = 200;

/** How many proposals wait for a decision in a verifier's area. */
export function countPendingProposals(db: PrismaClient, verifier: Verifier): Promise<number> {
  return db.graduationProposal.count({ where: { status: "PENDING", household: householdsInScope(verifier.scopeRegionCode) } });
}

/** A verifier's queue: pending proposals in their area, oldest first. */
export async function listPendingProposals(db: PrismaClient, verifier: Verifier) {
  const rows = await db.graduationProposal.findMany({
    where: { status: "PENDING", household: householdsInScope(verifier.scopeRegionCode) },
    select: { ...proposalSummary, household: { select: householdForVerifier } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: QUEUE_PAGE_SIZE,
  });
  return rows.map((row) => ({ ...summarise(row), household: row.household, conflict: conflictOf(verifier.id, row.proposedById, row.household.facilitatorId) }));
}

/** The latest decisions in a verifier's area, newest first. */
export async function listRecentDecisions(db: PrismaClient, verifier: Verifier, take = 20) {
  const rows = await db.graduationProposal.findMany({
    where: { status: { in: ["APPROVED", "RETURNED"] }, household: householdsInScope(verifier.scopeRegionCode) },
    select: { ...proposalSummary, household: { select: householdForVerifier } },
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    take,
  });
  return rows.map((row) => ({ ...summarise(row), household: row.household }));
}

/** One proposal as the verifier sees it, or null when it does not exist in their area. */
export async function getProposalForVerifier(db: PrismaClient, verifier: Verifier, proposalId: string) {
  const proposal = await db.graduationProposal.findFirst({
    where: { id: proposalId, household: householdsInScope(verifier.scopeRegionCode) },
    select: {
      ...proposalSummary,
      household: { select: householdForVerifier },
      assessment: { select: assessmentDetailSelect },
    },
  });
  if (!proposal) return null;
  const history = await db.graduationProposal.findMany({
    where: { householdId: proposal.household.id, id: { not: proposal.id } },
    select: proposalSummary,
    orderBy: { createdAt: "desc" },
  });
  return {
    proposal: { ...summarise(proposal), conflict: conflictOf(verifier.id, proposal.proposedById, proposal.household.facilitatorId) },
    household: proposal.household,
    assessment: readAssessmentDetail(proposal.assessment),
    history: history.map(summarise),
  };
}

/** A household's proposals, newest first, for its facilitator (the caller has checked the household is theirs). */
export async function listHouseholdProposals(db: PrismaClient, householdId: string) {
  const rows = await db.graduationProposal.findMany({ where: { householdId }, select: proposalSummary, orderBy: { createdAt: "desc" } });
  return rows.map(summarise);
}
