import { randomUUID } from "node:crypto";
import {
  addMonths,
  computeHouseholdIndicators,
  computeIndicatorsForHouseholds,
  monthEvidence,
  monthOf,
  tierFor,
  type ReadinessPolicy,
} from "~/models/indicators.server";
import { findPovertyLine, PovertyLineMissingError } from "~/models/poverty-line.server";
import { createTestDatabase } from "../helpers/database";
import { createRegions } from "../helpers/marketplace-fixtures";
import { createSellerStore, createStoreOrder } from "../helpers/sales-fixtures";

// Every expected figure below was worked out by hand from the orders written in each test (decision 15).

const POLICY: ReadinessPolicy = { developingPercent: 50, approachingPercent: 75, readyPercent: 100, readyMonths: 3 };

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let facilitatorId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await createRegions(db.prisma);
  // Jawa Barat (32) has rural lines for 2025-03 and 2025-09; Nusa Tenggara Timur (53) has none at all.
  await db.prisma.povertyLine.createMany({
    data: [
      { provinceCode: "32", period: "2025-03", area: "RURAL", amountIdr: 500_000, source: "uji: BPS Maret 2025" },
      { provinceCode: "32", period: "2025-09", area: "RURAL", amountIdr: 520_000, source: "uji: BPS September 2025" },
      { provinceCode: "32", period: "2025-09", area: "URBAN", amountIdr: 600_000, source: "uji: BPS September 2025 kota" },
      { provinceCode: "00", period: "2025-09", area: "TOTAL", amountIdr: 641_443, source: "uji: nasional" },
    ],
  });
  facilitatorId = (await db.prisma.user.create({ data: { email: `f-${randomUUID()}@test.id`, name: "Pendamping Uji" }, select: { id: true } })).id;
});
afterAll(() => db.cleanup());

async function householdOfStore(storeId: string) {
  const store = await db.prisma.store.findUniqueOrThrow({ where: { id: storeId }, select: { householdId: true } });
  return store.householdId!;
}

async function newHousehold(data: { memberCount: number; regencyCode?: string; areaType?: "URBAN" | "RURAL" }) {
  return (
    await db.prisma.household.create({
      data: {
        programRef: `PKH-${randomUUID().slice(0, 8)}`,
        headName: "Ibu Uji",
        memberCount: data.memberCount,
        regencyCode: data.regencyCode ?? "32.04",
        areaType: data.areaType ?? "RURAL",
        facilitatorId,
      },
      select: { id: true },
    })
  ).id;
}

async function declareOtherIncome(householdId: string, month: string, amountIdr: number, submittedAt = new Date("2025-10-01T03:00:00Z")) {
  return (
    await db.prisma.graduationAssessment.create({
      data: { householdId, assessorId: facilitatorId, month, indicatorsJson: "{}", checklistJson: "{}", otherIncomeIdr: amountIdr, submittedAt },
      select: { id: true },
    })
  ).id;
}

