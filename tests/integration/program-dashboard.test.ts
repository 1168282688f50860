import { buildProgramDashboard } from "~/models/program-dashboard.server";
import { setGraduationTarget } from "~/models/graduation-target.server";
import { createTestDatabase } from "../helpers/database";
import { createKube, createProgramHousehold, createProgramRegions, createProgramStore, createProgramUser } from "../helpers/program-fixtures";
import { createStoreOrder } from "../helpers/sales-fixtures";

// Hand-made program data; every expected figure below is counted by hand from these rows.
// "Now" is 20 November 2026, 12.00 WIB.
const NOW = new Date("2026-11-20T05:00:00Z");

let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  db = await createTestDatabase();
  await createProgramRegions(db.prisma);
  const facilitator = await createProgramUser(db.prisma, ["FACILITATOR"]);
  const admin = await createProgramUser(db.prisma, ["ADMIN"]);
  const f = facilitator.id;
  const h1 = await createProgramHousehold(db.prisma, { facilitatorId: f, regencyCode: "32.04" });
  const h2 = await createProgramHousehold(db.prisma, { facilitatorId: f, regencyCode: "32.04", status: "PROPOSED", proposedAt: "2026-11-01T03:00:00Z" });
  await createProgramHousehold(db.prisma, { facilitatorId: f, regencyCode: "32.73", status: "GRADUATED", graduatedAt: "2026-03-10T03:00:00Z" });
  // 31 Dec 2025 17.30 UTC is 1 Jan 2026 00.30 WIB: a 2026 graduation, in January.
  await createProgramHousehold(db.prisma, { facilitatorId: f, regencyCode: "53.71", status: "GRADUATED", graduatedAt: "2025-12-31T17:30:00Z" });
  await createProgramHousehold(db.prisma, { facilitatorId: f, regencyCode: "53.71", status: "GRADUATED", graduatedAt: "2025-06-01T03:00:00Z" });
  const h6 = await createProgramHousehold(db.prisma, { facilitatorId: f, regencyCode: "53.10" });

  const s1 = await createProgramStore(db.prisma, { householdId: h1.id }, "32.04");
  const kube = await createKube(db.prisma, { facilitatorId: f, regencyCode: "53.71", members: [{ householdId: h6.id, shareBasisPoints: 10_000 }] });
  const s2 = await createProgramStore(db.prisma, { kubeGroupId: kube.id }, "53.71");
  await createProgramStore(db.prisma, { householdId: h2.id }, "32.04");

  const line = (quantity: number, unitPriceIdr: number) => ({ quantity, unitPriceIdr, unitCostIdr: Math.floor(unitPriceIdr / 2) });
  await createStoreOrder(db.prisma, s1.id, { status: "COMPLETED", placedAt: "2026-11-08T03:00:00Z", completedAt: "2026-11-10T03:00:00Z", lines: [line(2, 50_000)] });
  await createStoreOrder(db.prisma, s1.id, {
    status: "REFUNDED",
    placedAt: "2026-10-10T03:00:00Z",
    completedAt: "2026-10-15T03:00:00Z",
    refundedAt: "2026-11-02T03:00:00Z",
    shippingIdr: 10_000,
    lines: [line(1, 40_000)],
  });
  // 31 Oct 17.30 UTC is 1 Nov 00.30 WIB: a November sale on the dashboard.
  await createStoreOrder(db.prisma, s2.id, { status: "COMPLETED", placedAt: "2026-10-28T03:00:00Z", completedAt: "2026-10-31T17:30:00Z", lines: [line(1, 30_000)] });
  await createStoreOrder(db.prisma, s2.id, { status: "PROCESSING", placedAt: "2026-11-19T03:00:00Z", lines: [line(5, 70_000)] });
  await createStoreOrder(db.prisma, s2.id, { status: "COMPLETED", placedAt: "2025-11-01T03:00:00Z", completedAt: "2025-11-05T03:00:00Z", lines: [line(1, 999_000)] });
  await createStoreOrder(db.prisma, s2.id, { status: "CANCELLED", placedAt: "2026-11-12T03:00:00Z", cancelledAt: "2026-11-12T05:00:00Z", lines: [line(1, 25_000)] });

  await setGraduationTarget(db.prisma, { year: 2026, households: 100, source: "Target uji, dokumen contoh", actorId: admin.id });
});
afterAll(async () => {
  await db.cleanup();
});

