import { randomBytes } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Role } from "~/generated/prisma/enums";
import { createCoachingSession } from "~/models/coaching.server";
import { registerHousehold } from "~/models/household.server";
import { createKubeGroup } from "~/models/kube.server";
import { createOwnedStore } from "~/models/store-onboarding.server";
import { createTestDatabase } from "../helpers/database";
import { createSessionUser, getRequest as get, postForm as post, routeOutcome as outcome } from "../helpers/route-session";
import { createRegions } from "../helpers/marketplace-fixtures";

// The facilitator workspace's routes called exactly as Remix calls them: a real Request with a session
// cookie, against a real database. Another facilitator's household or KUBE group must look exactly like
// one that does not exist (404) on every loader and action, and nothing may change; shoppers and
// sellers are refused (403).

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Action = (args: ActionFunctionArgs) => Promise<unknown>;
type RouteModule = { loader: Loader; action?: Action };

let db: Awaited<ReturnType<typeof createTestDatabase>>;
const routes: Record<string, RouteModule> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  await createRegions(db.prisma);
  // The routes use the app's one Prisma client: point it at this test's database before anything imports it.
  globalThis.__prisma = db.prisma;
  routes.list = await import("~/routes/pendamping._index");
  routes.register = await import("~/routes/pendamping.rumah-tangga.baru");
  routes.household = await import("~/routes/pendamping.rumah-tangga.$householdId");
  routes.evidence = await import("~/routes/pendamping.rumah-tangga.$householdId_.bukti.$month");
  routes.store = await import("~/routes/pendamping.rumah-tangga.$householdId_.toko");
  routes.edit = await import("~/routes/pendamping.rumah-tangga.$householdId_.ubah");
  routes.newKube = await import("~/routes/pendamping.kube.baru");
  routes.kube = await import("~/routes/pendamping.kube.$kubeId");
  routes.coaching = await import("~/routes/pendamping.pendampingan._index");
  routes.newCoaching = await import("~/routes/pendamping.pendampingan.baru");
});
afterAll(async () => {
  globalThis.__prisma = undefined;
  await db.cleanup();
});

const userWith = (roles: Role[]) => createSessionUser(db.prisma, roles);

const load = (route: RouteModule, path: string, cookie: string, params: Record<string, string> = {}) =>
  outcome(() => route.loader({ request: get(path, cookie), params, context: {} }));
const act = (route: RouteModule, path: string, cookie: string, fields: [string, string][], params: Record<string, string> = {}) =>
  outcome(() => route.action!({ request: post(path, cookie, fields), params, context: {} }));

/** Everything the workspace's actions could write. */
async function snapshot() {
  const [households, stores, storeMembers, users, kubeGroups, memberships, sessions, attendance, audits, householdDetails] = await Promise.all([
    db.prisma.household.count(),
    db.prisma.store.count(),
    db.prisma.storeMember.count(),
    db.prisma.user.count(),
    db.prisma.kubeGroup.count(),
    db.prisma.kubeMembership.count(),
    db.prisma.coachingSession.count(),
    db.prisma.coachingAttendance.count(),
    db.prisma.auditLog.count(),
    db.prisma.household.findMany({ select: { id: true, headName: true, memberCount: true, areaType: true }, orderBy: { id: "asc" } }),
  ]);
  return { households, stores, storeMembers, users, kubeGroups, memberships, sessions, attendance, audits, householdDetails };
}

let counter = 0;
/** Facilitator A with two households (one with a store), a KUBE of both with a store, and a coaching session. */
async function facilitatorAWorld() {
  const a = await userWith(["FACILITATOR"]);
  const household = async () => {
    counter += 1;
    return registerHousehold(db.prisma, {
      facilitatorId: a.id,
      programRef: `PKH-ROUTE-${String(counter).padStart(4, "0")}`,
      headName: `Ibu Rute ${counter}`,
      memberCount: 4,
      regencyCode: "53.71",
      areaType: "URBAN",
    });
  };
  const [h1, h2, h3] = [await household(), await household(), await household()];
  const storeInput = { name: `Toko Rute ${counter}`, description: "Tenun ikat dan kopi.", whatsapp: "6281234567890", regencyCode: "53.71" };
  await createOwnedStore(db.prisma, { facilitatorId: a.id, owner: { householdId: h1.id }, store: storeInput });
  const kube = await createKubeGroup(db.prisma, {
    facilitatorId: a.id,
    name: `KUBE Rute ${counter}`,
    regencyCode: "53.71",
    members: [
      { householdId: h1.id, shareBasisPoints: 6000 },
      { householdId: h2.id, shareBasisPoints: 4000 },
    ],
  });
  const session = await createCoachingSession(db.prisma, { facilitatorId: a.id, heldOn: "2026-11-02", topic: "Rahasia dapur A", householdIds: [h1.id, h2.id], now: new Date("2026-11-29T00:00:00Z") });
  return { a, h1, h2, h3, kube, session };
}

