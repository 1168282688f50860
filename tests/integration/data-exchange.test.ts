import {
  ASSESSMENT_FIELDS,
  assessmentsDataset,
  HOUSEHOLD_FIELDS,
  householdsDataset,
  parseExchangeFilters,
  parsePagination,
  STORE_SALES_FIELDS,
  storeSalesDataset,
  type ExchangeFilters,
} from "~/models/data-exchange.server";
import type { ProgramScope } from "~/models/program-scope.server";
import { createTestDatabase } from "../helpers/database";
import { createKube, createProgramHousehold, createProgramRegions, createProgramStore, createProgramUser } from "../helpers/program-fixtures";
import { createStoreOrder } from "../helpers/sales-fixtures";

// "Now" is 20 November 2026, 12.00 WIB (13.00 WITA): the latest complete month is October 2026.
const NOW = new Date("2026-11-20T05:00:00Z");
const NO_FILTERS: ExchangeFilters = { provinceCode: null, regencyCode: null, month: null, from: null, to: null };
const ALL: ProgramScope = { kind: "all" };

/** Personal data in the fixtures that no dataset may ever carry. */
const PERSONAL = ["Ibu Rahasia", "6281277776666", "6281299998888", "Jalan Rahasia", "Catatan rahasia", "catatan kesehatan rahasia", "@test.id"];

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let facilitatorA: string;
let facilitatorB: string;
let storeA1: string;
let storeKube: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await createProgramRegions(db.prisma);
  facilitatorA = (await createProgramUser(db.prisma, ["FACILITATOR"])).id;
  facilitatorB = (await createProgramUser(db.prisma, ["FACILITATOR"])).id;
  const a1 = await createProgramHousehold(db.prisma, { facilitatorId: facilitatorA, regencyCode: "53.71", programRef: "PKH-A1", memberCount: 4, enrolledAt: "2025-02-01T02:00:00Z" });
  await createProgramHousehold(db.prisma, { facilitatorId: facilitatorA, regencyCode: "32.04", programRef: "PKH-A2", memberCount: 3, areaType: "URBAN" });
  const b1 = await createProgramHousehold(db.prisma, {
    facilitatorId: facilitatorB,
    regencyCode: "53.71",
    programRef: "PKH-B1",
    status: "PROPOSED",
    proposedAt: "2026-11-03T02:00:00Z",
  });
  storeA1 = (await createProgramStore(db.prisma, { householdId: a1.id }, "53.71")).slug;
  const kube = await createKube(db.prisma, { facilitatorId: facilitatorB, regencyCode: "53.71", members: [{ householdId: b1.id, shareBasisPoints: 10_000 }] });
  storeKube = (await createProgramStore(db.prisma, { kubeGroupId: kube.id }, "53.71")).slug;
  const storeIdOf = async (slug: string) => (await db.prisma.store.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;

  await db.prisma.povertyLine.create({ data: { provinceCode: "53", period: "2026-03", area: "RURAL", amountIdr: 600_000, source: "BPS uji" } });

  const a1Store = await storeIdOf(storeA1);
  // September sale (30,000, cost 12,000, shipping 10,000), refunded in October.
  await createStoreOrder(db.prisma, a1Store, {
    status: "REFUNDED",
    placedAt: "2026-09-01T02:00:00Z",
    completedAt: "2026-09-05T02:00:00Z",
    refundedAt: "2026-10-20T02:00:00Z",
    shippingIdr: 10_000,
    lines: [{ quantity: 1, unitPriceIdr: 30_000, unitCostIdr: 12_000 }],
  });
  // October sale: 2 × 100,000, cost 2 × 40,000, commission 2,000.
  await createStoreOrder(db.prisma, a1Store, {
    status: "COMPLETED",
    placedAt: "2026-10-08T02:00:00Z",
    completedAt: "2026-10-10T02:00:00Z",
    commissionIdr: 2_000,
    lines: [{ quantity: 2, unitPriceIdr: 100_000, unitCostIdr: 40_000 }],
  });
  // 31 Oct 16.30 UTC is 1 Nov 00.30 WITA: a November sale of this Kupang store.
  await createStoreOrder(db.prisma, a1Store, {
    status: "COMPLETED",
    placedAt: "2026-10-29T02:00:00Z",
    completedAt: "2026-10-31T16:30:00Z",
    lines: [{ quantity: 1, unitPriceIdr: 50_000, unitCostIdr: 20_000 }],
  });
  await createStoreOrder(db.prisma, await storeIdOf(storeKube), {
    status: "COMPLETED",
    placedAt: "2026-10-01T02:00:00Z",
    completedAt: "2026-10-05T02:00:00Z",
    lines: [{ quantity: 1, unitPriceIdr: 60_000, unitCostIdr: 30_000 }],
  });

  const checklist = (status: string) =>
    JSON.stringify(Object.fromEntries(["health", "education", "housing", "waterSanitation", "social"].map((domain) => [domain, { status, note: "catatan kesehatan rahasia" }])));
  const snapshot = JSON.stringify({
    version: 1,
    computedAt: "2026-11-02T02:00:00.000Z",
    policy: { developingPercent: 50, approachingPercent: 75, readyPercent: 100, readyMonths: 3 },
    readyStreak: 0,
    month: {
      month: "2026-10",
      partial: false,
      sources: [],
      businessIncomeIdr: 78_000,
      orders: 1,
      otherIncomeIdr: 500_000,
      otherIncomeAssessmentId: null,
      totalIncomeIdr: 578_000,
      memberCount: 4,
      perCapitaIdr: 144_500,
      povertyLine: { provinceCode: "53", period: "2026-03", area: "RURAL", amountIdr: 600_000, source: "BPS uji" },
      povertyLineMissing: null,
      ratioPercent: 24.1,
      minimumWage: null,
      wageRatioPercent: null,
      readyStreak: 0,
      tier: "GROWING",
    },
  });
  const submitted = await db.prisma.graduationAssessment.create({
    data: {
      householdId: a1.id,
      assessorId: facilitatorA,
      month: "2026-10",
      indicatorsJson: snapshot,
      checklistJson: checklist("MET"),
      otherIncomeIdr: 500_000,
      notes: "Catatan rahasia tentang keluarga",
      submittedAt: new Date("2026-11-02T02:00:00Z"),
    },
    select: { id: true },
  });
  await db.prisma.graduationProposal.create({
    data: {
      householdId: a1.id,
      assessmentId: submitted.id,
      proposedById: facilitatorA,
      status: "RETURNED",
      decidedById: facilitatorB,
      decidedAt: new Date("2026-11-05T02:00:00Z"),
      decisionReason: "Catatan rahasia",
    },
  });
  // A draft never leaves.
  await db.prisma.graduationAssessment.create({
    data: { householdId: a1.id, assessorId: facilitatorA, month: "2026-11", indicatorsJson: "{}", checklistJson: checklist("NOT_ASSESSED"), notes: "Catatan rahasia" },
  });
  await db.prisma.graduationAssessment.create({
    data: {
      householdId: b1.id,
      assessorId: facilitatorB,
      month: "2026-09",
      indicatorsJson: snapshot,
      checklistJson: checklist("NOT_MET"),
      submittedAt: new Date("2026-10-02T02:00:00Z"),
    },
  });
});
afterAll(async () => {
  await db.cleanup();
});

