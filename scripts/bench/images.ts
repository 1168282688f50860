/**
 * Image pipeline benchmark: what a seller's photo upload costs.
 *
 *   BENCH_ONLY=images npm run bench     # as a section of the benchmark
 *   tsx scripts/bench/images.ts         # on its own (no app build, no server); BENCH_RUNS applies
 *
 * A 12-megapixel phone-like JPEG (4000×3000 stored sideways with EXIF orientation 6 and GPS, made here
 * from seeded noise and gradients so it compresses like a photo) goes through:
 * - ours: `processProductImage`, exactly what an upload does (sniffing, checks, hash, placeholder);
 * - ours + store: the same plus `storeProcessedImage` into a temporary folder (files are fsynced);
 * - bare sharp: the same work written plainly with sharp, with the pipeline's own decode options,
 *   widths, WebP settings and placeholder, to show what the pipeline's code adds (target: ours ≥ 0.8×);
 * - two references without a target: ours with libvips using every core per image, and bare sharp
 *   decoding the upload only once for all widths.
 * Images run one after another, the variants interleaved image by image so a busy machine slows them
 * alike. Then, in fresh processes, 8 uploads at once: the process's peak RSS (target < 512 MB).
 * Every measurement runs in its own Node process, away from the benchmark's own memory and threads.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { decodeOptions, PLACEHOLDER, processProductImage, RENDITION_WEBP, storeProcessedImage } from "~/models/image-pipeline.server";
import { createLocalImageStorage } from "~/services/image-storage.server";
import { renditionWidthsFor } from "~/utils/images";
import { readConfig } from "./config";
import { HarnessError, onCleanup } from "./lifecycle";
import { benchPaths } from "./prepare";
import { fixed, heading, median, table, type Verdict } from "./report";
import { machineBusySeconds } from "./server";
import type { BenchSection } from "./types";
import { seededRandom } from "../../prisma/seeded-random";

export const IMAGE_TARGETS = { minRatio: 0.8, maxPeakRssMb: 512, concurrentUploads: 8 } as const;
/** A 12 MP phone photo, stored sideways (orientation 6: the upright photo is 3000×4000). */
const PHOTO = { width: 4000, height: 3000, orientation: 6, jpegQuality: 90 } as const;
/** Images per variant in every run; the variants take turns image by image. */
const IMAGES_PER_RUN = 5;
/** Unmeasured images per variant before the first run (thread pools, codecs, caches). */
const WARMUP_IMAGES = 2;
/** Batches of 8 uploads in each memory process: the later ones show how far memory keeps growing. */
const MEMORY_BATCHES = 3;
/** Fresh processes for the memory figures (at most; fewer when BENCH_RUNS is lower): the peak hardly varies. */
const MEMORY_PROCESSES = 3;
const RSS_SAMPLE_MS = 2;

// ---------------------------------------------------------------- the test photo


/** Uniform noise around mid-grey, the same every run. */
function noise(width: number, height: number, amplitude: number, random: () => number) {
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = 128 + Math.round((random() - 0.5) * 2 * amplitude);
  return { input: data, raw: { width, height, channels: 3 as const } };
}

/**
 * Soft shapes and texture (coarse noise scaled up) over a gradient, plus sensor grain: JPEG compresses
 * it to about 3 MB at quality 90, like a phone photo, where a flat test card would be a few hundred KB.
 */
