import { spawn } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { HarnessError, onCleanup, tail } from "./lifecycle";

export interface RunningServer {
  baseUrl: string;
  pid: number;
  logFile: string;
  /** CPU seconds (user + system) the server process has used so far, from /proc; null where unavailable. */
  cpuSeconds(): number | null;
  /** Resident memory in MB, from /proc; null where unavailable. */
  rssMb(): number | null;
  stop(): Promise<void>;
}

export interface StartServerOptions {
  root: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  readyTimeoutMs?: number;
}

const HOST = "127.0.0.1";

/** A port that is free on loopback right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Starts the production server as `npm start` does (`node server.js`, same working directory),
 * bound to loopback only, and waits until GET /healthcheck answers 200.
 * The server runs in its own process group so it is always stopped by us, even on Ctrl-C.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://${HOST}:${port}`;
  // server.js is what `npm start` runs; calling node directly lets us pass node flags and keeps
  // npm wrappers out of the process tree we have to stop.
  const log = openSync(options.logFile, "w");
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "server.js"], {
    cwd: options.root,
    env: { ...options.env, HOST, PORT: String(port) },
    // A file, not a pipe: the server must never block on us.
    stdio: ["ignore", log, log],
    detached: true,
  });
  closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new HarnessError("could not start the server");

  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exitPromise = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });

  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };

  const stop = async () => {
    if (exited) return;
    // SIGTERM lets the server close (and node write a --cpu-prof profile); then SIGKILL.
    killGroup("SIGTERM");
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 10_000).unref());
    if ((await Promise.race([exitPromise, timeout])) === "timeout") {
      killGroup("SIGKILL");
      await exitPromise;
    }
  };
  const unregister = onCleanup({ name: "stop server", run: stop, runSync: () => killGroup("SIGKILL") });

  const server: RunningServer = {
    baseUrl,
    pid,
    logFile: options.logFile,
    // The server may run one worker per core (server.js, WEB_CONCURRENCY): count its whole process group.
    cpuSeconds: () => sumOverGroup(pid, readCpuSeconds),
    rssMb: () => sumOverGroup(pid, readRssMb),
    async stop() {
      await stop();
      unregister();
    },
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let lastProblem = "no answer yet";
  while (Date.now() < deadline) {
    if (exited) {
      const { code, signal } = exited;
      throw new HarnessError(
        `the server exited during start-up (code ${code}, signal ${signal}):\n${await tail(options.logFile, 30)}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/healthcheck`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return server;
      lastProblem = `GET /healthcheck answered ${response.status}`;
    } catch (error) {
      lastProblem = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new HarnessError(`server not healthy in time (${lastProblem}):\n${await tail(options.logFile, 30)}`);
}

const CLOCK_TICKS = 100; // USER_HZ on Linux.

/** The processes of a process group (the server and its workers), from /proc. */
function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) members.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return members;
}

function sumOverGroup(pgid: number, read: (pid: number) => number | null): number | null {
  const values = groupMembers(pgid).map(read).filter((v): v is number => v !== null);
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) : null;
}

function readCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces) start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime + stime) ? (utime + stime) / CLOCK_TICKS : null;
  } catch {
    return null;
  }
}

function readRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds all processes of the machine have used since boot (busy time of every core), from /proc/stat. */
export function machineBusySeconds(): number | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!;
    const [, ...values] = line.trim().split(/\s+/);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number);
    const busy = user! + nice! + system! + irq! + softirq! + steal!;
    return Number.isFinite(busy) && Number.isFinite(idle! + iowait!) ? busy / CLOCK_TICKS : null;
  } catch {
    return null;
  }
}
