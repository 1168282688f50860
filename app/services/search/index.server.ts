import { getEnv, type Env } from "~/utils/env.server";
import { EmbeddedSearchEngine } from "./embedded.server";
import { MeilisearchEngine } from "./meilisearch.server";
import type { SearchEngine } from "./types";

/** "embedded" unless SEARCH_ENGINE says otherwise or MEILI_HOST is set. */
export function searchEngineName(env: Pick<Env, "SEARCH_ENGINE" | "MEILI_HOST">): SearchEngine["name"] {
  return env.SEARCH_ENGINE ?? (env.MEILI_HOST ? "meilisearch" : "embedded");
}

export function createSearchEngine(env: Env): SearchEngine {
  if (searchEngineName(env) === "meilisearch") {
    if (!env.MEILI_HOST) throw new Error("SEARCH_ENGINE=meilisearch needs MEILI_HOST");
    return new MeilisearchEngine({ host: env.MEILI_HOST, apiKey: env.MEILI_API_KEY, indexUid: env.MEILI_INDEX });
  }
  return new EmbeddedSearchEngine();
}

declare global {
  // Survives module reloads in development, like the Prisma client: the embedded index is not rebuilt on every edit.
  var __searchEngine: SearchEngine | undefined;
}

/** The search engine of the process, chosen from the environment once. */
export function getSearchEngine(): SearchEngine {
  return (globalThis.__searchEngine ??= createSearchEngine(getEnv()));
}