/** Every loader and action of the workspace that takes a household or KUBE id, with A's ids. */
function idRequests(w: Awaited<ReturnType<typeof facilitatorAWorld>>) {
  const hp = { householdId: w.h1.id };
  const noStore = { householdId: w.h3.id };
  const kp = { kubeId: w.kube.id };
  const newStore: [string, string][] = [
    ["intent", "create-store"],
    ["name", "Toko Titipan"],
    ["description", "Toko yang tidak boleh dibuat."],
    ["whatsapp", "0812-3456-7890"],
    ["regencyCode", "53.71"],
  ];
  const newSeller = (householdId: string): [string, string][] => [
    ["intent", "create-seller"],
    ["householdId", householdId],
    ["name", "Penjual Titipan"],
    ["email", `titipan-${randomBytes(4).toString("hex")}@test.id`],
  ];
  return [
    { name: "household page", run: (c: string) => load(routes.household!, `/pendamping/rumah-tangga/${w.h1.id}`, c, hp) },
    { name: "evidence page", run: (c: string) => load(routes.evidence!, `/pendamping/rumah-tangga/${w.h1.id}/bukti/2026-10`, c, { ...hp, month: "2026-10" }) },
    { name: "evidence page, bad month", run: (c: string) => load(routes.evidence!, `/pendamping/rumah-tangga/${w.h1.id}/bukti/x`, c, { ...hp, month: "x" }) },
    { name: "store page", run: (c: string) => load(routes.store!, `/pendamping/rumah-tangga/${w.h1.id}/toko`, c, hp) },
    { name: "edit page", run: (c: string) => load(routes.edit!, `/pendamping/rumah-tangga/${w.h1.id}/ubah`, c, hp) },
    {
      name: "edit: change the household",
      run: (c: string) =>
        act(
          routes.edit!,
          `/pendamping/rumah-tangga/${w.h1.id}/ubah`,
          c,
          [
            ["headName", "Nama Titipan"],
            ["memberCount", "9"],
            ["areaType", "RURAL"],
          ],
          hp,
        ),
    },
    { name: "store: create store", run: (c: string) => act(routes.store!, `/pendamping/rumah-tangga/${w.h3.id}/toko`, c, newStore, noStore) },
    { name: "store: create seller", run: (c: string) => act(routes.store!, `/pendamping/rumah-tangga/${w.h1.id}/toko`, c, newSeller(w.h1.id), hp) },
    { name: "KUBE page", run: (c: string) => load(routes.kube!, `/pendamping/kube/${w.kube.id}`, c, kp) },
    { name: "KUBE: create store", run: (c: string) => act(routes.kube!, `/pendamping/kube/${w.kube.id}`, c, newStore, kp) },
    { name: "KUBE: create seller", run: (c: string) => act(routes.kube!, `/pendamping/kube/${w.kube.id}`, c, newSeller(w.h2.id), kp) },
    {
      name: "new KUBE with A's households",
      run: (c: string) =>
        act(routes.newKube!, "/pendamping/kube/baru", c, [
          ["name", "KUBE Titipan"],
          ["regencyCode", "53.71"],
          ["members[0].householdId", w.h1.id],
          ["members[0].selected", "on"],
          ["members[0].share", "50"],
          ["members[1].householdId", w.h3.id],
          ["members[1].selected", "on"],
          ["members[1].share", "50"],
        ]),
    },
    {
      name: "new coaching session with A's household",
      run: (c: string) =>
        act(routes.newCoaching!, "/pendamping/pendampingan/baru", c, [
          ["heldOn", "2026-11-01"],
          ["topic", "Sesi titipan"],
          ["householdIds", w.h1.id],
        ]),
    },
  ];
}

