import { randomBytes } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import type { Role } from "~/generated/prisma/enums";

/** Helpers for route-level tests: signed-in users, requests, and what a loader or action answered. */

/** The Cookie header value of a real database session for `userId`, as a signed-in browser would send it. */
export async function sessionCookieFor(prisma: PrismaClient, userId: string): Promise<string> {
  // Imported here, not at the top: the test must first point the app's Prisma client at its database.
  const { sessionStorage } = await import("~/utils/session.server");
  const sessionId = randomBytes(24).toString("base64url");
  await prisma.session.create({ data: { id: sessionId, userId, expiresAt: new Date(Date.now() + 86_400_000) } });
  const session = await sessionStorage.getSession();
  session.set("sessionId", sessionId);
  return (await sessionStorage.commitSession(session)).split(";")[0]!;
}

/** A new user with `roles` (and, for a verifier, an area), signed in: its id and session cookie. */
export async function createSessionUser(
  prisma: PrismaClient,
  roles: Role[],
  options: { name?: string; scopeRegionCode?: string | null } = {},
): Promise<{ id: string; cookie: string }> {
  const user = await prisma.user.create({
    data: {
      email: `u-${randomBytes(6).toString("hex")}@test.id`,
      name: options.name ?? "Pengguna Uji",
      scopeRegionCode: options.scopeRegionCode ?? null,
      roles: { create: roles.map((role) => ({ role })) },
    },
    select: { id: true },
  });
  return { id: user.id, cookie: await sessionCookieFor(prisma, user.id) };
}

/** A GET as the browser sends it, signed in when `cookie` is given. */
export function getRequest(path: string, cookie?: string): Request {
  return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

/** A plain HTML form's POST (no JavaScript), signed in when `cookie` is given. */
export function postForm(path: string, cookie: string | undefined, fields: Record<string, string> | [string, string][]): Request {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { ...(cookie ? { Cookie: cookie } : {}), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

export type RouteOutcome = { status: number; body: unknown; location: string | null };

/** What Remix would answer: a thrown or returned Response, `data(…, { status })`, or plain data (200). */
export async function routeOutcome(run: () => Promise<unknown>): Promise<RouteOutcome> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null, location: thrown.headers.get("Location") };
    throw thrown;
  }
  if (result instanceof Response) return { status: result.status, body: null, location: result.headers.get("Location") };
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const wrapped = result as { data: unknown; init: { status?: number } | null };
    return { status: wrapped.init?.status ?? 200, body: wrapped.data, location: null };
  }
  return { status: 200, body: result, location: null };
}
