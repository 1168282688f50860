/**
 * Graduation indicators benchmark (decision 15): what app/models/indicators.server.ts costs on one
 * facilitator's caseload of 256 families with 15 months of store orders (see ./indicators-data.ts).
 *
 *   BENCH_ONLY=indicators npm run bench   # as a section of the benchmark (no build, no server)
 *   tsx scripts/bench/indicators.ts       # on its own; BENCH_RUNS and BENCH_REUSE_DB apply
 *
 * Measured, each after warm-up calls and then timed REPETITIONS times, through the app's own Prisma
 * client (~/utils/db.server) on the generated SQLite database:
 * - list: the facilitator's household list, computeIndicatorsForHouseholds for all 256 families with
 *   count 1 (the latest complete month; the module reads the streak months before it itself);
 * - household: one family's page, computeHouseholdIndicators with 12 months (the busiest family: its
 *   own store and a KUBE store);
 * - evidence: monthEvidence for that family's busiest complete month;
 * - export: computeIndicatorsForHouseholds for the 256 families × 12 months.
 * Every run is a fresh Node process (--expose-gc) so its memory figures are the module's alone.
 */
import { spawn } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readConfig } from "./config";
import { fileSizeMb, FIRST_MONTH, HOUSEHOLDS, INDICATORS_NOW, prepareIndicatorsDatabase } from "./indicators-data";
import { HarnessError } from "./lifecycle";
import { benchPaths } from "./prepare";
import { fixed, heading, median, table, type Verdict } from "./report";
import type { BenchSection } from "./types";

export const INDICATORS_TARGETS = { listMedianMs: 500, householdMedianMs: 100, evidenceMedianMs: 100 } as const;
const REPETITIONS = { list: 20, household: 30, evidence: 30, export: 15 } as const;
const WARMUPS = 3;
/** The latest complete month at INDICATORS_NOW, in every Indonesian time zone. */
const LATEST_COMPLETE = "2026-10";

type ScenarioId = keyof typeof REPETITIONS;

export interface ScenarioTiming {
  id: ScenarioId;
  label: string;
  repetitions: number;
  medianMs: number;
  p90Ms: number;
  maxMs: number;
  /** CPU time of the process per call (user + system), median: less sensitive than wall time to other work. */
  cpuMedianMs: number;
  /** After the repetitions and a full garbage collection. */
  rssMb: number;
  heapUsedMb: number;
  /** The process's peak RSS so far (it only grows: the first scenario that raises it is the one that needs it). */
  peakRssMb: number;
}

