import { readSnapshot, StoredJsonError, EMPTY_CHECKLIST, type Checklist } from "~/models/assessment-snapshot.server";
import {
  AssessmentError,
  createAssessmentDraft,
  deleteAssessmentDraft,
  getFacilitatorAssessment,
  lastCompleteMonth,
  submitAssessment,
  updateAssessmentDraft,
  type AssessmentErrorCode,
  type AssessmentInput,
} from "~/models/assessment.server";
import { computeHouseholdIndicators } from "~/models/indicators.server";
import { createTestDatabase } from "../helpers/database";
import { createRegions } from "../helpers/marketplace-fixtures";
import { createProgramHousehold, createProgramUser } from "../helpers/graduation-fixtures";
import { createSellerStore, createStoreOrder } from "../helpers/sales-fixtures";

let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  db = await createTestDatabase();
  await createRegions(db.prisma);
  // Jawa Barat rural lines; Nusa Tenggara Timur (53) has none, on purpose.
  await db.prisma.povertyLine.createMany({
    data: [
      { provinceCode: "32", period: "2025-03", area: "RURAL", amountIdr: 500_000, source: "uji: BPS Maret 2025" },
      { provinceCode: "32", period: "2025-09", area: "RURAL", amountIdr: 520_000, source: "uji: BPS September 2025" },
    ],
  });
});
afterAll(() => db.cleanup());

/** 10 November 2025, 10:00 WIB: October 2025 is the last complete month. */
const NOW = new Date("2025-11-10T03:00:00Z");

const CHECKLIST: Checklist = {
  health: { status: "MET", note: "Semua anak diimunisasi." },
  education: { status: "MET", note: null },
  housing: { status: "NOT_MET", note: "Atap bocor di dapur." },
  waterSanitation: { status: "MET", note: null },
  social: { status: "NOT_ASSESSED", note: null },
};

const input = (overrides: Partial<AssessmentInput> = {}): AssessmentInput => ({
  month: "2025-10",
  checklist: CHECKLIST,
  otherIncomeIdr: 2_100_000,
  notes: "Kunjungan rumah 8 November.",
  ...overrides,
});

async function refusal(run: () => Promise<unknown>): Promise<AssessmentErrorCode> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AssessmentError) return error.code;
    throw error;
  }
  throw new Error("expected the step to be refused");
}

/**
 * A household of four in rural Kabupaten Bandung (WIB) with its own store: in October 2025 one completed
 * order of 10 × Rp15.000 (cost Rp9.000 each, no commission) = Rp60.000 net.
 */
async function sellingHousehold() {
  const seller = await createSellerStore(db.prisma);
  const store = await db.prisma.store.findUniqueOrThrow({
    where: { id: seller.storeId },
    select: { household: { select: { id: true, facilitatorId: true } } },
  });
  await createStoreOrder(db.prisma, seller.storeId, {
    status: "COMPLETED",
    placedAt: "2025-10-08T02:00:00Z",
    completedAt: "2025-10-10T05:00:00Z",
    lines: [{ quantity: 10, unitPriceIdr: 15_000, unitCostIdr: 9_000 }],
  });
  return { householdId: store.household!.id, facilitatorId: store.household!.facilitatorId };
}

async function rowOf(id: string) {
  const row = await db.prisma.graduationAssessment.findUniqueOrThrow({
    where: { id },
    select: { month: true, checklistJson: true, indicatorsJson: true, otherIncomeIdr: true, notes: true, submittedAt: true },
  });
  const audits = await db.prisma.auditLog.findMany({ where: { subjectId: id }, select: { action: true }, orderBy: { createdAt: "asc" } });
  return { ...row, audits: audits.map((a) => a.action) };
}