export async function makeTestPhoto(): Promise<Buffer> {
  const { width: w, height: h } = PHOTO;
  const random = seededRandom(20_260_401);
  const scaled = async (cols: number, rows: number, amplitude: number) => {
    const small = noise(cols, rows, amplitude, random);
    return { input: await sharp(small.input, { raw: small.raw }).resize(w, h, { kernel: "cubic" }).raw().toBuffer(), raw: { width: w, height: h, channels: 3 as const } };
  };
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#b5651d"/><stop offset="1" stop-color="#f5deb3"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><circle cx="${w * 0.38}" cy="${h * 0.46}" r="${h * 0.3}" fill="#2c3e50"/></svg>`;
  return sharp(Buffer.from(svg))
    .composite([
      { ...(await scaled(80, 60, 100)), blend: "soft-light" },
      { ...(await scaled(800, 600, 64)), blend: "soft-light" },
      { ...noise(w, h, 14, random), blend: "overlay" },
    ])
    .jpeg({ quality: PHOTO.jpegQuality })
    .withExif({
      IFD0: { Make: "DemoPhone", Model: "X1" },
      IFD3: { GPSLatitudeRef: "S", GPSLatitude: "6/1 54/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "107/1 36/1 0/1" },
    })
    .withMetadata({ orientation: PHOTO.orientation })
    .toBuffer();
}

async function checkTestPhoto(photo: Buffer): Promise<void> {
  const meta = await sharp(photo).metadata();
  const problems = [
    meta.format === "jpeg" ? null : `format ${meta.format}`,
    meta.width === PHOTO.width && meta.height === PHOTO.height ? null : `${meta.width}×${meta.height}`,
    meta.orientation === PHOTO.orientation ? null : `orientation ${meta.orientation}`,
    meta.exif?.includes(Buffer.from("DemoPhone")) ? null : "no EXIF",
  ].filter(Boolean);
  if (problems.length > 0) throw new HarnessError(`the generated test photo is not what the benchmark needs: ${problems.join(", ")}`);
}

// ---------------------------------------------------------------- what is measured

interface Output {
  renditions: Buffer[];
  placeholder: Buffer;
}

/** The pipeline's work written plainly with sharp: the same decode, widths, WebP settings and placeholder, no checks. */
async function bareSharp(input: Buffer): Promise<Output> {
  const image = sharp(input, decodeOptions());
  const { autoOrient } = await image.metadata();
  const renditions = await Promise.all(
    renditionWidthsFor(autoOrient.width).map((width) => image.clone().resize({ width, withoutEnlargement: true }).webp(RENDITION_WEBP).toBuffer()),
  );
  const placeholder = await sharp(renditions[0]).resize({ width: PLACEHOLDER.width }).blur(PLACEHOLDER.blurSigma).webp(PLACEHOLDER.webp).toBuffer();
  return { renditions, placeholder };
}

/**
 * Reference: decoded once, at the largest width (JPEG shrink-on-load), and every smaller width made
 * from those pixels, instead of one decode per width. Smaller widths are resized twice, so the pixels
 * differ slightly from the pipeline's.
 */
async function bareSharpOneDecode(input: Buffer): Promise<Output> {
  const image = sharp(input, decodeOptions());
  const { autoOrient } = await image.metadata();
  const widths = renditionWidthsFor(autoOrient.width);
  const { data, info } = await image.resize({ width: widths[widths.length - 1], withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  const renditions = await Promise.all(widths.map((width) => sharp(data, raw).resize({ width, withoutEnlargement: true }).webp(RENDITION_WEBP).toBuffer()));
  const placeholder = await sharp(renditions[0]).resize({ width: PLACEHOLDER.width }).blur(PLACEHOLDER.blurSigma).webp(PLACEHOLDER.webp).toBuffer();
  return { renditions, placeholder };
}

const placeholderBytes = (dataUri: string) => Buffer.from(dataUri.slice(dataUri.indexOf(",") + 1), "base64");

async function ours(input: Buffer): Promise<Output> {
  const processed = await processProductImage(input);
  return { renditions: processed.renditions.map((r) => r.data), placeholder: placeholderBytes(processed.placeholder) };
}

interface Variant {
  id: string;
  label: string;
  process: (input: Buffer) => Promise<unknown>;
  /** Untimed work after each image. */
  afterEach?: () => Promise<void>;
  /** libvips threads per image while this variant runs (set back after each image). */
  sharpConcurrency?: number;
}

function variants(storageDir: string): Variant[] {
  const storage = createLocalImageStorage(storageDir);
  const stored: string[] = [];
  return [
    { id: "ours", label: "ours: processProductImage", process: (input) => processProductImage(input) },
    {
      id: "store",
      label: "ours + storeProcessedImage (temp dir)",
      process: async (input) => {
        const processed = await processProductImage(input);
        await storeProcessedImage(storage, processed);
        stored.push(processed.storageKey);
      },
      // The next image has the same content key: without this, nothing would be written again.
      afterEach: async () => {
        for (const key of stored.splice(0)) await storage.removeKey(key);
      },
    },
    { id: "bare", label: "bare sharp, same work", process: bareSharp },
    {
      id: "ours-all-cores",
      label: `ours, sharp.concurrency(${availableParallelism()}) (ref.)`,
      process: (input) => processProductImage(input),
      sharpConcurrency: availableParallelism(),
    },
    { id: "one-decode", label: "bare sharp, one decode for all widths (ref.)", process: bareSharpOneDecode },
  ];
}

/** The outputs must be the same work: same widths, same placeholder size, no metadata left. */
async function checkSameWork(input: Buffer): Promise<void> {
  const describe = async ({ renditions, placeholder }: Output) => {
    const metas = await Promise.all([...renditions, placeholder].map((b) => sharp(b).metadata()));
    for (const meta of metas) {
      if (meta.format !== "webp" || meta.exif || meta.icc || meta.xmp || meta.orientation) {
        throw new HarnessError(`an output is not a metadata-free WebP: ${meta.format}, exif ${Boolean(meta.exif)}, orientation ${meta.orientation}`);
      }
    }
    return metas.map((m) => `${m.width}×${m.height}`).join(" ");
  };
  const [a, b, c] = await Promise.all([ours(input).then(describe), bareSharp(input).then(describe), bareSharpOneDecode(input).then(describe)]);
  if (a !== b || a !== c) throw new HarnessError(`the variants do not do the same work: ours ${a}; bare ${b}; one decode ${c}`);
  // Upright (3000×4000): every rendition is taller than wide, at each width the pipeline makes.
  const expected = [...renditionWidthsFor(PHOTO.height), PLACEHOLDER.width];
  const sizes = a.split(" ").map((size) => size.split("×").map(Number) as [number, number]);
  if (sizes.length !== expected.length || sizes.some(([w, h], i) => w !== expected[i] || h <= w)) {
    throw new HarnessError(`unexpected renditions of the upright ${PHOTO.height}×${PHOTO.width} photo: ${a}`);
  }
}

// ---------------------------------------------------------------- child: throughput

interface VariantRun {
  /** Milliseconds per image, in order. */
  ms: number[];
  /** CPU milliseconds per image: the whole process, libvips threads included. */
  cpuMs: number[];
}

interface ThroughputResult {
  variants: { id: string; label: string }[];
  runs: { byVariant: Record<string, VariantRun>; othersCpuPct: number | null }[];
  sharp: { version: string; libvips: string; concurrency: number; simd: boolean };
  photoBytes: number;
  storageDir: string;
  loadAverage: number;
}

async function timeOne(variant: Variant, input: Buffer): Promise<{ ms: number; cpuMs: number }> {
  const defaultConcurrency = sharp.concurrency();
  if (variant.sharpConcurrency) sharp.concurrency(variant.sharpConcurrency);
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await variant.process(input);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    await variant.afterEach?.();
    return { ms, cpuMs: (used.user + used.system) / 1000 };
  } finally {
    sharp.concurrency(defaultConcurrency);
  }
}

async function measureThroughput(photoFile: string, runs: number): Promise<ThroughputResult> {
  const input = await readFile(photoFile);
  const storageDir = await mkdtemp(path.join(tmpdir(), "pasar-bench-images-"));
  try {
    const all = variants(storageDir);
    await checkSameWork(input);
    for (let i = 0; i < WARMUP_IMAGES; i++) for (const v of all) await timeOne(v, input);

    const results: ThroughputResult["runs"] = [];
    for (let run = 0; run < runs; run++) {
      const byVariant: Record<string, VariantRun> = Object.fromEntries(all.map((v) => [v.id, { ms: [], cpuMs: [] }]));
      const busyBefore = machineBusySeconds();
      const selfBefore = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < IMAGES_PER_RUN; i++) {
        // A different variant goes first each time, so none is always the one after a pause.
        const offset = (run * IMAGES_PER_RUN + i) % all.length;
        for (const v of [...all.slice(offset), ...all.slice(0, offset)]) {
          const { ms, cpuMs } = await timeOne(v, input);
          byVariant[v.id]!.ms.push(ms);
          byVariant[v.id]!.cpuMs.push(cpuMs);
        }
      }
      const wall = (performance.now() - started) / 1000;
      const busyAfter = machineBusySeconds();
      const self = process.cpuUsage(selfBefore);
      const others = busyBefore !== null && busyAfter !== null ? Math.max(0, busyAfter - busyBefore - (self.user + self.system) / 1e6) : null;
      results.push({ byVariant, othersCpuPct: others === null ? null : (others / wall) * 100 });
    }
    return {
      variants: all.map(({ id, label }) => ({ id, label })),
      runs: results,
      sharp: { version: sharp.versions.sharp ?? "?", libvips: sharp.versions.vips, concurrency: sharp.concurrency(), simd: sharp.simd() },
      photoBytes: input.length,
      storageDir,
      loadAverage: loadavg()[0]!,
    };
  } finally {
    await rm(storageDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- child: memory

interface MemoryResult {
  /** RSS with the modules loaded and the 8 uploads in memory, before processing. */
  baselineMb: number;
  /** The highest RSS seen by sampling, and the kernel's high-water mark (VmHWM), after each batch. */
  batches: { sampledPeakMb: number; hwmMb: number; ms: number; cpuMs: number }[];
  uvThreadpoolSize: string;
  sharpConcurrency: number;
}

const mb = (bytes: number) => bytes / 1_048_576;

async function highWaterMarkMb(): Promise<number> {
  const status = await readFile("/proc/self/status", "utf8").catch(() => "");
  const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
  return kb ? Number(kb[1]) / 1024 : Number.NaN;
}

async function measureMemory(photoFile: string): Promise<MemoryResult> {
  const photo = await readFile(photoFile);
  // Eight uploads are eight separate buffers, as eight requests would hold them.
  const uploads = Array.from({ length: IMAGE_TARGETS.concurrentUploads }, () => Buffer.from(photo));
  (globalThis as { gc?: () => void }).gc?.();
  const baselineMb = mb(process.memoryUsage().rss);
  const batches: MemoryResult["batches"] = [];
  for (let batch = 0; batch < MEMORY_BATCHES; batch++) {
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), RSS_SAMPLE_MS);
    const cpu = process.cpuUsage();
    const started = performance.now();
    await Promise.all(uploads.map((upload) => processProductImage(upload)));
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    batches.push({ sampledPeakMb: mb(peak), hwmMb: await highWaterMarkMb(), ms, cpuMs: (used.user + used.system) / 1000 });
  }
  return { baselineMb, batches, uvThreadpoolSize: process.env.UV_THREADPOOL_SIZE ?? "4 (default)", sharpConcurrency: sharp.concurrency() };
}

// ---------------------------------------------------------------- parent

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), "..", "..");

