import { fetchPage, runLoad, type LoadResult } from "./http";
import { HarnessError, isInterrupted } from "./lifecycle";
import { fixed, median, table, type Verdict } from "./report";
import type { HttpScenario, PreparedScenario } from "./scenarios";
import { machineBusySeconds } from "./server";
import type { BenchContext, BenchSection } from "./types";

interface Measurement extends LoadResult {
  run: number;
  /** Server CPU use during the measurement, in % of one core (100 = one core saturated). */
  serverCpuPct: number | null;
  /**
   * CPU used meanwhile by everything but the server and this process (autocannon), in % of one
   * core: other work on a shared machine that competes with the server for its 2 cores.
   */
  othersCpuPct: number | null;
  /** Server CPU milliseconds per response: less sensitive to a noisy machine than req/s. */
  serverCpuMsPerRequest: number | null;
}

interface Summary {
  scenario: HttpScenario;
  path: string;
  runs: Measurement[];
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  serverCpuPct: number | null;
  othersCpuPct: number | null;
  serverCpuMsPerRequest: number | null;
  bytesPerResponse: number;
  htmlBytes: number;
}

const pct = (value: number | null) => (value === null ? "–" : `${fixed(0)(value)}%`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function verify(ctx: BenchContext, scenario: HttpScenario, prepared: PreparedScenario, when: string) {
  const page = await fetchPage(`${ctx.server.baseUrl}${prepared.path}`, { ...ctx.headers, ...prepared.headers });
  const problems = prepared.check(page);
  if (problems.length > 0) {
    throw new HarnessError(`${scenario.id} (${prepared.path}) ${when} is not the expected page: ${problems.join("; ")}`);
  }
  return page;
}

async function measure(ctx: BenchContext, url: string, headers: Record<string, string>, run: number): Promise<Measurement> {
  const { connections, durationSec, warmupSec } = ctx.config;
  if (warmupSec > 0) await runLoad({ url, connections, durationSec: warmupSec, headers });
  await pause(300);
  const before = { server: ctx.server.cpuSeconds(), machine: machineBusySeconds(), self: process.cpuUsage() };
  const started = performance.now();
  const result = await runLoad({ url, connections, durationSec, headers });
  const wall = (performance.now() - started) / 1000;
  const after = { server: ctx.server.cpuSeconds(), machine: machineBusySeconds() };
  const self = process.cpuUsage(before.self);
  const server = before.server !== null && after.server !== null ? after.server - before.server : null;
  const machine = before.machine !== null && after.machine !== null ? after.machine - before.machine : null;
  const others = server !== null && machine !== null ? Math.max(0, machine - server - (self.user + self.system) / 1e6) : null;
  return {
    ...result,
    run,
    serverCpuPct: server === null ? null : (server / wall) * 100,
    othersCpuPct: others === null ? null : (others / wall) * 100,
    serverCpuMsPerRequest: server === null || result.totalRequests === 0 ? null : (server * 1000) / result.totalRequests,
  };
}

const columns = {
  scenario: { header: "scenario", value: (s: Summary) => s.scenario.id },
  path: { header: "path", value: (s: Summary) => s.path },
  rps: { header: "req/s", align: "right" as const, value: (s: Summary) => fixed(0)(s.rps) },
  p50: { header: "p50 ms", align: "right" as const, value: (s: Summary) => fixed(1)(s.p50) },
  p99: { header: "p99 ms", align: "right" as const, value: (s: Summary) => fixed(1)(s.p99) },
  non2xx: { header: "non-2xx", align: "right" as const, value: (s: Summary) => String(s.non2xx) },
  errors: { header: "errors", align: "right" as const, value: (s: Summary) => String(s.errors) },
  cpu: {
    header: "server CPU",
    align: "right" as const,
    value: (s: Summary) => pct(s.serverCpuPct),
  },
  cpuPerRequest: {
    header: "CPU ms/req",
    align: "right" as const,
    value: (s: Summary) => (s.serverCpuMsPerRequest === null ? "–" : fixed(2)(s.serverCpuMsPerRequest)),
  },
  others: {
    header: "others CPU",
    align: "right" as const,
    value: (s: Summary) => pct(s.othersCpuPct),
  },
  size: {
    header: "KB html/wire",
    align: "right" as const,
    value: (s: Summary) => `${(s.htmlBytes / 1000).toFixed(1)}/${(s.bytesPerResponse / 1000).toFixed(1)}`,
  },
};

function summarize(scenario: HttpScenario, path: string, runs: Measurement[], htmlBytes: number): Summary {
  const known = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
  const cpu = known(runs.map((r) => r.serverCpuPct));
  const others = known(runs.map((r) => r.othersCpuPct));
  const perRequest = known(runs.map((r) => r.serverCpuMsPerRequest));
  return {
    scenario,
    path,
    runs,
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    serverCpuPct: cpu.length > 0 ? median(cpu) : null,
    othersCpuPct: others.length > 0 ? median(others) : null,
    serverCpuMsPerRequest: perRequest.length > 0 ? median(perRequest) : null,
    bytesPerResponse: median(runs.map((r) => r.bytesPerResponse)),
    htmlBytes,
  };
}

/**
 * Page load: every scenario, `runs` times, in order (home, product, static, home, …) so slow drifts
 * of a noisy machine spread over all of them; medians when there is more than one run.
 */
export function loadSection(allScenarios: HttpScenario[]): BenchSection {
  return {
    id: "load",
    title: "Page load (autocannon)",
    needsServer: true,
    async run(ctx) {
      const { config } = ctx;
      const scenarios = config.scenarios ? allScenarios.filter((s) => config.scenarios!.includes(s.id)) : allScenarios;
      if (scenarios.length === 0) {
        throw new HarnessError(`BENCH_SCENARIOS=${config.scenarios?.join(",")} matches none of ${allScenarios.map((s) => s.id).join(", ")}`);
      }
      const prepared = new Map<string, { prepared: PreparedScenario; htmlBytes: number }>();
      for (const scenario of scenarios) {
        const p = await scenario.prepare(ctx);
        const page = await verify(ctx, scenario, p, "before the load");
        prepared.set(scenario.id, { prepared: p, htmlBytes: page.bytes });
        console.log(`  ${scenario.id.padEnd(8)} ${p.path} → ${page.status}, ${page.bytes} B HTML, ${page.wireBytes} B on the wire${page.contentEncoding ? ` (${page.contentEncoding})` : ""}`);
      }

      const measurements = new Map<string, Measurement[]>(scenarios.map((s) => [s.id, []]));
      for (let run = 1; run <= config.runs; run++) {
        for (const scenario of scenarios) {
          if (isInterrupted()) throw new HarnessError("interrupted");
          const { prepared: p } = prepared.get(scenario.id)!;
          const m = await measure(ctx, `${ctx.server.baseUrl}${p.path}`, { ...ctx.headers, ...p.headers }, run);
          measurements.get(scenario.id)!.push(m);
          console.log(
            `  run ${run}/${config.runs} ${scenario.id.padEnd(8)} ${fixed(0)(m.rps).padStart(6)} req/s  p50 ${fixed(1)(m.p50).padStart(6)} ms  p99 ${fixed(1)(m.p99).padStart(6)} ms  non-2xx ${m.non2xx}  errors ${m.errors}  server CPU ${pct(m.serverCpuPct)} (${m.serverCpuMsPerRequest === null ? "–" : fixed(2)(m.serverCpuMsPerRequest)} ms/req)  others ${pct(m.othersCpuPct)}`,
          );
        }
      }
      // The load must not have turned the pages into error pages (e.g. a pool or lock running out).
      for (const scenario of scenarios) await verify(ctx, scenario, prepared.get(scenario.id)!.prepared, "after the load");

      const summaries = scenarios.map((s) =>
        summarize(s, prepared.get(s.id)!.prepared.path, measurements.get(s.id)!, prepared.get(s.id)!.htmlBytes),
      );
      const rss = ctx.server.rssMb();
      console.log(
        `\n${config.runs > 1 ? `Median of ${config.runs} runs` : "Results"} (${config.connections} connections, ${config.durationSec} s each${rss === null ? "" : `; server RSS now ${rss.toFixed(0)} MB`}):\n`,
      );
      const c = columns;
      console.log(table(summaries, [c.scenario, c.path, c.rps, c.p50, c.p99, c.non2xx, c.errors, c.cpu, c.cpuPerRequest, c.others, c.size]));
      const busiest = Math.max(...summaries.map((s) => s.othersCpuPct ?? 0));
      if (busiest > 25) {
        console.log(
          `\nnote: other processes used up to ${busiest.toFixed(0)}% of a core during the measurements (2 cores shared with the server and autocannon); figures are lower than on a quiet machine. Use BENCH_RUNS=3 and quote medians.`,
        );
      }

      const byId = new Map(summaries.map((s) => [s.scenario.id, s]));
      const ratios = summaries.flatMap((s) => {
        const base = s.scenario.compareWith ? byId.get(s.scenario.compareWith) : undefined;
        return base ? [{ s, base }] : [];
      });
      if (ratios.length > 0) {
        console.log("\nPage vs static file of the same size (how much of the budget rendering takes):\n");
        console.log(
          table(ratios, [
            { header: "ratio", value: ({ s, base }) => `${s.scenario.id}/${base.scenario.id}` },
            { header: "req/s", align: "right", value: ({ s, base }) => `${(s.rps / base.rps).toFixed(3)}×` },
            { header: "p99", align: "right", value: ({ s, base }) => `${(s.p99 / base.p99).toFixed(1)}×` },
          ]),
        );
      }

      // Closed loop: every connection always has one request in flight, so mean latency = connections / req/s.
      const p99Target = Math.min(...summaries.map((s) => s.scenario.targets?.maxP99Ms ?? Infinity));
      if (Number.isFinite(p99Target)) {
        console.log(
          `\nnote: with ${config.connections} connections always busy, mean latency = ${config.connections} / req/s; p99 < ${p99Target} ms therefore needs more than ${Math.ceil((config.connections * 1000) / p99Target)} req/s.`,
        );
      }

      return summaries.flatMap((s): Verdict[] => {
        const verdicts: Verdict[] = [
          {
            what: `${s.scenario.id}: every response 2xx, no errors`,
            target: "0",
            actual: `${s.non2xx} non-2xx, ${s.errors} errors`,
            met: s.non2xx === 0 && s.errors === 0,
          },
        ];
        const t = s.scenario.targets;
        if (t?.minRps !== undefined) {
          verdicts.push({ what: `${s.scenario.id}: req/s`, target: `≥ ${t.minRps}`, actual: fixed(0)(s.rps), met: s.rps >= t.minRps });
        }
        if (t?.maxP99Ms !== undefined) {
          verdicts.push({ what: `${s.scenario.id}: p99 latency`, target: `< ${t.maxP99Ms} ms`, actual: `${fixed(1)(s.p99)} ms`, met: s.p99 < t.maxP99Ms });
        }
        return verdicts;
      });
    },
  };
}
