import { createGuestCart, findGuestCart, findUserCart, getOrCreateUserCart, mergeGuestCart } from "~/models/cart.server";
import { getOptionalUser } from "./auth.server";
import { clearGuestCartCookie, readGuestCartId, setGuestCartCookie } from "./cart-cookie.server";
import { prisma } from "./db.server";

/** The visitor's cart if they have one: the account's cart, else the guest cart of the cookie. */
export async function findCurrentCartId(request: Request): Promise<string | null> {
  const user = await getOptionalUser(request);
  if (user) return findUserCart(prisma, user.id);
  const guestId = await readGuestCartId(request);
  return guestId ? findGuestCart(prisma, guestId) : null;
}

/** The visitor's cart, created when missing; `setCookie` is set when a new guest cart needs its cookie. */
export async function ensureCurrentCart(request: Request): Promise<{ cartId: string; setCookie?: string }> {
  const user = await getOptionalUser(request);
  if (user) return { cartId: await getOrCreateUserCart(prisma, user.id) };
  const guestId = await readGuestCartId(request);
  const existing = guestId ? await findGuestCart(prisma, guestId) : null;
  if (existing) return { cartId: existing };
  const cartId = await createGuestCart(prisma);
  return { cartId, setCookie: await setGuestCartCookie(cartId) };
}

/** After login or sign-up: the guest cart joins the account's cart. Returns the cookie that clears it. */
export async function adoptGuestCart(request: Request, userId: string): Promise<string | null> {
  const guestId = await readGuestCartId(request);
  if (!guestId) return null;
  await mergeGuestCart(prisma, guestId, userId);
  return clearGuestCartCookie();
}
