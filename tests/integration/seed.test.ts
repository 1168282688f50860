import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import bcrypt from "bcryptjs";
import sharp from "sharp";
import { createTestDatabase } from "../helpers/database";
import { createLocalImageStorage, renditionPath, type ImageStorage } from "~/services/image-storage.server";
import { renditionWidthsFor } from "~/utils/images";
import { buildDemoData, DEMO_PASSWORD, parseReferenceDate, seedDatabase, type SeedResult } from "../../prisma/seed";

const REFERENCE = parseReferenceDate("2025-11-28");
const SIX_MONTHS_BEFORE = new Date(REFERENCE.getTime() - 184 * 24 * 3_600_000);

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let imageDir: string;
let storage: ImageStorage;
let first: SeedResult;

beforeAll(async () => {
  db = await createTestDatabase();
  imageDir = await mkdtemp(path.join(tmpdir(), "pasar-mandiri-seed-images-"));
  storage = createLocalImageStorage(imageDir);
  first = await seedDatabase(db.prisma, { storage, referenceDate: REFERENCE });
}, 90_000);

afterAll(async () => {
  await db.cleanup();
  await rm(imageDir, { recursive: true, force: true });
});

describe("the demo seed", () => {
  test("creates the documented people, program and catalog", async () => {
    expect(first.status).toBe("seeded");
    const [users, households, kubeGroups, stores, categories, products, regions, povertyLines] = await Promise.all([
      db.prisma.user.count(),
      db.prisma.household.count(),
      db.prisma.kubeGroup.count(),
      db.prisma.store.count({ where: { status: "ACTIVE" } }),
      db.prisma.category.count(),
      db.prisma.product.findMany({ select: { status: true, _count: { select: { variants: true, images: true } } } }),
      db.prisma.region.count(),
      db.prisma.povertyLine.count(),
    ]);
    expect({ users, households, kubeGroups, stores, categories, products: products.length }).toEqual({
      users: 18,
      households: 13,
      kubeGroups: 1,
      stores: 12,
      categories: 11,
      products: 60,
    });
    expect(regions).toBeGreaterThan(7_800);
    expect(povertyLines).toBeGreaterThan(250);
    // The 2019 national graduation target (8% of KPM PKH), with its source; no other year is invented.
    expect(await db.prisma.graduationTarget.findMany({ select: { year: true, households: true, source: true } })).toEqual([
      { year: 2019, households: 800_000, source: expect.stringContaining("800.000") },
    ]);
    expect(products.filter((p) => p.status === "DRAFT")).toHaveLength(2);
    expect(products.filter((p) => p.status === "ARCHIVED")).toHaveLength(2);
    for (const p of products) {
      expect(p._count.variants).toBeGreaterThanOrEqual(1);
      expect(p._count.variants).toBeLessThanOrEqual(3);
      expect(p._count.images).toBeGreaterThanOrEqual(1);
      expect(p._count.images).toBeLessThanOrEqual(2);
    }
  });

  test("demo accounts sign in with the demo password and have their roles", async () => {
    const accounts = await db.prisma.user.findMany({
      select: { email: true, passwordHash: true, householdId: true, roles: { select: { role: true } } },
      orderBy: { email: "asc" },
    });
    const rolesOf = (email: string) => accounts.find((a) => a.email === email)?.roles.map((r) => r.role).sort();
    expect(rolesOf("admin@pasarmandiri.test")).toEqual(["ADMIN"]);
    expect(rolesOf("verifikator@pasarmandiri.test")).toEqual(["VERIFIER"]);
    expect(rolesOf("pendamping.sari@pasarmandiri.test")).toEqual(["FACILITATOR"]);
    expect(rolesOf("pendamping.budi@pasarmandiri.test")).toEqual(["FACILITATOR"]);
    expect(rolesOf("pembeli@pasarmandiri.test")).toEqual(["SHOPPER"]);
    const sellers = accounts.filter((a) => /^penjual\d\d@/.test(a.email));
    expect(sellers).toHaveLength(13);
    for (const seller of sellers) {
      expect(seller.roles.map((r) => r.role).sort()).toEqual(["SELLER", "SHOPPER"]);
      expect(seller.householdId).not.toBeNull();
    }
    expect(await bcrypt.compare(DEMO_PASSWORD, accounts[0]!.passwordHash!)).toBe(true);
    expect(await bcrypt.compare("wrong-password", accounts[0]!.passwordHash!)).toBe(false);
    expect(await db.prisma.auditLog.count({ where: { action: "user.create" } })).toBe(16);
  });

  test("households, the KUBE and stores hang together", async () => {
    const households = await db.prisma.household.findMany({
      select: { programRef: true, memberCount: true, regency: { select: { parentCode: true } }, facilitator: { select: { email: true } } },
    });
    for (const h of households) {
      expect(h.programRef).toMatch(/^PKH-\d{4}-\d{6}$/);
      expect(h.memberCount).toBeGreaterThanOrEqual(3);
      expect(h.memberCount).toBeLessThanOrEqual(6);
      expect(["32", "33", "53"]).toContain(h.regency.parentCode);
    }
    expect(new Set(households.map((h) => h.facilitator.email))).toEqual(
      new Set(["pendamping.sari@pasarmandiri.test", "pendamping.budi@pasarmandiri.test"]),
    );

    const kube = await db.prisma.kubeGroup.findFirstOrThrow({ select: { members: { select: { shareBasisPoints: true } }, stores: { select: { id: true } } } });
    expect(kube.members).toHaveLength(4);
    expect(kube.members.reduce((sum, m) => sum + m.shareBasisPoints, 0)).toBe(10_000);
    expect(kube.stores).toHaveLength(1);

    const stores = await db.prisma.store.findMany({
      select: {
        householdId: true,
        kubeGroupId: true,
        whatsapp: true,
        _count: { select: { members: true } },
        shippingRates: { select: { provinceCode: true, firstKgIdr: true, additionalKgIdr: true } },
      },
    });
    expect(stores.filter((s) => s.kubeGroupId)).toHaveLength(1);
    for (const store of stores) {
      expect(store.householdId === null).not.toBe(store.kubeGroupId === null);
      expect(store.whatsapp).toMatch(/^628\d{9,11}$/);
      expect(store._count.members).toBeGreaterThanOrEqual(1);
      expect(store.shippingRates.map((r) => r.provinceCode).sort()).toEqual(["32", "33", "53"]);
      for (const rate of store.shippingRates) expect(rate.firstKgIdr).toBeGreaterThan(0);
    }
  });

  test("the graduation workflow has a story: a graduated household, a pending proposal, assessments computed from the sales", async () => {
    const households = await db.prisma.household.findMany({ select: { id: true, status: true, proposedAt: true, graduatedAt: true, facilitatorId: true } });
    expect(households.filter((h) => h.status === "ACTIVE")).toHaveLength(11);
    const [proposed] = households.filter((h) => h.status === "PROPOSED");
    const [graduated] = households.filter((h) => h.status === "GRADUATED");
    expect(proposed?.proposedAt).not.toBeNull();
    expect(graduated?.graduatedAt?.getTime()).toBeLessThanOrEqual(REFERENCE.getTime());

    const proposals = await db.prisma.graduationProposal.findMany({
      select: { householdId: true, status: true, decidedById: true, decisionReason: true, assessment: { select: { submittedAt: true } }, decidedBy: { select: { email: true } } },
    });
    expect(proposals.filter((p) => p.status === "PENDING").map((p) => p.householdId)).toEqual([proposed!.id]);
    expect(proposals.filter((p) => p.status === "APPROVED").map((p) => [p.householdId, p.decidedBy?.email])).toEqual([[graduated!.id, "verifikator@pasarmandiri.test"]]);
    const returned = proposals.filter((p) => p.status === "RETURNED");
    expect(returned).toHaveLength(1);
    expect(returned[0]!.decisionReason!.length).toBeGreaterThanOrEqual(10);
    for (const p of proposals) expect(p.assessment.submittedAt).not.toBeNull();

    // Every submitted snapshot is exactly what the indicators give for that month with that declared income.
    const { readSnapshot } = await import("~/models/assessment-snapshot.server");
    const { computeHouseholdIndicators } = await import("~/models/indicators.server");
    const assessments = await db.prisma.graduationAssessment.findMany({ select: { id: true, householdId: true, month: true, submittedAt: true, indicatorsJson: true, otherIncomeIdr: true } });
    const submitted = assessments.filter((a) => a.submittedAt);
    expect(submitted.length).toBeGreaterThanOrEqual(5);
    expect(assessments.some((a) => !a.submittedAt)).toBe(true);
    for (const a of submitted) {
      expect(a.submittedAt!.getTime()).toBeLessThanOrEqual(REFERENCE.getTime());
      const snapshot = readSnapshot(a.id, a.indicatorsJson);
      const series = await computeHouseholdIndicators(db.prisma, a.householdId, { endMonth: a.month, count: 1, now: REFERENCE });
      expect(snapshot.month.otherIncomeIdr).toBe(a.otherIncomeIdr);
      expect(snapshot.month.businessIncomeIdr).toBe(series.months[0]!.businessIncomeIdr);
      expect(snapshot.month.orders).toBe(series.months[0]!.orders);
      expect(snapshot.month.povertyLine).not.toBeNull();
    }
    const audits = await db.prisma.auditLog.groupBy({ by: ["action"], where: { action: { startsWith: "graduation." } }, _count: true });
    expect(Object.fromEntries(audits.map((a) => [a.action, a._count]))).toEqual({ "graduation.propose": 3, "graduation.return": 1, "graduation.approve": 1 });
  });

  test("variants have sensible prices and every photo's renditions are stored", async () => {
    const variants = await db.prisma.productVariant.findMany({ select: { priceIdr: true, costIdr: true, weightGrams: true } });
    for (const variant of variants) {
      expect(Number.isInteger(variant.priceIdr)).toBe(true);
      expect(variant.costIdr).toBeLessThan(variant.priceIdr);
      expect(variant.costIdr).toBeGreaterThan(0);
      expect(variant.weightGrams).toBeGreaterThan(0);
    }
    const images = await db.prisma.productImage.findMany({ select: { storageKey: true, width: true, height: true, placeholder: true } });
    expect(images.length).toBeGreaterThanOrEqual(60);
    expect(new Set(images.map((i) => i.storageKey)).size).toBe(images.length);
    for (const image of images) {
      expect(image.placeholder).toMatch(/^data:image\/webp;base64,/);
      for (const width of renditionWidthsFor(image.width)) {
        expect(await storage.exists(renditionPath(image.storageKey, width))).toBe(true);
      }
    }
    const sample = await storage.read(renditionPath(images[0]!.storageKey, 320));
    expect(await sharp(sample!).metadata()).toMatchObject({ format: "webp", width: 320 });
  });

  test("six months of orders, consistent to the rupiah", async () => {
    const orders = await db.prisma.order.findMany({
      select: {
        placedAt: true,
        subtotalIdr: true,
        shippingIdr: true,
        uniqueCodeIdr: true,
        totalIdr: true,
        paymentMethod: true,
        buyerId: true,
        guestToken: true,
        district: { select: { level: true, code: true } },
        payments: { select: { provider: true, amountIdr: true, status: true, externalId: true } },
        storeOrders: {
          select: {
            status: true,
            subtotalIdr: true,
            shippingIdr: true,
            items: { select: { unitPriceIdr: true, unitCostIdr: true, quantity: true } },
            events: { select: { fromStatus: true, toStatus: true, createdAt: true }, orderBy: { createdAt: "asc" } },
          },
        },
      },
    });
    expect(orders.length).toBeGreaterThanOrEqual(250);
    expect(orders.length).toBeLessThanOrEqual(450);
    expect(orders.some((o) => o.buyerId !== null)).toBe(true);
    expect(orders.some((o) => o.guestToken !== null)).toBe(true);
    for (const order of orders) {
      expect(order.placedAt.getTime()).toBeLessThanOrEqual(REFERENCE.getTime());
      expect(order.placedAt.getTime()).toBeGreaterThan(SIX_MONTHS_BEFORE.getTime());
      expect(order.district.level).toBe("DISTRICT");
      expect(["32", "33", "53"]).toContain(order.district.code.slice(0, 2));
      expect(order.storeOrders.length).toBeGreaterThanOrEqual(1);
      expect(order.storeOrders.length).toBeLessThanOrEqual(2);
      expect(order.subtotalIdr).toBe(order.storeOrders.reduce((sum, s) => sum + s.subtotalIdr, 0));
      expect(order.shippingIdr).toBe(order.storeOrders.reduce((sum, s) => sum + s.shippingIdr, 0));
      expect(order.totalIdr).toBe(order.subtotalIdr + order.shippingIdr + order.uniqueCodeIdr);
      expect(order.payments).toHaveLength(1);
      expect(order.payments[0]!.amountIdr).toBe(order.totalIdr);
      if (order.paymentMethod === "CARD") expect(order.payments[0]!.externalId).toMatch(/^cs_demo_/);
      for (const storeOrder of order.storeOrders) {
        expect(storeOrder.subtotalIdr).toBe(storeOrder.items.reduce((sum, i) => sum + i.unitPriceIdr * i.quantity, 0));
        for (const item of storeOrder.items) expect(item.unitCostIdr).toBeLessThan(item.unitPriceIdr);
        // The events trace every step: each starts where the previous one ended, and the last is the current status.
        const events = storeOrder.events;
        expect(events[0]!.fromStatus).toBeNull();
        events.slice(1).forEach((event, i) => expect(event.fromStatus).toBe(events[i]!.toStatus));
        expect(events[events.length - 1]!.toStatus).toBe(storeOrder.status);
        for (const event of events) expect(event.createdAt.getTime()).toBeLessThanOrEqual(REFERENCE.getTime());
      }
    }

    const statuses = orders.flatMap((o) => o.storeOrders.map((s) => s.status));
    const completed = statuses.filter((s) => s === "COMPLETED").length;
    expect(completed / statuses.length).toBeGreaterThan(0.8);
    for (const status of ["AWAITING_PAYMENT", "PAID", "PROCESSING", "SHIPPED", "CANCELLED"] as const) {
      expect(statuses).toContain(status);
    }
    const providers = new Set(orders.map((o) => o.payments[0]!.provider));
    expect(providers).toEqual(new Set(["COD", "BANK_TRANSFER", "STRIPE"]));
  });

  test("every completed order is credited to its store once, and payouts never exceed what was available", async () => {
    const completed = await db.prisma.storeOrder.findMany({
      where: { completedAt: { not: null } },
      select: { id: true, subtotalIdr: true, shippingIdr: true, order: { select: { paymentMethod: true } }, ledgerEntries: { select: { kind: true, amountIdr: true } } },
    });
    expect(completed.length).toBeGreaterThan(50);
    for (const so of completed) {
      const sale = so.ledgerEntries.filter((e) => e.kind === "SALE");
      expect(sale).toEqual([{ kind: "SALE", amountIdr: so.subtotalIdr + so.shippingIdr }]);
      const cash = so.ledgerEntries.filter((e) => e.kind === "CASH_COLLECTED").map((e) => e.amountIdr);
      expect(cash).toEqual(so.order.paymentMethod === "COD" ? [-(so.subtotalIdr + so.shippingIdr)] : []);
    }
    expect(await db.prisma.ledgerEntry.count({ where: { storeOrder: { completedAt: null } } })).toBe(0);
    const payouts = await db.prisma.payout.findMany({ select: { storeId: true, amountIdr: true, paidAt: true, entries: { select: { amountIdr: true } } }, orderBy: { paidAt: "asc" } });
    expect(payouts.length).toBeGreaterThan(0);
    for (const payout of payouts) {
      expect(payout.entries).toEqual([{ amountIdr: -payout.amountIdr }]);
      // At the moment of each payout, the store's ledger up to then is never below zero.
      const upTo = await db.prisma.ledgerEntry.aggregate({ where: { storeId: payout.storeId, availableAt: { lte: payout.paidAt } }, _sum: { amountIdr: true } });
      expect(upTo._sum.amountIdr ?? 0).toBeGreaterThanOrEqual(0);
    }
  });

  test("stock equals the sum of its movements and never went below zero", async () => {
    const variants = await db.prisma.productVariant.findMany({
      select: { stock: true, stockMovements: { select: { delta: true, createdAt: true }, orderBy: { createdAt: "asc" } } },
    });
    for (const variant of variants) {
      expect(variant.stock).toBeGreaterThanOrEqual(0);
      let running = 0;
      for (const movement of variant.stockMovements) {
        running += movement.delta;
        expect(running).toBeGreaterThanOrEqual(0);
      }
      expect(running).toBe(variant.stock);
    }
  });

  test("running it again changes nothing", async () => {
    const before = await db.prisma.order.count();
    expect(await seedDatabase(db.prisma, { storage, referenceDate: REFERENCE })).toEqual({ status: "skipped" });
    expect(await db.prisma.order.count()).toBe(before);
  });

  test("the command line says so and exits 0 on a seeded database", async () => {
    const { stdout } = await promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["prisma/seed.ts"], {
      env: { ...process.env, DATABASE_URL: db.url, IMAGE_STORAGE_DIR: imageDir, LOG_LEVEL: "silent" },
    });
    expect(stdout).toContain("database already seeded");
  }, 30_000);

  test("the same seed and reference date build the same rows", async () => {
    const regions = await db.prisma.region.findMany({
      where: { OR: ["32", "33", "53"].map((p) => ({ code: { startsWith: `${p}.` } })) },
      select: { code: true, name: true, level: true, parentCode: true },
      orderBy: { code: "asc" },
    });
    const input = { referenceDate: REFERENCE, passwordHash: "x", regions };
    const a = buildDemoData(input);
    const b = buildDemoData(input);
    expect(b.orders).toEqual(a.orders);
    expect(b.events).toEqual(a.events);
    expect(b.photoJobs).toEqual(a.photoJobs);
    // …and they are the rows that were written.
    const written = await db.prisma.order.findMany({ select: { number: true, totalIdr: true }, orderBy: { number: "asc" } });
    expect(written).toEqual(a.orders.map((o) => ({ number: o.number, totalIdr: o.totalIdr })).sort((x, y) => x.number.localeCompare(y.number)));
  });
});
