/**
 * Summarises a V8 .cpuprofile (from BENCH_CPU_PROF=1): where the server's CPU time went, by package
 * and by function. Usage: npx tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top=25]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { table } from "./report";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** "react-dom", "@prisma/client", "app (build/index.js)", "node:internal", "(idle)"… */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (url.includes("/build/index.js")) return "app (build/index.js)";
  if (url.startsWith("node:")) return "node:" + (url.split(":")[1]!.split("/")[0] ?? "");
  return url.replace(/^file:\/\//, "");
}

export function summarizeProfile(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  // Self time per node from the samples (µs).
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self.entries()]
    .filter(([id]) => ["(idle)", "(program)"].includes(byId.get(id)!.callFrame.functionName))
    .reduce((a, [, t]) => a + t, 0);

  const selfByPackage = new Map<string, number>();
  const selfByFunction = new Map<string, { pkg: string; time: number }>();
  // Inclusive time per package: a sample counts once for each package on its stack.
  const inclusiveByPackage = new Map<string, number>();
  for (const [id, time] of self) {
    const node = byId.get(id)!;
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
    selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + time);
    const fn = `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url.split("/").slice(-2).join("/")}:${node.callFrame.lineNumber + 1}`;
    const entry = selfByFunction.get(fn) ?? { pkg, time: 0 };
    entry.time += time;
    selfByFunction.set(fn, entry);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      const p = packageOf(n.callFrame.url, n.callFrame.functionName);
      if (p === "(root)" || seen.has(p)) continue;
      seen.add(p);
      inclusiveByPackage.set(p, (inclusiveByPackage.get(p) ?? 0) + time);
    }
  }

  const busy = total - idle;
  const pct = (t: number) => `${((t / busy) * 100).toFixed(1)}%`;
  const ms = (t: number) => (t / 1000).toFixed(0);
  const packages = [...selfByPackage.entries()]
    .filter(([p]) => !["(idle)", "(program)", "(root)"].includes(p))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
  const functions = [...selfByFunction.entries()]
    .filter(([, v]) => !["(idle)", "(program)"].includes(v.pkg))
    .sort((a, b) => b[1].time - a[1].time)
    .slice(0, top);

  return [
    `profile: ${ms(total)} ms sampled, ${ms(busy)} ms busy (not idle/program); shares are of busy time\n`,
    table(packages, [
      { header: "package", value: ([p]) => p },
      { header: "self ms", align: "right", value: ([, t]) => ms(t) },
      { header: "self", align: "right", value: ([, t]) => pct(t) },
      { header: "incl.", align: "right", value: ([p]) => pct(inclusiveByPackage.get(p) ?? 0) },
    ]),
    "",
    table(functions, [
      { header: "function (self time)", value: ([f]) => f.slice(0, 110) },
      { header: "package", value: ([, v]) => v.pkg },
      { header: "self", align: "right", value: ([, v]) => pct(v.time) },
    ]),
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error("usage: npx tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top]");
    process.exit(1);
  }
  console.log(summarizeProfile(JSON.parse(readFileSync(file, "utf8")) as Profile, top ? Number(top) : 25));
}
