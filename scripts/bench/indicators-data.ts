/**
 * The indicators benchmark's own database (.cache/bench/indicators.db): the migrations, the real regions
 * and BPS poverty lines, then one facilitator's caseload generated deterministically (fixed seed).
 *
 * Size: PKH reaches about 10 million KPM families (the 2019 target of 800,000 graduations was 8 % of
 * them) and has about 39,000 facilitators (pendamping), so one facilitator follows about
 * 10,000,000 / 39,000 ≈ 256 families. Each family has its own store; 16 of them also form 4 KUBE
 * groups of 4 with a KUBE store. The families are spread over WIB, WITA and WIT regencies on purpose,
 * although a real caseload lies in one area: the module then has to work out three sets of
 * month windows, the harder case.
 *
 * History: every store sells from FIRST_MONTH until NOW (12 complete months, the 2 months before them
 * that a ready streak needs, and the current partial month): 0–40 orders a month, skewed towards small
 * stores and growing over time, 1–3 lines of 1–3 units each. About 3 % of completed orders are refunded
 * 7–50 days later (mostly in a later month), about 3 % of orders are cancelled, and orders of the last
 * days are still under way. A third of the families have submitted assessments that declare other income.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient, type Prisma } from "~/generated/prisma/client";
import type { AreaType, PaymentMethod, StoreOrderStatus } from "~/generated/prisma/enums";
import { addMonths, householdTimeZone, monthOf, monthWindow } from "~/models/indicators.server";
import { loadPovertyLines } from "~/models/poverty-line.server";
import { loadRegions } from "~/models/region.server";
import { seededRandom } from "../../prisma/seeded-random";

/** The benchmark's "now": 20:00 WIB on the demo seed's reference date (scripts/bench/prepare.ts). */
export const INDICATORS_NOW = new Date("2026-11-15T13:00:00Z");
/** 15 full months before NOW's month: 12 shown, 2 more for the ready streak, one spare. */
export const FIRST_MONTH = "2025-08";
export const HOUSEHOLDS = 256;
const KUBE_GROUPS = 4;
const KUBE_SHARES = [3000, 2500, 2500, 2000];
/** A plausible platform commission (the product's default is 0, which would hide the commission arithmetic). */
const COMMISSION_BASIS_POINTS = 300;
const MAX_ORDERS_PER_MONTH = 40;
const REFUND_RATE = 0.03;
const CANCEL_RATE = 0.03;
const BATCH = 500;
const DAY = 86_400_000;

/** Real regencies (idn-area-data codes) with how many of the 256 families live there. */
const REGENCIES: { code: string; households: number; urban: number }[] = [
  { code: "32.04", households: 64, urban: 0.2 }, // Kabupaten Bandung, WIB
  { code: "35.78", households: 48, urban: 1 }, // Kota Surabaya, WIB
  { code: "53.71", households: 48, urban: 1 }, // Kota Kupang, WITA
  { code: "73.02", households: 32, urban: 0.15 }, // Kabupaten Bulukumba, WITA
  { code: "81.71", households: 32, urban: 1 }, // Kota Ambon, WIT
  { code: "94.01", households: 32, urban: 0.3 }, // Kabupaten Nabire, WIT
];
/** KUBE groups are formed by neighbours: the first four families of these regencies. */
const KUBE_REGENCIES = ["32.04", "53.71", "73.02", "94.01"];

const FIRST_NAMES = ["Enah", "Imas", "Sumini", "Tarsih", "Rini", "Marta", "Ince", "Sri", "Wati", "Yuli", "Siti", "Nur", "Dewi", "Ani", "Ratna", "Lina", "Yanti", "Mulyani", "Endang", "Euis", "Kusrini", "Agustina", "Yuliana", "Daeng Baji", "Hasnah", "Salma", "Maria", "Yohana", "Fransina", "Ruth"];
const LAST_NAMES = ["Suryani", "Rahayu", "Lestari", "Handayani", "Astuti", "Ndoen", "Lunggi", "Kurniasih", "Masitoh", "Wulandari", "Pattinama", "Latuconsina", "Rumbiak", "Kogoya", "Mandagi", "Tahir", "Syamsuddin"];
const PRODUCTS = ["Keripik Singkong", "Sambal Bawang", "Abon Ikan Tuna", "Kue Kering Nastar", "Kopi Bubuk", "Gula Aren", "Tas Anyaman Pandan", "Madu Hutan", "Kerupuk Udang", "Sabun Sereh", "Ikan Asap", "Tenun Ikat"];
const VARIANTS = ["100 g", "250 g", "500 g", "1 kg", "Kecil", "Sedang", "Besar", "Isi 3"];
const PAYMENT_METHODS: PaymentMethod[] = ["BANK_TRANSFER", "BANK_TRANSFER", "COD", "CARD"];

