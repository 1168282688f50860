/**
 * Search benchmark: the embedded engine with 10,000 and 100,000 generated products.
 *
 *   tsx scripts/bench/search.ts            # both sizes, printed as a table with the targets
 *   BENCH_SEARCH_SIZES=10000 tsx scripts/bench/search.ts
 *
 * Each size runs in its own Node process (started with --expose-gc) so the memory figures belong to
 * that index alone. The products are generated in memory, deterministically (fixed seed), from
 * realistic Indonesian titles and descriptions and the real regencies of idn-area-data; no database.
 * Measured: index build time, query latency p50/p99 (wall and CPU time) over a fixed mix of typical
 * queries (words, typos, variants, filters, sorting, browsing) and of suggestions, and the process's memory.
 */
import { spawn } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readRegionDataset } from "~/models/region.server";
import { EmbeddedSearchEngine } from "~/services/search/embedded.server";
import { priceBucketOf, type ProductSearchDocument, type SearchRequest } from "~/services/search/types";
import { fixed, heading, table, type Verdict } from "./report";
import type { BenchSection } from "./types";
import { seededRandom } from "../../prisma/seeded-random";

export const SEARCH_TARGETS = { p99Ms: 50, buildSeconds: 60, atSize: 100_000 } as const;
const DEFAULT_SIZES = [10_000, 100_000];
/** Every typical query runs this many times after one warm-up round. */
const ROUNDS = 12;

export interface SearchBenchResult {
  size: number;
  buildMs: number;
  search: { p50: number; p99: number; max: number; count: number };
  suggest: { p50: number; p99: number; count: number };
  /** After the build: the whole process, the JavaScript heap, and what the index added (the SQLite index lives outside the heap). */
  memory: { rssMb: number; heapUsedMb: number; rssAddedByIndexMb: number };
  /** CPU time of the search calls (less sensitive than wall time to other work on the machine). */
  searchCpu: { p50: number; p99: number };
  loadAverage: number;
}

// ---------------------------------------------------------------- generated catalog


