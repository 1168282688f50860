import type Database from "better-sqlite3";
import type { BenchConfig } from "./config";
import type { Verdict } from "./report";
import type { RunningServer } from "./server";

/** What every section of the benchmark gets. */
export interface SectionContext {
  root: string;
  config: BenchConfig;
  /** .cache/bench: databases, images, logs and profiles of this benchmark. */
  benchDir: string;
}

/** What a section that requests pages gets in addition: the built app, running on the seeded database. */
export interface BenchContext extends SectionContext {
  /** The seeded bench database, read-only, for picking realistic URLs. */
  db: Database.Database;
  /** The production server, started once for all sections that need it. */
  server: RunningServer;
  /** Headers every request sends (as a browser would). */
  headers: Record<string, string>;
}

/**
 * One part of the report (page load, bundle size, search, images, indicators…). A section prints
 * its own figures and returns its verdicts against the targets; it throws HarnessError only when
 * it could not measure. Only sections with `needsServer` make the run build the app, seed the
 * database and start the server: a run of the others alone skips all three.
 */
export type BenchSection = {
  id: string;
  title: string;
  /** Seconds this section may take beyond the watchdog's allowance for the load tests (default 0). */
  extraSeconds?: (config: BenchConfig) => number;
} & ({ needsServer: true; run(ctx: BenchContext): Promise<Verdict[]> } | { needsServer: false; run(ctx: SectionContext): Promise<Verdict[]> });
