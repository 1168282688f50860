import {
  decideProposal,
  GraduationError,
  getProposalForVerifier,
  householdsInScope,
  listPendingProposals,
  listRecentDecisions,
  proposeGraduation,
  type GraduationErrorCode,
} from "~/models/graduation.server";
import { createTestDatabase } from "../helpers/database";
import { createRegions } from "../helpers/marketplace-fixtures";
import { createAssessmentRow, createProgramHousehold, createProgramUser, snapshotFor } from "../helpers/graduation-fixtures";

let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  db = await createTestDatabase();
  await createRegions(db.prisma);
});
afterAll(() => db.cleanup());

const NOW = new Date("2026-11-03T02:00:00Z");
const LATER = new Date("2026-11-05T06:30:00Z");

async function refusal(run: () => Promise<unknown>): Promise<GraduationErrorCode> {
  try {
    await run();
  } catch (error) {
    if (error instanceof GraduationError) return error.code;
    throw error;
  }
  throw new Error("expected the step to be refused");
}

/** A facilitator with an active household and a submitted assessment of it (READY unless told otherwise). */
async function assessedHousehold(options: { tier?: "READY" | "APPROACHING"; missingLine?: boolean; regencyCode?: string } = {}) {
  const facilitator = await createProgramUser(db.prisma, ["FACILITATOR"]);
  const household = await createProgramHousehold(db.prisma, { facilitatorId: facilitator.id, regencyCode: options.regencyCode });
  const assessment = await createAssessmentRow(db.prisma, {
    householdId: household.id,
    assessorId: facilitator.id,
    snapshot: snapshotFor({ tier: options.tier, missingLine: options.missingLine }),
  });
  return { facilitator, household, assessment };
}

async function stateOf(householdId: string) {
  const [household, proposals, audits] = await Promise.all([
    db.prisma.household.findUniqueOrThrow({ where: { id: householdId }, select: { status: true, proposedAt: true, graduatedAt: true } }),
    db.prisma.graduationProposal.findMany({
      where: { householdId },
      select: { status: true, decidedById: true, decidedAt: true, decisionReason: true },
      orderBy: { createdAt: "asc" },
    }),
    db.prisma.auditLog.findMany({ where: { action: { startsWith: "graduation." } }, select: { action: true, subjectId: true, actorId: true, details: true } }),
  ]);
  return { household, proposals, audits: audits.filter((a) => a.details?.includes(householdId)) };
}

