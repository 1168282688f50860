import Papa from "papaparse";
import { salesCsv } from "~/models/sales-csv.server";
import {
  buildSalesDashboard,
  buildSalesStatement,
  listReportStores,
  listSalesForExport,
  type ReportStore,
  type SalesFigures,
} from "~/models/sales-report.server";
import en from "~/locales/en";
import id from "~/locales/id";
import { createI18n } from "~/utils/i18n";
import { createTestDatabase } from "../helpers/database";
import { createRegions } from "../helpers/marketplace-fixtures";
import { createSellerStore, createStoreOrder, type SellerStore } from "../helpers/sales-fixtures";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
  await createRegions(db.prisma);
});
afterAll(() => db.cleanup());

async function reportStore(seller: SellerStore): Promise<ReportStore> {
  const stores = await listReportStores(db.prisma, seller.userId);
  const store = stores.find((candidate) => candidate.id === seller.storeId);
  if (!store) throw new Error("the seller's own store is missing from the report stores");
  return store;
}

const line = (quantity: number, unitPriceIdr: number, unitCostIdr: number, productTitle = "Keripik Singkong") => ({ quantity, unitPriceIdr, unitCostIdr, productTitle });

const ZERO: SalesFigures = {
  orders: 0,
  units: 0,
  revenueIdr: 0,
  shippingIdr: 0,
  costOfGoodsIdr: 0,
  grossProfitIdr: 0,
  averageOrderValueIdr: 0,
  commissionIdr: 0,
  refundCount: 0,
  refundsIdr: 0,
  refundedCommissionIdr: 0,
  netProfitIdr: 0,
};

