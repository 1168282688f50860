import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";

/** Something went wrong with the benchmark itself (not a missed target): the run exits non-zero. */
export class HarnessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HarnessError";
  }
}

type CleanupTask = {
  name: string;
  run: () => Promise<void> | void;
  /** Best effort for `process.on("exit")`, where nothing asynchronous runs any more. */
  runSync?: () => void;
};

const tasks: CleanupTask[] = [];
let cleanup: Promise<void> | null = null;

/** Registers work that must happen however the run ends; tasks run last-in, first-out. */
export function onCleanup(task: CleanupTask): () => void {
  tasks.push(task);
  return () => {
    const index = tasks.indexOf(task);
    if (index >= 0) tasks.splice(index, 1);
  };
}

/** Runs every cleanup task once; later callers wait for the same run. */
export function runCleanup(): Promise<void> {
  cleanup ??= (async () => {
    while (tasks.length > 0) {
      const task = tasks[tasks.length - 1]!;
      try {
        await task.run();
      } catch (error) {
        console.error(`cleanup "${task.name}" failed: ${String(error)}`);
      }
      // Removed only once done, so the exit fallback still covers a task that was cut short.
      tasks.pop();
    }
  })();
  return cleanup;
}

let interrupted = false;

/** True once a signal or the watchdog asked the run to stop. */
export function isInterrupted(): boolean {
  return interrupted;
}

/**
 * Ctrl-C, SIGTERM and uncaught errors all end in the cleanup tasks. `interrupt` is called first so
 * a running load test can stop early instead of finishing its duration.
 */
export function installExitHandlers(interrupt: () => void): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      console.error(`\n${signal} again: exiting without waiting.`);
      process.exit(130);
    }
    signalled = true;
    interrupted = true;
    console.error(`\n${signal}: stopping the benchmark and cleaning up…`);
    interrupt();
    void runCleanup().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);
  process.on("exit", () => {
    // Whatever the asynchronous cleanup has not finished (tasks leave the list once done).
    for (const task of [...tasks].reverse()) {
      try {
        task.runSync?.();
      } catch {
        // Nothing more can be done while the process exits.
      }
    }
  });
}

/** Ends the run if it takes longer than it possibly should (a hung server or load test). */
export function startWatchdog(seconds: number, interrupt: () => void): void {
  setTimeout(() => {
    interrupted = true;
    console.error(`\nBENCHMARK FAILED: still running after ${Math.round(seconds)} s; stopping.`);
    interrupt();
    void runCleanup().finally(() => process.exit(1));
  }, seconds * 1000).unref();
}

let currentChild: ChildProcess | null = null;

/** Stops a command started by runCommand that is still running (used on interrupt). */
export function killCurrentCommand(): void {
  currentChild?.kill("SIGTERM");
}

/**
 * Runs a command to completion with its output in a log file. On failure the last lines of the log
 * are part of the HarnessError, so a broken build or seed is visible without opening the file.
 */
export async function runCommand(
  step: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; timeoutMs: number },
): Promise<{ seconds: number }> {
  const started = performance.now();
  const log = createWriteStream(options.logFile);
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  currentChild = child;
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const timer = setTimeout(() => child.kill("SIGTERM"), options.timeoutMs);
  const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
    child.once("error", (error) => resolve({ code: null, signal: null, error }));
    child.once("close", (code, signal) => resolve({ code, signal }));
  });
  clearTimeout(timer);
  currentChild = null;
  await new Promise<void>((resolve) => log.end(resolve));
  if (outcome.error || outcome.code !== 0) {
    const why = outcome.error
      ? outcome.error.message
      : outcome.signal
        ? `killed by ${outcome.signal}${outcome.signal === "SIGTERM" ? " (timeout or interrupt)" : ""}`
        : `exit code ${outcome.code}`;
    throw new HarnessError(`${step} failed (${why}): ${command} ${args.join(" ")}\n${await tail(options.logFile, 40)}\n(full log: ${options.logFile})`);
  }
  return { seconds: (performance.now() - started) / 1000 };
}

/** The last lines of a text file, indented, for error messages. */
export async function tail(file: string, lines: number): Promise<string> {
  const text = await readFile(file, "utf8").catch(() => "");
  return text
    .trimEnd()
    .split("\n")
    .slice(-lines)
    .map((line) => `    | ${line}`)
    .join("\n");
}