function expectNoPersonalData(rows: unknown[]) {
  const text = JSON.stringify(rows);
  for (const secret of PERSONAL) expect(text).not.toContain(secret);
}

describe("households dataset", () => {
  it("gives exactly the documented fields and the latest complete month's indicators, computed by hand", async () => {
    const { rows, total } = await householdsDataset(db.prisma, { scope: ALL, filters: NO_FILTERS, now: NOW });
    expect(total).toBe(3);
    expect(rows.map((row) => row.programRef)).toEqual(["PKH-A1", "PKH-A2", "PKH-B1"]);
    for (const row of rows) expect(Object.keys(row)).toEqual([...HOUSEHOLD_FIELDS]);
    expectNoPersonalData(rows);
    // October in WITA: 200,000 − 80,000 cost − 2,000 commission − 40,000 refunded (the September order) = 78,000;
    // ÷ 4 members = 19,500 per person; ÷ 600,000 = 3.25% → 3.3.
    expect(rows[0]).toEqual({
      programRef: "PKH-A1",
      provinceCode: "53",
      provinceName: "Nusa Tenggara Timur",
      regencyCode: "53.71",
      regencyName: "Kota Kupang",
      areaType: "RURAL",
      memberCount: 4,
      status: "ACTIVE",
      enrolledAt: "2025-02-01T02:00:00.000Z",
      proposedAt: null,
      graduatedAt: null,
      indicatorsMonth: "2026-10",
      orders: 1,
      businessIncomeIdr: 78_000,
      otherIncomeIdr: 500_000,
      totalIncomeIdr: 578_000,
      perCapitaIdr: 144_500,
      povertyLineIdr: 600_000,
      povertyLinePeriod: "2026-03",
      povertyLineArea: "RURAL",
      ratioPercent: 24.1,
      tier: "GROWING",
      readyStreak: 0,
    });
  });

  it("leaves the line, ratio and tier empty (never zero) where no poverty line applies", async () => {
    const { rows } = await householdsDataset(db.prisma, { scope: ALL, filters: { ...NO_FILTERS, provinceCode: "32" }, now: NOW });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ programRef: "PKH-A2", businessIncomeIdr: 0, povertyLineIdr: null, ratioPercent: null, tier: null });
  });

  it("reports the month asked for", async () => {
    const { rows } = await householdsDataset(db.prisma, { scope: ALL, filters: { ...NO_FILTERS, month: "2026-09" }, now: NOW });
    // September: the 30,000 sale (cost 12,000), refunded only in October; no other income declared before October.
    expect(rows[0]).toMatchObject({ programRef: "PKH-A1", indicatorsMonth: "2026-09", businessIncomeIdr: 18_000, otherIncomeIdr: 0, perCapitaIdr: 4_500 });
  });

  it("pages in program-reference order", async () => {
    const second = await householdsDataset(db.prisma, { scope: ALL, filters: NO_FILTERS, pagination: { page: 2, limit: 2 }, now: NOW });
    expect(second.total).toBe(3);
    expect(second.rows.map((row) => row.programRef)).toEqual(["PKH-B1"]);
  });
});