describe("a household's own store, by calendar month of WIB", () => {
  let householdId: string;
  let assessmentId: string;
  const numbers: Record<string, string> = {};

  beforeAll(async () => {
    const seller = await createSellerStore(db.prisma);
    householdId = await householdOfStore(seller.storeId);
    // 4 members, rural Kabupaten Bandung (WIB, UTC+7).
    numbers.october = (
      await createStoreOrder(db.prisma, seller.storeId, {
        status: "COMPLETED",
        placedAt: "2025-10-08T02:00:00Z",
        completedAt: "2025-10-10T05:00:00Z",
        lines: [{ quantity: 10, unitPriceIdr: 15_000, unitCostIdr: 9_000 }],
        commissionIdr: 15_000,
      })
    ).number;
    // 23:30 WIB on 31 October is still October there (16:30 UTC).
    numbers.lastEvening = (
      await createStoreOrder(db.prisma, seller.storeId, {
        status: "COMPLETED",
        placedAt: "2025-10-28T02:00:00Z",
        completedAt: "2025-10-31T16:30:00Z",
        lines: [{ quantity: 2, unitPriceIdr: 28_000, unitCostIdr: 17_000 }],
      })
    ).number;
    // 00:30 WIB on 1 November (17:30 UTC on 31 October) is November.
    numbers.afterMidnight = (
      await createStoreOrder(db.prisma, seller.storeId, {
        status: "COMPLETED",
        placedAt: "2025-10-29T02:00:00Z",
        completedAt: "2025-10-31T17:30:00Z",
        lines: [{ quantity: 1, unitPriceIdr: 15_000, unitCostIdr: 9_000 }],
      })
    ).number;
    // Sold in September, refunded in October: income in September, the refund in October.
    numbers.refunded = (
      await createStoreOrder(db.prisma, seller.storeId, {
        status: "REFUNDED",
        placedAt: "2025-09-15T02:00:00Z",
        completedAt: "2025-09-20T05:00:00Z",
        refundedAt: "2025-10-05T05:00:00Z",
        lines: [{ quantity: 2, unitPriceIdr: 15_000, unitCostIdr: 9_000 }],
        shippingIdr: 10_000,
        commissionIdr: 3_000,
      })
    ).number;
    // A cancelled order never counts.
    await createStoreOrder(db.prisma, seller.storeId, {
      status: "CANCELLED",
      placedAt: "2025-10-12T02:00:00Z",
      cancelledAt: "2025-10-12T04:00:00Z",
      lines: [{ quantity: 5, unitPriceIdr: 15_000, unitCostIdr: 9_000 }],
    });
    // Declared in September's assessment: Rp1.800.000 a month besides the store.
    assessmentId = await declareOtherIncome(householdId, "2025-09", 1_800_000);
  });

  it("computes each month's income, per-capita income, poverty line and ratio", async () => {
    const result = await computeHouseholdIndicators(db.prisma, householdId, { endMonth: "2025-11", count: 4, now: new Date("2025-12-15T00:00:00Z"), policy: POLICY });
    expect(result.timeZone).toBe("Asia/Jakarta");
    expect(result.months.map((m) => m.month)).toEqual(["2025-08", "2025-09", "2025-10", "2025-11"]);
    const [august, september, october, november] = result.months;

    // August: no sale, no declaration yet (September's applies from September), line of March 2025.
    expect(august).toMatchObject({ businessIncomeIdr: 0, orders: 0, otherIncomeIdr: 0, totalIncomeIdr: 0, perCapitaIdr: 0, ratioPercent: 0, tier: "INACTIVE" });
    expect(august!.povertyLine).toMatchObject({ period: "2025-03", area: "RURAL", amountIdr: 500_000 });

    // September: 30.000 revenue − 18.000 cost − 3.000 commission = 9.000; + 1.800.000 = 1.809.000 / 4 = 452.250;
    // 452.250 / 520.000 (line of September 2025) = 86,97 %.
    expect(september).toMatchObject({
      businessIncomeIdr: 9_000,
      orders: 1,
      otherIncomeIdr: 1_800_000,
      otherIncomeAssessmentId: assessmentId,
      totalIncomeIdr: 1_809_000,
      perCapitaIdr: 452_250,
      ratioPercent: 87,
      tier: "APPROACHING",
    });
    expect(september!.povertyLine).toMatchObject({ period: "2025-09", amountIdr: 520_000 });

    // October: revenue 150.000 + 56.000 (the 23:30 WIB order) = 206.000; cost 90.000 + 34.000 = 124.000;
    // commission 15.000; refund of September's order 30.000 + 10.000 shipping = 40.000, its 3.000 commission
    // comes back: 206.000 − 124.000 − 15.000 − 40.000 + 3.000 = 30.000. Total 1.830.000 / 4 = 457.500 → 87,98 %.
    const store = october!.sources[0]!;
    expect(store).toMatchObject({
      orders: 2,
      revenueIdr: 206_000,
      costOfGoodsIdr: 124_000,
      commissionIdr: 15_000,
      refundCount: 1,
      refundsIdr: 40_000,
      refundedCommissionIdr: 3_000,
      storeNetIdr: 30_000,
      shareBasisPoints: 10_000,
      householdShareIdr: 30_000,
      kubeGroupName: null,
    });
    expect(october).toMatchObject({ businessIncomeIdr: 30_000, totalIncomeIdr: 1_830_000, perCapitaIdr: 457_500, ratioPercent: 88, tier: "APPROACHING", partial: false });

    // November holds only the order completed at 00:30 WIB on the 1st: 15.000 − 9.000 = 6.000.
    expect(november).toMatchObject({ businessIncomeIdr: 6_000, orders: 1, totalIncomeIdr: 1_806_000, perCapitaIdr: 451_500, ratioPercent: 86.8 });
    expect(result.latestComplete?.month).toBe("2025-11");
  });

  it("lists the evidence of a month: the orders and refunds it counts, and nothing else", async () => {
    const evidence = await monthEvidence(db.prisma, householdId, "2025-10", { now: new Date("2025-12-15T00:00:00Z") });
    expect(evidence.lines.map((l) => [l.orderNumber, l.kind])).toEqual([
      [numbers.refunded, "REFUND"],
      [numbers.october, "SALE"],
      [numbers.lastEvening, "SALE"],
    ]);
    const refund = evidence.lines[0]!;
    expect(refund).toMatchObject({ refundIdr: 40_000, commissionBackIdr: 3_000, revenueIdr: 0 });
    const lastEvening = evidence.lines[2]!;
    expect(lastEvening).toMatchObject({ revenueIdr: 56_000, costOfGoodsIdr: 34_000, commissionIdr: 0 });
    expect(evidence.month.povertyLine?.source).toBe("uji: BPS September 2025");
  });

  it("marks the month that is not over yet and reports the last complete one", async () => {
    const result = await computeHouseholdIndicators(db.prisma, householdId, { count: 3, now: new Date("2025-10-31T16:45:00Z"), policy: POLICY });
    // 23:45 WIB on 31 October: the series ends with October, still running.
    expect(result.months.map((m) => [m.month, m.partial])).toEqual([
      ["2025-08", false],
      ["2025-09", false],
      ["2025-10", true],
    ]);
    expect(result.latestComplete?.month).toBe("2025-09");
  });

  it("previews a draft's other income for its month without touching the submitted declaration", async () => {
    const result = await computeHouseholdIndicators(db.prisma, householdId, {
      endMonth: "2025-10",
      count: 2,
      now: new Date("2025-12-15T00:00:00Z"),
      policy: POLICY,
      otherIncomeOverride: { month: "2025-10", amountIdr: 2_100_000 },
    });
    const [september, october] = result.months;
    expect(september).toMatchObject({ otherIncomeIdr: 1_800_000, otherIncomeAssessmentId: assessmentId });
    // 30.000 + 2.100.000 = 2.130.000 / 4 = 532.500 ≥ 520.000: 102,4 %, the first month at the ready level.
    expect(october).toMatchObject({ otherIncomeIdr: 2_100_000, otherIncomeAssessmentId: null, perCapitaIdr: 532_500, ratioPercent: 102.4, readyStreak: 1, tier: "APPROACHING" });
  });
});

