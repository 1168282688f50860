import { randomUUID } from "node:crypto";
import { createManagedAccount } from "~/models/account.server";
import { CoachingError, createCoachingSession, householdCoaching, listCoachingSessions, newCoachingSchema } from "~/models/coaching.server";
import { registerHouseholdSchema } from "~/models/household-forms.server";
import { HouseholdError, registerHousehold, updateHousehold } from "~/models/household.server";
import { createKubeGroup, KubeError } from "~/models/kube.server";
import { createOwnedStore, StoreOnboardingError } from "~/models/store-onboarding.server";
import { parseWithZod } from "@conform-to/zod/v4";
import { createTestDatabase } from "../helpers/database";
import { createRegions } from "../helpers/marketplace-fixtures";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
  await createRegions(db.prisma);
});
afterAll(() => db.cleanup());

async function facilitator() {
  return db.prisma.user.create({
    data: { email: `f-${randomUUID().slice(0, 8)}@test.id`, name: "Pendamping", roles: { create: [{ role: "FACILITATOR" }] } },
    select: { id: true },
  });
}

let refCounter = 0;
async function household(facilitatorId: string, overrides: { status?: "ACTIVE" | "GRADUATED"; regencyCode?: string } = {}) {
  refCounter += 1;
  return registerHousehold(db.prisma, {
    facilitatorId,
    programRef: `PKH-TEST-${String(refCounter).padStart(5, "0")}`,
    headName: `Ibu Uji ${refCounter}`,
    memberCount: 4,
    regencyCode: overrides.regencyCode ?? "53.71",
    areaType: "URBAN",
  }).then(async (h) => {
    if (overrides.status) await db.prisma.household.update({ where: { id: h.id }, data: { status: overrides.status } });
    return h;
  });
}

/** The field errors of a refused submission (none for an accepted one). */
const errorsOf = (submission: { status?: string; error?: unknown } | object) =>
  ("error" in submission ? submission.error : undefined) as Record<string, string[] | null> | undefined;

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) data.append(k, value);
  return data;
};