const CATEGORIES = [
  {
    slug: "keripik-camilan",
    nameId: "Keripik & Camilan",
    nameEn: "Chips & Snacks",
    kinds: ["Keripik Singkong", "Keripik Pisang", "Keripik Tempe", "Keripik Kentang", "Keripik Talas", "Kripik Ubi Ungu", "Kerupuk Udang", "Krupuk Ikan", "Rengginang", "Opak Ketan", "Emping Melinjo", "Basreng", "Makaroni", "Kacang Bawang", "Peyek Kacang"],
    traits: ["Balado", "Pedas", "Original", "Manis", "Asin", "Bawang Putih", "Jagung Bakar", "Keju", "Pedas Manis", "Daun Jeruk", "Level 5", "Rumput Laut"],
    sizes: ["100 g", "250 g", "500 g", "1 kg"],
    price: [8_000, 60_000],
  },
  {
    slug: "sambal",
    nameId: "Sambal",
    nameEn: "Chili Sauces",
    kinds: ["Sambal Bawang", "Sambal Terasi", "Sambal Cumi", "Sambal Teri", "Sambal Ijo", "Sambal Roa", "Sambal Matah", "Sambal Dabu-dabu", "Sambel Pecel", "Sambal Tempe", "Sambal Ebi", "Sambel Korek"],
    traits: ["Pedas", "Extra Pedas", "Original", "Level 3", "Tanpa Pengawet", "Botol", "Pouch", "Khas Bali", "Khas Manado", "Rumahan"],
    sizes: ["150 ml", "200 g", "250 g", "Isi 3"],
    price: [15_000, 75_000],
  },
  {
    slug: "kue-kering",
    nameId: "Kue Kering",
    nameEn: "Cookies",
    kinds: ["Nastar", "Kastengel", "Putri Salju", "Lidah Kucing", "Kue Kacang", "Semprit", "Kue Bawang", "Sagu Keju", "Getuk Goreng", "Bolu Kering", "Kue Satu"],
    traits: ["Selai Nanas", "Keju Edam", "Pandan", "Cokelat", "Mede", "Lebaran", "Premium", "Wijen", "Gula Aren"],
    sizes: ["Toples 250 g", "Toples 500 g", "Isi 20", "Parsel"],
    price: [25_000, 300_000],
  },
  {
    slug: "kopi",
    nameId: "Kopi",
    nameEn: "Coffee",
    kinds: ["Kopi Arabika", "Kopi Robusta", "Kopi Liberika", "Kopi Luwak", "Kopi Tubruk", "Kopi Rempah"],
    traits: ["Gayo", "Toraja", "Kintamani", "Flores Bajawa", "Garut", "Temanggung", "Lampung", "Dampit", "Kerinci", "Java Preanger", "Jahe Merah"],
    sizes: ["Bubuk 250 g", "Biji Sangrai 250 g", "Drip Bag Isi 10", "Bubuk 1 kg"],
    price: [30_000, 250_000],
  },
  {
    slug: "madu",
    nameId: "Madu",
    nameEn: "Honey",
    kinds: ["Madu Hutan", "Madu Kelulut", "Madu Randu", "Madu Klanceng", "Madu Sialang", "Madu Kaliandra"],
    traits: ["Murni", "Mentah", "Asli", "Sumbawa", "Sumba", "Kalimantan", "Riau", "Baduy", "Sachet"],
    sizes: ["250 ml", "500 ml", "1 kg", "Isi 20 Sachet"],
    price: [40_000, 300_000],
  },
  {
    slug: "gula-aren",
    nameId: "Gula Aren & Gula Kelapa",
    nameEn: "Palm & Coconut Sugar",
    kinds: ["Gula Aren Cetak", "Gula Semut Aren", "Gula Kelapa", "Gula Merah Batok", "Gula Jawa", "Gula Semut Kelapa"],
    traits: ["Organik", "Jahe", "Kayu Manis", "Murni", "Cair", "Premium"],
    sizes: ["250 g", "500 g", "1 kg"],
    price: [12_000, 60_000],
  },
  {
    slug: "olahan-ikan",
    nameId: "Olahan Ikan",
    nameEn: "Fish Products",
    kinds: ["Abon Ikan Tuna", "Ikan Asin Jambal", "Teri Medan", "Se'i Ikan Tongkol", "Bandeng Presto", "Otak-otak", "Abon Ikan Cakalang", "Ikan Asap"],
    traits: ["Pedas", "Original", "Asap", "Kering", "Tanpa Duri", "Khas Kupang", "Khas Makassar"],
    sizes: ["100 g", "250 g", "500 g"],
    price: [20_000, 120_000],
  },
  {
    slug: "batik-tenun",
    nameId: "Batik & Tenun",
    nameEn: "Batik & Woven Cloth",
    kinds: ["Kain Batik Tulis", "Kain Batik Cap", "Kemeja Batik", "Kain Tenun Ikat", "Songket", "Selendang Tenun", "Syal Tenun", "Sarung Tenun", "Blus Batik"],
    traits: ["Pekalongan", "Lasem", "Solo", "Sumba", "Toraja", "Lombok", "Motif Parang", "Motif Kawung", "Pewarna Alam", "Motif Mega Mendung"],
    sizes: ["2 m", "Ukuran M", "Ukuran L", "Ukuran XL"],
    price: [75_000, 1_500_000],
  },
  {
    slug: "anyaman",
    nameId: "Anyaman",
    nameEn: "Woven Crafts",
    kinds: ["Tas Anyaman Pandan", "Tikar Pandan", "Topi Anyaman", "Keranjang Rotan", "Tas Mendong", "Dompet Pandan", "Tas Purun", "Tempat Tisu Anyaman"],
    traits: ["Warna Alam", "Motif Kotak", "Jinjing", "Lipat", "Sumba", "Tasikmalaya", "Kalimantan", "Besar", "Kecil"],
    sizes: ["Kecil", "Sedang", "Besar"],
    price: [25_000, 400_000],
  },
  {
    slug: "kerajinan-bambu",
    nameId: "Kerajinan Bambu",
    nameEn: "Bamboo Crafts",
    kinds: ["Boboko Bambu", "Tudung Saji Bambu", "Tampah Bambu", "Kukusan Bambu", "Sendok Bambu", "Sedotan Bambu", "Lampu Hias Bambu", "Rak Bambu"],
    traits: ["Anyam", "Serbaguna", "Set Isi 6", "Halus", "Natural", "Rajapolah"],
    sizes: ["Kecil", "Sedang", "Besar"],
    price: [10_000, 350_000],
  },
  {
    slug: "sabun-herbal",
    nameId: "Sabun Herbal",
    nameEn: "Herbal Soap",
    kinds: ["Sabun Sereh", "Sabun Daun Sirih", "Sabun Kopi", "Sabun Kunyit", "Sabun Lidah Buaya", "Sabun Susu Kambing", "Sabun Arang Bambu"],
    traits: ["Wangi", "Alami", "Batang", "Cair", "Untuk Kulit Sensitif", "Handmade"],
    sizes: ["80 g", "100 g", "Isi 3"],
    price: [12_000, 45_000],
  },
] as const;