describe("the figures of a period", () => {
  // A store in Jawa Barat (WIB, UTC+7) with sales in October, November and December 2026.
  let seller: SellerStore;
  let store: ReportStore;
  beforeAll(async () => {
    seller = await createSellerStore(db.prisma);
    store = await reportStore(seller);
    const at = (iso: string) => iso;
    // A: a November sale of two lines.
    await createStoreOrder(db.prisma, seller.storeId, {
      status: "COMPLETED",
      placedAt: at("2026-10-30T03:00:00Z"),
      completedAt: at("2026-11-03T05:00:00Z"),
      lines: [line(2, 15_000, 9_000), line(1, 28_000, 17_000)],
      shippingIdr: 12_000,
      commissionIdr: 2_900,
    });
    // B: a November sale.
    await createStoreOrder(db.prisma, seller.storeId, {
      status: "COMPLETED",
      placedAt: at("2026-11-07T03:00:00Z"),
      completedAt: at("2026-11-10T05:00:00Z"),
      lines: [line(3, 15_000, 9_000)],
      shippingIdr: 10_000,
      commissionIdr: 2_250,
    });
    // C: an October sale refunded in November.
    await createStoreOrder(db.prisma, seller.storeId, {
      status: "REFUNDED",
      placedAt: at("2026-10-15T03:00:00Z"),
      completedAt: at("2026-10-20T05:00:00Z"),
      refundedAt: at("2026-11-05T05:00:00Z"),
      lines: [line(1, 28_000, 17_000)],
      shippingIdr: 9_000,
      commissionIdr: 1_400,
    });
    // D: a November sale refunded in November.
    await createStoreOrder(db.prisma, seller.storeId, {
      status: "REFUNDED",
      placedAt: at("2026-11-08T03:00:00Z"),
      completedAt: at("2026-11-12T05:00:00Z"),
      refundedAt: at("2026-11-14T05:00:00Z"),
      lines: [line(1, 15_000, 9_000)],
      shippingIdr: 8_000,
      commissionIdr: 750,
    });
    // E: cancelled; F: waiting for payment; G, H: under way; I: refunded before it was ever completed.
    await createStoreOrder(db.prisma, seller.storeId, {
      status: "CANCELLED",
      placedAt: at("2026-11-04T03:00:00Z"),
      cancelledAt: at("2026-11-04T09:00:00Z"),
      lines: [line(5, 15_000, 9_000)],
    });
    await createStoreOrder(db.prisma, seller.storeId, { status: "AWAITING_PAYMENT", placedAt: at("2026-11-20T03:00:00Z"), lines: [line(2, 15_000, 9_000)] });
    await createStoreOrder(db.prisma, seller.storeId, { status: "SHIPPED", placedAt: at("2026-11-21T03:00:00Z"), lines: [line(1, 28_000, 17_000)] });
    await createStoreOrder(db.prisma, seller.storeId, { status: "DELIVERED", placedAt: at("2026-11-22T03:00:00Z"), lines: [line(1, 15_000, 9_000)] });
    await createStoreOrder(db.prisma, seller.storeId, {
      status: "REFUNDED",
      placedAt: at("2026-11-02T03:00:00Z"),
      refundedAt: at("2026-11-06T03:00:00Z"),
      lines: [line(1, 28_000, 17_000)],
      commissionIdr: 1_400,
    });
    // J: placed in October, completed on 1 December.
    await createStoreOrder(db.prisma, seller.storeId, {
      status: "COMPLETED",
      placedAt: at("2026-10-28T03:00:00Z"),
      completedAt: at("2026-12-01T05:00:00Z"),
      lines: [line(1, 15_000, 9_000)],
      shippingIdr: 7_000,
    });
  });

  it("pins every line of November by hand", async () => {
    const dashboard = await buildSalesDashboard(db.prisma, { userId: seller.userId, store, period: { from: "2026-11-01", to: "2026-11-30" }, kind: "range" });
    expect(dashboard.current).toEqual({
      orders: 3, // A, B, D (D stays a sale of November although it was refunded)
      units: 7, // 3 + 3 + 1
      revenueIdr: 118_000, // 58.000 + 45.000 + 15.000: shipping is not revenue
      shippingIdr: 30_000, // 12.000 + 10.000 + 8.000
      costOfGoodsIdr: 71_000, // (2×9.000 + 17.000) + 3×9.000 + 9.000
      grossProfitIdr: 47_000, // 118.000 − 71.000
      averageOrderValueIdr: 39_333, // 118.000 ÷ 3 = 39.333,33
      commissionIdr: 5_900, // 2.900 + 2.250 + 750
      refundCount: 2, // C (an October sale) and D
      refundsIdr: 60_000, // C 28.000 + 9.000 shipping, D 15.000 + 8.000 shipping
      refundedCommissionIdr: 2_150, // 1.400 + 750
      netProfitIdr: -16_750, // 47.000 − 5.900 − 60.000 + 2.150
    });
    expect(dashboard.pending).toEqual({ inProgress: { count: 2, valueIdr: 43_000 }, awaitingPayment: { count: 1, valueIdr: 30_000 } });
  });

  it("counts a refund in the month it happened, never in the month of the sale", async () => {
    const statement = await buildSalesStatement(db.prisma, { userId: seller.userId, store, period: { from: "2026-10-01", to: "2026-12-31" } });
    expect(statement.months.map((row) => row.month)).toEqual(["2026-10", "2026-11", "2026-12"]);
    const [october, november, december] = statement.months.map((row) => row.figures);
    expect(october).toEqual({
      ...ZERO,
      orders: 1,
      units: 1,
      revenueIdr: 28_000,
      shippingIdr: 9_000,
      costOfGoodsIdr: 17_000,
      grossProfitIdr: 11_000,
      averageOrderValueIdr: 28_000,
      commissionIdr: 1_400,
      netProfitIdr: 9_600, // C is refunded only in November
    });
    expect(november).toMatchObject({ orders: 3, refundsIdr: 60_000, refundedCommissionIdr: 2_150, netProfitIdr: -16_750 });
    expect(december).toEqual({ ...ZERO, orders: 1, units: 1, revenueIdr: 15_000, shippingIdr: 7_000, costOfGoodsIdr: 9_000, grossProfitIdr: 6_000, averageOrderValueIdr: 15_000, netProfitIdr: 6_000 });
    expect(statement.totals).toEqual({
      orders: 5,
      units: 9,
      revenueIdr: 161_000,
      shippingIdr: 46_000,
      costOfGoodsIdr: 97_000,
      grossProfitIdr: 64_000,
      averageOrderValueIdr: 32_200,
      commissionIdr: 7_300,
      refundCount: 2,
      refundsIdr: 60_000,
      refundedCommissionIdr: 2_150,
      netProfitIdr: -1_150, // 64.000 − 7.300 − 60.000 + 2.150
    });
  });

  it("lists only the period's sales for the export", async () => {
    const records = await listSalesForExport(db.prisma, { userId: seller.userId, store, period: { from: "2026-11-01", to: "2026-11-30" } });
    expect(records.map((record) => record.subtotalIdr)).toEqual([58_000, 45_000, 15_000]);
  });

  it("gives another seller nothing of this store, even with its id", async () => {
    const stranger = await createSellerStore(db.prisma);
    const period = { from: "2026-10-01", to: "2026-12-31" };
    const statement = await buildSalesStatement(db.prisma, { userId: stranger.userId, store, period });
    expect(statement.totals).toEqual(ZERO);
    const dashboard = await buildSalesDashboard(db.prisma, { userId: stranger.userId, store, period, kind: "range" });
    expect(dashboard.pending).toEqual({ inProgress: { count: 0, valueIdr: 0 }, awaitingPayment: { count: 0, valueIdr: 0 } });
    expect(await listSalesForExport(db.prisma, { userId: stranger.userId, store, period })).toEqual([]);
    expect((await listReportStores(db.prisma, stranger.userId)).map((s) => s.id)).toEqual([stranger.storeId]);
  });
});

