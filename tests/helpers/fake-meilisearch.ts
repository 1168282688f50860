import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local HTTP server that answers like Meilisearch (the subset our engine uses) and records every
 * request, so tests can check exactly what the official client sends. Tasks are "enqueued" when
 * created and report "processing" on the first poll, "succeeded" on the next, so waiting is exercised.
 * Search is deliberately naive (every document matches): these tests check wiring, not relevance.
 */
export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
};

type Doc = Record<string, unknown> & { id: string };
type FakeIndex = { uid: string; primaryKey: string | null; docs: Map<string, Doc>; settings: Record<string, unknown> };
type FakeTask = { uid: number; indexUid: string | null; type: string; polls: number; fail: boolean; apply: () => void };

export interface FakeMeilisearch {
  url: string;
  requests: RecordedRequest[];
  indexes: Map<string, FakeIndex>;
  /** The next task of this type fails (status "failed") instead of succeeding. */
  failNextTask(type: string): void;
  /** Requests whose method and path match, in order. */
  find(method: string, path: string | RegExp): RecordedRequest[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? undefined : JSON.parse(text);
}

export async function startFakeMeilisearch(): Promise<FakeMeilisearch> {
  const requests: RecordedRequest[] = [];
  const indexes = new Map<string, FakeIndex>();
  const tasks = new Map<number, FakeTask>();
  const failing = new Set<string>();
  let nextTaskUid = 0;

  function enqueue(indexUid: string | null, type: string, apply: () => void) {
    const uid = nextTaskUid++;
    const fail = failing.delete(type);
    tasks.set(uid, { uid, indexUid, type, polls: 0, fail, apply });
    return { taskUid: uid, indexUid, status: "enqueued", type, enqueuedAt: new Date().toISOString() };
  }

  function taskView(task: FakeTask) {
    task.polls++;
    const done = task.polls >= 2;
    if (done && task.polls === 2 && !task.fail) task.apply();
    const status = !done ? "processing" : task.fail ? "failed" : "succeeded";
    return {
      uid: task.uid,
      batchUid: task.uid,
      indexUid: task.indexUid,
      status,
      type: task.type,
      canceledBy: null,
      details: {},
      error: task.fail && done ? { message: "injected failure", code: "internal", type: "internal", link: "" } : null,
      duration: done ? "PT0.001S" : null,
      enqueuedAt: new Date().toISOString(),
      startedAt: new Date().toISOString(),
      finishedAt: done ? new Date().toISOString() : null,
    };
  }

  function notFound(uid: string) {
    return { status: 404, body: { message: `Index \`${uid}\` not found.`, code: "index_not_found", type: "invalid_request", link: "" } };
  }

  function search(indexUid: string, params: Record<string, unknown>) {
    const index = indexes.get(indexUid);
    if (!index) return null;
    const docs = [...index.docs.values()];
    const q = typeof params.q === "string" ? params.q.toLowerCase().split(/\s+/)[0] ?? "" : "";
    const pre = typeof params.highlightPreTag === "string" ? params.highlightPreTag : "<em>";
    const post = typeof params.highlightPostTag === "string" ? params.highlightPostTag : "</em>";
    const facetDistribution: Record<string, Record<string, number>> = {};
    for (const facet of (params.facets as string[] | undefined) ?? []) {
      facetDistribution[facet] = {};
      for (const doc of docs) {
        const value = String(doc[facet]);
        facetDistribution[facet][value] = (facetDistribution[facet][value] ?? 0) + 1;
      }
    }
    const hitsPerPage = typeof params.hitsPerPage === "number" ? params.hitsPerPage : typeof params.limit === "number" ? params.limit : 20;
    const page = typeof params.page === "number" ? params.page : 1;
    const hits = docs.slice((page - 1) * hitsPerPage, page * hitsPerPage).map((doc) => {
      const title = String(doc.title ?? "");
      const at = q ? title.toLowerCase().indexOf(q) : -1;
      const formatted = at >= 0 ? `${title.slice(0, at)}${pre}${title.slice(at, at + q.length)}${post}${title.slice(at + q.length)}` : title;
      return { ...doc, _formatted: { ...doc, title: formatted } };
    });
    return {
      hits,
      query: params.q ?? "",
      processingTimeMs: 1,
      hitsPerPage,
      page,
      totalHits: docs.length,
      totalPages: Math.ceil(docs.length / Math.max(1, hitsPerPage)),
      facetDistribution,
      facetStats: {},
    };
  }

  async function route(method: string, path: string, query: Record<string, string>, body: unknown): Promise<{ status: number; body: unknown }> {
    let m: RegExpMatchArray | null;
    if (method === "GET" && (m = path.match(/^\/tasks\/(\d+)$/))) {
      const task = tasks.get(Number(m[1]));
      return task ? { status: 200, body: taskView(task) } : { status: 404, body: { message: "task not found", code: "task_not_found", type: "invalid_request", link: "" } };
    }
    if (method === "POST" && path === "/indexes") {
      const { uid, primaryKey } = body as { uid: string; primaryKey?: string };
      return { status: 202, body: enqueue(uid, "indexCreation", () => void indexes.set(uid, { uid, primaryKey: primaryKey ?? null, docs: new Map(), settings: {} })) };
    }
    if (method === "GET" && (m = path.match(/^\/indexes\/([^/]+)$/))) {
      const index = indexes.get(m[1]!);
      if (!index) return notFound(m[1]!);
      const now = new Date().toISOString();
      return { status: 200, body: { uid: index.uid, primaryKey: index.primaryKey, createdAt: now, updatedAt: now } };
    }
    if (method === "DELETE" && (m = path.match(/^\/indexes\/([^/]+)$/))) {
      const uid = m[1]!;
      return { status: 202, body: enqueue(uid, "indexDeletion", () => void indexes.delete(uid)) };
    }
    if (method === "PATCH" && (m = path.match(/^\/indexes\/([^/]+)\/settings$/))) {
      const uid = m[1]!;
      return { status: 202, body: enqueue(uid, "settingsUpdate", () => Object.assign(indexes.get(uid)?.settings ?? {}, body)) };
    }
    if (method === "POST" && (m = path.match(/^\/indexes\/([^/]+)\/documents$/))) {
      const uid = m[1]!;
      const docs = body as Doc[];
      return {
        status: 202,
        body: enqueue(uid, "documentAdditionOrUpdate", () => {
          for (const doc of docs) indexes.get(uid)?.docs.set(doc.id, doc);
        }),
      };
    }
    if (method === "POST" && (m = path.match(/^\/indexes\/([^/]+)\/documents\/delete-batch$/))) {
      const uid = m[1]!;
      const ids = body as string[];
      return {
        status: 202,
        body: enqueue(uid, "documentDeletion", () => {
          for (const id of ids) indexes.get(uid)?.docs.delete(id);
        }),
      };
    }
    if (method === "POST" && path === "/swap-indexes") {
      const swaps = body as { indexes: [string, string] }[];
      return {
        status: 202,
        body: enqueue(null, "indexSwap", () => {
          for (const { indexes: [a, b] } of swaps) {
            const ia = indexes.get(a)!;
            const ib = indexes.get(b)!;
            indexes.set(a, { ...ib, uid: a });
            indexes.set(b, { ...ia, uid: b });
          }
        }),
      };
    }
    if (method === "POST" && path === "/multi-search") {
      const { queries } = body as { queries: (Record<string, unknown> & { indexUid: string })[] };
      const results = [];
      for (const q of queries) {
        const result = search(q.indexUid, q);
        if (!result) return notFound(q.indexUid);
        results.push({ indexUid: q.indexUid, ...result });
      }
      return { status: 200, body: { results } };
    }
    if (method === "POST" && (m = path.match(/^\/indexes\/([^/]+)\/search$/))) {
      const result = search(m[1]!, body as Record<string, unknown>);
      return result ? { status: 200, body: result } : notFound(m[1]!);
    }
    return { status: 404, body: { message: `no route ${method} ${path}`, code: "not_found", type: "invalid_request", link: "" } };
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const body = await readBody(req);
      const record: RecordedRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body,
        authorization: req.headers.authorization,
      };
      requests.push(record);
      const answer = await route(record.method, record.path, record.query, body);
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.body));
    })().catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: String(error), code: "internal", type: "internal", link: "" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    indexes,
    failNextTask: (type) => void failing.add(type),
    find: (method, path) =>
      requests.filter((r) => r.method === method && (typeof path === "string" ? r.path === path : path.test(r.path))),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