describe("drafts", () => {
  it("a facilitator records a draft for their household and edits it; each step is audited", async () => {
    const { householdId, facilitatorId } = await sellingHousehold();
    const { id } = await createAssessmentDraft(db.prisma, { facilitatorId, householdId, input: input(), now: NOW });
    let row = await rowOf(id);
    expect(row).toMatchObject({ month: "2025-10", otherIncomeIdr: 2_100_000, notes: "Kunjungan rumah 8 November.", submittedAt: null, indicatorsJson: "{}" });
    expect(JSON.parse(row.checklistJson)).toEqual(CHECKLIST);

    await updateAssessmentDraft(db.prisma, { facilitatorId, assessmentId: id, input: input({ otherIncomeIdr: 0, notes: null, checklist: EMPTY_CHECKLIST }), now: NOW });
    row = await rowOf(id);
    expect(row).toMatchObject({ otherIncomeIdr: 0, notes: null, submittedAt: null });
    expect(JSON.parse(row.checklistJson)).toEqual(EMPTY_CHECKLIST);
    expect(row.audits).toEqual(["assessment.create", "assessment.update"]);
  });

  it("refuses months in the future and before the program; the current month may be drafted", async () => {
    const { householdId, facilitatorId } = await sellingHousehold();
    expect(await refusal(() => createAssessmentDraft(db.prisma, { facilitatorId, householdId, input: input({ month: "2025-12" }), now: NOW }))).toBe("future_month");
    expect(await refusal(() => createAssessmentDraft(db.prisma, { facilitatorId, householdId, input: input({ month: "2018-12" }), now: NOW }))).toBe("month_too_early");
    expect(await db.prisma.graduationAssessment.count({ where: { householdId } })).toBe(0);
    // 30 November 2025 23:30 WIB is still November there: December is the future.
    const lastEvening = new Date("2025-11-30T16:30:00Z");
    expect(await refusal(() => createAssessmentDraft(db.prisma, { facilitatorId, householdId, input: input({ month: "2025-12" }), now: lastEvening }))).toBe("future_month");
    const current = await createAssessmentDraft(db.prisma, { facilitatorId, householdId, input: input({ month: "2025-11" }), now: lastEvening });
    // …but it cannot be sent until November is over.
    expect(await refusal(() => submitAssessment(db.prisma, { facilitatorId, assessmentId: current.id, now: lastEvening }))).toBe("month_not_over");
    expect((await rowOf(current.id)).submittedAt).toBeNull();
  });

  it("the default month is the last complete month in the household's time zone", () => {
    // 1 December 2025 00:30 WITA is still 30 November in WIB.
    const instant = new Date("2025-11-30T16:30:00Z");
    expect(lastCompleteMonth("Asia/Makassar", instant)).toBe("2025-11");
    expect(lastCompleteMonth("Asia/Jakarta", instant)).toBe("2025-10");
    expect(lastCompleteMonth("Asia/Jakarta", new Date("2026-01-05T03:00:00Z"))).toBe("2025-12");
  });

  it("another facilitator can neither create, read, edit, submit nor delete; nothing is written", async () => {
    const { householdId, facilitatorId } = await sellingHousehold();
    const other = await createProgramUser(db.prisma, ["FACILITATOR"]);
    expect(await refusal(() => createAssessmentDraft(db.prisma, { facilitatorId: other.id, householdId, input: input(), now: NOW }))).toBe("not_found");
    const { id } = await createAssessmentDraft(db.prisma, { facilitatorId, householdId, input: input(), now: NOW });
    const before = await rowOf(id);
    expect(await getFacilitatorAssessment(db.prisma, other.id, id)).toBeNull();
    expect(await refusal(() => updateAssessmentDraft(db.prisma, { facilitatorId: other.id, assessmentId: id, input: input({ otherIncomeIdr: 1 }), now: NOW }))).toBe("not_found");
    expect(await refusal(() => submitAssessment(db.prisma, { facilitatorId: other.id, assessmentId: id, now: NOW }))).toBe("not_found");
    expect(await refusal(() => deleteAssessmentDraft(db.prisma, { facilitatorId: other.id, assessmentId: id }))).toBe("not_found");
    expect(await rowOf(id)).toEqual(before);
    expect(await db.prisma.graduationAssessment.count({ where: { householdId } })).toBe(1);
  });

  it("a graduated household is not assessed again", async () => {
    const facilitator = await createProgramUser(db.prisma, ["FACILITATOR"]);
    const household = await createProgramHousehold(db.prisma, { facilitatorId: facilitator.id, status: "GRADUATED", regencyCode: "32.04" });
    expect(await refusal(() => createAssessmentDraft(db.prisma, { facilitatorId: facilitator.id, householdId: household.id, input: input(), now: NOW }))).toBe(
      "household_graduated",
    );
  });

  it("a draft can be deleted; the deletion is audited", async () => {
    const { householdId, facilitatorId } = await sellingHousehold();
    const { id } = await createAssessmentDraft(db.prisma, { facilitatorId, householdId, input: input(), now: NOW });
    expect(await deleteAssessmentDraft(db.prisma, { facilitatorId, assessmentId: id })).toEqual({ householdId });
    expect(await db.prisma.graduationAssessment.count({ where: { id } })).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { subjectId: id, action: "assessment.delete" } })).toBe(1);
  });
});