describe("month boundaries follow the store's time zone", () => {
  it("puts 23:30 WIB on the last day of November in November, and the same instant in December for a WITA store", async () => {
    const wib = await createSellerStore(db.prisma, { regencyCode: "32.04" });
    const wita = await createSellerStore(db.prisma, { regencyCode: "53.71" });
    // 2026-11-30T16:30Z is 23:30 WIB on 30 November and 00:30 WITA on 1 December.
    await createStoreOrder(db.prisma, wib.storeId, { status: "COMPLETED", placedAt: "2026-11-25T03:00:00Z", completedAt: "2026-11-30T16:30:00Z", lines: [line(1, 10_000, 6_000)] });
    // 00:00 WIB on 1 December.
    await createStoreOrder(db.prisma, wib.storeId, { status: "COMPLETED", placedAt: "2026-11-25T03:00:00Z", completedAt: "2026-11-30T17:00:00Z", lines: [line(2, 10_000, 6_000)] });
    await createStoreOrder(db.prisma, wita.storeId, { status: "COMPLETED", placedAt: "2026-11-25T03:00:00Z", completedAt: "2026-11-30T16:30:00Z", lines: [line(1, 10_000, 6_000)] });
    // 23:30 WITA on 30 November.
    await createStoreOrder(db.prisma, wita.storeId, { status: "COMPLETED", placedAt: "2026-11-25T03:00:00Z", completedAt: "2026-11-30T15:30:00Z", lines: [line(3, 10_000, 6_000)] });

    const wibStore = await reportStore(wib);
    const witaStore = await reportStore(wita);
    expect([wibStore.timeZone, witaStore.timeZone]).toEqual(["Asia/Jakarta", "Asia/Makassar"]);
    const period = { from: "2026-11-01", to: "2026-12-31" };
    const revenueByMonth = async (s: SellerStore, r: ReportStore) =>
      (await buildSalesStatement(db.prisma, { userId: s.userId, store: r, period })).months.map((row) => [row.month, row.figures.revenueIdr]);
    expect(await revenueByMonth(wib, wibStore)).toEqual([
      ["2026-11", 10_000],
      ["2026-12", 20_000],
    ]);
    expect(await revenueByMonth(wita, witaStore)).toEqual([
      ["2026-11", 30_000],
      ["2026-12", 10_000],
    ]);

    // The export's dates are the store's own clock.
    const t = createI18n("id", id).t;
    const csv = salesCsv("orders", await listSalesForExport(db.prisma, { userId: wib.userId, store: wibStore, period: { from: "2026-11-30", to: "2026-11-30" } }), wibStore.timeZone, t);
    expect(csv).toContain("2026-11-30 23:30");
    expect(csv).not.toContain("2026-12-01 00:00");
  });
});