describe("a KUBE store's income is split by the members' shares", () => {
  it("gives each household its share of the store's net income", async () => {
    const seller = await createSellerStore(db.prisma, { kubeName: "KUBE Maju Bersama" });
    const kube = await db.prisma.store.findUniqueOrThrow({ where: { id: seller.storeId }, select: { kubeGroupId: true } });
    const small = await newHousehold({ memberCount: 2 });
    const large = await newHousehold({ memberCount: 5 });
    await db.prisma.kubeMembership.createMany({
      data: [
        { kubeGroupId: kube.kubeGroupId!, householdId: small, shareBasisPoints: 3_000 },
        { kubeGroupId: kube.kubeGroupId!, householdId: large, shareBasisPoints: 7_000 },
      ],
    });
    // 10 × 28.000 = 280.000 revenue, 170.000 cost, 28.000 commission: the store nets 82.000.
    await createStoreOrder(db.prisma, seller.storeId, {
      status: "COMPLETED",
      placedAt: "2025-10-14T02:00:00Z",
      completedAt: "2025-10-15T05:00:00Z",
      lines: [{ quantity: 10, unitPriceIdr: 28_000, unitCostIdr: 17_000 }],
      commissionIdr: 28_000,
    });
    const result = await computeIndicatorsForHouseholds(db.prisma, [small, large], { endMonth: "2025-10", count: 1, now: new Date("2025-12-01T00:00:00Z"), policy: POLICY });
    const smallOctober = result.get(small)!.months[0]!;
    const largeOctober = result.get(large)!.months[0]!;
    // 30 % of 82.000 = 24.600 for 2 people: 12.300 each, 2,37 % of 520.000.
    expect(smallOctober.sources).toEqual([expect.objectContaining({ storeNetIdr: 82_000, shareBasisPoints: 3_000, householdShareIdr: 24_600, kubeGroupName: "KUBE Maju Bersama" })]);
    expect(smallOctober).toMatchObject({ businessIncomeIdr: 24_600, perCapitaIdr: 12_300, ratioPercent: 2.4, tier: "GROWING" });
    // 70 % = 57.400 for 5 people: 11.480 each.
    expect(largeOctober).toMatchObject({ businessIncomeIdr: 57_400, perCapitaIdr: 11_480, orders: 1 });
    expect(smallOctober.businessIncomeIdr + largeOctober.businessIncomeIdr).toBe(82_000);
  });
});

