import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "~/models/audit.server";
import type { PrismaClient } from "~/utils/db.server";

/**
 * Tokens for the data-exchange API (`Authorization: Bearer pm_…`). A token is 32 random bytes in
 * base64url with a `pm_` prefix. Only its SHA-256 hash is stored (the hash is the lookup key, so
 * no comparison of secrets happens in application code) and its first 8 characters, to recognise it
 * in the list. The token itself is shown once, when it is made.
 */

export const TOKEN_PREFIX = "pm_";
const PREFIX_LENGTH = 8;
/** "pm_" and 43 base64url characters (32 bytes). */
const TOKEN_PATTERN = /^pm_[A-Za-z0-9_-]{43}$/;

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export type ApiTokenListItem = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  createdByName: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export async function createApiToken(db: PrismaClient, input: { name: string; actorId: string }): Promise<{ id: string; token: string; prefix: string }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const prefix = token.slice(0, PREFIX_LENGTH);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { name: input.name, tokenHash: hashApiToken(token), prefix, createdById: input.actorId },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: input.actorId, action: "api_token.create", subjectType: "ApiToken", subjectId: created.id, details: { name: input.name, prefix } });
    return created;
  });
  return { id: row.id, token, prefix };
}

export type TokenCheck =
  | { ok: true; token: { id: string; name: string } }
  | { ok: false; reason: "missing" | "malformed" | "unknown" | "revoked"; tokenId: string | null };

/**
 * The live token behind an Authorization header value. A missing header, a value that is not
 * `Bearer pm_…`, an unknown token and a revoked one are refused, each with its reason (the revoked
 * token's id is kept for the access log). A valid token's lastUsedAt is set to now.
 */
export async function verifyApiToken(db: PrismaClient, authorization: string | null, now = new Date()): Promise<TokenCheck> {
  if (!authorization || authorization.trim() === "") return { ok: false, reason: "missing", tokenId: null };
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (!token || !TOKEN_PATTERN.test(token)) return { ok: false, reason: "malformed", tokenId: null };
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, select: { id: true, name: true, revokedAt: true } });
  if (!row) return { ok: false, reason: "unknown", tokenId: null };
  if (row.revokedAt) return { ok: false, reason: "revoked", tokenId: row.id };
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now }, select: { id: true } });
  return { ok: true, token: { id: row.id, name: row.name } };
}

/** Revokes a live token; false when it does not exist or was already revoked (nothing changes then). */
export async function revokeApiToken(db: PrismaClient, input: { id: string; actorId: string }, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id: input.id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) return false;
    await recordAudit(tx, { actorId: input.actorId, action: "api_token.revoke", subjectType: "ApiToken", subjectId: input.id });
    return true;
  });
}

export async function listApiTokens(db: PrismaClient): Promise<ApiTokenListItem[]> {
  const rows = await db.apiToken.findMany({
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true } } },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return rows.map(({ createdBy, ...row }) => ({ ...row, createdByName: createdBy.name }));
}
