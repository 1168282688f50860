/**
 * Rebuilds the search index from the database: `npm run search:reindex`.
 *
 * - Meilisearch (MEILI_HOST set): builds a new index with the current settings beside the live one,
 *   swaps it in atomically and deletes the old one; searches keep working throughout.
 * - Embedded engine: each app process holds its own index in memory, builds it from the database on its
 *   first search and catches up with later changes by itself (SEARCH_FRESHNESS_MS). This command builds
 *   one the same way, to check that every product indexes and to time it; a running server rebuilds
 *   its own when restarted.
 */
import { reindexAll } from "~/models/product-search.server";
import { searchEngineName } from "~/services/search/index.server";
import { getEnv } from "~/utils/env.server";

const env = getEnv();
const engine = searchEngineName(env);
const where = engine === "meilisearch" ? `${env.MEILI_HOST} index "${env.MEILI_INDEX}"` : "in this process";
console.log(`Rebuilding the ${engine} search index (${where}) from ${env.DATABASE_URL}…`);
try {
  const { count, ms } = await reindexAll();
  console.log(`Indexed ${count} products in ${(ms / 1000).toFixed(1)} s.`);
  if (engine === "embedded") {
    console.log("Running servers keep their own in-memory index in sync; restart one to rebuild it from scratch.");
  }
} catch (error) {
  console.error(`Reindex failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
