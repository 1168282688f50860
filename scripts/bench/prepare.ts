import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { HarnessError, runCommand } from "./lifecycle";

export const SEED_REFERENCE_DATE = "2026-11-15";

export interface BenchPaths {
  benchDir: string;
  dbFile: string;
  imagesDir: string;
  logsDir: string;
  profilesDir: string;
}

export function benchPaths(root: string): BenchPaths {
  // .cache is ignored by git, eslint and tsc.
  const benchDir = path.join(root, ".cache", "bench");
  return {
    benchDir,
    dbFile: path.join(benchDir, "app.db"),
    imagesDir: path.join(benchDir, "images"),
    logsDir: path.join(benchDir, "logs"),
    profilesDir: path.join(benchDir, "profiles"),
  };
}

/** Environment for the Prisma CLI, the seed and the server: the bench database and image folder. */
export function dataEnv(paths: BenchPaths): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: `file:${paths.dbFile}`, IMAGE_STORAGE_DIR: paths.imagesDir };
}

const MINUTE = 60_000;

function step(label: string, seconds: number) {
  console.log(`  ✓ ${label} (${seconds.toFixed(1)} s)`);
}

/** `npx remix build` (the generated Prisma client first, if it is missing). */
export async function buildApp(root: string, paths: BenchPaths): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  if (!existsSync(path.join(root, "app", "generated", "prisma", "client.ts"))) {
    const generated = await runCommand("prisma generate", "npx", ["prisma", "generate"], {
      cwd: root,
      env,
      logFile: path.join(paths.logsDir, "prisma-generate.log"),
      timeoutMs: 5 * MINUTE,
    });
    step("prisma generate", generated.seconds);
  }
  const built = await runCommand("remix build", "npx", ["remix", "build"], {
    cwd: root,
    env,
    logFile: path.join(paths.logsDir, "build.log"),
    timeoutMs: 10 * MINUTE,
  });
  step("npx remix build", built.seconds);
}

/** A fresh database: `prisma migrate deploy`, then the demo seed, with its own images folder. */
export async function prepareDatabase(root: string, paths: BenchPaths, reuse: boolean): Promise<void> {
  if (reuse && existsSync(paths.dbFile)) {
    console.log(`  ✓ reusing ${path.relative(root, paths.dbFile)} (BENCH_REUSE_DB=1)`);
    return;
  }
  const seedFile = path.join(root, "prisma", "seed.ts");
  if (!existsSync(seedFile)) {
    throw new HarnessError(`${path.relative(root, seedFile)} does not exist: the benchmark runs against the demo seed`);
  }
  for (const suffix of ["", "-wal", "-shm", "-journal"]) await rm(paths.dbFile + suffix, { force: true });
  await rm(paths.imagesDir, { recursive: true, force: true });
  await mkdir(paths.imagesDir, { recursive: true });

  const env = dataEnv(paths);
  const migrated = await runCommand("prisma migrate deploy", "npx", ["prisma", "migrate", "deploy"], {
    cwd: root,
    env,
    logFile: path.join(paths.logsDir, "migrate.log"),
    timeoutMs: 5 * MINUTE,
  });
  step("npx prisma migrate deploy", migrated.seconds);

  const seeded = await runCommand("seed", "npx", ["tsx", "prisma/seed.ts"], {
    cwd: root,
    env: { ...env, SEED_REFERENCE_DATE, LOG_LEVEL: "warn" },
    logFile: path.join(paths.logsDir, "seed.log"),
    timeoutMs: 15 * MINUTE,
  });
  step(`npx tsx prisma/seed.ts (SEED_REFERENCE_DATE=${SEED_REFERENCE_DATE})`, seeded.seconds);
}