describe("comparing with the previous period", () => {
  let seller: SellerStore;
  let store: ReportStore;
  beforeAll(async () => {
    seller = await createSellerStore(db.prisma);
    store = await reportStore(seller);
    const sale = (completedAt: string, priceIdr: number) =>
      createStoreOrder(db.prisma, seller.storeId, { status: "COMPLETED", placedAt: completedAt, completedAt, lines: [line(1, priceIdr, 1_000)] });
    await sale("2026-10-10T05:00:00Z", 20_000); // within 1–15 October
    await sale("2026-10-20T05:00:00Z", 40_000); // within the 15 days before 1 November
    await sale("2026-11-05T05:00:00Z", 30_000);
    await sale("2026-11-14T05:00:00Z", 50_000);
  });

  it("compares this month so far with the same days of last month", async () => {
    const dashboard = await buildSalesDashboard(db.prisma, { userId: seller.userId, store, period: { from: "2026-11-01", to: "2026-11-15" }, kind: "month" });
    expect(dashboard.previous).toEqual({ from: "2026-10-01", to: "2026-10-15" });
    expect([dashboard.current.revenueIdr, dashboard.before.revenueIdr]).toEqual([80_000, 20_000]);
    expect([dashboard.current.orders, dashboard.before.orders]).toEqual([2, 1]);
    expect(dashboard.granularity).toBe("day");
    expect(dashboard.series).toHaveLength(15);
    expect(dashboard.series[4]).toEqual({
      bucket: { from: "2026-11-05", to: "2026-11-05" },
      revenueIdr: 30_000,
      previousBucket: { from: "2026-10-05", to: "2026-10-05" },
      previousRevenueIdr: 0,
    });
    expect(dashboard.series[9]).toMatchObject({ revenueIdr: 0, previousBucket: { from: "2026-10-10" }, previousRevenueIdr: 20_000 });
  });

  it("compares a chosen range with the same number of days just before it", async () => {
    const dashboard = await buildSalesDashboard(db.prisma, { userId: seller.userId, store, period: { from: "2026-11-01", to: "2026-11-15" }, kind: "range" });
    expect(dashboard.previous).toEqual({ from: "2026-10-17", to: "2026-10-31" });
    expect([dashboard.current.revenueIdr, dashboard.before.revenueIdr]).toEqual([80_000, 40_000]);
    expect(dashboard.series.reduce((sum, point) => sum + (point.previousRevenueIdr ?? 0), 0)).toBe(40_000);
  });

  it("draws long ranges per week and very long ones per month", async () => {
    const weekly = await buildSalesDashboard(db.prisma, { userId: seller.userId, store, period: { from: "2026-09-01", to: "2026-11-29" }, kind: "range" });
    expect(weekly.granularity).toBe("week");
    expect(weekly.series).toHaveLength(13);
    expect(weekly.series.reduce((sum, point) => sum + point.revenueIdr, 0)).toBe(140_000);
    const monthly = await buildSalesDashboard(db.prisma, { userId: seller.userId, store, period: { from: "2025-12-01", to: "2026-11-30" }, kind: "range" });
    expect(monthly.granularity).toBe("week");
    const twoYears = await buildSalesDashboard(db.prisma, { userId: seller.userId, store, period: { from: "2025-01-01", to: "2026-11-30" }, kind: "range" });
    expect(twoYears.granularity).toBe("month");
    expect(twoYears.series.map((point) => point.revenueIdr).slice(-2)).toEqual([60_000, 80_000]);
  });
});