const SELLER_NAMES = ["Enah", "Imas", "Sumini", "Tarsih", "Rini", "Marta", "Ince", "Sri", "Wati", "Yuli", "Siti", "Nur", "Dewi", "Ani", "Ratna", "Lina", "Yanti", "Mulyani", "Suryani", "Endang", "Euis", "Kusrini", "Agustina", "Yuliana"];
const STORE_PREFIXES = ["Dapur", "Toko", "Griya", "Warung", "Rumah", "UMKM"];
const EXTRAS = [
  "Tanpa pengawet.",
  "Cocok untuk oleh-oleh keluarga.",
  "Dibuat dengan bahan pilihan dari petani sekitar.",
  "Dikemas rapat agar tetap segar sampai tujuan.",
  "Pesanan dikirim setiap hari kerja.",
  "Produk usaha keluarga penerima PKH.",
  "Tahan hingga tiga bulan di tempat kering.",
  "Bisa pesan dalam jumlah banyak untuk hajatan.",
];

type Regency = { code: string; name: string; provinceCode: string; provinceName: string };

async function regencies(): Promise<Regency[]> {
  const rows = await readRegionDataset();
  const provinces = new Map(rows.filter((r) => r.level === "PROVINCE").map((r) => [r.code, r.name]));
  return rows
    .filter((r) => r.level === "REGENCY")
    .map((r) => ({ code: r.code, name: r.name, provinceCode: r.parentCode!, provinceName: provinces.get(r.parentCode!) ?? "" }));
}

/** `count` products, the same every run. */
export async function generateProducts(count: number, seed = 20_260_101): Promise<ProductSearchDocument[]> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const places = await regencies();
  const stores = Array.from({ length: Math.max(50, Math.floor(count / 20)) }, (_, i) => {
    const place = pick(places);
    const seller = pick(SELLER_NAMES);
    return { slug: `toko-${i}`, name: `${pick(STORE_PREFIXES)} Bu ${seller} ${place.name.replace(/^(Kabupaten|Kota) /, "")}`, place };
  });
  const docs: ProductSearchDocument[] = [];
  for (let i = 0; i < count; i++) {
    const category = pick(CATEGORIES);
    const store = pick(stores);
    const kind = pick(category.kinds);
    const trait = pick(category.traits);
    const size = pick(category.sizes);
    const title = `${kind} ${trait} ${size}`;
    const [low, high] = category.price;
    const base = Math.round((low + random() * (high - low)) / 500) * 500;
    const prices = random() < 0.4 ? [base, Math.round((base * 1.8) / 500) * 500] : [base];
    const place = store.place;
    docs.push({
      id: `bench-${i}`,
      slug: `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${i}`,
      title,
      description: `${kind} ${trait.toLowerCase()} buatan ${store.name} dari ${place.name}, ${place.provinceName}. ${pick(EXTRAS)} ${pick(EXTRAS)}`,
      storeName: store.name,
      storeSlug: store.slug,
      categorySlug: category.slug,
      categoryNameId: category.nameId,
      categoryNameEn: category.nameEn,
      provinceCode: place.provinceCode,
      provinceName: place.provinceName,
      regencyCode: place.code,
      regencyName: place.name,
      priceIdr: prices[0]!,
      prices,
      priceBucket: priceBucketOf(prices[0]!),
      inStock: random() > 0.12,
      soldCount: Math.floor(random() * random() * 500),
      publishedAt: Date.UTC(2025, 0, 1) + Math.floor(random() * 365 * 86_400_000),
      image: null,
    });
  }
  return docs;
}

// ---------------------------------------------------------------- queries

const PAGE = { page: 1, perPage: 24 } as const;
const q = (text: string, extra: Partial<SearchRequest> = {}): SearchRequest => ({ text, filters: {}, sort: "relevance", ...PAGE, ...extra });

