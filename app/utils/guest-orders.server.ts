import { createCookie } from "@remix-run/node";
import { getEnv } from "./env.server";

const env = getEnv();
const MAX_REMEMBERED = 20;

/** The secret tokens of the orders a guest placed in this browser, so "Pesanan saya" works without an account. */
const guestOrdersCookie = createCookie("pesanan_tamu", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: env.cookieSecure,
  secrets: [env.SESSION_SECRET],
  maxAge: 60 * 60 * 24 * 90,
});

export async function readGuestOrderTokens(request: Request): Promise<string[]> {
  const value: unknown = await guestOrdersCookie.parse(request.headers.get("Cookie"));
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string").slice(0, MAX_REMEMBERED) : [];
}

export async function rememberGuestOrder(request: Request, token: string): Promise<string> {
  const tokens = await readGuestOrderTokens(request);
  return guestOrdersCookie.serialize([token, ...tokens.filter((t) => t !== token)].slice(0, MAX_REMEMBERED));
}