describe("submitting", () => {
  it("freezes the month's indicators with the declared other income, the policy and the streak", async () => {
    const { householdId, facilitatorId } = await sellingHousehold();
    const { id } = await createAssessmentDraft(db.prisma, { facilitatorId, householdId, input: input(), now: NOW });
    const { snapshot } = await submitAssessment(db.prisma, { facilitatorId, assessmentId: id, now: NOW });

    // By hand: Rp60.000 business + Rp2.100.000 other = Rp2.160.000 for 4 people = Rp540.000 each, against the
    // September 2025 rural line of Rp520.000 = 103.8 %. September had no income, so the streak is 1: approaching.
    expect(snapshot).toMatchObject({
      version: 1,
      computedAt: NOW.toISOString(),
      readyStreak: 1,
      policy: { readyMonths: 3, readyPercent: 100 },
      month: {
        month: "2025-10",
        partial: false,
        businessIncomeIdr: 60_000,
        orders: 1,
        otherIncomeIdr: 2_100_000,
        otherIncomeAssessmentId: id,
        totalIncomeIdr: 2_160_000,
        memberCount: 4,
        perCapitaIdr: 540_000,
        povertyLine: { provinceCode: "32", period: "2025-09", area: "RURAL", amountIdr: 520_000, source: "uji: BPS September 2025" },
        povertyLineMissing: null,
        ratioPercent: 103.8,
        readyStreak: 1,
        tier: "APPROACHING",
      },
    });
    const row = await rowOf(id);
    expect(row.submittedAt).toEqual(NOW);
    expect(readSnapshot(id, row.indicatorsJson)).toEqual(snapshot);
    expect(row.audits).toEqual(["assessment.create", "assessment.submit"]);

    // From now on the indicators of that month carry this assessment's declared income.
    const series = await computeHouseholdIndicators(db.prisma, householdId, { endMonth: "2025-10", count: 1, now: NOW });
    expect(series.months[0]).toMatchObject({ otherIncomeIdr: 2_100_000, otherIncomeAssessmentId: id, ratioPercent: 103.8 });
  });

  it("a submitted assessment is immutable: edits, a second submission and deletion are refused, and nothing changes", async () => {
    const { householdId, facilitatorId } = await sellingHousehold();
    const { id } = await createAssessmentDraft(db.prisma, { facilitatorId, householdId, input: input(), now: NOW });
    await submitAssessment(db.prisma, { facilitatorId, assessmentId: id, now: NOW });
    const frozen = await rowOf(id);
    expect(await refusal(() => updateAssessmentDraft(db.prisma, { facilitatorId, assessmentId: id, input: input({ otherIncomeIdr: 9_000_000 }), now: NOW }))).toBe("submitted");
    expect(await refusal(() => submitAssessment(db.prisma, { facilitatorId, assessmentId: id, now: new Date(NOW.getTime() + 60_000) }))).toBe("submitted");
    expect(await refusal(() => deleteAssessmentDraft(db.prisma, { facilitatorId, assessmentId: id }))).toBe("submitted");
    expect(await rowOf(id)).toEqual(frozen);
  });

  it("of concurrent submissions exactly one freezes the snapshot", async () => {
    const { householdId, facilitatorId } = await sellingHousehold();
    const { id } = await createAssessmentDraft(db.prisma, { facilitatorId, householdId, input: input(), now: NOW });
    const results = await Promise.allSettled([0, 1, 2].map((i) => submitAssessment(db.prisma, { facilitatorId, assessmentId: id, now: new Date(NOW.getTime() + i * 1000) })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AssessmentError).code).toBe("submitted");
    expect((await rowOf(id)).audits.filter((a) => a === "assessment.submit")).toHaveLength(1);
  });

  it("an edit racing the submission cannot slip in under the snapshot", async () => {
    const { householdId, facilitatorId } = await sellingHousehold();
    const { id } = await createAssessmentDraft(db.prisma, { facilitatorId, householdId, input: input(), now: NOW });
    const results = await Promise.allSettled([
      submitAssessment(db.prisma, { facilitatorId, assessmentId: id, now: NOW }),
      updateAssessmentDraft(db.prisma, { facilitatorId, assessmentId: id, input: input({ otherIncomeIdr: 5_000_000 }), now: NOW }),
    ]);
    const row = await rowOf(id);
    if (row.submittedAt) {
      // Whatever won, the frozen figures are those of the income stored with the submitted row.
      expect(readSnapshot(id, row.indicatorsJson).month.otherIncomeIdr).toBe(row.otherIncomeIdr);
    } else {
      expect(results[0]!.status).toBe("rejected");
      expect(((results[0] as PromiseRejectedResult).reason as AssessmentError).code).toBe("changed");
    }
  });

  it("a missing poverty line does not block submission; the snapshot says it was missing, never zero", async () => {
    const facilitator = await createProgramUser(db.prisma, ["FACILITATOR"]);
    // Kota Kupang (NTT, WITA) has no line in this database.
    const household = await createProgramHousehold(db.prisma, { facilitatorId: facilitator.id, regencyCode: "53.71" });
    const { id } = await createAssessmentDraft(db.prisma, { facilitatorId: facilitator.id, householdId: household.id, input: input({ otherIncomeIdr: 1_500_000 }), now: NOW });
    const { snapshot } = await submitAssessment(db.prisma, { facilitatorId: facilitator.id, assessmentId: id, now: NOW });
    expect(snapshot.month).toMatchObject({
      povertyLine: null,
      povertyLineMissing: { provinceCode: "53", area: "URBAN", month: "2025-10" },
      ratioPercent: null,
      tier: null,
      totalIncomeIdr: 1_500_000,
    });
  });
});

describe("stored JSON", () => {
  it("is validated when read back", () => {
    expect(() => readSnapshot("x", "{}")).toThrow(StoredJsonError);
    expect(() => readSnapshot("x", "not json")).toThrow(StoredJsonError);
    expect(() => readSnapshot("x", JSON.stringify({ version: 1, computedAt: "yesterday" }))).toThrow(StoredJsonError);
  });
});
