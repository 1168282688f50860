import type { PrismaClient } from "~/utils/db.server";

/** Guest carts live as long as their cookie (30 days); an untouched one after that can never be reached again. */
export const GUEST_CART_DAYS = 30;

/**
 * Deletes what no one can use any more: expired sessions and guest carts whose cookie has expired.
 * Accounts' carts and everything to do with orders are kept.
 */
export async function purgeExpired(db: PrismaClient, now = new Date()): Promise<{ sessions: number; guestCarts: number }> {
  const cartCutoff = new Date(now.getTime() - GUEST_CART_DAYS * 24 * 60 * 60 * 1000);
  const [sessions, guestCarts] = await Promise.all([
    db.session.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.cart.deleteMany({ where: { userId: null, updatedAt: { lt: cartCutoff } } }),
  ]);
  return { sessions: sessions.count, guestCarts: guestCarts.count };
}