export interface IndicatorsRunResult {
  data: { households: number; stores: number; kubeGroups: number; storeOrders: number; completed: number; refunded: number; cancelled: number; orderItems: number; assessments: number; dbMb: number };
  subject: { householdRef: string; stores: number; month: string; evidenceLines: number };
  /** Store orders each call reads (sales or refunds in its windows, over all the households' stores). */
  rowsRead: { list: number; household: number; export: number };
  /** Tiers of the latest complete month over the 256 families, as the list shows them. */
  tiers: Record<string, number>;
  /** RSS and heap before the first call (modules loaded, client connected), after a full GC. */
  baseline: { rssMb: number; heapUsedMb: number };
  scenarios: ScenarioTiming[];
  loadAverage: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const mb = (bytes: number) => bytes / 1_048_576;

function collectGarbage() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

async function time(id: ScenarioId, label: string, call: () => Promise<unknown>): Promise<ScenarioTiming> {
  for (let i = 0; i < WARMUPS; i++) await call();
  collectGarbage();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < REPETITIONS[id]; i++) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await call();
    const used = process.cpuUsage(cpuBefore);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  collectGarbage();
  const memory = process.memoryUsage();
  wall.sort((a, b) => a - b);
  return {
    id,
    label,
    repetitions: wall.length,
    medianMs: median(wall),
    p90Ms: percentile(wall, 90),
    maxMs: wall.at(-1)!,
    cpuMedianMs: median(cpu),
    rssMb: mb(memory.rss),
    heapUsedMb: mb(memory.heapUsed),
    peakRssMb: peakRssMb(),
  };
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** One run, in this process: DATABASE_URL must name the generated database. */
export async function measureIndicators(dbFile: string): Promise<IndicatorsRunResult> {
  // Imported here: the client reads DATABASE_URL when the module loads.
  const [{ prisma }, indicators] = await Promise.all([import("~/utils/db.server"), import("~/models/indicators.server")]);
  const { addMonths, computeHouseholdIndicators, computeIndicatorsForHouseholds, monthEvidence, monthWindow, readinessPolicy } = indicators;
  const now = INDICATORS_NOW;
  try {
    const facilitator = await prisma.user.findFirstOrThrow({ where: { roles: { some: { role: "FACILITATOR" } } }, select: { id: true } });
    // As the facilitator's list loads them: ownership in the where clause.
    const households = await prisma.household.findMany({
      where: { facilitatorId: facilitator.id },
      select: { id: true, programRef: true, stores: { select: { id: true } }, kubeMemberships: { select: { kubeGroup: { select: { stores: { select: { id: true } } } } } } },
      orderBy: { programRef: "asc" },
    });
    if (households.length !== HOUSEHOLDS) throw new HarnessError(`expected ${HOUSEHOLDS} households in ${dbFile}, found ${households.length}`);
    const ids = households.map((h) => h.id);
    const storesOf = (h: (typeof households)[number]) => [...h.stores.map((s) => s.id), ...h.kubeMemberships.flatMap((m) => m.kubeGroup.stores.map((s) => s.id))];
    const allStores = [...new Set(households.flatMap(storesOf))];

    // Store orders the module reads for a series of `count` months ending with `end` (with its streak months).
    const streakMonths = readinessPolicy().readyMonths - 1;
    const zones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"];
    const rowsIn = (storeIds: string[], end: string, count: number) => {
      const start = new Date(Math.min(...zones.map((z) => monthWindow(addMonths(end, -(count + streakMonths - 1)), z).start.getTime())));
      const stop = new Date(Math.max(...zones.map((z) => monthWindow(end, z).end.getTime())));
      const range = { gte: start, lt: stop };
      return prisma.storeOrder.count({
        where: { storeId: { in: storeIds }, OR: [{ completedAt: range }, { status: "REFUNDED", completedAt: { not: null }, refundedAt: range }] },
      });
    };

    collectGarbage();
    const before = process.memoryUsage();
    const baseline = { rssMb: mb(before.rss), heapUsedMb: mb(before.heapUsed) };

    // The busiest family that has its own store and a KUBE store: the heaviest household page.
    const completedByStore = new Map(
      (
        await prisma.storeOrder.groupBy({
          by: ["storeId"],
          where: { completedAt: { gte: monthWindow(addMonths(LATEST_COMPLETE, -11), "Asia/Jayapura").start } },
          _count: { _all: true },
        })
      ).map((g) => [g.storeId, g._count._all]),
    );
    const busiest = households
      .filter((h) => h.kubeMemberships.length > 0)
      .map((h) => ({ h, orders: storesOf(h).reduce((sum, s) => sum + (completedByStore.get(s) ?? 0), 0) }))
      .sort((a, b) => b.orders - a.orders)[0]!.h;

    // Its busiest complete month, by the evidence lines the page would list.
    let month = LATEST_COMPLETE;
    let evidenceLines = -1;
    for (let m = addMonths(LATEST_COMPLETE, -11); m <= LATEST_COMPLETE; m = addMonths(m, 1)) {
      const lines = (await monthEvidence(prisma, busiest.id, m, { now })).lines.length;
      if (lines > evidenceLines) [month, evidenceLines] = [m, lines];
    }

    const list = await computeIndicatorsForHouseholds(prisma, ids, { endMonth: LATEST_COMPLETE, count: 1, now });
    const tiers: Record<string, number> = {};
    for (const series of list.values()) {
      const tier = series.latestComplete?.tier ?? "(none)";
      tiers[tier] = (tiers[tier] ?? 0) + 1;
    }

    const scenarios: ScenarioTiming[] = [];
    scenarios.push(
      await time("list", `facilitator's list: ${HOUSEHOLDS} households, latest complete month`, () =>
        computeIndicatorsForHouseholds(prisma, ids, { endMonth: LATEST_COMPLETE, count: 1, now }),
      ),
    );
    scenarios.push(await time("household", "household page: 1 household, 12 months", () => computeHouseholdIndicators(prisma, busiest.id, { count: 12, now })));
    scenarios.push(await time("evidence", `month evidence: 1 household, ${month}`, () => monthEvidence(prisma, busiest.id, month, { now })));
    scenarios.push(
      await time("export", `export: ${HOUSEHOLDS} households × 12 months`, () => computeIndicatorsForHouseholds(prisma, ids, { endMonth: LATEST_COMPLETE, count: 12, now })),
    );

    const [stores, kubeGroups, storeOrders, completed, refunded, cancelled, orderItems, assessments] = await Promise.all([
      prisma.store.count(),
      prisma.kubeGroup.count(),
      prisma.storeOrder.count(),
      prisma.storeOrder.count({ where: { completedAt: { not: null } } }),
      prisma.storeOrder.count({ where: { status: "REFUNDED" } }),
      prisma.storeOrder.count({ where: { status: "CANCELLED" } }),
      prisma.orderItem.count(),
      prisma.graduationAssessment.count({ where: { submittedAt: { not: null } } }),
    ]);
    const currentMonth = addMonths(LATEST_COMPLETE, 1);
    return {
      data: { households: households.length, stores, kubeGroups, storeOrders, completed, refunded, cancelled, orderItems, assessments, dbMb: await fileSizeMb(dbFile) },
      subject: { householdRef: busiest.programRef, stores: storesOf(busiest).length, month, evidenceLines },
      rowsRead: {
        list: await rowsIn(allStores, LATEST_COMPLETE, 1),
        household: await rowsIn(storesOf(busiest), currentMonth, 12),
        export: await rowsIn(allStores, LATEST_COMPLETE, 12),
      },
      tiers,
      baseline,
      scenarios,
      loadAverage: loadavg()[0]!,
    };
  } finally {
    await prisma.$disconnect();
  }
}

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), "..", "..");