describe("average order value, best sellers and orders that never count", () => {
  it("rounds the average order value to the nearest Rupiah", async () => {
    const seller = await createSellerStore(db.prisma);
    const store = await reportStore(seller);
    const sale = (completedAt: string, priceIdr: number) =>
      createStoreOrder(db.prisma, seller.storeId, { status: "COMPLETED", placedAt: completedAt, completedAt, lines: [line(1, priceIdr, 1_000)] });
    await sale("2026-09-02T05:00:00Z", 10_000);
    await sale("2026-09-03T05:00:00Z", 10_000);
    await sale("2026-09-04T05:00:00Z", 10_001); // 30.001 ÷ 3 = 10.000,33
    await sale("2026-08-02T05:00:00Z", 12_500);
    await sale("2026-08-03T05:00:00Z", 12_501); // 25.001 ÷ 2 = 12.500,5
    const aov = async (from: string, to: string) =>
      (await buildSalesDashboard(db.prisma, { userId: seller.userId, store, period: { from, to }, kind: "range" })).current.averageOrderValueIdr;
    expect(await aov("2026-09-01", "2026-09-30")).toBe(10_000);
    expect(await aov("2026-08-01", "2026-08-31")).toBe(12_501);
    expect(await aov("2026-07-01", "2026-07-31")).toBe(0);
  });

  it("ranks best sellers by units, then revenue, then name, five at most, grouped by product", async () => {
    const seller = await createSellerStore(db.prisma);
    const store = await reportStore(seller);
    const product = await db.prisma.product.findUniqueOrThrow({ where: { id: seller.productId }, select: { title: true } });
    const sale = (completedAt: string | null, lines: Parameters<typeof createStoreOrder>[2]["lines"], status: "COMPLETED" | "CANCELLED" = "COMPLETED") =>
      createStoreOrder(db.prisma, seller.storeId, { status, placedAt: "2026-10-01T05:00:00Z", completedAt, lines });
    // Two variants of the seller's own product, one sold under an older title: one product, 5 units.
    await sale("2026-11-02T05:00:00Z", [{ quantity: 3, unitPriceIdr: 15_000, unitCostIdr: 9_000, variantId: seller.variantIds[0], productTitle: "Judul Lama" }]);
    await sale("2026-11-03T05:00:00Z", [{ quantity: 2, unitPriceIdr: 28_000, unitCostIdr: 17_000, variantId: seller.variantIds[1], productTitle: product.title }]);
    await sale("2026-11-04T05:00:00Z", [line(5, 20_000, 10_000, "Sambal Bawang"), line(7, 50_000, 30_000, "Madu Hutan")]);
    await sale("2026-11-05T05:00:00Z", [line(1, 30_000, 20_000, "Kopi B"), line(1, 30_000, 20_000, "Kopi A"), line(1, 10_000, 5_000, "Gula Aren")]);
    await sale(null, [line(50, 10_000, 5_000, "Gula Aren")], "CANCELLED");
    await sale("2026-10-30T05:00:00Z", [line(100, 20_000, 10_000, "Sambal Bawang")]);

    const dashboard = await buildSalesDashboard(db.prisma, { userId: seller.userId, store, period: { from: "2026-11-01", to: "2026-11-30" }, kind: "range" });
    expect(dashboard.bestSellers.map(({ title, units, revenueIdr }) => [title, units, revenueIdr])).toEqual([
      ["Madu Hutan", 7, 350_000],
      [product.title, 5, 101_000],
      ["Sambal Bawang", 5, 100_000],
      ["Kopi A", 1, 30_000],
      ["Kopi B", 1, 30_000],
    ]);
  });

  it("never counts cancelled or unpaid orders", async () => {
    const seller = await createSellerStore(db.prisma);
    const store = await reportStore(seller);
    await createStoreOrder(db.prisma, seller.storeId, {
      status: "CANCELLED",
      placedAt: "2026-11-02T05:00:00Z",
      cancelledAt: "2026-11-03T05:00:00Z",
      lines: [line(4, 15_000, 9_000)],
      commissionIdr: 3_000,
    });
    await createStoreOrder(db.prisma, seller.storeId, { status: "AWAITING_PAYMENT", placedAt: "2026-11-04T05:00:00Z", lines: [line(2, 15_000, 9_000)] });
    await createStoreOrder(db.prisma, seller.storeId, { status: "PAID", placedAt: "2026-11-05T05:00:00Z", lines: [line(1, 28_000, 17_000)] });
    const period = { from: "2026-11-01", to: "2026-11-30" };
    const dashboard = await buildSalesDashboard(db.prisma, { userId: seller.userId, store, period, kind: "range" });
    expect(dashboard.current).toEqual(ZERO);
    expect(dashboard.bestSellers).toEqual([]);
    expect(dashboard.series.every((point) => point.revenueIdr === 0)).toBe(true);
    expect(dashboard.pending).toEqual({ inProgress: { count: 1, valueIdr: 28_000 }, awaitingPayment: { count: 1, valueIdr: 30_000 } });
    const statement = await buildSalesStatement(db.prisma, { userId: seller.userId, store, period });
    expect(statement.totals).toEqual(ZERO);
    expect(await listSalesForExport(db.prisma, { userId: seller.userId, store, period })).toEqual([]);
  });
});