describe("registering a household", () => {
  it("records the household with its facilitator and an audit entry", async () => {
    const f = await facilitator();
    const now = new Date("2026-11-01T03:00:00Z");
    const { id } = await registerHousehold(db.prisma, {
      facilitatorId: f.id,
      programRef: "PKH-5371-000111",
      headName: "Marta Lunggi",
      memberCount: 5,
      regencyCode: "53.71",
      areaType: "URBAN",
      now,
    });
    const saved = await db.prisma.household.findUniqueOrThrow({ where: { id } });
    expect(saved).toMatchObject({ facilitatorId: f.id, programRef: "PKH-5371-000111", memberCount: 5, status: "ACTIVE", areaType: "URBAN" });
    expect(saved.enrolledAt).toEqual(now);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { subjectType: "Household", subjectId: id } });
    expect(audit).toMatchObject({ action: "household.create", actorId: f.id });
  });

  it("refuses a second household with the same program reference and writes nothing", async () => {
    const f = await facilitator();
    const input = { facilitatorId: f.id, programRef: "PKH-DUP-0001", headName: "Satu", memberCount: 3, regencyCode: "53.71", areaType: "RURAL" as const };
    await registerHousehold(db.prisma, input);
    const before = await db.prisma.auditLog.count();
    await expect(registerHousehold(db.prisma, { ...input, headName: "Dua" })).rejects.toMatchObject({ code: "duplicate_program_ref" });
    expect(await db.prisma.household.count({ where: { programRef: "PKH-DUP-0001" } })).toBe(1);
    expect(await db.prisma.auditLog.count()).toBe(before);
  });

  it("never stores a NIK, however it is grouped, and says why", async () => {
    const f = await facilitator();
    for (const nik of ["3201010101010001", "3201 0101 0101 0001", "3201.0101.0101.0001"]) {
      const submission = parseWithZod(form({ programRef: nik, headName: "Siti", memberCount: "3", regencyCode: "53.71", areaType: "RURAL" }), {
        schema: registerHouseholdSchema,
      });
      expect(submission.status).toBe("error");
      expect(errorsOf(submission)?.programRef).toEqual(["households.errorNik"]);
      await expect(
        registerHousehold(db.prisma, { facilitatorId: f.id, programRef: nik, headName: "Siti", memberCount: 3, regencyCode: "53.71", areaType: "RURAL" }),
      ).rejects.toBeInstanceOf(HouseholdError);
    }
    expect(await db.prisma.household.count({ where: { facilitatorId: f.id } })).toBe(0);
  });

  it("checks members, regency and area type", async () => {
    const parse = (fields: Record<string, string>) =>
      parseWithZod(form({ programRef: "PKH-1", headName: "Siti", memberCount: "3", regencyCode: "53.71", areaType: "RURAL", ...fields }), {
        schema: registerHouseholdSchema,
      });
    expect(errorsOf(parse({ memberCount: "0" }))?.memberCount).toEqual(["households.errorMembers"]);
    expect(errorsOf(parse({ memberCount: "31" }))?.memberCount).toEqual(["households.errorMembers"]);
    expect(errorsOf(parse({ memberCount: "2.5" }))?.memberCount).toEqual(["households.errorMembers"]);
    expect(errorsOf(parse({ areaType: "KOTA" }))?.areaType).toEqual(["households.errorAreaType"]);
    expect(errorsOf(parse({ regencyCode: "53" }))?.regencyCode).toEqual(["households.errorRegency"]);
    expect(parse({ programRef: "PKH-5371-0001" }).status).toBe("success");
    // A district code has the right shape for nothing but a regency's children: the model refuses it.
    const f = await facilitator();
    await expect(
      registerHousehold(db.prisma, { facilitatorId: f.id, programRef: "PKH-DISTRICT", headName: "Siti", memberCount: 3, regencyCode: "53.71.01", areaType: "RURAL" }),
    ).rejects.toMatchObject({ code: "unknown_regency" });
  });
});

describe("correcting a household", () => {
  it("writes only what changed, with the old and new values in the audit log; nothing when nothing changed", async () => {
    const f = await facilitator();
    const { id } = await household(f.id);
    const changed = await updateHousehold(db.prisma, { facilitatorId: f.id, householdId: id, headName: `Ibu Uji ${refCounter}`, memberCount: 5, areaType: "RURAL" });
    expect(changed).toEqual({ changed: ["memberCount", "areaType"] });
    expect(await db.prisma.household.findUniqueOrThrow({ where: { id }, select: { memberCount: true, areaType: true } })).toEqual({ memberCount: 5, areaType: "RURAL" });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "household.update", subjectId: id }, select: { actorId: true, details: true } });
    expect(audit.actorId).toBe(f.id);
    expect(JSON.parse(audit.details!)).toEqual({ memberCount: [4, 5], areaType: ["URBAN", "RURAL"] });

    const again = await updateHousehold(db.prisma, { facilitatorId: f.id, householdId: id, headName: `Ibu Uji ${refCounter}`, memberCount: 5, areaType: "RURAL" });
    expect(again).toEqual({ changed: [] });
    expect(await db.prisma.auditLog.count({ where: { action: "household.update", subjectId: id } })).toBe(1);
  });

  it("is refused while a graduation proposal waits, and after graduation: the verifier judges these facts", async () => {
    const f = await facilitator();
    for (const status of ["PROPOSED", "GRADUATED"] as const) {
      const { id } = await household(f.id);
      await db.prisma.household.update({ where: { id }, data: { status } });
      await expect(updateHousehold(db.prisma, { facilitatorId: f.id, householdId: id, headName: "Nama Baru", memberCount: 2, areaType: "RURAL" })).rejects.toMatchObject({
        code: "not_active",
      });
      expect(await db.prisma.household.findUniqueOrThrow({ where: { id }, select: { memberCount: true, headName: true } })).toEqual({ memberCount: 4, headName: `Ibu Uji ${refCounter}` });
      expect(await db.prisma.auditLog.count({ where: { action: "household.update", subjectId: id } })).toBe(0);
    }
  });

  it("treats another facilitator's household as missing and changes nothing", async () => {
    const [a, b] = [await facilitator(), await facilitator()];
    const { id } = await household(a.id);
    expect(await updateHousehold(db.prisma, { facilitatorId: b.id, householdId: id, headName: "Orang Lain", memberCount: 9, areaType: "RURAL" })).toBeNull();
    expect(await db.prisma.household.findUniqueOrThrow({ where: { id }, select: { headName: true, memberCount: true } })).toEqual({ headName: `Ibu Uji ${refCounter}`, memberCount: 4 });
    expect(await db.prisma.auditLog.count({ where: { action: "household.update", subjectId: id } })).toBe(0);
  });
});