describe("proposing graduation", () => {
  it("moves an active household to proposed with a pending proposal and an audit entry", async () => {
    const { facilitator, household, assessment } = await assessedHousehold();
    const { proposalId } = await proposeGraduation(db.prisma, { facilitatorId: facilitator.id, assessmentId: assessment.id, confirmNotReady: false, now: NOW });
    const state = await stateOf(household.id);
    expect(state.household).toEqual({ status: "PROPOSED", proposedAt: NOW, graduatedAt: null });
    expect(state.proposals).toEqual([{ status: "PENDING", decidedById: null, decidedAt: null, decisionReason: null }]);
    expect(state.audits).toHaveLength(1);
    expect(state.audits[0]).toMatchObject({ action: "graduation.propose", subjectId: proposalId, actorId: facilitator.id });
    expect(JSON.parse(state.audits[0]!.details!)).toMatchObject({ assessmentId: assessment.id, tier: "READY", confirmedNotReady: false });
  });

  it("refuses a draft assessment, another facilitator's assessment, and a second proposal; nothing is written", async () => {
    const { facilitator, household, assessment } = await assessedHousehold();
    const draft = await createAssessmentRow(db.prisma, { householdId: household.id, assessorId: facilitator.id, submitted: false });
    const other = await createProgramUser(db.prisma, ["FACILITATOR"]);

    expect(await refusal(() => proposeGraduation(db.prisma, { facilitatorId: facilitator.id, assessmentId: draft.id, confirmNotReady: true }))).toBe("assessment_draft");
    expect(await refusal(() => proposeGraduation(db.prisma, { facilitatorId: other.id, assessmentId: assessment.id, confirmNotReady: true }))).toBe("not_found");
    expect(await refusal(() => proposeGraduation(db.prisma, { facilitatorId: facilitator.id, assessmentId: "no-such-id", confirmNotReady: true }))).toBe("not_found");
    expect((await stateOf(household.id)).proposals).toEqual([]);
    expect((await stateOf(household.id)).household.status).toBe("ACTIVE");

    await proposeGraduation(db.prisma, { facilitatorId: facilitator.id, assessmentId: assessment.id, confirmNotReady: false });
    const second = await createAssessmentRow(db.prisma, { householdId: household.id, assessorId: facilitator.id });
    expect(await refusal(() => proposeGraduation(db.prisma, { facilitatorId: facilitator.id, assessmentId: second.id, confirmNotReady: false }))).toBe("already_pending");
    const state = await stateOf(household.id);
    expect(state.proposals).toHaveLength(1);
    expect(state.audits).toHaveLength(1);
  });

  it("refuses an assessment of another household passed off as this one's (the assessment decides the household)", async () => {
    const a = await assessedHousehold();
    const b = await assessedHousehold();
    // Facilitator A cannot propose B's household with B's assessment: it is not theirs.
    expect(await refusal(() => proposeGraduation(db.prisma, { facilitatorId: a.facilitator.id, assessmentId: b.assessment.id, confirmNotReady: true }))).toBe("not_found");
    expect((await stateOf(b.household.id)).household.status).toBe("ACTIVE");
  });

  it("refuses a graduated household", async () => {
    const facilitator = await createProgramUser(db.prisma, ["FACILITATOR"]);
    const household = await createProgramHousehold(db.prisma, { facilitatorId: facilitator.id, status: "GRADUATED" });
    const assessment = await createAssessmentRow(db.prisma, { householdId: household.id, assessorId: facilitator.id });
    expect(await refusal(() => proposeGraduation(db.prisma, { facilitatorId: facilitator.id, assessmentId: assessment.id, confirmNotReady: true }))).toBe("household_not_active");
    expect(await db.prisma.graduationProposal.count({ where: { householdId: household.id } })).toBe(0);
  });

  it("needs an explicit confirmation when the indicators do not say ready, or the poverty line is missing", async () => {
    for (const options of [{ tier: "APPROACHING" as const }, { missingLine: true }]) {
      const { facilitator, household, assessment } = await assessedHousehold(options);
      expect(await refusal(() => proposeGraduation(db.prisma, { facilitatorId: facilitator.id, assessmentId: assessment.id, confirmNotReady: false }))).toBe("confirmation_required");
      expect((await stateOf(household.id)).household.status).toBe("ACTIVE");
      await proposeGraduation(db.prisma, { facilitatorId: facilitator.id, assessmentId: assessment.id, confirmNotReady: true });
      const state = await stateOf(household.id);
      expect(state.household.status).toBe("PROPOSED");
      expect(JSON.parse(state.audits[0]!.details!)).toMatchObject({ confirmedNotReady: true, povertyLineMissing: options.missingLine === true });
    }
  });

  it("of concurrent proposals for one household exactly one is made", async () => {
    const { facilitator, household, assessment } = await assessedHousehold();
    const results = await Promise.allSettled(
      [0, 1, 2, 3].map(() => proposeGraduation(db.prisma, { facilitatorId: facilitator.id, assessmentId: assessment.id, confirmNotReady: false })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(GraduationError);
      expect(((r as PromiseRejectedResult).reason as GraduationError).code).toBe("already_pending");
    }
    expect(await db.prisma.graduationProposal.count({ where: { householdId: household.id, status: "PENDING" } })).toBe(1);
  });

  it("the database itself refuses a second pending proposal for a household", async () => {
    const { facilitator, household, assessment } = await assessedHousehold();
    await db.prisma.graduationProposal.create({ data: { householdId: household.id, assessmentId: assessment.id, proposedById: facilitator.id } });
    await expect(
      db.prisma.graduationProposal.create({ data: { householdId: household.id, assessmentId: assessment.id, proposedById: facilitator.id } }),
    ).rejects.toThrow();
  });
});

describe("deciding a proposal", () => {
  async function pendingProposal(options: { regencyCode?: string; tier?: "READY" | "APPROACHING" } = {}) {
    const setup = await assessedHousehold(options);
    const { proposalId } = await proposeGraduation(db.prisma, {
      facilitatorId: setup.facilitator.id,
      assessmentId: setup.assessment.id,
      confirmNotReady: true,
      now: NOW,
    });
    return { ...setup, proposalId };
  }

  it("approving graduates the household with the date, once; the decision is audited", async () => {
    const { household, proposalId } = await pendingProposal();
    const verifier = await createProgramUser(db.prisma, ["VERIFIER"]);
    expect(await decideProposal(db.prisma, { verifierId: verifier.id, proposalId, decision: { kind: "approve" }, now: LATER })).toEqual({
      householdId: household.id,
      status: "APPROVED",
    });
    const state = await stateOf(household.id);
    expect(state.household).toEqual({ status: "GRADUATED", proposedAt: NOW, graduatedAt: LATER });
    expect(state.proposals).toEqual([{ status: "APPROVED", decidedById: verifier.id, decidedAt: LATER, decisionReason: null }]);
    expect(state.audits.map((a) => [a.action, a.actorId])).toEqual([
      ["graduation.propose", expect.any(String)],
      ["graduation.approve", verifier.id],
    ]);

    // Approve twice, or return after approving: refused, and nothing changes.
    const another = await createProgramUser(db.prisma, ["VERIFIER"]);
    expect(await refusal(() => decideProposal(db.prisma, { verifierId: verifier.id, proposalId, decision: { kind: "approve" } }))).toBe("already_decided");
    expect(await refusal(() => decideProposal(db.prisma, { verifierId: another.id, proposalId, decision: { kind: "return", reason: "Data kurang lengkap sekali" } }))).toBe(
      "already_decided",
    );
    expect(await stateOf(household.id)).toEqual(state);
  });

  it("returning needs a reason of at least ten characters and makes the household active again", async () => {
    const { household, proposalId } = await pendingProposal();
    const verifier = await createProgramUser(db.prisma, ["VERIFIER"]);
    for (const reason of ["", "   ", "Kurang.", "  pendek   "]) {
      expect(await refusal(() => decideProposal(db.prisma, { verifierId: verifier.id, proposalId, decision: { kind: "return", reason } }))).toBe("reason_required");
    }
    expect((await stateOf(household.id)).household.status).toBe("PROPOSED");

    const reason = "Rumah belum layak huni; mohon dinilai lagi setelah perbaikan atap.";
    await decideProposal(db.prisma, { verifierId: verifier.id, proposalId, decision: { kind: "return", reason: `  ${reason} ` }, now: LATER });
    const state = await stateOf(household.id);
    expect(state.household).toEqual({ status: "ACTIVE", proposedAt: null, graduatedAt: null });
    expect(state.proposals).toEqual([{ status: "RETURNED", decidedById: verifier.id, decidedAt: LATER, decisionReason: reason }]);
    expect(JSON.parse(state.audits.find((a) => a.action === "graduation.return")!.details!)).toMatchObject({ reason });
    expect(await refusal(() => decideProposal(db.prisma, { verifierId: verifier.id, proposalId, decision: { kind: "approve" } }))).toBe("already_decided");
  });

  it("after a return the facilitator proposes again on a new assessment, not the returned one", async () => {
    const { facilitator, household, assessment, proposalId } = await pendingProposal();
    const verifier = await createProgramUser(db.prisma, ["VERIFIER"]);
    await decideProposal(db.prisma, { verifierId: verifier.id, proposalId, decision: { kind: "return", reason: "Catatan kesehatan belum diisi." } });
    expect(await refusal(() => proposeGraduation(db.prisma, { facilitatorId: facilitator.id, assessmentId: assessment.id, confirmNotReady: true }))).toBe(
      "assessment_already_proposed",
    );
    const fresh = await createAssessmentRow(db.prisma, { householdId: household.id, assessorId: facilitator.id, submittedAt: new Date(Date.now() + 1000) });
    const again = await proposeGraduation(db.prisma, { facilitatorId: facilitator.id, assessmentId: fresh.id, confirmNotReady: false });
    await decideProposal(db.prisma, { verifierId: verifier.id, proposalId: again.proposalId, decision: { kind: "approve" } });
    const state = await stateOf(household.id);
    expect(state.household.status).toBe("GRADUATED");
    expect(state.proposals.map((p) => p.status)).toEqual(["RETURNED", "APPROVED"]);
  });

  it("only the latest assessment, sent after the last return, backs a proposal: an older one cannot skip the months since", async () => {
    const facilitator = await createProgramUser(db.prisma, ["FACILITATOR"]);
    const verifier = await createProgramUser(db.prisma, ["VERIFIER"]);
    const household = await createProgramHousehold(db.prisma, { facilitatorId: facilitator.id });
    const older = await createAssessmentRow(db.prisma, { householdId: household.id, assessorId: facilitator.id, month: "2026-08" });
    const latest = await createAssessmentRow(db.prisma, { householdId: household.id, assessorId: facilitator.id, month: "2026-10" });
    expect(await refusal(() => proposeGraduation(db.prisma, { facilitatorId: facilitator.id, assessmentId: older.id, confirmNotReady: true }))).toBe("assessment_not_latest");
    const first = await proposeGraduation(db.prisma, { facilitatorId: facilitator.id, assessmentId: latest.id, confirmNotReady: true });
    await decideProposal(db.prisma, { verifierId: verifier.id, proposalId: first.proposalId, decision: { kind: "return", reason: "Mohon kunjungi rumah sekali lagi." } });
    // Sent before the return, even for a later month (so it is the latest by month): it does not answer the
    // verifier's reason. The return is decided now; this one was sent a minute earlier.
    const sentBefore = await createAssessmentRow(db.prisma, { householdId: household.id, assessorId: facilitator.id, month: "2026-11", submittedAt: new Date(Date.now() - 60_000) });
    expect(await refusal(() => proposeGraduation(db.prisma, { facilitatorId: facilitator.id, assessmentId: sentBefore.id, confirmNotReady: true }))).toBe("assessment_not_latest");
    expect(await refusal(() => proposeGraduation(db.prisma, { facilitatorId: facilitator.id, assessmentId: older.id, confirmNotReady: true }))).toBe("assessment_not_latest");
    const state = await stateOf(household.id);
    expect(state.household.status).toBe("ACTIVE");
    expect(state.proposals.map((p) => p.status)).toEqual(["RETURNED"]);
  });

  it("refuses to approve a proposal whose assessment is not submitted", async () => {
    const facilitator = await createProgramUser(db.prisma, ["FACILITATOR"]);
    const household = await createProgramHousehold(db.prisma, { facilitatorId: facilitator.id, status: "PROPOSED" });
    const draft = await createAssessmentRow(db.prisma, { householdId: household.id, assessorId: facilitator.id, submitted: false });
    // Written around the model (the model never proposes on a draft): the decision still checks.
    const proposal = await db.prisma.graduationProposal.create({
      data: { householdId: household.id, assessmentId: draft.id, proposedById: facilitator.id },
      select: { id: true },
    });
    const verifier = await createProgramUser(db.prisma, ["VERIFIER"]);
    expect(await refusal(() => decideProposal(db.prisma, { verifierId: verifier.id, proposalId: proposal.id, decision: { kind: "approve" } }))).toBe(
      "assessment_not_submitted",
    );
    const state = await stateOf(household.id);
    expect(state.household.status).toBe("PROPOSED");
    expect(state.proposals[0]!.status).toBe("PENDING");
    expect(state.audits).toEqual([]);
  });

  it("a facilitator who is also a verifier cannot decide their own proposal or a household they coach", async () => {
    const both = await createProgramUser(db.prisma, ["FACILITATOR", "VERIFIER"]);
    const household = await createProgramHousehold(db.prisma, { facilitatorId: both.id });
    const assessment = await createAssessmentRow(db.prisma, { householdId: household.id, assessorId: both.id });
    const { proposalId } = await proposeGraduation(db.prisma, { facilitatorId: both.id, assessmentId: assessment.id, confirmNotReady: false });
    expect(await refusal(() => decideProposal(db.prisma, { verifierId: both.id, proposalId, decision: { kind: "approve" } }))).toBe("own_proposal");
    expect(await refusal(() => decideProposal(db.prisma, { verifierId: both.id, proposalId, decision: { kind: "return", reason: "Saya sendiri yang mengusulkan." } }))).toBe(
      "own_proposal",
    );

    // A proposal made by someone else (an earlier facilitator) for a household this verifier now coaches.
    const earlier = await createProgramUser(db.prisma, ["FACILITATOR"]);
    const handedOver = await createProgramHousehold(db.prisma, { facilitatorId: earlier.id });
    const handedAssessment = await createAssessmentRow(db.prisma, { householdId: handedOver.id, assessorId: earlier.id });
    const handed = await proposeGraduation(db.prisma, { facilitatorId: earlier.id, assessmentId: handedAssessment.id, confirmNotReady: false });
    await db.prisma.household.update({ where: { id: handedOver.id }, data: { facilitatorId: both.id } });
    expect(await refusal(() => decideProposal(db.prisma, { verifierId: both.id, proposalId: handed.proposalId, decision: { kind: "approve" } }))).toBe("own_household");

    expect((await stateOf(household.id)).household.status).toBe("PROPOSED");
    expect((await stateOf(handedOver.id)).household.status).toBe("PROPOSED");

    // The queue shows them, marked, so the verifier knows another verifier must decide.
    const queue = await listPendingProposals(db.prisma, { id: both.id, scopeRegionCode: null });
    expect(queue.find((p) => p.id === proposalId)?.conflict).toBe("own_proposal");
    expect(queue.find((p) => p.id === handed.proposalId)?.conflict).toBe("own_household");
  });

  it("only a verifier decides", async () => {
    const { household, proposalId, facilitator } = await pendingProposal();
    const admin = await createProgramUser(db.prisma, ["ADMIN", "FACILITATOR"]);
    expect(await refusal(() => decideProposal(db.prisma, { verifierId: admin.id, proposalId, decision: { kind: "approve" } }))).toBe("not_verifier");
    expect(await refusal(() => decideProposal(db.prisma, { verifierId: facilitator.id, proposalId, decision: { kind: "approve" } }))).toBe("not_verifier");
    const disabled = await createProgramUser(db.prisma, ["VERIFIER"]);
    await db.prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    expect(await refusal(() => decideProposal(db.prisma, { verifierId: disabled.id, proposalId, decision: { kind: "approve" } }))).toBe("not_verifier");
    expect((await stateOf(household.id)).household.status).toBe("PROPOSED");
  });

  it("a verifier outside the household's area finds nothing to decide", async () => {
    const { household, proposalId } = await pendingProposal({ regencyCode: "32.04" });
    const ntt = await createProgramUser(db.prisma, ["VERIFIER"], "53");
    const kupang = await createProgramUser(db.prisma, ["VERIFIER"], "53.71");
    const bandung = await createProgramUser(db.prisma, ["VERIFIER"], "32.04");
    const jabar = await createProgramUser(db.prisma, ["VERIFIER"], "32");
    for (const outsider of [ntt, kupang]) {
      expect(await refusal(() => decideProposal(db.prisma, { verifierId: outsider.id, proposalId, decision: { kind: "approve" } }))).toBe("not_found");
      expect(await getProposalForVerifier(db.prisma, { id: outsider.id, scopeRegionCode: outsider === ntt ? "53" : "53.71" }, proposalId)).toBeNull();
    }
    expect((await stateOf(household.id)).household.status).toBe("PROPOSED");
    expect(await getProposalForVerifier(db.prisma, { id: bandung.id, scopeRegionCode: "32.04" }, proposalId)).not.toBeNull();
    await decideProposal(db.prisma, { verifierId: jabar.id, proposalId, decision: { kind: "approve" } });
    expect((await stateOf(household.id)).household.status).toBe("GRADUATED");
  });

  it("of concurrent approvals exactly one succeeds", async () => {
    const { household, proposalId } = await pendingProposal();
    const verifiers = await Promise.all([0, 1, 2].map(() => createProgramUser(db.prisma, ["VERIFIER"])));
    const results = await Promise.allSettled(
      verifiers.map((v, i) =>
        decideProposal(db.prisma, { verifierId: v.id, proposalId, decision: i === 2 ? { kind: "return", reason: "Mohon dinilai ulang bulan depan." } : { kind: "approve" } }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect((r.reason as GraduationError).code).toBe("already_decided");
    }
    const state = await stateOf(household.id);
    expect(state.proposals).toHaveLength(1);
    expect(state.audits.filter((a) => a.action !== "graduation.propose")).toHaveLength(1);
  });

  it("the database itself refuses a second approved proposal for a household", async () => {
    const { facilitator, household, assessment } = await assessedHousehold();
    const row = { householdId: household.id, assessmentId: assessment.id, proposedById: facilitator.id, status: "APPROVED" as const };
    await db.prisma.graduationProposal.create({ data: row });
    await expect(db.prisma.graduationProposal.create({ data: row })).rejects.toThrow();
  });
});

describe("the verifier's lists", () => {
  it("the queue holds pending proposals in the area, oldest first; decisions are listed newest first", async () => {
    const verifier = await createProgramUser(db.prisma, ["VERIFIER"], "53.71");
    const first = await assessedHousehold({ tier: "APPROACHING" });
    const second = await assessedHousehold();
    const elsewhere = await assessedHousehold({ regencyCode: "32.04" });
    const p1 = await proposeGraduation(db.prisma, { facilitatorId: first.facilitator.id, assessmentId: first.assessment.id, confirmNotReady: true, now: new Date("2026-11-01T01:00:00Z") });
    const p2 = await proposeGraduation(db.prisma, { facilitatorId: second.facilitator.id, assessmentId: second.assessment.id, confirmNotReady: false, now: new Date("2026-11-02T01:00:00Z") });
    const p3 = await proposeGraduation(db.prisma, { facilitatorId: elsewhere.facilitator.id, assessmentId: elsewhere.assessment.id, confirmNotReady: false });

    const queue = (await listPendingProposals(db.prisma, { id: verifier.id, scopeRegionCode: "53.71" })).filter((p) => [p1, p2, p3].some((x) => x.proposalId === p.id));
    expect(queue.map((p) => p.id)).toEqual([p1.proposalId, p2.proposalId]);
    expect(queue[0]).toMatchObject({ tier: "APPROACHING", conflict: null, month: "2026-10", household: { programRef: first.household.programRef } });

    await decideProposal(db.prisma, { verifierId: verifier.id, proposalId: p2.proposalId, decision: { kind: "approve" }, now: new Date("2026-11-04T01:00:00Z") });
    await decideProposal(db.prisma, { verifierId: verifier.id, proposalId: p1.proposalId, decision: { kind: "return", reason: "Belum siap, penghasilan naik-turun." }, now: new Date("2026-11-05T01:00:00Z") });
    const recent = (await listRecentDecisions(db.prisma, { id: verifier.id, scopeRegionCode: "53.71" }, 100)).filter((p) => [p1, p2].some((x) => x.proposalId === p.id));
    expect(recent.map((p) => [p.id, p.status])).toEqual([
      [p1.proposalId, "RETURNED"],
      [p2.proposalId, "APPROVED"],
    ]);
    expect(recent.some((p) => p.id === p3.proposalId)).toBe(false);
  });

  it("an area is a province, a regency or everywhere; a partial code matches nothing", async () => {
    const facilitator = await createProgramUser(db.prisma, ["FACILITATOR"]);
    const kupang = await createProgramHousehold(db.prisma, { facilitatorId: facilitator.id, regencyCode: "53.71" });
    const bandung = await createProgramHousehold(db.prisma, { facilitatorId: facilitator.id, regencyCode: "32.04" });
    const found = async (scope: string | null) =>
      (await db.prisma.household.findMany({ where: { AND: [householdsInScope(scope), { id: { in: [kupang.id, bandung.id] } }] }, select: { id: true } }))
        .map((h) => h.id)
        .sort();
    expect(await found(null)).toEqual([kupang.id, bandung.id].sort());
    expect(await found("53")).toEqual([kupang.id]);
    expect(await found("53.71")).toEqual([kupang.id]);
    for (const partial of ["5", "53.7", "3", "32.0"]) expect(await found(partial), partial).toEqual([]);
  });
});
