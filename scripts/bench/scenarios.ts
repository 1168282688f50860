import { existsSync, unlinkSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fetchPage, type FetchedPage } from "./http";
import { HarnessError, onCleanup } from "./lifecycle";
import type { BenchContext } from "./types";

/** What a scenario needs at run time, worked out once against the seeded database and live server. */
export interface PreparedScenario {
  path: string;
  /** Extra request headers (e.g. a session cookie for a cart page). */
  headers?: Record<string, string>;
  /** Problems with a response; empty when it is the real page and not, say, an error page. */
  check(page: FetchedPage): string[];
}

export interface HttpScenario {
  id: string;
  label: string;
  /** Stated for the configured number of connections (50). */
  targets?: { minRps?: number; maxP99Ms?: number };
  /** Id of a scenario this one is compared with: ratios of req/s and p99. */
  compareWith?: string;
  prepare(ctx: BenchContext): Promise<PreparedScenario>;
}

const STOREFRONT_TARGETS = { minRps: 300, maxP99Ms: 100 };

/** Served by express.static from public/ (server.js), written for the run and removed afterwards. */
const STATIC_FILE = "bench-static.html";

function htmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

/** The basic checks for a storefront HTML page. */
function pageProblems(page: FetchedPage, mustContain: string[]): string[] {
  const problems: string[] = [];
  if (page.status !== 200) problems.push(`status ${page.status}`);
  if (!page.contentType.startsWith("text/html")) problems.push(`Content-Type ${page.contentType}`);
  for (const text of mustContain) if (!page.body.includes(text)) problems.push(`no ${JSON.stringify(text)} in the HTML`);
  return problems;
}

/** The most recently published product a shopper can see (active product of an active store). */
export function pickVisibleProduct(ctx: BenchContext): { slug: string; title: string } {
  const slug = process.env.BENCH_PRODUCT_SLUG;
  const row = ctx.db
    .prepare(
      `SELECT p.slug, p.title FROM "Product" p JOIN "Store" s ON s.id = p.storeId
       WHERE p.status = 'ACTIVE' AND s.status = 'ACTIVE' ${slug ? "AND p.slug = ?" : ""}
       ORDER BY p.publishedAt DESC, p.id LIMIT 1`,
    )
    .get(...(slug ? [slug] : [])) as { slug: string; title: string } | undefined;
  if (!row) throw new HarnessError(slug ? `no visible product with slug ${slug}` : "the seed has no visible product");
  return row;
}

/** The active store with the most visible products (its page is the heaviest storefront list). */
export function pickVisibleStore(ctx: BenchContext): { slug: string; name: string } {
  const row = ctx.db
    .prepare(
      `SELECT s.slug, s.name FROM "Store" s JOIN "Product" p ON p.storeId = s.id AND p.status = 'ACTIVE'
       WHERE s.status = 'ACTIVE' GROUP BY s.id ORDER BY COUNT(*) DESC, s.slug LIMIT 1`,
    )
    .get() as { slug: string; name: string } | undefined;
  if (!row) throw new HarnessError("the seed has no active store with products");
  return row;
}

/** The category with the most visible products. */
export function pickVisibleCategory(ctx: BenchContext): { slug: string; name: string } {
  const row = ctx.db
    .prepare(
      `SELECT c.slug, c.nameId AS name FROM "Category" c JOIN "Product" p ON p.categoryId = c.id AND p.status = 'ACTIVE'
       JOIN "Store" s ON s.id = p.storeId AND s.status = 'ACTIVE'
       GROUP BY c.id ORDER BY COUNT(*) DESC, c.slug LIMIT 1`,
    )
    .get() as { slug: string; name: string } | undefined;
  if (!row) throw new HarnessError("the seed has no category with visible products");
  return row;
}

/** Three in-stock variants of different stores, for a realistic cart. */
function pickCartVariants(ctx: BenchContext): { id: string; title: string }[] {
  return ctx.db
    .prepare(
      `SELECT v.id, p.title FROM "ProductVariant" v JOIN "Product" p ON p.id = v.productId AND p.status = 'ACTIVE'
       JOIN "Store" s ON s.id = p.storeId AND s.status = 'ACTIVE'
       WHERE v.stock >= 5 GROUP BY s.id ORDER BY s.slug LIMIT 3`,
    )
    .all() as { id: string; title: string }[];
}

