import { HarnessError } from "./lifecycle";

/** Everything a run can be told through the environment (see printUsage). */
export interface BenchConfig {
  /** Seconds of measured load per scenario and run (BENCH_DURATION, default 10). */
  durationSec: number;
  /** Seconds of unmeasured load before each measurement (BENCH_WARMUP, default 2). */
  warmupSec: number;
  /** Repetitions; medians are reported when more than one (BENCH_RUNS, default 1). */
  runs: number;
  /** Concurrent connections (BENCH_CONNECTIONS, default 50: the targets are stated for 50). */
  connections: number;
  /** Accept-Encoding sent with every request (BENCH_ACCEPT_ENCODING, default as a browser; "" for none). */
  acceptEncoding: string;
  /** Sections to run, by id (BENCH_ONLY, comma-separated; default all). */
  only: string[] | null;
  /** Page load scenarios to run, by id (BENCH_SCENARIOS, comma-separated; default all). */
  scenarios: string[] | null;
  /** Skip `remix build` and use the build that is there (BENCH_SKIP_BUILD=1). */
  skipBuild: boolean;
  /** Keep the bench databases from the previous run instead of making them anew (BENCH_REUSE_DB=1). */
  reuseDb: boolean;
  /** Write a V8 CPU profile of the server to .cache/bench/profiles (BENCH_CPU_PROF=1). */
  cpuProfile: boolean;
}

const LIMITS = { durationSec: 120, warmupSec: 30, runs: 9, connections: 200 } as const;

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new HarnessError(`${name}=${raw}: expected a number from ${min} to ${max}`);
  }
  return value;
}

const flag = (env: NodeJS.ProcessEnv, name: string) => ["1", "true", "yes"].includes((env[name] ?? "").toLowerCase());

const list = (raw: string | undefined) => (raw ? raw.split(",").map((s) => s.trim()).filter(Boolean) : null);

export function readConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  return {
    durationSec: number(env, "BENCH_DURATION", 10, LIMITS.durationSec, 1),
    warmupSec: number(env, "BENCH_WARMUP", 2, LIMITS.warmupSec),
    runs: Math.round(number(env, "BENCH_RUNS", 1, LIMITS.runs, 1)),
    connections: Math.round(number(env, "BENCH_CONNECTIONS", 50, LIMITS.connections, 1)),
    acceptEncoding: env.BENCH_ACCEPT_ENCODING ?? "gzip, deflate, br",
    only: list(env.BENCH_ONLY),
    scenarios: list(env.BENCH_SCENARIOS),
    skipBuild: flag(env, "BENCH_SKIP_BUILD"),
    reuseDb: flag(env, "BENCH_REUSE_DB"),
    cpuProfile: flag(env, "BENCH_CPU_PROF"),
  };
}

export function describeConfig(config: BenchConfig): string {
  return [
    `${config.connections} connections`,
    `${config.durationSec} s measured + ${config.warmupSec} s warm-up per scenario`,
    `${config.runs} run${config.runs === 1 ? "" : "s"}`,
    `Accept-Encoding: ${config.acceptEncoding === "" ? "(none)" : config.acceptEncoding}`,
  ].join(", ");
}

export const USAGE = `Environment:
  BENCH_DURATION=10       seconds measured per scenario and run (max ${LIMITS.durationSec})
  BENCH_WARMUP=2          seconds of warm-up before each measurement (max ${LIMITS.warmupSec})
  BENCH_RUNS=1            repetitions; medians are reported (max ${LIMITS.runs})
  BENCH_CONNECTIONS=50    concurrent connections (targets are stated for 50)
  BENCH_ACCEPT_ENCODING   default "gzip, deflate, br" like a browser; "" sends none
  BENCH_ONLY=load,js      run only these sections (load, js, search, images, indicators);
                          search, images and indicators alone need no build, demo seed or server
  BENCH_SCENARIOS=home    run only these page load scenarios (home, product, static)
  BENCH_SKIP_BUILD=1      use the existing build/ and public/build/
  BENCH_REUSE_DB=1        keep .cache/bench/app.db and indicators.db from the previous run
  BENCH_CPU_PROF=1        write a CPU profile of the server to .cache/bench/profiles/`;