describe("the CSV export", () => {
  let seller: SellerStore;
  let store: ReportStore;
  const period = { from: "2026-11-01", to: "2026-11-30" };
  const dangerous = ['=HYPERLINK("http://contoh.test","klik")', "+62 812", "-2+3", "@SUM(A1:A9)", "\tTab di depan", "\rCR di depan"];
  beforeAll(async () => {
    seller = await createSellerStore(db.prisma);
    store = await reportStore(seller);
    await createStoreOrder(db.prisma, seller.storeId, {
      status: "COMPLETED",
      placedAt: "2026-11-01T02:00:00Z",
      completedAt: "2026-11-03T05:10:00Z",
      lines: [line(2, 15_000, 9_000, 'Keripik, "pedas" mantap'), ...dangerous.map((title) => line(1, 10_000, 4_000, title))],
      shippingIdr: 11_000,
      commissionIdr: 3_000,
      paymentMethod: "COD",
    });
    await createStoreOrder(db.prisma, seller.storeId, {
      status: "REFUNDED",
      placedAt: "2026-11-04T02:00:00Z",
      completedAt: "2026-11-06T05:00:00Z",
      refundedAt: "2026-11-08T05:00:00Z",
      lines: [line(1, 8_000, 10_000, "Dijual rugi")],
      shippingIdr: 9_000,
    });
    await createStoreOrder(db.prisma, seller.storeId, { status: "SHIPPED", placedAt: "2026-11-05T02:00:00Z", lines: [line(9, 15_000, 9_000)] });
  });

  const parse = (csv: string) => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const result = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(result.errors).toEqual([]);
    return result.data;
  };

  it("has one row per sale, amounts as plain numbers, the refund shown, and no buyer data", async () => {
    const records = await listSalesForExport(db.prisma, { userId: seller.userId, store, period });
    const csv = salesCsv("orders", records, store.timeZone, createI18n("id", id).t);
    const [header, ...rows] = parse(csv);
    expect(header).toEqual([
      "Nomor pesanan",
      "Tanggal pesan",
      "Tanggal selesai",
      "Status",
      "Cara bayar",
      "Harga barang (Rp)",
      "Ongkir (Rp)",
      "Komisi (Rp)",
      "Modal barang (Rp)",
      "Laba kotor (Rp)",
      "Dana dikembalikan (Rp)",
      "Tanggal dana dikembalikan",
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.slice(1)).toEqual(["2026-11-01 09:00", "2026-11-03 12:10", "Selesai", "Bayar di tempat (COD)", "90000", "11000", "3000", "42000", "48000", "0", ""]);
    expect(rows[1]!.slice(1)).toEqual(["2026-11-04 09:00", "2026-11-06 12:00", "Dana dikembalikan", "Transfer bank", "8000", "9000", "0", "10000", "-2000", "17000", "2026-11-08 12:00"]);
    // A loss stays a number, not guarded text.
    expect(csv).toContain(",-2000,");
    for (const secret of ["Rahasia", "6281299998888", "Jalan"]) expect(csv).not.toContain(secret);
  });

  it("has one row per item, and text that a spreadsheet would run as a formula gets an apostrophe", async () => {
    const records = await listSalesForExport(db.prisma, { userId: seller.userId, store, period });
    const csv = salesCsv("items", records, store.timeZone, createI18n("en", en).t);
    const [header, ...rows] = parse(csv);
    expect(header).toEqual([
      "Order number",
      "Completed at",
      "Product",
      "Option",
      "Quantity",
      "Unit price (Rp)",
      "Unit cost (Rp)",
      "Revenue (Rp)",
      "Cost (Rp)",
      "Gross profit (Rp)",
      "Status",
    ]);
    expect(rows).toHaveLength(8);
    const titles = rows.map((row) => row[2]);
    expect(titles).toContain('Keripik, "pedas" mantap');
    for (const title of dangerous) expect(titles).toContain(`'${title}`);
    for (const title of titles) expect(title).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.find((row) => row[2] === "Dijual rugi")!.slice(4)).toEqual(["1", "8000", "10000", "8000", "10000", "-2000", "Refunded"]);
  });
});
