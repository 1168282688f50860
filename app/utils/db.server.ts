import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "./env.server";

function createClient(url: string) {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

declare global {
  // Survives module reloads in development so connections are not leaked.
  var __prisma: PrismaClient | undefined;
}

/** The one Prisma client of the process. */
export const prisma: PrismaClient = (globalThis.__prisma ??= createClient(getEnv().DATABASE_URL));

export type { PrismaClient };
