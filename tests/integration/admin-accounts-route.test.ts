import { randomBytes } from "node:crypto";
import type { ActionFunctionArgs } from "@remix-run/node";
import { createTestDatabase } from "../helpers/database";
import { createRegions } from "../helpers/marketplace-fixtures";
import { createSessionUser, postForm, routeOutcome } from "../helpers/route-session";

// The admin's account page, called as Remix calls it: a verifier account needs its area chosen on purpose
// (a regency, a province or the whole country), and an admin can change a verifier's area later, audited.

type Action = (args: ActionFunctionArgs) => Promise<unknown>;

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let page: { action: Action };
let admin: { id: string; cookie: string };

const signedIn = (roles: ("ADMIN" | "VERIFIER" | "SHOPPER")[]) => createSessionUser(db.prisma, roles);

beforeAll(async () => {
  db = await createTestDatabase();
  await createRegions(db.prisma);
  globalThis.__prisma = db.prisma;
  page = await import("~/routes/admin._index");
  admin = await signedIn(["ADMIN"]);
});
afterAll(async () => {
  globalThis.__prisma = undefined;
  await db.cleanup();
});

async function post(fields: [string, string][], cookie = admin.cookie): Promise<{ status: number; data: Record<string, unknown> }> {
  const { status, body } = await routeOutcome(() => page.action({ request: postForm("/admin", cookie, fields), params: {}, context: {} }));
  return { status, data: (body ?? {}) as Record<string, unknown> };
}

const verifierFields = (email: string, area?: string): [string, string][] => [
  ["intent", "create"],
  ["name", "Dinas Sosial Kota Kupang"],
  ["email", email],
  ["roles", "VERIFIER"],
  ...(area === undefined ? [] : ([["verifierArea", area]] as [string, string][])),
];

describe("verifier accounts and their area", () => {
  it("refuses a verifier without an area, or with an area that does not exist, and writes nothing", async () => {
    for (const area of [undefined, "", "99.99", "5", "53.71.01", "ALL; DROP"]) {
      const email = `v-${randomBytes(4).toString("hex")}@test.id`;
      const { status, data } = await post(verifierFields(email, area));
      expect(status, String(area)).toBe(400);
      expect(JSON.stringify(data.result)).toContain("admin.errorVerifierArea");
      expect(await db.prisma.user.count({ where: { email } })).toBe(0);
    }
  });

  it("gives a new verifier the regency, the province or the whole country chosen", async () => {
    for (const [area, stored] of [
      ["53.71", "53.71"],
      ["53", "53"],
      ["ALL", null],
    ] as const) {
      const email = `v-${randomBytes(4).toString("hex")}@test.id`;
      const { status, data } = await post(verifierFields(email, area));
      expect(status).toBe(200);
      expect((data.created as { email: string }).email).toBe(email);
      const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, scopeRegionCode: true } });
      expect(user.scopeRegionCode).toBe(stored);
      const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "user.create", subjectId: user.id }, select: { details: true } });
      expect(JSON.parse(audit.details!)).toMatchObject({ roles: ["VERIFIER"], scopeRegionCode: stored });
    }
  });

  it("ignores an area for accounts that are not verifiers", async () => {
    const email = `s-${randomBytes(4).toString("hex")}@test.id`;
    const { status } = await post([["intent", "create"], ["name", "Pembeli"], ["email", email], ["roles", "SHOPPER"], ["verifierArea", "53"]]);
    expect(status).toBe(200);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { scopeRegionCode: true } })).scopeRegionCode).toBeNull();
  });

  it("changes a verifier's area, audited; refuses a non-verifier and an unknown area; only admins may", async () => {
    const verifier = await signedIn(["VERIFIER"]);
    const shopper = await signedIn(["SHOPPER"]);
    expect((await post([["intent", "verifier-area"], ["userId", verifier.id], ["verifierArea", "53.71"]])).status).toBe(200);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: verifier.id }, select: { scopeRegionCode: true } })).scopeRegionCode).toBe("53.71");
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "user.verifier_area", subjectId: verifier.id }, select: { actorId: true, details: true } });
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.parse(audit.details!)).toEqual({ from: null, to: "53.71" });

    expect((await post([["intent", "verifier-area"], ["userId", shopper.id], ["verifierArea", "53"]])).status).toBe(400);
    expect((await post([["intent", "verifier-area"], ["userId", verifier.id], ["verifierArea", "77"]])).status).toBe(400);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: verifier.id }, select: { scopeRegionCode: true } })).scopeRegionCode).toBe("53.71");
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: shopper.id }, select: { scopeRegionCode: true } })).scopeRegionCode).toBeNull();

    expect((await post([["intent", "verifier-area"], ["userId", verifier.id], ["verifierArea", "ALL"]], verifier.cookie)).status).toBe(403);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: verifier.id }, select: { scopeRegionCode: true } })).scopeRegionCode).toBe("53.71");
  });
});
