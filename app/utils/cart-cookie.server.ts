import { createCookie } from "@remix-run/node";
import { getEnv } from "./env.server";

const env = getEnv();

/** A guest's cart id, signed so nobody can point their cookie at another cart. */
export const guestCartCookie = createCookie("keranjang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: env.cookieSecure,
  secrets: [env.SESSION_SECRET],
  maxAge: 60 * 60 * 24 * 30,
});

export async function readGuestCartId(request: Request): Promise<string | null> {
  const value: unknown = await guestCartCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 && value.length < 64 ? value : null;
}

export function setGuestCartCookie(cartId: string): Promise<string> {
  return guestCartCookie.serialize(cartId);
}

export function clearGuestCartCookie(): Promise<string> {
  return guestCartCookie.serialize("", { maxAge: 0 });
}