/** What shoppers type: words, variants, typos, several words, filters, sorting, deeper pages, browsing. */
export const TYPICAL_QUERIES: SearchRequest[] = [
  q("keripik"),
  q("kripik singkong pedas"),
  q("keripk singkong"),
  q("sambel bawang"),
  q("sambal terasi pedas"),
  q("tas anyaman pandan"),
  q("anyaman"),
  q("kopi gayo"),
  q("kopi arabika bubuk"),
  q("madu hutan murni"),
  q("madu klanceng"),
  q("nastar"),
  q("kastengel keju"),
  q("batik tulis pekalongan"),
  q("kemeja batik"),
  q("tenun ikat sumba"),
  q("gula merah"),
  q("gula semut"),
  q("abon tuna pedas"),
  q("ikan asin"),
  q("sabun sereh"),
  q("boboko"),
  q("tudung saji"),
  q("coffee"),
  q("honey"),
  q("sambal", { filters: { priceMaxIdr: 30_000 } }),
  q("keripik", { filters: { provinceCode: "32" } }),
  q("kopi", { filters: { inStock: true }, sort: "price_asc" }),
  q("madu", { sort: "bestselling" }),
  q("tas", { filters: { categorySlug: "anyaman" } }),
  q("keripik pedas", { ...PAGE, page: 3 }),
  q(""),
  q("", { filters: { categorySlug: "kopi" }, sort: "newest" }),
  q("", { filters: { provinceCode: "53", inStock: true } }),
];

export const TYPICAL_SUGGESTIONS = ["kr", "kri", "kerip", "sam", "sambel b", "tas an", "kopi g", "madu h", "bat", "gula se"];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const mb = (bytes: number) => Math.round(bytes / 1_048_576);

function collectGarbage() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

/** One size, in this process. */
export async function measureSize(size: number): Promise<SearchBenchResult> {
  const docs = await generateProducts(size);
  collectGarbage();
  const rssBefore = process.memoryUsage().rss;

  const engine = new EmbeddedSearchEngine();
  const started = performance.now();
  await engine.replaceAll(
    (async function* () {
      yield docs;
    })(),
  );
  const buildMs = performance.now() - started;
  collectGarbage();
  const memory = process.memoryUsage();

  const searchTimes: number[] = [];
  const searchCpuTimes: number[] = [];
  const suggestTimes: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    for (const request of TYPICAL_QUERIES) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      await engine.search(request);
      const used = process.cpuUsage(cpu);
      if (round > 0) {
        searchTimes.push(performance.now() - t);
        searchCpuTimes.push((used.user + used.system) / 1000);
      }
    }
    for (const text of TYPICAL_SUGGESTIONS) {
      const t = performance.now();
      await engine.suggest(text, 6);
      if (round > 0) suggestTimes.push(performance.now() - t);
    }
  }
  searchTimes.sort((a, b) => a - b);
  searchCpuTimes.sort((a, b) => a - b);
  suggestTimes.sort((a, b) => a - b);
  return {
    size,
    buildMs,
    search: { p50: percentile(searchTimes, 50), p99: percentile(searchTimes, 99), max: searchTimes[searchTimes.length - 1]!, count: searchTimes.length },
    suggest: { p50: percentile(suggestTimes, 50), p99: percentile(suggestTimes, 99), count: suggestTimes.length },
    memory: { rssMb: mb(memory.rss), heapUsedMb: mb(memory.heapUsed), rssAddedByIndexMb: mb(memory.rss - rssBefore) },
    searchCpu: { p50: percentile(searchCpuTimes, 50), p99: percentile(searchCpuTimes, 99) },
    loadAverage: loadavg()[0]!,
  };
}

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), "..", "..");

