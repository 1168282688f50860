import type { PrismaClient } from "~/utils/db.server";
import { verifyApiToken } from "./api-token.server";
import { recordDataAccess, type AccessClient } from "./data-access-log.server";
import {
  ASSESSMENT_FIELDS,
  assessmentsDataset,
  describeFilters,
  exchangeCsv,
  HOUSEHOLD_FIELDS,
  householdsDataset,
  parseExchangeFilters,
  parsePagination,
  STORE_SALES_FIELDS,
  storeSalesDataset,
  type Dataset,
  type ExchangeFilters,
  type FilterProblem,
  type Pagination,
} from "./data-exchange.server";
import type { ProgramScope } from "./program-scope.server";

/**
 * The data exchange over HTTP: CSV downloads for signed-in admins, verifiers and facilitators, and
 * the token-protected JSON API. Both log every request, refused ones included (DataAccessLog).
 */

type Rows = { rows: Record<string, string | number | null>[]; total: number };

async function runDataset(
  db: PrismaClient,
  dataset: Dataset,
  input: { scope: ProgramScope; filters: ExchangeFilters; pagination?: Pagination; now?: Date },
): Promise<Rows> {
  switch (dataset) {
    case "households":
      return householdsDataset(db, input);
    case "assessments":
      return assessmentsDataset(db, input);
    case "store-sales":
      return storeSalesDataset(db, input);
  }
}

const FIELDS: Record<Dataset, readonly string[]> = {
  households: HOUSEHOLD_FIELDS,
  assessments: ASSESSMENT_FIELDS,
  "store-sales": STORE_SALES_FIELDS,
};

function rawFilters(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ["province", "regency", "month", "from", "to", "page", "limit"]) {
    const value = params.get(name);
    if (value !== null) out[name] = value.slice(0, 40);
  }
  return out;
}

// ---------------------------------------------------------------- CSV

export type CsvExportResult = { ok: true; response: Response } | { ok: false; status: 400; problems: FilterProblem[] };

/** A dataset as a CSV download for a signed-in reader with the given scope; logged either way. */
export async function exportCsv(
  db: PrismaClient,
  input: { dataset: Dataset; params: URLSearchParams; scope: ProgramScope; userId: string; filePrefix: string; now?: Date; client?: AccessClient },
): Promise<CsvExportResult> {
  const parsed = parseExchangeFilters(input.dataset, input.params, input.now);
  if (!parsed.ok) {
    await recordDataAccess(db, { userId: input.userId, resource: input.dataset, format: "csv", filters: rawFilters(input.params), rowCount: 0, status: 400, client: input.client });
    return { ok: false, status: 400, problems: parsed.problems };
  }
  const { rows } = await runDataset(db, input.dataset, { scope: input.scope, filters: parsed.filters, now: input.now });
  await recordDataAccess(db, {
    userId: input.userId,
    resource: input.dataset,
    format: "csv",
    filters: describeFilters(parsed.filters),
    rowCount: rows.length,
    status: 200,
    client: input.client,
  });
  const stamp = (input.now ?? new Date()).toISOString().slice(0, 10);
  return {
    ok: true,
    response: new Response(exchangeCsv(FIELDS[input.dataset], rows), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${input.filePrefix}-${input.dataset}-${stamp}.csv"`,
        "Cache-Control": "private, no-store",
      },
    }),
  };
}

// ---------------------------------------------------------------- JSON API

const API_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } as const;

function json(body: unknown, status: number, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...API_HEADERS, ...extra } });
}

const UNAUTHORIZED_MESSAGES = {
  missing: "Send the API token in the Authorization header: Authorization: Bearer pm_…",
  malformed: "The Authorization header must be: Bearer pm_… (a Pasar Mandiri API token)",
  unknown: "This API token is not known.",
  revoked: "This API token has been revoked.",
} as const;

/**
 * GET /api/v1/<dataset>: `Authorization: Bearer <token>`; filters as for the CSV; `page` and `limit`.
 * Answers `{ dataset, generatedAt, filters, page: { number, limit, total, hasMore, next }, data }`.
 * No cookie is read or set; every answer is `Cache-Control: no-store`.
 */
export async function serveApi(db: PrismaClient, dataset: Dataset, request: Request, now = new Date(), client?: AccessClient): Promise<Response> {
  const url = new URL(request.url);
  const params = url.searchParams;
  const check = await verifyApiToken(db, request.headers.get("Authorization"), now);
  if (!check.ok) {
    await recordDataAccess(db, { tokenId: check.tokenId, resource: dataset, format: "json", filters: rawFilters(params), rowCount: 0, status: 401, client });
    const challenge = check.reason === "missing" ? 'Bearer realm="pasar-mandiri"' : 'Bearer realm="pasar-mandiri", error="invalid_token"';
    return json({ error: { code: "unauthorized", message: UNAUTHORIZED_MESSAGES[check.reason] } }, 401, { "WWW-Authenticate": challenge });
  }
  const parsed = parseExchangeFilters(dataset, params, now);
  const pagination = parsePagination(params);
  if (!parsed.ok || !pagination.ok) {
    const problems = [...(parsed.ok ? [] : parsed.problems), ...(pagination.ok ? [] : pagination.problems)];
    await recordDataAccess(db, { tokenId: check.token.id, resource: dataset, format: "json", filters: rawFilters(params), rowCount: 0, status: 400, client });
    return json(
      {
        error: {
          code: "bad_request",
          message: problems.map((problem) => problem.message).join("; "),
          problems: problems.map(({ param, message }) => ({ param, message })),
        },
      },
      400,
    );
  }
  const { page, limit } = pagination.pagination;
  const { rows, total } = await runDataset(db, dataset, { scope: { kind: "all" }, filters: parsed.filters, pagination: pagination.pagination, now });
  const filters = describeFilters(parsed.filters);
  await recordDataAccess(db, { tokenId: check.token.id, resource: dataset, format: "json", filters: { ...filters, page: String(page), limit: String(limit) }, rowCount: rows.length, status: 200, client });
  const hasMore = page * limit < total;
  const next = hasMore ? `${url.pathname}?${new URLSearchParams({ ...filters, limit: String(limit), page: String(page + 1) })}` : null;
  return json(
    {
      dataset,
      generatedAt: now.toISOString(),
      filters,
      page: { number: page, limit, total, hasMore, next },
      data: rows,
    },
    200,
  );
}

/** A download asking for a dataset that does not exist: refused with 400, and logged like any refusal. */
export async function refuseUnknownDataset(
  db: PrismaClient,
  input: { userId: string; dataset: string | null; message: string; client?: AccessClient },
): Promise<Response> {
  await recordDataAccess(db, {
    client: input.client,
    userId: input.userId,
    resource: (input.dataset ?? "").slice(0, 40) || "(none)",
    format: "csv",
    filters: {},
    rowCount: 0,
    status: 400,
  });
  return new Response(input.message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