export type IndicatorsDataSummary = {
  households: number;
  stores: number;
  kubeGroups: number;
  orders: number;
  completed: number;
  refunded: number;
  refundedInLaterMonth: number;
  cancelled: number;
  underWay: number;
  orderItems: number;
  assessments: number;
};

/** The SQL of every migration, oldest first, applied directly as tests/helpers/database.ts does. */
async function migrate(file: string, root: string): Promise<void> {
  const dir = path.join(root, "prisma", "migrations");
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const sqlite = new Database(file);
  try {
    for (const name of names) sqlite.exec(await readFile(path.join(dir, name, "migration.sql"), "utf8"));
  } finally {
    sqlite.close();
  }
}

type StoreSpec = { id: string; timeZone: string; activity: number; catalog: { title: string; variant: string; priceIdr: number; costIdr: number }[] };

function generate(facilitatorId: string, districts: string[]) {
  const random = seededRandom(20_260_515);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  let sequence = 0;
  // cuid-shaped (25 characters), repeatable.
  const id = () => `c${(sequence++).toString(36).padStart(8, "0")}${Array.from({ length: 16 }, () => "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(random() * 36)]).join("")}`;
  const catalog = () =>
    Array.from({ length: between(3, 6) }, () => {
      const priceIdr = Math.round((8_000 + random() * random() * 90_000) / 500) * 500;
      return { title: pick(PRODUCTS), variant: pick(VARIANTS), priceIdr, costIdr: Math.round((priceIdr * (0.55 + random() * 0.2)) / 100) * 100 };
    });

  const households: Prisma.HouseholdCreateManyInput[] = [];
  const stores: Prisma.StoreCreateManyInput[] = [];
  const specs: StoreSpec[] = [];
  const kubeGroups: Prisma.KubeGroupCreateManyInput[] = [];
  const memberships: Prisma.KubeMembershipCreateManyInput[] = [];
  const assessments: Prisma.GraduationAssessmentCreateManyInput[] = [];

  for (const regency of REGENCIES) {
    const timeZone = householdTimeZone(regency.code);
    const local: string[] = [];
    for (let i = 0; i < regency.households; i++) {
      const householdId = id();
      const n = households.length + 1;
      const headName = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
      const areaType: AreaType = random() < regency.urban ? "URBAN" : "RURAL";
      households.push({
        id: householdId,
        programRef: `PKH-${regency.code.replace(".", "")}-${String(100_000 + n)}`,
        headName,
        memberCount: pick([2, 3, 3, 4, 4, 4, 5, 5, 6, 7]),
        regencyCode: regency.code,
        areaType,
        facilitatorId,
        enrolledAt: new Date(Date.UTC(2023, between(0, 11), between(1, 28))),
      });
      local.push(householdId);
      const storeId = id();
      stores.push({
        id: storeId,
        slug: `bench-toko-${n}`,
        name: `Dapur Bu ${headName.split(" ")[0]} ${n}`,
        description: "Usaha rumahan keluarga penerima PKH.",
        regencyCode: regency.code,
        whatsapp: `62812${String(10_000_000 + n)}`,
        householdId,
        createdAt: new Date(Date.UTC(2025, 6, 1) + n * 60_000),
      });
      // Many small stores, a few busy ones.
      specs.push({ id: storeId, timeZone, activity: random() ** 1.6, catalog: catalog() });

      // Other income declared in submitted assessments (wages, harvest), a third of the families.
      if (random() < 1 / 3) {
        for (let a = 0, count = between(1, 3); a < count; a++) {
          const month = addMonths(FIRST_MONTH, between(0, 14));
          const submittedAt = new Date(monthWindow(addMonths(month, 1), timeZone).start.getTime() + between(1, 20) * DAY);
          if (submittedAt > INDICATORS_NOW) continue;
          const otherIncomeIdr = pick([0, 250_000, 500_000, 750_000, 1_000_000, 1_500_000, 2_000_000]);
          assessments.push({
            id: id(),
            householdId,
            assessorId: facilitatorId,
            month,
            indicatorsJson: JSON.stringify({ month, otherIncomeIdr, note: "snapshot of the month's indicators at submission" }),
            checklistJson: JSON.stringify({ health: true, education: true, housing: random() < 0.7, water: random() < 0.8, social: true }),
            otherIncomeIdr,
            notes: "Kunjungan rumah bulanan.",
            submittedAt,
            createdAt: submittedAt,
          });
        }
      }
    }
    if (KUBE_REGENCIES.includes(regency.code)) {
      const groupId = id();
      kubeGroups.push({ id: groupId, name: `KUBE Usaha Bersama ${kubeGroups.length + 1}`, regencyCode: regency.code, facilitatorId });
      local.slice(0, KUBE_SHARES.length).forEach((householdId, i) => memberships.push({ kubeGroupId: groupId, householdId, shareBasisPoints: KUBE_SHARES[i]! }));
      const storeId = id();
      stores.push({
        id: storeId,
        slug: `bench-kube-${kubeGroups.length}`,
        name: `KUBE Usaha Bersama ${kubeGroups.length}`,
        description: "Toko kelompok usaha bersama.",
        regencyCode: regency.code,
        whatsapp: `62813${String(10_000_000 + kubeGroups.length)}`,
        kubeGroupId: groupId,
        createdAt: new Date(Date.UTC(2025, 6, 1)),
      });
      specs.push({ id: storeId, timeZone, activity: 0.5 + random() * 0.5, catalog: catalog() });
    }
  }
  if (kubeGroups.length !== KUBE_GROUPS) throw new Error(`expected ${KUBE_GROUPS} KUBE groups, made ${kubeGroups.length}`);

  const orders: Prisma.OrderCreateManyInput[] = [];
  const storeOrders: Prisma.StoreOrderCreateManyInput[] = [];
  const items: Prisma.OrderItemCreateManyInput[] = [];
  const summary = { completed: 0, refunded: 0, refundedInLaterMonth: 0, cancelled: 0, underWay: 0 };
  const lastMonth = monthOf(INDICATORS_NOW, "Asia/Jakarta");
  const months: string[] = [];
  for (let m = FIRST_MONTH; m <= lastMonth; m = addMonths(m, 1)) months.push(m);

  for (const store of specs) {
    months.forEach((month, index) => {
      const window = monthWindow(month, store.timeZone);
      const end = Math.min(window.end.getTime(), INDICATORS_NOW.getTime());
      const elapsed = (end - window.start.getTime()) / (window.end.getTime() - window.start.getTime());
      const growth = 0.7 + (0.6 * index) / months.length;
      const idle = random() < 0.08;
      const expected = (1 + 34 * store.activity) * growth * (0.5 + random()) * elapsed;
      const count = idle ? 0 : Math.min(MAX_ORDERS_PER_MONTH, Math.round(expected));
      for (let k = 0; k < count; k++) {
        const placedAt = new Date(window.start.getTime() + random() * (end - window.start.getTime()));
        const orderId = id();
        const storeOrderId = id();
        const lines = Array.from({ length: pick([1, 1, 1, 1, 1, 1, 2, 2, 2, 3]) }, () => ({ product: pick(store.catalog), quantity: pick([1, 1, 1, 1, 1, 1, 1, 2, 2, 3]) }));
        const subtotalIdr = lines.reduce((sum, l) => sum + l.product.priceIdr * l.quantity, 0);
        const shippingIdr = between(9, 35) * 1_000;
        const paymentMethod = pick(PAYMENT_METHODS);
        const at = (days: number) => new Date(placedAt.getTime() + days * DAY);
        let status: StoreOrderStatus;
        let paidAt: Date | null = paymentMethod === "COD" ? null : at(0.05);
        let shippedAt: Date | null = at(1 + random());
        let deliveredAt: Date | null = at(3 + random() * 2);
        let completedAt: Date | null = at(5 + random() * 3);
        let cancelledAt: Date | null = null;
        let refundedAt: Date | null = null;
        if (random() < CANCEL_RATE) {
          status = "CANCELLED";
          cancelledAt = at(0.5);
          paidAt = shippedAt = deliveredAt = completedAt = null;
          summary.cancelled++;
        } else if (completedAt > INDICATORS_NOW) {
          // Still on its way: no completion yet, nothing counted.
          status = deliveredAt <= INDICATORS_NOW ? "DELIVERED" : shippedAt <= INDICATORS_NOW ? "SHIPPED" : "PAID";
          if (deliveredAt > INDICATORS_NOW) deliveredAt = null;
          if (shippedAt > INDICATORS_NOW) shippedAt = null;
          completedAt = null;
          summary.underWay++;
        } else {
          status = "COMPLETED";
          if (paymentMethod === "COD") paidAt = deliveredAt;
          summary.completed++;
          const refundAt = new Date(completedAt.getTime() + between(7, 50) * DAY);
          if (random() < REFUND_RATE && refundAt <= INDICATORS_NOW) {
            status = "REFUNDED";
            refundedAt = refundAt;
            summary.refunded++;
            if (monthOf(refundAt, store.timeZone) !== monthOf(completedAt, store.timeZone)) summary.refundedInLaterMonth++;
          }
        }
        orders.push({
          id: orderId,
          number: `PM-B${String(orders.length + 1).padStart(7, "0")}`,
          recipientName: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
          phone: `0812${String(between(10_000_000, 99_999_999))}`,
          addressLine: `Jalan Melati No. ${between(1, 200)}`,
          districtCode: pick(districts),
          paymentMethod,
          subtotalIdr,
          shippingIdr,
          totalIdr: subtotalIdr + shippingIdr,
          placedAt,
        });
        storeOrders.push({
          id: storeOrderId,
          orderId,
          storeId: store.id,
          status,
          subtotalIdr,
          shippingIdr,
          commissionIdr: Math.round((subtotalIdr * COMMISSION_BASIS_POINTS) / 10_000),
          paidAt,
          shippedAt,
          deliveredAt,
          completedAt,
          cancelledAt,
          refundedAt,
          createdAt: placedAt,
        });
        for (const line of lines) {
          items.push({
            id: id(),
            storeOrderId,
            productTitle: line.product.title,
            variantName: line.product.variant,
            unitPriceIdr: line.product.priceIdr,
            unitCostIdr: line.product.costIdr,
            quantity: line.quantity,
            weightGrams: 250 * line.quantity,
          });
        }
      }
    });
  }
  return { households, stores, kubeGroups, memberships, assessments, orders, storeOrders, items, summary };
}