describe("assessments dataset", () => {
  it("holds submitted assessments only, with snapshot figures and checklist statuses but no notes", async () => {
    const { rows, total } = await assessmentsDataset(db.prisma, { scope: ALL, filters: NO_FILTERS });
    expect(total).toBe(2);
    for (const row of rows) expect(Object.keys(row)).toEqual([...ASSESSMENT_FIELDS]);
    expectNoPersonalData(rows);
    expect(rows.map((row) => [row.programRef, row.month])).toEqual([
      ["PKH-B1", "2026-09"],
      ["PKH-A1", "2026-10"],
    ]);
    expect(rows[1]).toEqual({
      programRef: "PKH-A1",
      provinceCode: "53",
      regencyCode: "53.71",
      month: "2026-10",
      submittedAt: "2026-11-02T02:00:00.000Z",
      businessIncomeIdr: 78_000,
      otherIncomeIdr: 500_000,
      totalIncomeIdr: 578_000,
      memberCount: 4,
      perCapitaIdr: 144_500,
      povertyLineIdr: 600_000,
      povertyLinePeriod: "2026-03",
      ratioPercent: 24.1,
      tier: "GROWING",
      readyStreak: 0,
      health: "MET",
      education: "MET",
      housing: "MET",
      waterSanitation: "MET",
      social: "MET",
      proposalStatus: "RETURNED",
      proposalDecidedAt: "2026-11-05T02:00:00.000Z",
    });
    expect(rows[0]).toMatchObject({ health: "NOT_MET", proposalStatus: null, proposalDecidedAt: null });
  });

  it("filters by assessed month", async () => {
    const { rows } = await assessmentsDataset(db.prisma, { scope: ALL, filters: { ...NO_FILTERS, from: "2026-10", to: "2026-12" } });
    expect(rows.map((row) => row.programRef)).toEqual(["PKH-A1"]);
  });
});