describe("another facilitator's households and groups", () => {
  it("are not found on every loader and action, and nothing changes", async () => {
    const world = await facilitatorAWorld();
    const b = await userWith(["FACILITATOR"]);
    // B coaches a household in the same regency, so the KUBE and coaching forms are otherwise valid for B.
    counter += 1;
    await registerHousehold(db.prisma, { facilitatorId: b.id, programRef: `PKH-ROUTE-B-${counter}`, headName: "Ibu B", memberCount: 3, regencyCode: "53.71", areaType: "RURAL" });

    const before = await snapshot();
    for (const request of idRequests(world)) {
      const result = await request.run(b.cookie);
      expect(result.status, request.name).toBe(404);
      expect(await snapshot(), request.name).toEqual(before);
    }

    // B's own lists show nothing of A's.
    const list = await load(routes.list!, "/pendamping", b.cookie);
    expect(list.status).toBe(200);
    const listed = list.body as { rows: { id: string }[]; kubes: { id: string }[]; totalAll: number };
    expect(listed.totalAll).toBe(1);
    expect(listed.rows.map((r) => r.id)).not.toContain(world.h1.id);
    expect(listed.kubes).toEqual([]);
    const log = (await load(routes.coaching!, "/pendamping/pendampingan", b.cookie)).body as { sessions: { id: string }[] };
    expect(log.sessions).toEqual([]);
    const pick = (await load(routes.newCoaching!, "/pendamping/pendampingan/baru", b.cookie)).body as { households: { id: string }[] };
    expect(pick.households.map((h) => h.id)).not.toContain(world.h1.id);
    const kubePick = (await load(routes.newKube!, "/pendamping/kube/baru", b.cookie)).body as { households: { id: string }[] };
    expect(kubePick.households.map((h) => h.id)).not.toContain(world.h1.id);
  });

  it("are found by their own facilitator through the very same requests (the refusals are about ownership)", async () => {
    const world = await facilitatorAWorld();
    const requests = idRequests(world);
    const expected: Record<string, number> = {
      "household page": 200,
      "evidence page": 200,
      "evidence page, bad month": 400,
      "store page": 200,
      "edit page": 200,
      "edit: change the household": 302,
      "store: create store": 302,
      "store: create seller": 200,
      "KUBE page": 200,
      // The group already has no store: the first one is created.
      "KUBE: create store": 302,
      "KUBE: create seller": 200,
      "new KUBE with A's households": 302,
      "new coaching session with A's household": 302,
    };
    for (const request of requests) {
      const result = await request.run(world.a.cookie);
      expect(result.status, request.name).toBe(expected[request.name]);
    }
    const log = (await load(routes.coaching!, "/pendamping/pendampingan", world.a.cookie)).body as { sessions: { topic: string }[] };
    expect(log.sessions.map((s) => s.topic)).toEqual(expect.arrayContaining(["Rahasia dapur A", "Sesi titipan"]));
  });
});

describe("shoppers and sellers", () => {
  it("are refused every workspace route with a 403, and nothing changes", async () => {
    const world = await facilitatorAWorld();
    const shopper = await userWith(["SHOPPER"]);
    const seller = await userWith(["SELLER", "SHOPPER"]);
    const before = await snapshot();
    const generic = [
      { name: "list", run: (c: string) => load(routes.list!, "/pendamping", c) },
      { name: "register page", run: (c: string) => load(routes.register!, "/pendamping/rumah-tangga/baru", c) },
      {
        name: "register",
        run: (c: string) =>
          act(routes.register!, "/pendamping/rumah-tangga/baru", c, [
            ["programRef", "PKH-ROLE-0001"],
            ["headName", "Ibu Peran"],
            ["memberCount", "3"],
            ["regencyCode", "53.71"],
            ["areaType", "URBAN"],
          ]),
      },
      { name: "new KUBE page", run: (c: string) => load(routes.newKube!, "/pendamping/kube/baru", c) },
      { name: "coaching log", run: (c: string) => load(routes.coaching!, "/pendamping/pendampingan", c) },
      { name: "new coaching page", run: (c: string) => load(routes.newCoaching!, "/pendamping/pendampingan/baru", c) },
    ];
    for (const user of [shopper, seller]) {
      for (const request of [...generic, ...idRequests(world)]) {
        const result = await request.run(user.cookie);
        expect(result.status, request.name).toBe(403);
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("the evidence page's month", () => {
  it("answers 400 for a malformed month and 404 for one that has not begun", async () => {
    const world = await facilitatorAWorld();
    const at = (month: string) => load(routes.evidence!, `/pendamping/rumah-tangga/${world.h1.id}/bukti/${month}`, world.a.cookie, { householdId: world.h1.id, month });
    expect((await at("2026-13")).status).toBe(400);
    expect((await at("oktober")).status).toBe(400);
    expect((await at("2099-01")).status).toBe(404);
    expect((await at("2026-10")).status).toBe(200);
  });
});

describe("correcting a household", () => {
  it("answers 409 with a plain message while a proposal waits, and writes nothing", async () => {
    const world = await facilitatorAWorld();
    await db.prisma.household.update({ where: { id: world.h2.id }, data: { status: "PROPOSED" } });
    const before = await snapshot();
    const result = await act(
      routes.edit!,
      `/pendamping/rumah-tangga/${world.h2.id}/ubah`,
      world.a.cookie,
      [
        ["headName", "Nama Baru"],
        ["memberCount", "2"],
        ["areaType", "RURAL"],
      ],
      { householdId: world.h2.id },
    );
    expect(result.status).toBe(409);
    expect(JSON.stringify(result.body)).toContain("households.errorEditNotActive");
    expect(await snapshot()).toEqual(before);
  });
});
