import type { LoaderFunctionArgs } from "@remix-run/node";
import type { SuggestResponse } from "~/components/search-suggest";
import { productSearch } from "~/models/product-search.server";
import { parseSuggestQuery } from "~/models/search-params.server";
import { logger } from "~/utils/logger.server";

const SUGGESTION_COUNT = 6;

/**
 * Search-as-you-type: GET /cari/saran?q=kerip → JSON product suggestions. Any text is a valid
 * question (the worst answer is an empty list); a failing engine also gives an empty list, never a 500.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseSuggestQuery(new URL(request.url).searchParams);
  let suggestions: SuggestResponse["suggestions"] = [];
  try {
    suggestions = (await productSearch().suggest(query, SUGGESTION_COUNT)).map(({ slug, title, titleHighlight }) => ({
      slug,
      title,
      titleHighlight,
    }));
  } catch (error) {
    logger.error("search suggestions failed", { error: error instanceof Error ? error.message : String(error) });
  }
  const body: SuggestResponse = { query, suggestions };
  return Response.json(body, { headers: { "Cache-Control": "private, max-age=30" } });
}