function runChild<T>(args: string[], what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", here, "--child", ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const forget = onCleanup({ name: `stop ${what}`, run: () => void child.kill("SIGTERM"), runSync: () => void child.kill("SIGTERM") });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", (error) => {
      forget();
      reject(error);
    });
    child.on("exit", (code, signal) => {
      forget();
      if (code !== 0) return reject(new HarnessError(`${what} exited with ${signal ?? code}`));
      try {
        resolve(JSON.parse(output.trim().split("\n").pop() ?? "") as T);
      } catch (error) {
        reject(new HarnessError(`${what} printed no result: ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  });
}

const perSecond = (ms: number[]) => (ms.length === 0 ? Number.NaN : (ms.length * 1000) / ms.reduce((a, b) => a + b, 0));

interface VariantSummary {
  id: string;
  label: string;
  imagesPerSecond: number;
  perRun: number[];
  msP50: number;
  cpuMsP50: number;
}

function summarize(result: ThroughputResult): VariantSummary[] {
  return result.variants.map(({ id, label }) => {
    const runs = result.runs.map((r) => r.byVariant[id]!);
    const perRun = runs.map((r) => perSecond(r.ms));
    return {
      id,
      label,
      imagesPerSecond: median(perRun),
      perRun,
      msP50: median(runs.flatMap((r) => r.ms)),
      cpuMsP50: median(runs.flatMap((r) => r.cpuMs)),
    };
  });
}

export interface ImageBenchResult {
  verdicts: Verdict[];
}

export async function runImageBench({ benchDir, runs }: { benchDir: string; runs: number }): Promise<ImageBenchResult> {
  const dir = path.join(benchDir, "image-bench");
  await mkdir(dir, { recursive: true });
  const photoFile = path.join(dir, "photo-12mp.jpg");
  const madeAt = performance.now();
  const photo = await makeTestPhoto();
  await checkTestPhoto(photo);
  await writeFile(photoFile, photo);
  console.log(
    `  test photo: ${PHOTO.width}×${PHOTO.height} JPEG q${PHOTO.jpegQuality}, EXIF orientation ${PHOTO.orientation} and GPS, ${(photo.length / 1e6).toFixed(2)} MB (${path.relative(root, photoFile)}, made in ${((performance.now() - madeAt) / 1000).toFixed(1)} s)`,
  );

  console.log(`  throughput: ${WARMUP_IMAGES} warm-up images per variant, then ${runs} run${runs === 1 ? "" : "s"} of ${IMAGES_PER_RUN} images per variant, one image at a time…`);
  const throughput = await runChild<ThroughputResult>(["throughput", photoFile, String(runs)], "image throughput process");
  const summaries = summarize(throughput);
  const byId = new Map(summaries.map((s) => [s.id, s]));
  const bare = byId.get("bare")!;
  const ourSummary = byId.get("ours")!;
  throughput.runs.forEach((r, i) => {
    const rates = summaries.map((s) => `${s.id} ${fixed(2)(s.perRun[i]!)}`).join("  ");
    console.log(`  run ${i + 1}/${runs}  images/s: ${rates}  others ${r.othersCpuPct === null ? "–" : `${fixed(0)(r.othersCpuPct)}%`}`);
  });

  const processes = Math.min(runs, MEMORY_PROCESSES);
  console.log(`\n  memory: ${IMAGE_TARGETS.concurrentUploads} uploads at once, ${MEMORY_BATCHES} batches, in ${processes} fresh process${processes === 1 ? "" : "es"}…`);
  const memory: MemoryResult[] = [];
  for (let run = 0; run < processes; run++) memory.push(await runChild<MemoryResult>(["memory", photoFile], "image memory process"));

  console.log(`\n${runs > 1 ? `Median of ${runs} runs` : "Results"} (one 12 MP upload at a time; ms and CPU ms are medians over every image):\n`);
  console.log(
    table(summaries, [
      { header: "variant", value: (s) => s.label },
      { header: "images/s", align: "right", value: (s) => fixed(2)(s.imagesPerSecond) },
      { header: "ms/image", align: "right", value: (s) => fixed(0)(s.msP50) },
      { header: "CPU ms/image", align: "right", value: (s) => fixed(0)(s.cpuMsP50) },
      { header: "vs bare", align: "right", value: (s) => `${(s.imagesPerSecond / bare.imagesPerSecond).toFixed(2)}×` },
      { header: "CPU vs bare", align: "right", value: (s) => `${(bare.cpuMsP50 / s.cpuMsP50).toFixed(2)}×` },
    ]),
  );

  const hwms = memory.map((m) => Math.max(...m.batches.map((b) => b.hwmMb)));
  const worst = memory[hwms.indexOf(Math.max(...hwms))]!;
  console.log(`\n${IMAGE_TARGETS.concurrentUploads} uploads at once (processProductImage, Promise.all), per process:\n`);
  console.log(
    table(
      memory.flatMap((m, run) => m.batches.map((b, batch) => ({ run, batch, baseline: m.baselineMb, ...b }))),
      [
        { header: "process", align: "right", value: (r) => String(r.run + 1) },
        { header: "batch", align: "right", value: (r) => String(r.batch + 1) },
        { header: "RSS before MB", align: "right", value: (r) => fixed(0)(r.baseline) },
        { header: "peak RSS MB (sampled)", align: "right", value: (r) => fixed(0)(r.sampledPeakMb) },
        { header: "VmHWM MB", align: "right", value: (r) => fixed(0)(r.hwmMb) },
        { header: "wall ms", align: "right", value: (r) => fixed(0)(r.ms) },
        { header: "images/s", align: "right", value: (r) => fixed(2)((IMAGE_TARGETS.concurrentUploads * 1000) / r.ms) },
        { header: "CPU ms/image", align: "right", value: (r) => fixed(0)(r.cpuMs / IMAGE_TARGETS.concurrentUploads) },
      ],
    ),
  );

  const s = throughput.sharp;
  console.log(
    `\n  sharp ${s.version}, libvips ${s.libvips}, SIMD ${s.simd ? "on" : "off"}; ${availableParallelism()} cores. Used: sharp.concurrency() = ${s.concurrency} libvips thread per image` +
      ` (sharp's default on glibc Linux without jemalloc) and UV_THREADPOOL_SIZE = ${worst.uvThreadpoolSize}: up to that many sharp pipelines run at once,` +
      ` and one upload is already ${renditionWidthsFor(PHOTO.height).length} pipelines (one per width), so one upload keeps both cores busy.${process.env.MALLOC_ARENA_MAX ? ` MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX}.` : ""}`,
  );
  console.log(`  peak RSS is the whole Node process (tsx, modules, the ${IMAGE_TARGETS.concurrentUploads} upload buffers included); the target is checked on the highest VmHWM.`);
  const busiest = Math.max(...throughput.runs.map((r) => r.othersCpuPct ?? 0));
  console.log(
    `  1-minute load average after the throughput runs: ${throughput.loadAverage.toFixed(1)}; other processes used up to ${busiest.toFixed(0)}% of a core during a run${busiest > 25 ? " (figures are lower than on a quiet machine: use BENCH_RUNS=3 or more and quote medians)" : ""}.`,
  );

  const ratio = ourSummary.imagesPerSecond / bare.imagesPerSecond;
  const peak = Math.max(...hwms);
  return {
    verdicts: [
      {
        what: "images: ours vs bare sharp, 12 MP JPEG",
        target: `≥ ${IMAGE_TARGETS.minRatio}×`,
        actual: `${ratio.toFixed(2)}× (${fixed(2)(ourSummary.imagesPerSecond)} vs ${fixed(2)(bare.imagesPerSecond)} images/s)`,
        met: ratio >= IMAGE_TARGETS.minRatio,
      },
      {
        what: `images: peak RSS, ${IMAGE_TARGETS.concurrentUploads} uploads at once`,
        target: `< ${IMAGE_TARGETS.maxPeakRssMb} MB`,
        actual: `${peak.toFixed(0)} MB`,
        met: peak < IMAGE_TARGETS.maxPeakRssMb,
      },
    ],
  };
}

/** For scripts/bench.ts's SECTIONS list; needs nothing from the running server. */
export const imagesSection: BenchSection = {
  id: "images",
  title: "Image pipeline (12 MP JPEG upload)",
  needsServer: false,
  run: async (ctx) => (await runImageBench({ benchDir: ctx.benchDir, runs: ctx.config.runs })).verdicts,
};

if (process.argv[1] && path.resolve(process.argv[1]) === here) {
  const childAt = process.argv.indexOf("--child");
  if (childAt !== -1) {
    const [mode, photoFile, runs] = process.argv.slice(childAt + 1);
    const result = mode === "memory" ? await measureMemory(photoFile!) : await measureThroughput(photoFile!, Number(runs));
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    heading("Image pipeline (12 MP JPEG upload)");
    const { verdicts } = await runImageBench({ benchDir: benchPaths(root).benchDir, runs: readConfig().runs });
    for (const v of verdicts) console.log(`${v.met ? "PASS" : "MISSED"}  ${v.what}: ${v.actual} (target ${v.target})`);
  }
}
