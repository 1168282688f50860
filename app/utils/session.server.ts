import { randomBytes } from "node:crypto";
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { prisma } from "./db.server";
import { getEnv } from "./env.server";

const env = getEnv();

/** The cookie holds only the id of a database session; the row is the source of truth. */
export const sessionStorage = createCookieSessionStorage<{ sessionId: string }>({
  cookie: {
    name: "__session",
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure: env.cookieSecure,
    secrets: [env.SESSION_SECRET],
  },
});

const SESSION_KEY = "sessionId";

export function sessionExpiry(now = new Date()): Date {
  return new Date(now.getTime() + env.SESSION_DAYS * 24 * 60 * 60 * 1000);
}

export async function getCookieSession(request: Request) {
  return sessionStorage.getSession(request.headers.get("Cookie"));
}

export async function getSessionId(request: Request): Promise<string | undefined> {
  const session = await getCookieSession(request);
  const id = session.get(SESSION_KEY);
  return typeof id === "string" ? id : undefined;
}

/** Creates a database session and returns the Set-Cookie header that carries its id. */
export async function startSession(request: Request, userId: string): Promise<string> {
  const expiresAt = sessionExpiry();
  const created = await prisma.session.create({
    data: {
      id: randomBytes(32).toString("base64url"),
      userId,
      expiresAt,
      userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
    },
    select: { id: true },
  });
  const session = await getCookieSession(request);
  session.set(SESSION_KEY, created.id);
  return sessionStorage.commitSession(session, { expires: expiresAt });
}

/** Ends the database session (if any) and returns a redirect that clears the cookie. */
export async function endSession(request: Request, redirectTo: string) {
  const session = await getCookieSession(request);
  const id = session.get(SESSION_KEY);
  if (typeof id === "string") {
    await prisma.session.deleteMany({ where: { id } });
  }
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionStorage.destroySession(session) },
  });
}
