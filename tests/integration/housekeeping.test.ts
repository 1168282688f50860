import { purgeExpired } from "~/models/housekeeping.server";
import { createTestDatabase } from "../helpers/database";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.cleanup());

it("deletes expired sessions and abandoned guest carts, and keeps the rest", async () => {
  const now = new Date("2026-11-29T00:00:00Z");
  const day = 24 * 60 * 60 * 1000;
  const user = await db.prisma.user.create({ data: { email: "siti@contoh.id", name: "Siti" }, select: { id: true } });
  await db.prisma.session.createMany({
    data: [
      { id: "expired", userId: user.id, expiresAt: new Date(now.getTime() - 1) },
      { id: "live", userId: user.id, expiresAt: new Date(now.getTime() + day) },
    ],
  });
  const oldGuest = await db.prisma.cart.create({ data: { updatedAt: new Date(now.getTime() - 31 * day) }, select: { id: true } });
  const recentGuest = await db.prisma.cart.create({ data: { updatedAt: new Date(now.getTime() - 29 * day) }, select: { id: true } });
  const oldAccountCart = await db.prisma.cart.create({ data: { userId: user.id, updatedAt: new Date(now.getTime() - 90 * day) }, select: { id: true } });

  expect(await purgeExpired(db.prisma, now)).toEqual({ sessions: 1, guestCarts: 1 });
  expect((await db.prisma.session.findMany({ select: { id: true } })).map((s) => s.id)).toEqual(["live"]);
  const carts = (await db.prisma.cart.findMany({ select: { id: true } })).map((c) => c.id).sort();
  expect(carts).toEqual([recentGuest.id, oldAccountCart.id].sort());
  expect(carts).not.toContain(oldGuest.id);
});