describe("opening a store", () => {
  const store = { name: "Warung Bu Marta", description: "Tenun ikat dan kopi Sumba.", whatsapp: "6281234567890", regencyCode: "53.71" };

  it("creates one ACTIVE store with a free address, audited, and lets existing seller accounts run it", async () => {
    const f = await facilitator();
    const h = await household(f.id);
    const seller = await createManagedAccount(db.prisma, { actorId: f.id, email: `s-${h.id}@test.id`, name: "Marta", roles: ["SELLER"], householdId: h.id, restrictToFacilitatorId: f.id });
    const first = await createOwnedStore(db.prisma, { facilitatorId: f.id, owner: { householdId: h.id }, store });
    expect(first.slug).toBe("warung-bu-marta");
    const saved = await db.prisma.store.findUniqueOrThrow({ where: { id: first.id }, select: { status: true, householdId: true, kubeGroupId: true, members: { select: { userId: true } } } });
    expect(saved).toEqual({ status: "ACTIVE", householdId: h.id, kubeGroupId: null, members: [{ userId: seller.user.id }] });
    expect(await db.prisma.auditLog.count({ where: { action: "store.create", subjectId: first.id, actorId: f.id } })).toBe(1);

    await expect(createOwnedStore(db.prisma, { facilitatorId: f.id, owner: { householdId: h.id }, store })).rejects.toMatchObject({ code: "already_has_store" });

    const other = await household(f.id);
    const second = await createOwnedStore(db.prisma, { facilitatorId: f.id, owner: { householdId: other.id }, store });
    expect(second.slug).toBe("warung-bu-marta-2");
  });

  it("treats another facilitator's household as missing and writes nothing", async () => {
    const [a, b] = [await facilitator(), await facilitator()];
    const h = await household(a.id);
    await expect(createOwnedStore(db.prisma, { facilitatorId: b.id, owner: { householdId: h.id }, store })).rejects.toBeInstanceOf(StoreOnboardingError);
    expect(await db.prisma.store.count({ where: { householdId: h.id } })).toBe(0);
  });
});

