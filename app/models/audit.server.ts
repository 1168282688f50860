import type { Prisma } from "~/generated/prisma/client";
import type { PrismaClient } from "~/utils/db.server";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  /** Only what matters to understand the action later; never passwords or national ID numbers. */
  details?: Record<string, unknown>;
  /** When it happened, if not now (a step dated by the caller's clock, such as the demo seed's reference date). */
  at?: Date;
};

export async function recordAudit(db: PrismaClient | Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      details: entry.details ? JSON.stringify(entry.details) : null,
      ...(entry.at ? { createdAt: entry.at } : {}),
    },
    select: { id: true },
  });
}