/** One run in a fresh Node process on the generated database. */
function measureInChild(dbFile: string): Promise<IndicatorsRunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", here, "--child", dbFile], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new HarnessError(`indicators bench process exited with ${code}`));
      try {
        resolve(JSON.parse(output.trim().split("\n").pop() ?? "") as IndicatorsRunResult);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/** Per scenario, the median over runs of each figure (the run's own median, p90, max…). */
function combine(runs: IndicatorsRunResult[]): ScenarioTiming[] {
  return runs[0]!.scenarios.map((first) => {
    const all = runs.map((r) => r.scenarios.find((s) => s.id === first.id)!);
    const m = (pick: (s: ScenarioTiming) => number) => median(all.map(pick));
    return {
      ...first,
      medianMs: m((s) => s.medianMs),
      p90Ms: m((s) => s.p90Ms),
      maxMs: m((s) => s.maxMs),
      cpuMedianMs: m((s) => s.cpuMedianMs),
      rssMb: m((s) => s.rssMb),
      heapUsedMb: m((s) => s.heapUsedMb),
      peakRssMb: m((s) => s.peakRssMb),
    };
  });
}

export function indicatorsVerdicts(scenarios: ScenarioTiming[]): Verdict[] {
  const targets: { id: ScenarioId; what: string; maxMs: number }[] = [
    { id: "list", what: `indicators: facilitator's list, ${HOUSEHOLDS} households, median`, maxMs: INDICATORS_TARGETS.listMedianMs },
    { id: "household", what: "indicators: household page, 12 months, median", maxMs: INDICATORS_TARGETS.householdMedianMs },
    { id: "evidence", what: "indicators: month evidence, busiest month, median", maxMs: INDICATORS_TARGETS.evidenceMedianMs },
  ];
  return targets.map((t) => {
    const s = scenarios.find((x) => x.id === t.id)!;
    return { what: t.what, target: `< ${t.maxMs} ms`, actual: `${s.medianMs.toFixed(1)} ms`, met: s.medianMs < t.maxMs };
  });
}

function printResults(runs: IndicatorsRunResult[], scenarios: ScenarioTiming[]): void {
  const { data, subject, rowsRead, tiers } = runs[0]!;
  console.log(
    `  data: ${data.households} households (${data.kubeGroups} KUBE groups of 4), ${data.stores} stores, ${data.storeOrders.toLocaleString("en")} store orders` +
      ` (${data.completed.toLocaleString("en")} completed, ${data.refunded.toLocaleString("en")} of them refunded, ${data.cancelled.toLocaleString("en")} cancelled),` +
      ` ${data.orderItems.toLocaleString("en")} order lines, ${data.assessments} submitted assessments; ${FIRST_MONTH} to ${INDICATORS_NOW.toISOString().slice(0, 10)}; ${data.dbMb.toFixed(0)} MB`,
  );
  console.log(
    `  store orders read per call: list ${rowsRead.list.toLocaleString("en")}, household page ${rowsRead.household.toLocaleString("en")}, export ${rowsRead.export.toLocaleString("en")}` +
      ` (the streak needs the months before the first one shown)`,
  );
  console.log(`  household page and evidence: ${subject.householdRef} (${subject.stores} stores); evidence month ${subject.month}, ${subject.evidenceLines} lines`);
  console.log(`  tiers in the list (${LATEST_COMPLETE}): ${Object.entries(tiers).map(([tier, n]) => `${tier} ${n}`).join(", ")}\n`);
  if (runs.length > 1) console.log(`  medians of ${runs.length} runs (each run's median, p90 and max; then the median of those):`);
  console.log(
    table(scenarios, [
      { header: "call", value: (s) => s.label },
      { header: "reps", align: "right", value: (s) => String(s.repetitions) },
      { header: "median ms", align: "right", value: (s) => fixed(1)(s.medianMs) },
      { header: "p90 ms", align: "right", value: (s) => fixed(1)(s.p90Ms) },
      { header: "max ms", align: "right", value: (s) => fixed(1)(s.maxMs) },
      { header: "cpu median ms", align: "right", value: (s) => fixed(1)(s.cpuMedianMs) },
      { header: "rss MB", align: "right", value: (s) => fixed(0)(s.rssMb) },
      { header: "heap MB", align: "right", value: (s) => fixed(0)(s.heapUsedMb) },
      { header: "peak rss MB", align: "right", value: (s) => fixed(0)(s.peakRssMb) },
    ]),
  );
  const baseline = { rssMb: median(runs.map((r) => r.baseline.rssMb)), heapUsedMb: median(runs.map((r) => r.baseline.heapUsedMb)) };
  console.log(
    `  ${WARMUPS} warm-up calls each, not timed; rss/heap after the repetitions and a full GC (before the first call: rss ${baseline.rssMb.toFixed(0)} MB, heap ${baseline.heapUsedMb.toFixed(0)} MB);` +
      ` peak rss is the process's highest so far, so the call that raises it is the one that needs it.`,
  );
  console.log(`  1-minute load average after each run: ${runs.map((r) => r.loadAverage.toFixed(1)).join(", ")} on ${availableParallelism()} cores (other work inflates wall times, less so CPU times).`);
}

/** The indicators section: the database (made or reused), then `runs` fresh processes. */
export async function runIndicatorsBench({ benchDir, runs, reuse }: { benchDir: string; runs: number; reuse: boolean }): Promise<{ verdicts: Verdict[] }> {
  const prepared = await prepareIndicatorsDatabase(root, benchDir, reuse);
  const relative = path.relative(root, prepared.file);
  if (prepared.summary) {
    const s = prepared.summary;
    console.log(
      `  ✓ generated ${relative} in ${prepared.seconds.toFixed(1)} s (${s.refundedInLaterMonth} of ${s.refunded} refunds in a later month than the sale, ${s.underWay} orders still under way)`,
    );
  } else console.log(`  ✓ reusing ${relative} (BENCH_REUSE_DB=1)`);

  const results: IndicatorsRunResult[] = [];
  for (let run = 1; run <= runs; run++) {
    console.log(`  run ${run}/${runs}: measuring in a fresh process…`);
    results.push(await measureInChild(prepared.file));
  }
  const scenarios = combine(results);
  printResults(results, scenarios);
  return { verdicts: indicatorsVerdicts(scenarios) };
}

/** For scripts/bench.ts's SECTIONS list; needs nothing from the running server. */
export const indicatorsSection: BenchSection = {
  id: "indicators",
  title: `Graduation indicators (one facilitator, ${HOUSEHOLDS} households)`,
  needsServer: false,
  // Generating the database takes about 45 s and a run about 35 s on the 2-core machine; twice that and more.
  extraSeconds: (config) => 180 + 90 * config.runs,
  run: async (ctx) => (await runIndicatorsBench({ benchDir: ctx.benchDir, runs: ctx.config.runs, reuse: ctx.config.reuseDb })).verdicts,
};

if (process.argv[1] && path.resolve(process.argv[1]) === here) {
  const childAt = process.argv.indexOf("--child");
  if (childAt !== -1) {
    const result = await measureIndicators(process.argv[childAt + 1]!);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    const config = readConfig();
    heading(indicatorsSection.title);
    const { verdicts } = await runIndicatorsBench({ benchDir: benchPaths(root).benchDir, runs: config.runs, reuse: config.reuseDb });
    for (const v of verdicts) console.log(`${v.met ? "PASS" : "MISSED"}  ${v.what}: ${v.actual} (target ${v.target})`);
  }
}
