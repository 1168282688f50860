import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import type { Role } from "~/generated/prisma/enums";
import { Prisma } from "~/generated/prisma/client";
import type { PrismaClient } from "~/utils/db.server";

const BCRYPT_COST = 10;

export const userSummarySelect = {
  id: true,
  email: true,
  name: true,
  locale: true,
  householdId: true,
  disabledAt: true,
  roles: { select: { role: true } },
} as const;

export type UserSummary = {
  id: string;
  email: string;
  name: string;
  locale: string;
  householdId: string | null;
  roles: Role[];
};

function toSummary(user: Prisma.UserGetPayload<{ select: typeof userSummarySelect }>): UserSummary {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    householdId: user.householdId,
    roles: user.roles.map((r) => r.role),
  };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

/** A readable one-time password for accounts created by an admin or facilitator. */
export function generateTemporaryPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(12);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export class EmailTakenError extends Error {
  constructor() {
    super("email already registered");
    this.name = "EmailTakenError";
  }
}

export async function createUser(
  db: PrismaClient | Prisma.TransactionClient,
  input: { email: string; name: string; password: string; roles: Role[]; householdId?: string | null },
): Promise<UserSummary> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: {
        email: normalizeEmail(input.email),
        name: input.name.trim(),
        passwordHash,
        householdId: input.householdId ?? null,
        roles: { create: [...new Set(input.roles)].map((role) => ({ role })) },
      },
      select: userSummarySelect,
    });
    return toSummary(user);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new EmailTakenError();
    throw error;
  }
}

export type LoginResult =
  | { ok: true; user: UserSummary }
  | { ok: false; reason: "invalid" | "disabled" };

// Compared against when the e-mail is unknown, so both paths take the same time.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", BCRYPT_COST);

export async function verifyLogin(db: PrismaClient, email: string, password: string): Promise<LoginResult> {
  const user = await db.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { ...userSummarySelect, passwordHash: true },
  });
  const valid = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !valid) return { ok: false, reason: "invalid" };
  if (user.disabledAt) return { ok: false, reason: "disabled" };
  return { ok: true, user: toSummary(user) };
}

/** The user behind a live session, or null when the session is unknown or expired. */
export async function findUserBySession(db: PrismaClient, sessionId: string, now = new Date()): Promise<UserSummary | null> {
  const session = await db.session.findFirst({
    where: { id: sessionId, expiresAt: { gt: now }, user: { disabledAt: null } },
    select: { user: { select: userSummarySelect } },
  });
  return session ? toSummary(session.user) : null;
}

export function hasRole(user: Pick<UserSummary, "roles"> | null | undefined, ...roles: Role[]): boolean {
  return !!user && roles.some((role) => user.roles.includes(role));
}