describe("program dashboard for the whole country", () => {
  it("counts households by status per province, and per regency of one province", async () => {
    const top = await buildProgramDashboard(db.prisma, { scope: { kind: "all" }, year: 2026, provinceCode: null, now: NOW });
    expect(top.areas.level).toBe("province");
    expect(top.areas.rows).toEqual([
      { code: "32", name: "Jawa Barat", counts: { active: 1, proposed: 1, graduated: 1, total: 3 } },
      { code: "53", name: "Nusa Tenggara Timur", counts: { active: 1, proposed: 0, graduated: 2, total: 3 } },
    ]);
    expect(top.areas.total).toEqual({ active: 2, proposed: 1, graduated: 3, total: 6 });

    const ntt = await buildProgramDashboard(db.prisma, { scope: { kind: "all" }, year: 2026, provinceCode: "53", now: NOW });
    expect(ntt.areas.level).toBe("regency");
    expect(ntt.areas.province).toEqual({ code: "53", name: "Nusa Tenggara Timur" });
    expect(ntt.areas.rows).toEqual([
      { code: "53.10", name: "Kabupaten Sikka", counts: { active: 1, proposed: 0, graduated: 0, total: 1 } },
      { code: "53.71", name: "Kota Kupang", counts: { active: 0, proposed: 0, graduated: 2, total: 2 } },
    ]);
  });

  it("counts a year's graduations in WIB against that year's target, and says when there is none", async () => {
    const thisYear = await buildProgramDashboard(db.prisma, { scope: { kind: "all" }, year: 2026, provinceCode: null, now: NOW });
    expect(thisYear.graduations).toEqual({ year: 2026, count: 2, target: { year: 2026, households: 100, source: "Target uji, dokumen contoh" }, percentOfTarget: 2 });

    const lastYear = await buildProgramDashboard(db.prisma, { scope: { kind: "all" }, year: 2025, provinceCode: null, now: NOW });
    expect(lastYear.graduations).toEqual({ year: 2025, count: 1, target: null, percentOfTarget: null });
    expect(lastYear.years).toContain(2019);
    expect(lastYear.years[0]).toBe(2026);
  });

  it("counts active sellers (a completed sale in the last 30 days) among the program's stores", async () => {
    const dashboard = await buildProgramDashboard(db.prisma, { scope: { kind: "all" }, year: 2026, provinceCode: null, now: NOW });
    expect(dashboard.activeSellers.count).toBe(2);
    expect(dashboard.activeSellers.stores).toBe(3);
    expect(dashboard.activeSellers.since.toISOString()).toBe("2026-10-21T05:00:00.000Z");
  });

  it("adds up this month's and this year's sales and refunds in WIB months", async () => {
    const { sales } = await buildProgramDashboard(db.prisma, { scope: { kind: "all" }, year: 2026, provinceCode: null, now: NOW });
    expect(sales.month).toBe("2026-11");
    // 100,000 (s1, 10 Nov) + 30,000 (s2, 1 Nov 00.30 WIB); the refund of the October order: 40,000 + 10,000 shipping.
    expect(sales.monthTotals).toEqual({ orders: 2, revenueIdr: 130_000, refundCount: 1, refundsIdr: 50_000 });
    // Plus the October sale of 40,000; the 2025 sale, the order in progress and the cancelled one never count.
    expect(sales.yearTotals).toEqual({ orders: 3, revenueIdr: 170_000, refundCount: 1, refundsIdr: 50_000 });
  });

  it("gives 12 months of graduations and sales, oldest first", async () => {
    const { trend } = await buildProgramDashboard(db.prisma, { scope: { kind: "all" }, year: 2026, provinceCode: null, now: NOW });
    expect(trend.map((row) => row.month)).toEqual([
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
    ]);
    const byMonth = Object.fromEntries(trend.map((row) => [row.month, row]));
    expect(byMonth["2025-12"]).toEqual({ month: "2025-12", graduations: 0, orders: 0, revenueIdr: 0, refundCount: 0, refundsIdr: 0 });
    expect(byMonth["2026-01"]!.graduations).toBe(1);
    expect(byMonth["2026-03"]!.graduations).toBe(1);
    expect(byMonth["2026-10"]).toEqual({ month: "2026-10", graduations: 0, orders: 1, revenueIdr: 40_000, refundCount: 0, refundsIdr: 0 });
    expect(byMonth["2026-11"]).toEqual({ month: "2026-11", graduations: 0, orders: 2, revenueIdr: 130_000, refundCount: 1, refundsIdr: 50_000 });
  });
});

describe("program dashboard for a verifier's area", () => {
  it("shows only Nusa Tenggara Timur to a verifier of province 53", async () => {
    const dashboard = await buildProgramDashboard(db.prisma, { scope: { kind: "region", regionCode: "53" }, year: 2026, provinceCode: null, now: NOW });
    expect(dashboard.areas.rows.map((row) => row.code)).toEqual(["53"]);
    expect(dashboard.areas.total).toEqual({ active: 1, proposed: 0, graduated: 2, total: 3 });
    expect(dashboard.graduations.count).toBe(1);
    expect(dashboard.activeSellers).toMatchObject({ count: 1, stores: 1 });
    expect(dashboard.sales.monthTotals).toEqual({ orders: 1, revenueIdr: 30_000, refundCount: 0, refundsIdr: 0 });
  });

  it("shows one regency to a verifier of 53.71, and nothing of another province even when asked", async () => {
    const kupang = await buildProgramDashboard(db.prisma, { scope: { kind: "region", regionCode: "53.71" }, year: 2026, provinceCode: "53", now: NOW });
    expect(kupang.areas.rows.map((row) => row.code)).toEqual(["53.71"]);
    const elsewhere = await buildProgramDashboard(db.prisma, { scope: { kind: "region", regionCode: "53.71" }, year: 2026, provinceCode: "32", now: NOW });
    expect(elsewhere.areas.rows).toEqual([]);
    expect(elsewhere.areas.total.total).toBe(0);
  });
});