/**
 * The page load scenarios, run in this order in every run. Later issues add more pages here.
 */
export const HTTP_SCENARIOS: HttpScenario[] = [
  {
    id: "home",
    label: "home page /",
    targets: STOREFRONT_TARGETS,
    compareWith: "static",
    async prepare() {
      return {
        path: "/",
        check: (page) => pageProblems(page, ["Rp", 'href="/produk/']),
      };
    },
  },
  {
    id: "product",
    label: "product page",
    targets: STOREFRONT_TARGETS,
    compareWith: "static",
    async prepare(ctx) {
      const product = pickVisibleProduct(ctx);
      return {
        path: `/produk/${encodeURIComponent(product.slug)}`,
        check: (page) => pageProblems(page, ["Rp", htmlEscape(product.title)]),
      };
    },
  },
  {
    id: "category",
    label: "category page",
    targets: STOREFRONT_TARGETS,
    compareWith: "static",
    async prepare(ctx) {
      const category = pickVisibleCategory(ctx);
      return {
        path: `/kategori/${encodeURIComponent(category.slug)}`,
        check: (page) => pageProblems(page, ["Rp", 'href="/produk/']),
      };
    },
  },
  {
    id: "store",
    label: "store page",
    targets: STOREFRONT_TARGETS,
    compareWith: "static",
    async prepare(ctx) {
      const store = pickVisibleStore(ctx);
      return {
        path: `/toko/${encodeURIComponent(store.slug)}`,
        check: (page) => pageProblems(page, ["Rp", htmlEscape(store.name), "wa.me/"]),
      };
    },
  },
  {
    id: "cart",
    label: "cart page (3 stores)",
    targets: STOREFRONT_TARGETS,
    compareWith: "static",
    async prepare(ctx) {
      // A guest cart made through the app itself, like a shopper's: its signed cookie goes with every request.
      const variants = pickCartVariants(ctx);
      if (variants.length === 0) throw new HarnessError("the seed has no variant in stock for a cart");
      let cookie = "";
      for (const variant of variants) {
        const response = await fetch(`${ctx.server.baseUrl}/keranjang`, {
          method: "POST",
          redirect: "manual",
          headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
          body: new URLSearchParams({ intent: "add", variantId: variant.id, quantity: "1" }),
        });
        if (response.status !== 302) throw new HarnessError(`adding to the cart answered ${response.status}`);
        const setCookie = response.headers.get("set-cookie");
        if (setCookie) cookie = setCookie.split(";")[0]!;
      }
      if (!cookie) throw new HarnessError("the cart answered without a cookie");
      return {
        path: "/keranjang",
        headers: { Cookie: cookie },
        check: (page) => pageProblems(page, ["Rp", ...variants.map((v) => htmlEscape(v.title))]),
      };
    },
  },
  {
    id: "static",
    label: `static ${STATIC_FILE}`,
    async prepare(ctx) {
      // The home page's own HTML, byte for byte: the same size and the same compressibility, so the
      // difference to the home scenario is what rendering costs.
      const home = await fetchPage(`${ctx.server.baseUrl}/`, ctx.headers);
      if (home.status !== 200) throw new HarnessError(`GET / answered ${home.status}; cannot size the static file`);
      const file = path.join(ctx.root, "public", STATIC_FILE);
      await writeFile(file, home.body);
      onCleanup({
        name: `remove public/${STATIC_FILE}`,
        run: () => rm(file, { force: true }),
        runSync: () => existsSync(file) && unlinkSync(file),
      });
      return {
        path: `/${STATIC_FILE}`,
        check: (page) => [
          ...(page.status === 200 ? [] : [`status ${page.status}`]),
          ...(page.bytes === home.bytes ? [] : [`${page.bytes} bytes, expected ${home.bytes}`]),
        ],
      };
    },
  },
];
