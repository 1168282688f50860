/**
 * The default search engine: SQLite FTS5 in an in-memory database of the app's own process
 * (better-sqlite3, which the app already uses), no service to start. See docs/decisions/0009-search.md.
 *
 * - Documents are analysed in JavaScript (text-analysis.server.ts: standard spellings and Indonesian
 *   roots) and FTS5 indexes the analysed terms, ranking with BM25 weighted by field.
 * - Typo tolerance: every indexed term is kept in a radix tree (MiniSearch's SearchableMap), which finds
 *   the terms within the word's edit budget; corrections that change the first letter are refused, as
 *   Meilisearch counts a typo there double. Products matched without typos rank first.
 * - Filters, facet counts, sorting and pagination run as SQL over a table of each product's facet
 *   values, joined to the matches of the query (kept in a temporary table for the length of one
 *   synchronous search), so no per-product work happens in JavaScript.
 */
import Database from "better-sqlite3";
import SearchableMap from "minisearch/SearchableMap";
import { analyzeQuery, highlightSegments, indexTerms, typoBudget, type QueryWord } from "./text-analysis.server";
import {
  totalPagesFor,
  type FacetCount,
  type ProductSearchDocument,
  type SearchEngine,
  type SearchFacets,
  type SearchFilters,
  type SearchRequest,
  type SearchResponse,
  type SearchSort,
  type Suggestion,
} from "./types";

/** BM25 weights of the indexed columns, in their order: a title word counts most, then the category. */
const COLUMNS = ["title", "category", "description", "context"] as const;
const WEIGHTS = "4.0, 2.0, 1.0, 1.0";

/** A prefix shorter than this would match half the vocabulary for little use. */
const MIN_PREFIX_LENGTH = { search: 3, suggest: 2 } as const;
/** The closest typo corrections of one word that are searched (bounds the cost of a long, odd word). */
const MAX_TYPO_TERMS = 24;

type Vocabulary = SearchableMap<true>;

