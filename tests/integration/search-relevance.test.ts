import { RELEVANCE_CASES } from "../fixtures/search-catalog";
import { createTestDatabase } from "../helpers/database";
import { evaluateRelevance, mean, seedSearchCatalog, type CaseOutcome } from "../helpers/search-catalog";
import { ProductSearch } from "~/models/product-search.server";
import { EmbeddedSearchEngine } from "~/services/search/embedded.server";

// Indonesian queries (typos, spelling variants, synonyms, several words, filters) against the embedded
// engine; `npm run search:relevance` prints the same cases with precision at 5.
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let outcomes: Map<string, CaseOutcome>;

const caseName = (c: (typeof RELEVANCE_CASES)[number]) => `${c.query}${c.params ? ` ${new URLSearchParams(c.params)}` : ""}`;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedSearchCatalog(db.prisma);
  const search = new ProductSearch({ db: db.prisma, engine: new EmbeddedSearchEngine(), autoSync: true, freshnessMs: 0 });
  outcomes = new Map((await evaluateRelevance(search)).map((o) => [caseName(o.case), o]));
});
afterAll(async () => {
  await db.cleanup();
});

test("the relevance set has at least 30 queries", () => {
  expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(30);
});

describe.each(RELEVANCE_CASES.map((c) => [caseName(c), c] as const))("“%s”", (name, c) => {
  test(`${c.why}: ${c.mustAppear.join(", ") || "nothing hidden"} in the top 5`, () => {
    const outcome = outcomes.get(name)!;
    expect(outcome.top5, `top 5 was ${outcome.top5.join(", ")}`).toEqual(expect.arrayContaining(c.mustAppear));
    for (const hidden of c.mustNotAppear ?? []) expect(outcome.top5).not.toContain(hidden);
  });
});

test("precision at 5 stays where it was measured (see docs/search.md)", () => {
  const scored = [...outcomes.values()].filter((o) => o.scored);
  expect(mean(scored.map((o) => o.attainablePrecisionAt5))).toBeGreaterThanOrEqual(0.95);
});
