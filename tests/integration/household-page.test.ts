import { randomUUID } from "node:crypto";
import { createManagedAccount } from "~/models/account.server";
import { createCoachingSession } from "~/models/coaching.server";
import { loadHouseholdPage } from "~/models/household-page.server";
import { registerHousehold } from "~/models/household.server";
import { createKubeGroup } from "~/models/kube.server";
import { createOwnedStore } from "~/models/store-onboarding.server";
import { createTestDatabase } from "../helpers/database";
import { createRegions } from "../helpers/marketplace-fixtures";

// The household page's data: its stores, its facilitator's view only, and one timeline of what happened,
// newest first.

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
  await createRegions(db.prisma);
});
afterAll(() => db.cleanup());

const facilitator = (name: string) =>
  db.prisma.user.create({ data: { email: `f-${randomUUID()}@test.id`, name, roles: { create: [{ role: "FACILITATOR" }] } }, select: { id: true } });

it("tells the household's story newest first and shows nothing to another facilitator", async () => {
  const f = await facilitator("Sari Pendamping");
  const register = (programRef: string, headName: string) =>
    registerHousehold(db.prisma, { facilitatorId: f.id, programRef, headName, memberCount: 4, regencyCode: "53.71", areaType: "URBAN", now: new Date("2026-01-05T02:00:00Z") });
  const h = await register("PKH-PAGE-0001", "Ibu Marta");
  const partner = await register("PKH-PAGE-0002", "Ibu Ana");
  // Each step a little later than the one before, so the order is unambiguous.
  const store = await createOwnedStore(db.prisma, {
    facilitatorId: f.id,
    owner: { householdId: h.id },
    store: { name: "Tenun Marta", description: "Tenun ikat Kupang.", whatsapp: "6281234567890", regencyCode: "53.71" },
  });
  const kube = await createKubeGroup(db.prisma, {
    facilitatorId: f.id,
    name: "KUBE Tenun Kupang",
    regencyCode: "53.71",
    members: [
      { householdId: h.id, shareBasisPoints: 7000 },
      { householdId: partner.id, shareBasisPoints: 3000 },
    ],
  });
  const seller = await createManagedAccount(db.prisma, { actorId: f.id, email: `marta-${randomUUID()}@test.id`, name: "Marta", roles: ["SELLER"], householdId: h.id, restrictToFacilitatorId: f.id });
  await createCoachingSession(db.prisma, { facilitatorId: f.id, heldOn: "2026-02-10", topic: "Harga pokok", householdIds: [h.id], now: new Date("2026-03-01T00:00:00Z") });
  await createCoachingSession(db.prisma, { facilitatorId: f.id, heldOn: "2026-02-11", topic: "Hanya untuk Ana", householdIds: [partner.id], now: new Date("2026-03-01T00:00:00Z") });
  const order = await db.prisma.order.create({
    data: {
      number: `PM-${randomUUID().slice(0, 8)}`,
      recipientName: "Pembeli",
      phone: "6281111111111",
      addressLine: "Jl. Uji",
      districtCode: "53.71.01",
      paymentMethod: "COD",
      subtotalIdr: 50_000,
      shippingIdr: 10_000,
      totalIdr: 60_000,
    },
    select: { id: true, number: true },
  });
  await db.prisma.storeOrder.create({
    data: { orderId: order.id, storeId: store.id, status: "COMPLETED", subtotalIdr: 50_000, shippingIdr: 10_000, completedAt: new Date("2026-02-20T15:30:00Z") },
  });
  // Pin the audit times: the models stamp them with the clock.
  const at = (iso: string) => new Date(iso);
  await db.prisma.auditLog.updateMany({ where: { action: "household.create", subjectId: h.id }, data: { createdAt: at("2026-01-05T02:00:00Z") } });
  await db.prisma.auditLog.updateMany({ where: { action: "store.create", subjectId: store.id }, data: { createdAt: at("2026-01-06T02:00:00Z") } });
  await db.prisma.auditLog.updateMany({ where: { action: "kube.create", subjectId: kube.id }, data: { createdAt: at("2026-01-07T02:00:00Z") } });
  await db.prisma.auditLog.updateMany({ where: { action: "user.create", subjectId: seller.user.id }, data: { createdAt: at("2026-01-08T02:00:00Z") } });

  const page = await loadHouseholdPage(db.prisma, f.id, h.id, { now: new Date("2026-03-10T00:00:00Z") });
  expect(page).not.toBeNull();
  expect(page!.timeZone).toBe("Asia/Makassar");
  expect(page!.household.stores.map((s) => s.name)).toEqual(["Tenun Marta"]);
  expect(page!.household.kubeMemberships.map((m) => [m.kubeGroup.name, m.shareBasisPoints])).toEqual([["KUBE Tenun Kupang", 7000]]);
  expect(page!.coaching.map((c) => c.topic)).toEqual(["Harga pokok"]);
  expect(page!.indicators.months).toHaveLength(12);

  expect(page!.timeline.map((e) => [e.kind, e.values.subject ?? e.values.topic ?? e.values.order ?? ""])).toEqual([
    ["firstSale", "Tenun Marta"],
    ["coaching", "Harga pokok"],
    ["user.create", seller.user.email],
    ["kube.create", "KUBE Tenun Kupang"],
    ["store.create", "Tenun Marta"],
    ["household.create", "Ibu Marta"],
    ["enrolled", ""],
  ]);
  const firstSale = page!.timeline[0]!;
  expect(firstSale.values.order).toBe(order.number);
  // 23:30 WITA on 20 February.
  expect(firstSale.at.toISOString()).toBe("2026-02-20T15:30:00.000Z");
  expect(page!.timeline.find((e) => e.kind === "coaching")!.date).toBe("2026-02-10");
  expect(page!.timeline.find((e) => e.kind === "household.create")!.values.actor).toBe("Sari Pendamping");

  const other = await facilitator("Budi");
  expect(await loadHouseholdPage(db.prisma, other.id, h.id)).toBeNull();
});
