import { randomUUID } from "node:crypto";
import { facilitatorHouseholdPage, HOUSEHOLD_PAGE_SIZE } from "~/models/household-list.server";
import { createTestDatabase } from "../helpers/database";
import { createRegions } from "../helpers/marketplace-fixtures";

// The facilitator's household list: their households only, filtered by status, regency and readiness
// (the latest completed month's tier, "cannot be computed" without a poverty line), page by page.

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
  await createRegions(db.prisma);
  // Jawa Barat has a rural line; Nusa Tenggara Timur has none, so readiness there cannot be computed.
  await db.prisma.povertyLine.create({ data: { provinceCode: "32", period: "2025-09", area: "RURAL", amountIdr: 520_000, source: "uji" } });
});
afterAll(() => db.cleanup());

const now = new Date("2026-11-20T03:00:00Z");

async function facilitatorWith(households: { regencyCode: string; status?: "ACTIVE" | "PROPOSED" | "GRADUATED"; headName?: string }[]) {
  const facilitator = await db.prisma.user.create({ data: { email: `f-${randomUUID()}@test.id`, name: "Pendamping" }, select: { id: true } });
  const ids: string[] = [];
  for (const [i, h] of households.entries()) {
    const created = await db.prisma.household.create({
      data: {
        programRef: `PKH-LIST-${randomUUID().slice(0, 12)}`,
        headName: h.headName ?? `Ibu ${String(i).padStart(3, "0")}`,
        memberCount: 4,
        regencyCode: h.regencyCode,
        areaType: "RURAL",
        status: h.status ?? "ACTIVE",
        facilitatorId: facilitator.id,
      },
      select: { id: true },
    });
    ids.push(created.id);
  }
  return { facilitatorId: facilitator.id, ids };
}

it("filters by status, regency and readiness, and says when readiness cannot be computed", async () => {
  const { facilitatorId, ids } = await facilitatorWith([
    { regencyCode: "32.04", headName: "Ani" },
    { regencyCode: "32.04", status: "PROPOSED", headName: "Budi" },
    { regencyCode: "53.71", headName: "Citra" },
  ]);
  await facilitatorWith([{ regencyCode: "32.04", headName: "Orang Lain" }]);

  const all = await facilitatorHouseholdPage(db.prisma, facilitatorId, {}, { now });
  expect(all.rows.map((r) => [r.headName, r.readiness])).toEqual([
    ["Ani", "INACTIVE"],
    ["Budi", "INACTIVE"],
    ["Citra", "UNKNOWN"],
  ]);
  expect(all).toMatchObject({ total: 3, totalAll: 3, page: 1, pageCount: 1 });

  const proposed = await facilitatorHouseholdPage(db.prisma, facilitatorId, { status: "PROPOSED" }, { now });
  expect(proposed.rows.map((r) => r.id)).toEqual([ids[1]]);
  const kupang = await facilitatorHouseholdPage(db.prisma, facilitatorId, { wilayah: "53.71" }, { now });
  expect(kupang.rows.map((r) => r.id)).toEqual([ids[2]]);
  const unknown = await facilitatorHouseholdPage(db.prisma, facilitatorId, { kesiapan: "UNKNOWN" }, { now });
  expect(unknown.rows.map((r) => r.headName)).toEqual(["Citra"]);
  const ready = await facilitatorHouseholdPage(db.prisma, facilitatorId, { kesiapan: "READY" }, { now });
  expect(ready).toMatchObject({ rows: [], total: 0, totalAll: 3 });
});

it("cuts more than a page into pages and keeps a page number past the end on the last page", async () => {
  const { facilitatorId } = await facilitatorWith(Array.from({ length: HOUSEHOLD_PAGE_SIZE + 1 }, () => ({ regencyCode: "32.04" })));
  const first = await facilitatorHouseholdPage(db.prisma, facilitatorId, {}, { now });
  expect(first).toMatchObject({ total: HOUSEHOLD_PAGE_SIZE + 1, page: 1, pageCount: 2 });
  expect(first.rows).toHaveLength(HOUSEHOLD_PAGE_SIZE);
  const second = await facilitatorHouseholdPage(db.prisma, facilitatorId, { halaman: 2 }, { now });
  expect(second.rows).toHaveLength(1);
  expect(second.rows[0]!.headName).toBe(`Ibu ${String(HOUSEHOLD_PAGE_SIZE).padStart(3, "0")}`);
  const beyond = await facilitatorHouseholdPage(db.prisma, facilitatorId, { halaman: 9 }, { now });
  expect(beyond.page).toBe(2);
});
