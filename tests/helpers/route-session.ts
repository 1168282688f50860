import { randomBytes } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import type { Role } from "~/generated/prisma/enums";

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