describe("forming a KUBE", () => {
  it("stores shares of 33.33 + 33.33 + 33.34 as basis points adding up to 10000, audited", async () => {
    const f = await facilitator();
    const [h1, h2, h3] = [await household(f.id), await household(f.id), await household(f.id)];
    const group = await createKubeGroup(db.prisma, {
      facilitatorId: f.id,
      name: "KUBE Tenun",
      regencyCode: "53.71",
      members: [
        { householdId: h1.id, shareBasisPoints: 3333 },
        { householdId: h2.id, shareBasisPoints: 3333 },
        { householdId: h3.id, shareBasisPoints: 3334 },
      ],
    });
    const members = await db.prisma.kubeMembership.findMany({ where: { kubeGroupId: group.id } });
    expect(members.reduce((sum, m) => sum + m.shareBasisPoints, 0)).toBe(10000);
    expect(await db.prisma.auditLog.count({ where: { action: "kube.create", subjectId: group.id } })).toBe(1);

    // Its store: every member household's seller account runs it.
    const seller = await createManagedAccount(db.prisma, { actorId: f.id, email: `k-${h1.id}@test.id`, name: "Ana", roles: ["SELLER"], householdId: h1.id, restrictToFacilitatorId: f.id });
    const kubeStore = await createOwnedStore(db.prisma, {
      facilitatorId: f.id,
      owner: { kubeGroupId: group.id },
      store: { name: "KUBE Tenun", description: "Tenun ikat bersama.", whatsapp: "6281234567890", regencyCode: "53.71" },
    });
    expect(await db.prisma.storeMember.findMany({ where: { storeId: kubeStore.id }, select: { userId: true } })).toEqual([{ userId: seller.user.id }]);
  });

  it("refuses shares that do not add up to 100%, with the sum, and writes nothing", async () => {
    const f = await facilitator();
    const [h1, h2, h3] = [await household(f.id), await household(f.id), await household(f.id)];
    const attempt = createKubeGroup(db.prisma, {
      facilitatorId: f.id,
      name: "KUBE Kurang",
      regencyCode: "53.71",
      members: [
        { householdId: h1.id, shareBasisPoints: 3333 },
        { householdId: h2.id, shareBasisPoints: 3333 },
        { householdId: h3.id, shareBasisPoints: 3333 },
      ],
    });
    await expect(attempt).rejects.toMatchObject({ code: "not_hundred", sumBasisPoints: 9999 });
    expect(await db.prisma.kubeGroup.count({ where: { facilitatorId: f.id } })).toBe(0);
  });

  it("takes only the facilitator's own active households, in a regency where they coach", async () => {
    const [a, b] = [await facilitator(), await facilitator()];
    const mine = await household(a.id);
    const graduated = await household(a.id, { status: "GRADUATED" });
    const theirs = await household(b.id);
    const other = await household(a.id);
    const half = (x: string, y: string) => [
      { householdId: x, shareBasisPoints: 5000 },
      { householdId: y, shareBasisPoints: 5000 },
    ];
    await expect(createKubeGroup(db.prisma, { facilitatorId: a.id, name: "KUBE X", regencyCode: "53.71", members: half(mine.id, theirs.id) })).rejects.toMatchObject({
      code: "household_not_available",
    });
    await expect(createKubeGroup(db.prisma, { facilitatorId: a.id, name: "KUBE X", regencyCode: "53.71", members: half(mine.id, graduated.id) })).rejects.toBeInstanceOf(
      KubeError,
    );
    await expect(createKubeGroup(db.prisma, { facilitatorId: a.id, name: "KUBE X", regencyCode: "32.04", members: half(mine.id, other.id) })).rejects.toMatchObject({
      code: "unknown_regency",
    });
    expect(await db.prisma.kubeGroup.count({ where: { facilitatorId: a.id } })).toBe(0);
  });
});

