/**
 * Performance benchmark: `npm run bench` (see scripts/bench/config.ts for options).
 *
 * When a selected section requests pages (load, js): builds the app, makes its own database from the
 * migrations and the demo seed in .cache/bench/ and starts the production server on loopback as
 * `npm start` does. Then runs the sections below and prints PASS or MISSED for every target. Sections
 * that need no server (search, images, indicators) skip all that when run alone (BENCH_ONLY). Exits
 * non-zero only when it could not measure; a missed target is printed, not failed.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { describeConfig, readConfig, USAGE } from "./bench/config";
import { stopActiveLoad } from "./bench/http";
import { imagesSection } from "./bench/images";
import { indicatorsSection } from "./bench/indicators";
import { jsSizeSection, type RouteJsTarget } from "./bench/js-size";
import {
  HarnessError,
  installExitHandlers,
  isInterrupted,
  killCurrentCommand,
  onCleanup,
  runCleanup,
  startWatchdog,
} from "./bench/lifecycle";
import { loadSection } from "./bench/load-section";
import { benchPaths, buildApp, dataEnv, prepareDatabase, type BenchPaths } from "./bench/prepare";
import { heading, printVerdicts, type Verdict } from "./bench/report";
import { HTTP_SCENARIOS, pickVisibleCategory, pickVisibleProduct, pickVisibleStore } from "./bench/scenarios";
import { searchSection } from "./bench/search";
import { startServer } from "./bench/server";
import type { BenchContext, BenchSection, SectionContext } from "./bench/types";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Storefront routes whose first-visit JavaScript has a budget. */
const STOREFRONT_ROUTES: RouteJsTarget[] = [
  { routeId: "root" },
  { routeId: "routes/_index", samplePath: () => "/" },
  { routeId: "routes/produk.$slug", samplePath: (ctx) => `/produk/${encodeURIComponent(pickVisibleProduct(ctx).slug)}` },
  { routeId: "routes/toko.$slug", samplePath: (ctx) => `/toko/${encodeURIComponent(pickVisibleStore(ctx).slug)}` },
  { routeId: "routes/kategori.$slug", samplePath: (ctx) => `/kategori/${encodeURIComponent(pickVisibleCategory(ctx).slug)}` },
  { routeId: "routes/keranjang", samplePath: () => "/keranjang" },
];
const JS_BUDGET_BYTES = 100_000;

/** The report, in order. New sections go here. */
const SECTIONS: BenchSection[] = [
  loadSection(HTTP_SCENARIOS),
  jsSizeSection(STOREFRONT_ROUTES, JS_BUDGET_BYTES),
  searchSection,
  imagesSection,
  indicatorsSection,
];

async function main(): Promise<void> {
  if (process.argv.includes("--help")) {
    console.log(USAGE);
    return;
  }
  const config = readConfig();
  const sections = config.only ? SECTIONS.filter((s) => config.only!.includes(s.id)) : SECTIONS;
  if (sections.length === 0) {
    throw new HarnessError(`BENCH_ONLY=${config.only?.join(",")} matches no section (${SECTIONS.map((s) => s.id).join(", ")})`);
  }
  const paths = benchPaths(root);
  await mkdir(paths.logsDir, { recursive: true });

  console.log(`Pasar Mandiri benchmark: ${describeConfig(config)}`);
  console.log(`Node ${process.version}, logs in ${path.relative(root, paths.logsDir)}/`);

  heading("Prepare");
  const base: SectionContext = { root, config, benchDir: paths.benchDir };
  const served = sections.some((s) => s.needsServer) ? await startApp(base, paths) : null;
  if (!served) console.log(`  ✓ no build, demo database or server needed by ${sections.map((s) => s.id).join(", ")}`);
  // From here on the run is bounded in time: the load tests plus generous slack, or it stops itself.
  const loadSeconds = config.runs * HTTP_SCENARIOS.length * (config.warmupSec + config.durationSec + 2);
  const extraSeconds = sections.reduce((sum, s) => sum + (s.extraSeconds?.(config) ?? 0), 0);
  startWatchdog(loadSeconds * 1.5 + 300 + extraSeconds, interrupt);

  const verdicts: Verdict[] = [];
  for (const section of sections) {
    heading(section.title);
    if (!section.needsServer) verdicts.push(...(await section.run(base)));
    else if (served) verdicts.push(...(await section.run(served)));
    else throw new HarnessError(`section ${section.id} needs the server, which was not started`);
  }

  await served?.server.stop();
  if (served && config.cpuProfile) {
    const dir = path.relative(root, paths.profilesDir);
    console.log(`\nCPU profile of the server written to ${dir}/; summary: npx tsx scripts/bench/profile-summary.ts ${dir}/<file>`);
  }

  heading(`Targets${config.runs > 1 ? ` (medians of ${config.runs} runs)` : ""}`);
  printVerdicts(verdicts);
}

/** The built app on a freshly seeded database, served on loopback, for the sections that request pages. */
async function startApp(base: SectionContext, paths: BenchPaths): Promise<BenchContext> {
  const { config } = base;
  if (config.skipBuild) console.log("  ✓ using the existing build (BENCH_SKIP_BUILD=1)");
  else await buildApp(root, paths);
  await prepareDatabase(root, paths, config.reuseDb);

  const db = new Database(paths.dbFile, { readonly: true, fileMustExist: true });
  onCleanup({ name: "close database", run: () => void db.close() });

  const nodeArgs: string[] = [];
  if (config.cpuProfile) {
    await mkdir(paths.profilesDir, { recursive: true });
    nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${paths.profilesDir}`);
  }
  const server = await startServer({
    root,
    env: { ...dataEnv(paths), NODE_ENV: "production", LOG_LEVEL: "warn", COOKIE_SECURE: "false" },
    logFile: path.join(paths.logsDir, "server.log"),
    nodeArgs,
  });
  console.log(`  ✓ node server.js on ${server.baseUrl} (pid ${server.pid}), /healthcheck 200`);
  return {
    ...base,
    db,
    server,
    headers: config.acceptEncoding === "" ? {} : { "accept-encoding": config.acceptEncoding },
  };
}

function interrupt() {
  stopActiveLoad();
  killCurrentCommand();
}
installExitHandlers(interrupt);

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  if (isInterrupted()) console.error("\nBenchmark interrupted; nothing to report.");
  else console.error(`\nBENCHMARK FAILED (harness error, not a missed target):\n${error instanceof HarnessError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await runCleanup();
}
process.exit(exitCode);
