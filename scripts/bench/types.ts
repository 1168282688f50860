import type Database from "better-sqlite3";
import type { BenchConfig } from "./config";
import type { Verdict } from "./report";
import type { RunningServer } from "./server";

/** What every section of the benchmark gets. */
export interface BenchContext {
  root: string;
  config: BenchConfig;
  /** .cache/bench: database, images, logs and profiles of this benchmark. */
  benchDir: string;
  /** The seeded bench database, read-only, for picking realistic URLs. */
  db: Database.Database;
  /** The production server, started once for all sections that need it. */
  server: RunningServer;
  /** Headers every request sends (as a browser would). */
  headers: Record<string, string>;
}

/**
 * One part of the report (page load, bundle size, later: image pipeline, search…). A section prints
 * its own figures and returns its verdicts against the targets; it throws HarnessError only when
 * it could not measure.
 */
export interface BenchSection {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<Verdict[]>;
}