describe("a province without a poverty line", () => {
  it("says the line is missing and computes no ratio or tier, never a zero", async () => {
    const seller = await createSellerStore(db.prisma, { regencyCode: "53.71" });
    const householdId = await householdOfStore(seller.storeId);
    await db.prisma.household.update({ where: { id: householdId }, data: { regencyCode: "53.71" }, select: { id: true } });
    await createStoreOrder(db.prisma, seller.storeId, {
      status: "COMPLETED",
      placedAt: "2025-10-01T02:00:00Z",
      completedAt: "2025-10-02T02:00:00Z",
      lines: [{ quantity: 4, unitPriceIdr: 15_000, unitCostIdr: 9_000 }],
    });
    const result = await computeHouseholdIndicators(db.prisma, householdId, { endMonth: "2025-10", count: 1, now: new Date("2025-12-01T00:00:00Z"), policy: POLICY });
    const october = result.months[0]!;
    expect(result.timeZone).toBe("Asia/Makassar");
    expect(october).toMatchObject({
      businessIncomeIdr: 24_000,
      povertyLine: null,
      povertyLineMissing: { provinceCode: "53", area: "RURAL", month: "2025-10" },
      ratioPercent: null,
      tier: null,
      readyStreak: 0,
    });
    // The national line exists but is never used in place of the province's.
    await expect(findPovertyLine(db.prisma, { provinceCode: "53", area: "RURAL", month: "2025-10" })).rejects.toBeInstanceOf(PovertyLineMissingError);
  });
});