/** One size in a fresh Node process (clean memory figures). */
function measureInChild(size: number): Promise<SearchBenchResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", "--max-old-space-size=4096", "--import", "tsx", here, "--child", String(size)], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`search bench for ${size} products exited with ${code}`));
      try {
        resolve(JSON.parse(output.trim().split("\n").pop() ?? "") as SearchBenchResult);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

export function searchVerdicts(results: SearchBenchResult[]): Verdict[] {
  const target = results.find((r) => r.size === SEARCH_TARGETS.atSize);
  if (!target) return [];
  return [
    {
      what: `embedded search p99, ${target.size.toLocaleString("en")} products, typical queries`,
      target: `< ${SEARCH_TARGETS.p99Ms} ms`,
      actual: `${target.search.p99.toFixed(1)} ms`,
      met: target.search.p99 < SEARCH_TARGETS.p99Ms,
    },
    {
      what: `embedded index build, ${target.size.toLocaleString("en")} products`,
      target: `< ${SEARCH_TARGETS.buildSeconds} s`,
      actual: `${(target.buildMs / 1000).toFixed(1)} s`,
      met: target.buildMs / 1000 < SEARCH_TARGETS.buildSeconds,
    },
  ];
}

export function printSearchResults(results: SearchBenchResult[]): void {
  console.log(
    table(results, [
      { header: "products", align: "right", value: (r) => r.size.toLocaleString("en") },
      { header: "build s", align: "right", value: (r) => fixed(1)(r.buildMs / 1000) },
      { header: "search p50 ms", align: "right", value: (r) => fixed(2)(r.search.p50) },
      { header: "p99 ms", align: "right", value: (r) => fixed(2)(r.search.p99) },
      { header: "max ms", align: "right", value: (r) => fixed(1)(r.search.max) },
      { header: "cpu p50/p99 ms", align: "right", value: (r) => `${fixed(1)(r.searchCpu.p50)}/${fixed(1)(r.searchCpu.p99)}` },
      { header: "suggest p50 ms", align: "right", value: (r) => fixed(2)(r.suggest.p50) },
      { header: "p99 ms", align: "right", value: (r) => fixed(2)(r.suggest.p99) },
      { header: "rss MB", align: "right", value: (r) => String(r.memory.rssMb) },
      { header: "heap MB", align: "right", value: (r) => String(r.memory.heapUsedMb) },
      { header: "rss added by index MB", align: "right", value: (r) => String(r.memory.rssAddedByIndexMb) },
    ]),
  );
  const first = results[0];
  if (first) {
    console.log(
      `  ${TYPICAL_QUERIES.length} typical queries × ${ROUNDS} rounds (${first.search.count} timed) and ${TYPICAL_SUGGESTIONS.length} suggestion prefixes × ${ROUNDS}; one warm-up round not timed.`,
    );
    console.log(`  1-minute load average during the runs: ${results.map((r) => r.loadAverage.toFixed(1)).join(", ")} on ${availableParallelism()} cores (other work inflates wall times).`);
  }
}

/** The search section of `npm run bench`: every size in its own process; returns the figures and the verdicts. */
export async function runSearchBench({ sizes = DEFAULT_SIZES }: { sizes?: number[] } = {}): Promise<{ results: SearchBenchResult[]; verdicts: Verdict[] }> {
  const results: SearchBenchResult[] = [];
  for (const size of sizes) {
    console.log(`  building and querying ${size.toLocaleString("en")} generated products…`);
    results.push(await measureInChild(size));
  }
  printSearchResults(results);
  return { results, verdicts: searchVerdicts(results) };
}

/** For scripts/bench.ts's SECTIONS list; needs nothing from the running server. */
export const searchSection: BenchSection = {
  id: "search",
  title: "Search (embedded engine, generated products)",
  needsServer: false,
  run: async () => (await runSearchBench()).verdicts,
};

function sizesFromEnv(): number[] {
  const raw = process.env.BENCH_SEARCH_SIZES;
  if (!raw) return DEFAULT_SIZES;
  const sizes = raw.split(",").map((s) => Number(s.trim()));
  if (sizes.some((s) => !Number.isInteger(s) || s < 1 || s > 1_000_000)) throw new Error(`BENCH_SEARCH_SIZES must be whole numbers, got ${raw}`);
  return sizes;
}

if (process.argv[1] && path.resolve(process.argv[1]) === here) {
  const childAt = process.argv.indexOf("--child");
  if (childAt !== -1) {
    const result = await measureSize(Number(process.argv[childAt + 1]));
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    heading("Search (embedded engine, generated products)");
    const { verdicts } = await runSearchBench({ sizes: sizesFromEnv() });
    for (const v of verdicts) console.log(`${v.met ? "PASS" : "MISSED"}  ${v.what}: ${v.actual} (target ${v.target})`);
  }
}