export function indicatorsDbFile(benchDir: string): string {
  return path.join(benchDir, "indicators.db");
}

/**
 * Makes the database (or keeps the one there when `reuse` is set). Written under another name and
 * renamed when complete, so an interrupted run never leaves a half-filled database to reuse.
 */
export async function prepareIndicatorsDatabase(root: string, benchDir: string, reuse: boolean): Promise<{ file: string; summary: IndicatorsDataSummary | null; seconds: number }> {
  const file = indicatorsDbFile(benchDir);
  if (reuse && existsSync(file)) return { file, summary: null, seconds: 0 };
  const started = performance.now();
  await mkdir(benchDir, { recursive: true });
  const partial = `${file}.partial`;
  for (const f of [file, partial]) for (const suffix of ["", "-journal", "-wal", "-shm"]) await rm(f + suffix, { force: true });
  await migrate(partial, root);

  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${partial}` }) });
  try {
    await loadRegions(prisma);
    await loadPovertyLines(prisma, await readFile(path.join(root, "prisma", "data", "poverty-lines-bps.csv"), "utf8"));
    const facilitator = await prisma.user.create({
      data: { email: "pendamping.bench@pasarmandiri.test", name: "Pendamping Bench", roles: { create: [{ role: "FACILITATOR" }] } },
      select: { id: true },
    });
    // Buyers live anywhere; these regencies' districts are enough for the foreign key.
    const districts = (await prisma.region.findMany({ where: { level: "DISTRICT", parentCode: { in: REGENCIES.map((r) => r.code) } }, select: { code: true } })).map((r) => r.code);
    const data = generate(facilitator.id, districts);
    await prisma.$transaction(
      async (tx) => {
        const chunked = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
          for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
        };
        await tx.household.createMany({ data: data.households });
        await tx.kubeGroup.createMany({ data: data.kubeGroups });
        await tx.kubeMembership.createMany({ data: data.memberships });
        await tx.store.createMany({ data: data.stores });
        await tx.graduationAssessment.createMany({ data: data.assessments });
        await chunked(data.orders, (chunk) => tx.order.createMany({ data: chunk }));
        await chunked(data.storeOrders, (chunk) => tx.storeOrder.createMany({ data: chunk }));
        await chunked(data.items, (chunk) => tx.orderItem.createMany({ data: chunk }));
      },
      { timeout: 10 * 60_000, maxWait: 10_000 },
    );
    await prisma.$disconnect();
    await rename(partial, file);
    return {
      file,
      seconds: (performance.now() - started) / 1000,
      summary: {
        households: data.households.length,
        stores: data.stores.length,
        kubeGroups: data.kubeGroups.length,
        orders: data.storeOrders.length,
        orderItems: data.items.length,
        assessments: data.assessments.length,
        ...data.summary,
      },
    };
  } finally {
    await prisma.$disconnect();
  }
}

export async function fileSizeMb(file: string): Promise<number> {
  return (await stat(file)).size / 1_048_576;
}