describe("readiness", () => {
  it("is 'ready' only after the ratio stays at or above the threshold for the set number of months", async () => {
    const seller = await createSellerStore(db.prisma);
    const householdId = await householdOfStore(seller.storeId);
    await db.prisma.household.update({ where: { id: householdId }, data: { memberCount: 3 }, select: { id: true } });
    // From July on, Rp1.476.000 a month besides the store; each month one sale nets 4 × (15.000 − 9.000) = 24.000.
    // July and August: (1.476.000 + 24.000) / 3 = 500.000 = the March 2025 line exactly (100 %, which counts).
    // September on: 500.000 / 520.000 = 96,2 % (below 100 %): the streak breaks.
    await declareOtherIncome(householdId, "2025-07", 1_476_000);
    for (const month of ["2025-06", "2025-07", "2025-08", "2025-09"]) {
      await createStoreOrder(db.prisma, seller.storeId, {
        status: "COMPLETED",
        placedAt: `${month}-10T02:00:00Z`,
        completedAt: `${month}-12T02:00:00Z`,
        lines: [{ quantity: 4, unitPriceIdr: 15_000, unitCostIdr: 9_000 }],
      });
    }
    const twoMonths = { ...POLICY, readyMonths: 2 };
    const result = await computeHouseholdIndicators(db.prisma, householdId, { endMonth: "2025-10", count: 4, now: new Date("2025-12-01T00:00:00Z"), policy: twoMonths });
    expect(result.months.map((m) => [m.month, m.ratioPercent, m.readyStreak, m.tier])).toEqual([
      // June: 24.000 / 3 = 8.000 → 1,6 %.
      ["2025-07", 100, 1, "APPROACHING"],
      ["2025-08", 100, 2, "READY"],
      ["2025-09", 96.2, 0, "APPROACHING"],
      // October: no sale, other income only: 1.476.000 / 3 = 492.000 → 94,6 %, but no business activity.
      ["2025-10", 94.6, 0, "INACTIVE"],
    ]);
    // The streak is counted from the months before the first one shown.
    const fromAugust = await computeHouseholdIndicators(db.prisma, householdId, { endMonth: "2025-08", count: 1, now: new Date("2025-12-01T00:00:00Z"), policy: twoMonths });
    expect(fromAugust.months[0]).toMatchObject({ month: "2025-08", readyStreak: 2, tier: "READY" });
    // With the default three months, August is not ready yet.
    const threeMonths = await computeHouseholdIndicators(db.prisma, householdId, { endMonth: "2025-08", count: 1, now: new Date("2025-12-01T00:00:00Z"), policy: POLICY });
    expect(threeMonths.months[0]).toMatchObject({ readyStreak: 2, tier: "APPROACHING" });
  });

  it("orders the tiers by the thresholds", () => {
    const at = (percent: number) => (p: number) => percent >= p;
    expect(tierFor({ orders: 0, ratioReachesPercent: at(300), readyStreak: 5 }, POLICY)).toBe("INACTIVE");
    expect(tierFor({ orders: 1, ratioReachesPercent: at(49), readyStreak: 0 }, POLICY)).toBe("GROWING");
    expect(tierFor({ orders: 1, ratioReachesPercent: at(50), readyStreak: 0 }, POLICY)).toBe("DEVELOPING");
    expect(tierFor({ orders: 1, ratioReachesPercent: at(75), readyStreak: 0 }, POLICY)).toBe("APPROACHING");
    expect(tierFor({ orders: 1, ratioReachesPercent: at(120), readyStreak: 2 }, POLICY)).toBe("APPROACHING");
    expect(tierFor({ orders: 1, ratioReachesPercent: at(120), readyStreak: 3 }, POLICY)).toBe("READY");
  });

  it("uses the UMK of the household's regency and year when one is loaded", async () => {
    const householdId = await newHousehold({ memberCount: 4, areaType: "URBAN" });
    await declareOtherIncome(householdId, "2025-01", 2_400_000);
    await db.prisma.minimumWage.create({ data: { regencyCode: "32.04", year: 2025, amountIdr: 3_200_000, source: "uji: Kepgub Jabar UMK 2025" } });
    const result = await computeHouseholdIndicators(db.prisma, householdId, { endMonth: "2026-01", count: 2, now: new Date("2026-03-01T00:00:00Z"), policy: POLICY });
    const [december, january] = result.months;
    // 2.400.000 / 3.200.000 = 75 %; the urban line of September 2025 (600.000): 600.000 per person = 100 %.
    expect(december).toMatchObject({ wageRatioPercent: 75, minimumWage: { year: 2025, amountIdr: 3_200_000 }, ratioPercent: 100 });
    expect(december!.povertyLine).toMatchObject({ area: "URBAN", amountIdr: 600_000 });
    // No UMK loaded for 2026: none is assumed.
    expect(january).toMatchObject({ minimumWage: null, wageRatioPercent: null });
  });
});

describe("month arithmetic", () => {
  it("moves across years and reads months in the household's zone", () => {
    expect(addMonths("2025-11", 3)).toBe("2026-02");
    expect(addMonths("2025-01", -1)).toBe("2024-12");
    expect(monthOf(new Date("2025-10-31T16:30:00Z"), "Asia/Jakarta")).toBe("2025-10");
    expect(monthOf(new Date("2025-10-31T16:30:00Z"), "Asia/Makassar")).toBe("2025-11");
  });
});