describe("store-sales dataset", () => {
  it("adds up each store's months in the owner's time zone, computed by hand", async () => {
    const { rows } = await storeSalesDataset(db.prisma, { scope: ALL, filters: { ...NO_FILTERS, from: "2026-09", to: "2026-11" }, now: NOW });
    for (const row of rows) expect(Object.keys(row)).toEqual([...STORE_SALES_FIELDS]);
    expectNoPersonalData(rows);
    const base = { storeSlug: storeA1, ownerKind: "HOUSEHOLD", provinceCode: "53", regencyCode: "53.71", regencyName: "Kota Kupang" };
    const a1 = rows.filter((row) => row.storeSlug === storeA1);
    expect(a1).toEqual([
      { ...base, month: "2026-09", orders: 1, revenueIdr: 30_000, costOfGoodsIdr: 12_000, commissionIdr: 0, refundCount: 0, refundsIdr: 0, refundedCommissionIdr: 0, netIdr: 18_000 },
      // 200,000 − 80,000 − 2,000 − 40,000 (the September order refunded: goods and shipping).
      { ...base, month: "2026-10", orders: 1, revenueIdr: 200_000, costOfGoodsIdr: 80_000, commissionIdr: 2_000, refundCount: 1, refundsIdr: 40_000, refundedCommissionIdr: 0, netIdr: 78_000 },
      { ...base, month: "2026-11", orders: 1, revenueIdr: 50_000, costOfGoodsIdr: 20_000, commissionIdr: 0, refundCount: 0, refundsIdr: 0, refundedCommissionIdr: 0, netIdr: 30_000 },
    ]);
    expect(rows.find((row) => row.storeSlug === storeKube)).toMatchObject({ ownerKind: "KUBE", month: "2026-10", orders: 1, revenueIdr: 60_000, netIdr: 30_000 });
    // By month, then store.
    expect(rows.map((row) => row.month)).toEqual([...rows.map((row) => row.month)].sort());
  });

  it("keeps to the month range", async () => {
    const { rows } = await storeSalesDataset(db.prisma, { scope: ALL, filters: { ...NO_FILTERS, from: "2026-11", to: "2026-11" }, now: NOW });
    expect(rows.map((row) => [row.storeSlug, row.month])).toEqual([[storeA1, "2026-11"]]);
  });
});

describe("scopes", () => {
  it("gives a facilitator only their own households, their assessments and their stores", async () => {
    const a: ProgramScope = { kind: "facilitator", facilitatorId: facilitatorA };
    const b: ProgramScope = { kind: "facilitator", facilitatorId: facilitatorB };
    const filters = { ...NO_FILTERS, from: "2026-01", to: "2026-11" };
    expect((await householdsDataset(db.prisma, { scope: a, filters: NO_FILTERS, now: NOW })).rows.map((row) => row.programRef)).toEqual(["PKH-A1", "PKH-A2"]);
    expect((await householdsDataset(db.prisma, { scope: b, filters: NO_FILTERS, now: NOW })).rows.map((row) => row.programRef)).toEqual(["PKH-B1"]);
    expect((await assessmentsDataset(db.prisma, { scope: b, filters: NO_FILTERS })).rows.map((row) => row.programRef)).toEqual(["PKH-B1"]);
    expect(new Set((await storeSalesDataset(db.prisma, { scope: a, filters, now: NOW })).rows.map((row) => row.storeSlug))).toEqual(new Set([storeA1]));
    expect(new Set((await storeSalesDataset(db.prisma, { scope: b, filters, now: NOW })).rows.map((row) => row.storeSlug))).toEqual(new Set([storeKube]));
  });

  it("gives a verifier their area only, whatever the filters ask", async () => {
    const kupang: ProgramScope = { kind: "region", regionCode: "53.71" };
    expect((await householdsDataset(db.prisma, { scope: kupang, filters: NO_FILTERS, now: NOW })).rows.map((row) => row.programRef)).toEqual(["PKH-A1", "PKH-B1"]);
    expect((await householdsDataset(db.prisma, { scope: kupang, filters: { ...NO_FILTERS, provinceCode: "32" }, now: NOW })).rows).toEqual([]);
    const jabar: ProgramScope = { kind: "region", regionCode: "32" };
    expect((await storeSalesDataset(db.prisma, { scope: jabar, filters: NO_FILTERS, now: NOW })).rows).toEqual([]);
  });
});