describe("the coaching log", () => {
  const now = new Date("2026-11-29T05:00:00Z");

  it("records a session for the facilitator's households, audited, and shows it on each household", async () => {
    const f = await facilitator();
    const [h1, h2] = [await household(f.id), await household(f.id)];
    const session = await createCoachingSession(db.prisma, {
      facilitatorId: f.id,
      heldOn: "2026-11-29",
      topic: "Menghitung harga pokok",
      notes: "Bawa nota belanja bahan.",
      householdIds: [h1.id, h2.id, h1.id],
      now,
    });
    expect(await db.prisma.coachingAttendance.count({ where: { sessionId: session.id } })).toBe(2);
    expect(await db.prisma.auditLog.count({ where: { action: "coaching.create", subjectId: session.id, actorId: f.id } })).toBe(1);
    const list = await listCoachingSessions(db.prisma, f.id);
    expect(list.sessions.map((s) => ({ topic: s.topic, count: s._count.attendance, date: s.heldOn.toISOString().slice(0, 10) }))).toEqual([
      { topic: "Menghitung harga pokok", count: 2, date: "2026-11-29" },
    ]);
    expect((await householdCoaching(db.prisma, h2.id)).map((s) => s.topic)).toEqual(["Menghitung harga pokok"]);
  });

  it("refuses a date in the future, another facilitator's household, and no attendee", async () => {
    const [a, b] = [await facilitator(), await facilitator()];
    const mine = await household(a.id);
    const theirs = await household(b.id);
    await expect(
      createCoachingSession(db.prisma, { facilitatorId: a.id, heldOn: "2026-12-01", topic: "Pemasaran", householdIds: [mine.id], now }),
    ).rejects.toMatchObject({ code: "future_date" });
    await expect(
      createCoachingSession(db.prisma, { facilitatorId: a.id, heldOn: "2026-11-20", topic: "Pemasaran", householdIds: [mine.id, theirs.id], now }),
    ).rejects.toBeInstanceOf(CoachingError);
    expect(await db.prisma.coachingSession.count({ where: { facilitatorId: a.id } })).toBe(0);

    const none = parseWithZod(form({ heldOn: "2026-11-20", topic: "Pemasaran" }), { schema: newCoachingSchema });
    expect(errorsOf(none)?.householdIds).toEqual(["households.errorAttendees"]);
    const bad = parseWithZod(form({ heldOn: "2026-02-30", topic: "Pemasaran", householdIds: mine.id }), { schema: newCoachingSchema });
    expect(errorsOf(bad)?.heldOn).toEqual(["households.errorCoachingDate"]);
    const one = parseWithZod(form({ heldOn: "2026-11-20", topic: "Pemasaran", householdIds: mine.id }), { schema: newCoachingSchema });
    expect(one.status).toBe("success");
  });
});

describe("the demo coaching sessions", () => {
  it("are the same on every run: six a facilitator over the last six months, each attended by their own households", async () => {
    const { seedCoachingSessions } = await import("../../prisma/seed-coaching");
    const [a, b] = [await facilitator(), await facilitator()];
    const households = [
      ...(await Promise.all([household(a.id), household(a.id), household(a.id)])).map((h) => ({ id: h.id, facilitatorId: a.id })),
      ...(await Promise.all([household(b.id)])).map((h) => ({ id: h.id, facilitatorId: b.id })),
    ];
    const referenceDate = new Date("2026-11-15T00:00:00Z");
    const result = await seedCoachingSessions(db.prisma, { referenceDate, households });
    // A's three households: one stays home each time (2 × 6); B's only household comes every time (1 × 6).
    expect(result).toEqual({ sessions: 12, attendance: 18 });
    const sessions = await db.prisma.coachingSession.findMany({
      where: { facilitatorId: { in: [a.id, b.id] } },
      select: { facilitatorId: true, heldOn: true, attendance: { select: { household: { select: { facilitatorId: true } } } } },
      orderBy: { heldOn: "asc" },
    });
    const aDates = sessions.filter((s) => s.facilitatorId === a.id).map((s) => s.heldOn.toISOString());
    expect(aDates).toEqual([
      "2026-05-29T12:00:00.000Z",
      "2026-06-28T12:00:00.000Z",
      "2026-07-30T12:00:00.000Z",
      "2026-08-30T12:00:00.000Z",
      "2026-10-01T12:00:00.000Z",
      "2026-10-30T12:00:00.000Z",
    ]);
    for (const s of sessions) {
      expect(s.heldOn.getTime()).toBeLessThanOrEqual(referenceDate.getTime());
      for (const attendee of s.attendance) expect(attendee.household.facilitatorId).toBe(s.facilitatorId);
    }
  });
});