/** FTS5 query syntax: a term in double quotes is only ever a term, whatever its characters. */
function quoted(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** Indexed terms within the word's typo budget and with its first letter. */
function typoCorrections(vocabulary: Vocabulary, word: string): string[] {
  const budget = typoBudget(word);
  if (budget === 0) return [];
  return [...vocabulary.fuzzyGet(word, budget)]
    .filter(([term, [, distance]]) => distance > 0 && term[0] === word[0])
    .sort(([a, [, da]], [b, [, db]]) => da - db || (a < b ? -1 : 1))
    .slice(0, MAX_TYPO_TERMS)
    .map(([term]) => term);
}

interface PlannedWord {
  exact: string[];
  typos: string[];
  prefix: string | null;
}

function groupExpression(word: PlannedWord, withTypos: boolean): string {
  const terms = [...word.exact, ...(withTypos ? word.typos : [])].map(quoted);
  if (word.prefix) terms.push(`${quoted(word.prefix)}*`);
  return `(${terms.join(" OR ")})`;
}

type Plan = { words: PlannedWord[]; hasTypos: boolean };

function expression(plan: Plan, combine: "AND" | "OR", withTypos: boolean, columns?: string): string {
  const body = plan.words.map((w) => groupExpression(w, withTypos)).join(` ${combine} `);
  return columns ? `${columns} : (${body})` : body;
}

/** Words the highlighter marks: what was matched exactly, its typo corrections, and prefixes. */
function highlightTerms(plan: Plan): { terms: Set<string>; prefixes: string[] } {
  const terms = new Set<string>();
  const prefixes: string[] = [];
  for (const word of plan.words) {
    for (const term of [...word.exact, ...word.typos]) terms.add(term);
    if (word.prefix) prefixes.push(word.prefix);
  }
  return { terms, prefixes };
}

type FilterName = "category" | "province" | "regency" | "price" | "stock";
type Clause = { sql: string; params: (string | number)[] };

function filterClauses(filters: SearchFilters): Partial<Record<FilterName, Clause>> {
  const out: Partial<Record<FilterName, Clause>> = {};
  if (filters.categorySlug !== undefined) out.category = { sql: "f.category = ?", params: [filters.categorySlug] };
  if (filters.provinceCode !== undefined) out.province = { sql: "f.province = ?", params: [filters.provinceCode] };
  if (filters.regencyCode !== undefined) out.regency = { sql: "f.regency = ?", params: [filters.regencyCode] };
  const price: Clause = { sql: "", params: [] };
  const bounds: string[] = [];
  if (filters.priceMinIdr !== undefined) {
    bounds.push("f.price >= ?");
    price.params.push(filters.priceMinIdr);
  }
  if (filters.priceMaxIdr !== undefined) {
    bounds.push("f.price <= ?");
    price.params.push(filters.priceMaxIdr);
  }
  if (bounds.length > 0) out.price = { sql: bounds.join(" AND "), params: price.params };
  if (filters.inStock) out.stock = { sql: "f.in_stock = 1", params: [] };
  return out;
}

function where(clauses: Partial<Record<FilterName, Clause>>, skip?: FilterName, extra?: string): Clause {
  const parts: Clause[] = Object.entries(clauses)
    .filter(([name]) => name !== skip)
    .map(([, clause]) => clause!);
  if (extra) parts.push({ sql: extra, params: [] });
  return parts.length === 0
    ? { sql: "", params: [] }
    : { sql: `WHERE ${parts.map((p) => p.sql).join(" AND ")}`, params: parts.flatMap((p) => p.params) };
}

const ORDER: Record<SearchSort, string> = {
  relevance: "f.tier, f.score, f.sold DESC, f.published DESC, f.rowid",
  newest: "f.published DESC, f.rowid",
  price_asc: "f.price, f.rowid",
  price_desc: "f.price DESC, f.rowid",
  bestselling: "f.sold DESC, f.published DESC, f.rowid",
};

const FACET_COLUMNS = { category: "category", province: "province", regency: "regency", priceBucket: "bucket" } as const;
const FACET_FILTER: Record<keyof typeof FACET_COLUMNS, FilterName> = {
  category: "category",
  province: "province",
  regency: "regency",
  priceBucket: "price",
};

/** One in-memory database: the FTS5 index, the facet values, and the vocabulary beside it. */
class Store {
  readonly db = new Database(":memory:");
  readonly vocabulary: Vocabulary = new SearchableMap<true>();
  readonly docs = new Map<number, ProductSearchDocument>();
  readonly rowOf = new Map<string, number>();
  private readonly seenTerms = new Set<string>();
  private readonly statements = new Map<string, Database.Statement>();
  private nextRow = 1;
  /** Total and facets of the unfiltered "all products" page; dropped at every change. */
  browseCounts: { total: number; facets: SearchFacets } | undefined;

  constructor() {
    this.db.exec(`
      CREATE VIRTUAL TABLE text USING fts5(${COLUMNS.join(", ")}, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3', detail = column);
      CREATE TABLE f (
        rowid INTEGER PRIMARY KEY, category TEXT NOT NULL, province TEXT NOT NULL, regency TEXT NOT NULL,
        bucket TEXT NOT NULL, price INTEGER NOT NULL, in_stock INTEGER NOT NULL, sold INTEGER NOT NULL, published INTEGER NOT NULL
      );
      CREATE INDEX f_published ON f (published);
      CREATE INDEX f_price ON f (price);
      CREATE INDEX f_sold ON f (sold);
      CREATE INDEX f_category ON f (category);
      CREATE INDEX f_province ON f (province);
      CREATE INDEX f_regency ON f (regency);
      -- The matches of one query with their facet values copied in, so counting them reads one small table.
      CREATE TEMP TABLE m (
        rowid INTEGER PRIMARY KEY, score REAL NOT NULL, tier INTEGER NOT NULL, category TEXT, province TEXT, regency TEXT,
        bucket TEXT, price INTEGER, in_stock INTEGER, sold INTEGER, published INTEGER
      );
    `);
  }

  statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private terms(text: string): string {
    const terms = indexTerms(text);
    for (const term of terms) {
      if (!this.seenTerms.has(term)) {
        this.seenTerms.add(term);
        this.vocabulary.set(term, true);
      }
    }
    return terms.join(" ");
  }

  put(doc: ProductSearchDocument): void {
    this.browseCounts = undefined;
    const existing = this.rowOf.get(doc.id);
    if (existing !== undefined) this.delete(doc.id);
    const row = this.nextRow++;
    this.statement(`INSERT INTO text (rowid, ${COLUMNS.join(", ")}) VALUES (?, ?, ?, ?, ?)`).run(
      row,
      this.terms(doc.title),
      this.terms(`${doc.categoryNameId} ${doc.categoryNameEn}`),
      this.terms(doc.description),
      this.terms(`${doc.storeName} ${doc.regencyName} ${doc.provinceName}`),
    );
    this.statement("INSERT INTO f VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").run(
      row,
      doc.categorySlug,
      doc.provinceCode,
      doc.regencyCode,
      doc.priceBucket,
      doc.priceIdr,
      doc.inStock ? 1 : 0,
      doc.soldCount,
      doc.publishedAt,
    );
    this.docs.set(row, doc);
    this.rowOf.set(doc.id, row);
  }

  delete(id: string): boolean {
    const row = this.rowOf.get(id);
    if (row === undefined) return false;
    this.browseCounts = undefined;
    this.statement("DELETE FROM text WHERE rowid = ?").run(row);
    this.statement("DELETE FROM f WHERE rowid = ?").run(row);
    this.docs.delete(row);
    this.rowOf.delete(id);
    return true;
  }

  close(): void {
    this.db.close();
  }
}

export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = "embedded" as const;
  private store = new Store();

  get size(): number {
    return this.store.docs.size;
  }

  has(id: string): boolean {
    return this.store.rowOf.has(id);
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    // Synchronous from here to the end: the temporary match table belongs to this search alone.
    const store = this.store;
    const plan = this.plan(analyzeQuery(request.text), "search");
    let matchedAllWords = true;
    let from = "FROM f";
    let sort = request.sort;
    if (plan.words.length === 0) {
      if (sort === "relevance") sort = "newest";
    } else {
      from = "FROM m f";
      let found = this.collectMatches(plan, "AND");
      if (found === 0 && plan.words.length > 1) {
        found = this.collectMatches(plan, "OR");
        matchedAllWords = found === 0;
      }
    }

    const clauses = filterClauses(request.filters);
    const all = where(clauses);
    const rows = store
      .statement(`SELECT f.rowid ${from} ${all.sql} ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...all.params, request.perPage, (request.page - 1) * request.perPage) as number[];
    // Browsing everything is the most common page and the most expensive to count: counted once per change.
    const browsingAll = plan.words.length === 0 && all.params.length === 0 && !request.filters.inStock;
    const { total, facets } = (browsingAll ? (store.browseCounts ??= this.count(from, clauses)) : this.count(from, clauses));

    const { terms, prefixes } = highlightTerms(plan);
    return {
      hits: rows.map((row) => {
        const document = store.docs.get(row)!;
        return { document, titleHighlight: highlightSegments(document.title, terms, prefixes) };
      }),
      total,
      page: request.page,
      perPage: request.perPage,
      totalPages: totalPagesFor(total, request.perPage),
      facets,
      matchedAllWords,
    };
  }

  /** The total and the facets: each facet counted under every filter but its own. */
  private count(from: string, clauses: Partial<Record<FilterName, Clause>>): { total: number; facets: SearchFacets } {
    const store = this.store;
    const all = where(clauses);
    const total = store.statement(`SELECT count(*) ${from} ${all.sql}`).pluck().get(...all.params) as number;
    const facets = {} as SearchFacets;
    for (const [facet, column] of Object.entries(FACET_COLUMNS) as [keyof typeof FACET_COLUMNS, string][]) {
      const clause = where(clauses, FACET_FILTER[facet]);
      facets[facet] = store
        .statement(`SELECT f.${column} AS value, count(*) AS count ${from} ${clause.sql} GROUP BY f.${column} ORDER BY count DESC, value`)
        .all(...clause.params) as FacetCount[];
    }
    const stock = where(clauses, "stock", "f.in_stock = 1");
    facets.inStock = store.statement(`SELECT count(*) ${from} ${stock.sql}`).pluck().get(...stock.params) as number;
    return { total, facets };
  }

  async suggest(text: string, limit: number): Promise<Suggestion[]> {
    const queryWords = analyzeQuery(text);
    if (queryWords.length === 0 || queryWords.map((w) => w.word).join("").length < MIN_PREFIX_LENGTH.suggest) return [];
    const plan = this.plan(queryWords, "suggest");
    // Title matches first, then category matches, the best sellers first in each.
    const pick = this.store.statement(
      "SELECT t.rowid FROM text t CROSS JOIN f ON f.rowid = t.rowid WHERE text MATCH ? ORDER BY f.sold DESC, f.rowid LIMIT ?",
    );
    const rows = pick.pluck().all(expression(plan, "AND", true, "{title}"), limit) as number[];
    if (rows.length < limit) {
      for (const row of pick.pluck().all(expression(plan, "AND", true, "{title category}"), limit) as number[]) {
        if (rows.length < limit && !rows.includes(row)) rows.push(row);
      }
    }
    const { terms, prefixes } = highlightTerms(plan);
    return rows.map((row) => {
      const doc = this.store.docs.get(row)!;
      return {
        id: doc.id,
        slug: doc.slug,
        title: doc.title,
        titleHighlight: highlightSegments(doc.title, terms, prefixes),
        categorySlug: doc.categorySlug,
      };
    });
  }

  async upsert(documents: ProductSearchDocument[]): Promise<void> {
    const store = this.store;
    store.db.transaction(() => {
      for (const doc of documents) store.put(doc);
    })();
  }

  async remove(ids: string[]): Promise<void> {
    const store = this.store;
    store.db.transaction(() => {
      for (const id of ids) store.delete(id);
    })();
  }

  async replaceAll(batches: AsyncIterable<ProductSearchDocument[]>): Promise<{ count: number }> {
    // Built aside and swapped in one step: queries meanwhile are answered from the old index.
    const store = new Store();
    try {
      for await (const batch of batches) {
        store.db.transaction(() => {
          for (const doc of batch) store.put(doc);
        })();
      }
    } catch (error) {
      store.close();
      throw error;
    }
    const old = this.store;
    this.store = store;
    old.close();
    return { count: store.docs.size };
  }

  /**
   * The last word is also matched as a prefix: always while typing (suggestions), and on the search
   * page only when it is not a whole indexed word ("kerip" is unfinished, "tas" is not "tasikmalaya").
   */
  private plan(queryWords: QueryWord[], mode: "search" | "suggest"): Plan {
    const vocabulary = this.store.vocabulary;
    const words = queryWords.map((w) => {
      const prefixable = w.last && w.word.length >= MIN_PREFIX_LENGTH[mode] && (mode === "suggest" || !vocabulary.has(w.word));
      return { exact: [w.word, ...w.alternatives], typos: typoCorrections(vocabulary, w.word), prefix: prefixable ? w.word : null };
    });
    return { words, hasTypos: words.some((w) => w.typos.length > 0) };
  }

  /**
   * Fills the match table and returns how many products matched. Ranked as Meilisearch ranks: products
   * matched without typos first (tier), then by the narrowest set of fields holding every word (score:
   * 0 title, 1 with the category, 2 with the description, 3 with the store and its region); popularity
   * breaks ties (ORDER). Only the some-words fallback uses
   * BM25, to put products with more of the words first.
   */
  private collectMatches(plan: Plan, combine: "AND" | "OR"): number {
    const store = this.store;
    store.statement("DELETE FROM m").run();
    // CROSS JOIN makes SQLite walk the matches and look each one up, never the other way round.
    const insert = (score: string) =>
      store.statement(
        `INSERT OR IGNORE INTO m SELECT t.rowid, ${score}, ?, f.category, f.province, f.regency, f.bucket,
         f.price, f.in_stock, f.sold, f.published FROM text t CROSS JOIN f ON f.rowid = t.rowid WHERE text MATCH ?`,
      );
    const narrow = (score: number, tier: number, match: string) =>
      store.statement("UPDATE m SET score = ? WHERE tier = ? AND rowid IN (SELECT rowid FROM text WHERE text MATCH ?)").run(score, tier, match);
    const tiers = plan.hasTypos ? [false, true] : [false];
    for (const [tier, withTypos] of tiers.entries()) {
      if (combine === "OR") {
        insert(`bm25(text, ${WEIGHTS})`).run(tier, expression(plan, combine, withTypos));
        continue;
      }
      insert("3").run(tier, expression(plan, combine, withTypos));
      narrow(2, tier, expression(plan, combine, withTypos, "{title category description}"));
      narrow(1, tier, expression(plan, combine, withTypos, "{title category}"));
      narrow(0, tier, expression(plan, combine, withTypos, "{title}"));
    }
    return store.statement("SELECT count(*) FROM m").pluck().get() as number;
  }
}
