import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { fetchPage } from "./http";
import { HarnessError } from "./lifecycle";
import { kb, table } from "./report";
import type { BenchContext, BenchSection } from "./types";

/** The parts of Remix's browser asset manifest (`window.__remixManifest={...}`) used here. */
interface AssetManifest {
  url?: string;
  entry: { module: string; imports?: string[] };
  routes: Record<string, { id: string; parentId?: string; module: string; imports?: string[] }>;
}

export interface JsFile {
  /** Public URL, e.g. /build/_shared/chunk-ABC.js */
  url: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface RouteJs {
  routeId: string;
  files: JsFile[];
  rawBytes: number;
  gzipBytes: number;
}

const PUBLIC_PATH = "/build/";
const ASSETS_DIR = path.join("public", "build");

/**
 * The manifest the current server build points at (build/index.js names its URL); if that cannot be
 * read, the only (or newest) public/build/manifest-*.js.
 */
async function findManifestFile(root: string): Promise<string> {
  const serverBuild = await readFile(path.join(root, "build", "index.js"), "utf8").catch(() => "");
  const named = /["']?url["']?\s*:\s*["'](\/build\/manifest-[A-Za-z0-9]+\.js)["']/.exec(serverBuild)?.[1];
  if (named) return urlToFile(root, named);
  const dir = path.join(root, ASSETS_DIR);
  const candidates = (await readdir(dir).catch(() => [])).filter((f) => /^manifest-[A-Za-z0-9]+\.js$/.test(f));
  if (candidates.length === 0) throw new HarnessError(`no manifest-*.js in ${dir}: was the app built?`);
  const withTimes = await Promise.all(
    candidates.map(async (f) => ({ file: path.join(dir, f), mtime: (await stat(path.join(dir, f))).mtimeMs })),
  );
  return withTimes.sort((a, b) => b.mtime - a.mtime)[0]!.file;
}

function urlToFile(root: string, url: string): string {
  if (!url.startsWith(PUBLIC_PATH)) throw new HarnessError(`asset URL outside ${PUBLIC_PATH}: ${url}`);
  return path.join(root, ASSETS_DIR, url.slice(PUBLIC_PATH.length));
}

export async function readManifest(root: string): Promise<{ file: string; manifest: AssetManifest }> {
  const file = await findManifestFile(root);
  const text = (await readFile(file, "utf8")).trim();
  const prefix = "window.__remixManifest=";
  if (!text.startsWith(prefix)) throw new HarnessError(`${file} does not start with ${prefix}`);
  try {
    const manifest = JSON.parse(text.slice(prefix.length).replace(/;$/, "")) as AssetManifest;
    if (!manifest.entry?.module || !manifest.routes) throw new Error("no entry or routes");
    return { file, manifest };
  } catch (error) {
    throw new HarnessError(`cannot parse ${file}: ${String(error)}`);
  }
}

/**
 * The JavaScript a first visit to a route loads: the client entry, the root route and the route
 * itself, each with the chunks it imports, counted once each. Sizes are gzip level 9.
 */
export async function measureRouteJs(root: string, routeIds: string[]): Promise<{ manifestFile: string; routes: RouteJs[] }> {
  const { file, manifest } = await readManifest(root);
  const sizes = new Map<string, Promise<JsFile>>();
  const measure = (url: string) => {
    let pending = sizes.get(url);
    if (!pending) {
      pending = readFile(urlToFile(root, url)).then(
        (bytes) => ({ url, rawBytes: bytes.byteLength, gzipBytes: gzipSync(bytes, { level: 9 }).byteLength }),
        (error: unknown) => {
          throw new HarnessError(`manifest names ${url} but it cannot be read: ${String(error)}`);
        },
      );
      sizes.set(url, pending);
    }
    return pending;
  };

  const routes: RouteJs[] = [];
  for (const routeId of routeIds) {
    const route = manifest.routes[routeId];
    const rootRoute = manifest.routes["root"];
    if (!route || !rootRoute) throw new HarnessError(`route "${routeId}" (or "root") is not in ${file}`);
    const urls = new Set([
      manifest.entry.module,
      ...(manifest.entry.imports ?? []),
      rootRoute.module,
      ...(rootRoute.imports ?? []),
      route.module,
      ...(route.imports ?? []),
    ]);
    const files = await Promise.all([...urls].map(measure));
    routes.push({
      routeId,
      files,
      rawBytes: files.reduce((sum, f) => sum + f.rawBytes, 0),
      gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
    });
  }
  return { manifestFile: file, routes };
}

/**
 * The script files a rendered page actually asks for (module preloads and imports), to cross-check
 * the manifest arithmetic against what the browser would really load.
 */
export function scriptUrlsInHtml(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) urls.add(match[1]!);
  for (const match of html.matchAll(/import\s*(?:[^"';]*from\s*)?"(\/build\/[^"]+\.js)"/g)) urls.add(match[1]!);
  return [...urls];
}

/** "react-dom", "@remix-run/router", "app/locales/en.ts"… for an esbuild metafile input path. */
function moduleName(input: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return nm ? nm[1]! : input;
}

/**
 * The biggest files the storefront loads and what is in them (from build/metafile.js.json, which the
 * classic compiler writes), so a route over budget shows where to cut. Skipped if there is no metafile.
 */
async function printLargestFiles(root: string, routes: RouteJs[], count = 4): Promise<void> {
  type Metafile = { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  const metafile = await readFile(path.join(root, "build", "metafile.js.json"), "utf8")
    .then((text) => JSON.parse(text) as Metafile)
    .catch(() => null);
  if (!metafile) return;
  const files = [...new Map(routes.flatMap((r) => r.files).map((f) => [f.url, f])).values()]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .slice(0, count);
  console.log("\n  largest files (gzip KB; main contents in raw KB):");
  for (const file of files) {
    const output = metafile.outputs[path.posix.join("public", file.url)];
    const byModule = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
      byModule.set(moduleName(input), (byModule.get(moduleName(input)) ?? 0) + bytesInOutput);
    }
    const contents = [...byModule.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([name, bytes]) => `${name} ${kb(bytes)}`)
      .join(", ");
    console.log(`  ${kb(file.gzipBytes).padStart(6)}  ${file.url}  ${contents}`);
  }
  console.log("");
}

export interface RouteJsTarget {
  routeId: string;
  /** A URL of this route, to compare the manifest's list with the scripts the page really asks for. */
  samplePath?: (ctx: BenchContext) => string;
}

/** Bundle size: the first-visit JavaScript of each storefront route against a gzip budget. */
export function jsSizeSection(routes: RouteJsTarget[], budgetBytes: number): BenchSection {
  return {
    id: "js",
    title: "JavaScript per route, first visit (gzip -9)",
    needsServer: true,
    async run(ctx) {
      const { manifestFile, routes: measured } = await measureRouteJs(
        ctx.root,
        routes.map((r) => r.routeId),
      );
      console.log(`  manifest: ${path.relative(ctx.root, manifestFile)}  (KB = 1000 bytes)\n`);
      console.log(
        table(measured, [
          { header: "route", value: (r) => r.routeId },
          { header: "files", align: "right", value: (r) => String(r.files.length) },
          { header: "raw KB", align: "right", value: (r) => kb(r.rawBytes) },
          { header: "gzip KB", align: "right", value: (r) => kb(r.gzipBytes) },
          { header: "target", align: "right", value: () => `≤ ${kb(budgetBytes)}` },
        ]),
      );

      await printLargestFiles(ctx.root, measured);

      // Cross-check: the scripts a rendered page preloads or imports should be exactly the counted files.
      for (const route of routes) {
        if (!route.samplePath) continue;
        const counted = new Set(measured.find((m) => m.routeId === route.routeId)!.files.map((f) => f.url));
        const pagePath = route.samplePath(ctx);
        const page = await fetchPage(`${ctx.server.baseUrl}${pagePath}`, ctx.headers);
        if (page.status !== 200) throw new HarnessError(`GET ${pagePath} answered ${page.status}`);
        const loaded = scriptUrlsInHtml(page.body);
        const extra = loaded.filter((u) => !counted.has(u));
        const missing = [...counted].filter((u) => !loaded.includes(u));
        if (extra.length > 0 || missing.length > 0) {
          console.log(
            `  note: ${pagePath} loads ${extra.length > 0 ? `also ${extra.join(", ")}` : ""}${missing.length > 0 ? ` not ${missing.join(", ")}` : ""}`,
          );
        } else {
          console.log(`  ✓ ${pagePath} asks for exactly the ${counted.size} files counted for ${route.routeId}`);
        }
      }

      return measured.map((r) => ({
        what: `JS ${r.routeId}`,
        target: `≤ ${kb(budgetBytes)} KB gzip`,
        actual: `${kb(r.gzipBytes)} KB`,
        met: r.gzipBytes <= budgetBytes,
      }));
    },
  };
}
