import type { PrismaClient } from "~/utils/db.server";

/**
 * Every CSV download and API read of program data is logged, refused ones included: who (a user or
 * an API token), which dataset, in which format, with which filters, how many rows, which status.
 */

export type DataAccessFormat = "csv" | "json";

export type DataAccessEntry = {
  userId?: string | null;
  tokenId?: string | null;
  resource: string;
  format: DataAccessFormat;
  filters: Record<string, string>;
  rowCount: number;
  status: number;
  /** Who called, for refused calls above all: the client address and User-Agent. */
  client?: AccessClient;
};

export type AccessClient = { ip: string | null; userAgent: string | null };

/** The caller of a request: the address server.js put in the load context, and the User-Agent header. */
export function accessClient(request: Request, context: { clientIp?: string | null } | undefined): AccessClient {
  return { ip: context?.clientIp ?? null, userAgent: request.headers.get("user-agent") };
}

export async function recordDataAccess(db: PrismaClient, entry: DataAccessEntry): Promise<void> {
  await db.dataAccessLog.create({
    data: {
      userId: entry.userId ?? null,
      tokenId: entry.tokenId ?? null,
      resource: entry.resource,
      format: entry.format,
      filters: JSON.stringify(entry.filters),
      rowCount: entry.rowCount,
      status: entry.status,
      clientIp: entry.client?.ip?.slice(0, 64) ?? null,
      userAgent: entry.client?.userAgent?.slice(0, 200) ?? null,
    },
    select: { id: true },
  });
}

export type DataAccessLogItem = {
  id: string;
  createdAt: Date;
  who: { kind: "user"; name: string; email: string } | { kind: "token"; name: string; prefix: string } | { kind: "anonymous" };
  resource: string;
  format: string;
  filters: string;
  rowCount: number;
  status: number;
  clientIp: string | null;
  userAgent: string | null;
};

export async function listRecentDataAccess(db: PrismaClient, limit = 50): Promise<DataAccessLogItem[]> {
  const rows = await db.dataAccessLog.findMany({
    select: {
      id: true,
      createdAt: true,
      resource: true,
      format: true,
      filters: true,
      rowCount: true,
      status: true,
      clientIp: true,
      userAgent: true,
      user: { select: { name: true, email: true } },
      token: { select: { name: true, prefix: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    who: row.user ? { kind: "user", ...row.user } : row.token ? { kind: "token", ...row.token } : { kind: "anonymous" },
    resource: row.resource,
    format: row.format,
    filters: filtersText(row.filters),
    rowCount: row.rowCount,
    status: row.status,
    clientIp: row.clientIp,
    userAgent: row.userAgent,
  }));
}

/** "province=53 from=2026-01" from the stored JSON, for the admin's list. */
function filtersText(json: string | null): string {
  if (!json) return "";
  try {
    const parsed = JSON.parse(json) as Record<string, unknown>;
    return Object.entries(parsed)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(" ");
  } catch {
    return "";
  }
}
