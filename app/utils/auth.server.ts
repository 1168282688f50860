import { redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/enums";
import { findUserBySession, hasRole, type UserSummary } from "~/models/user.server";
import { prisma } from "./db.server";
import { getSessionId } from "./session.server";

/** Memoised per request: root and child loaders ask for the same user in one navigation. */
const userByRequest = new WeakMap<Request, Promise<UserSummary | null>>();

export function getOptionalUser(request: Request): Promise<UserSummary | null> {
  let pending = userByRequest.get(request);
  if (!pending) {
    pending = getSessionId(request).then((id) => (id ? findUserBySession(prisma, id) : null));
    userByRequest.set(request, pending);
  }
  return pending;
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  return redirect(`/masuk?${params}`);
}

/** Anonymous visitors are sent to the login page and brought back afterwards. */
export async function requireUser(request: Request): Promise<UserSummary> {
  const user = await getOptionalUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

/** Logged-in users without one of the roles get a 403 page; anonymous visitors go to login. */
export async function requireRole(request: Request, ...roles: Role[]): Promise<UserSummary> {
  const user = await requireUser(request);
  if (!hasRole(user, ...roles)) {
    throw new Response("Forbidden", { status: 403 });
  }
  return user;
}

export const requireSeller = (request: Request) => requireRole(request, "SELLER");
export const requireFacilitator = (request: Request) => requireRole(request, "FACILITATOR");
export const requireVerifier = (request: Request) => requireRole(request, "VERIFIER");
export const requireAdmin = (request: Request) => requireRole(request, "ADMIN");

export async function requireAnonymous(request: Request, to = "/") {
  if (await getOptionalUser(request)) throw redirect(to);
}
