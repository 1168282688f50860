/**
 * Relevance of the embedded search engine: `npm run search:relevance`.
 *
 * Builds a scratch database with the fixture catalog (tests/fixtures/search-catalog.ts), runs every
 * relevance case through the search page's parsing and the embedded engine, and prints the first five
 * results of each query with precision at 5. The same cases run as tests in
 * tests/integration/search-relevance.test.ts.
 */
import { createTestDatabase } from "../tests/helpers/database";
import { evaluateRelevance, mean, seedSearchCatalog } from "../tests/helpers/search-catalog";
import { ProductSearch } from "~/models/product-search.server";
import { EmbeddedSearchEngine } from "~/services/search/embedded.server";

const db = await createTestDatabase();
try {
  await seedSearchCatalog(db.prisma);
  const search = new ProductSearch({ db: db.prisma, engine: new EmbeddedSearchEngine(), autoSync: true, freshnessMs: 0 });
  const outcomes = await evaluateRelevance(search);
  for (const o of outcomes) {
    const params = o.case.params ? ` ${new URLSearchParams(o.case.params).toString()}` : "";
    const verdict = o.missing.length === 0 && o.unwanted.length === 0 ? "ok  " : "FAIL";
    console.log(`${verdict} P@5 ${o.precisionAt5.toFixed(2)}  "${o.case.query}"${params}  (${o.case.why})`);
    console.log(`       top 5: ${o.top5.join(", ") || "(none)"}`);
    if (o.missing.length > 0) console.log(`       missing: ${o.missing.join(", ")}`);
    if (o.unwanted.length > 0) console.log(`       should not be there: ${o.unwanted.join(", ")}`);
  }
  const scored = outcomes.filter((o) => o.scored);
  const passed = outcomes.filter((o) => o.missing.length === 0 && o.unwanted.length === 0).length;
  console.log(`\n${outcomes.length} queries, ${passed} with every required product in the top 5 and no excluded one.`);
  console.log(`Mean precision at 5 (relevant in the first five / 5), ${scored.length} scored queries: ${mean(scored.map((o) => o.precisionAt5)).toFixed(3)}`);
  console.log(
    `Mean attainable precision at 5 (relevant in the first five / min(5, relevant products)): ${mean(scored.map((o) => o.attainablePrecisionAt5)).toFixed(3)}`,
  );
  process.exitCode = passed === outcomes.length ? 0 : 1;
} finally {
  await db.cleanup();
}