describe("filters", () => {
  const parse = (dataset: "households" | "assessments" | "store-sales", query: string) => parseExchangeFilters(dataset, new URLSearchParams(query), NOW);

  it("reads province, regency and months, with store-sales defaulting to the last 12 months", () => {
    expect(parse("households", "province=53&regency=53.71&month=2026-10")).toEqual({
      ok: true,
      filters: { provinceCode: "53", regencyCode: "53.71", month: "2026-10", from: null, to: null },
    });
    expect(parse("store-sales", "")).toEqual({ ok: true, filters: { provinceCode: null, regencyCode: null, month: null, from: "2025-12", to: "2026-11" } });
    expect(parse("assessments", "from=2026-01")).toEqual({ ok: true, filters: { provinceCode: null, regencyCode: null, month: null, from: "2026-01", to: null } });
  });

  it("names every bad filter", () => {
    const problems = (result: ReturnType<typeof parse>) => (result.ok ? [] : result.problems.map((problem) => problem.param));
    expect(problems(parse("households", "province=5&regency=53-71"))).toEqual(["province", "regency"]);
    expect(problems(parse("households", "province=32&regency=53.71"))).toEqual(["regency"]);
    expect(problems(parse("households", "month=2026-11"))).toEqual(["month"]);
    expect(problems(parse("households", "from=2026-01"))).toEqual(["from"]);
    expect(problems(parse("assessments", "month=2026-01"))).toEqual(["month"]);
    expect(problems(parse("store-sales", "from=2026-13"))).toEqual(["from"]);
    expect(problems(parse("store-sales", "from=2026-10&to=2026-01"))).toEqual(["from"]);
    expect(problems(parse("store-sales", "from=2020-01&to=2026-01"))).toEqual(["from"]);
  });

  it("pages up to 500 rows", () => {
    expect(parsePagination(new URLSearchParams(""))).toEqual({ ok: true, pagination: { page: 1, limit: 100 } });
    expect(parsePagination(new URLSearchParams("page=3&limit=500"))).toEqual({ ok: true, pagination: { page: 3, limit: 500 } });
    expect(parsePagination(new URLSearchParams("limit=501")).ok).toBe(false);
    expect(parsePagination(new URLSearchParams("page=0")).ok).toBe(false);
    expect(parsePagination(new URLSearchParams("page=abc")).ok).toBe(false);
  });
});

describe("CSV", () => {
  it("writes the documented header, a byte order mark, empty cells for null, and guards formula-like text", async () => {
    const { exchangeCsv } = await import("~/models/data-exchange.server");
    const csv = exchangeCsv(["programRef", "tier", "ratioPercent"] as const, [
      { programRef: "=HYPERLINK(\"http://x\")", tier: null, ratioPercent: 24.1 },
      { programRef: "PKH-1", tier: "READY", ratioPercent: null },
    ]);
    expect(csv).toBe('\uFEFFprogramRef,tier,ratioPercent\r\n"\'=HYPERLINK(""http://x"")",,24.1\r\nPKH-1,READY,');
  });
});
