import { request } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import autocannon, { type Instance, type Result } from "autocannon";

/** One load test's figures. Latencies in milliseconds. */
export interface LoadResult {
  /** Average of the per-second request counts. */
  rps: number;
  p50: number;
  p99: number;
  /** Responses with a status outside 200–299. */
  non2xx: number;
  /** Connection errors plus timeouts. */
  errors: number;
  totalRequests: number;
  /** Average bytes on the wire per 2xx response (compressed when the server compressed it). */
  bytesPerResponse: number;
  statusCodes: Record<string, number>;
  seconds: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationSec: number;
  headers?: Record<string, string>;
}

/** Loopback load tests are bounded in time and in count: far above what one Node process serves. */
const MAX_REQUESTS_PER_SECOND = 20_000;

let active: Instance | null = null;

/** Stops the load test that is running, if any (it then resolves with what it measured). */
export function stopActiveLoad(): void {
  active?.stop();
}

/** Drives one URL with a fixed number of connections for a fixed time (autocannon, programmatic). */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSec,
        maxOverallRequests: Math.ceil(options.durationSec * MAX_REQUESTS_PER_SECOND),
        headers: options.headers,
        timeout: 10,
      },
      (error, result) => {
        active = null;
        if (error) reject(error);
        else resolve(toLoadResult(result));
      },
    );
    active = instance;
  });
}

function toLoadResult(result: Result): LoadResult {
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  );
  const ok = result["2xx"];
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    totalRequests: result.requests.total,
    bytesPerResponse: ok > 0 ? result.throughput.total / ok : 0,
    statusCodes,
    seconds: result.duration,
  };
}

export interface FetchedPage {
  url: string;
  status: number;
  contentType: string;
  contentEncoding: string | null;
  /** Decoded body. */
  body: string;
  /** Size of the decoded body in bytes. */
  bytes: number;
  /** Size on the wire (compressed when the server compressed it). */
  wireBytes: number;
}

/**
 * One request with the same headers the load test sends, body decoded by hand so the wire size is
 * known too (fetch would decode silently).
 */
export function fetchPage(url: string, headers: Record<string, string> = {}): Promise<FetchedPage> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        try {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"] ?? null;
          const decoded = decode(raw, encoding);
          resolve({
            url,
            status: res.statusCode ?? 0,
            contentType: res.headers["content-type"] ?? "",
            contentEncoding: encoding,
            body: decoded.toString("utf8"),
            bytes: decoded.byteLength,
            wireBytes: raw.byteLength,
          });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    req.on("timeout", () => req.destroy(new Error(`timeout fetching ${url}`)));
    req.on("error", reject);
    req.end();
  });
}

function decode(raw: Buffer, encoding: string | null): Buffer {
  switch (encoding) {
    case null:
    case "identity":
      return raw;
    case "gzip":
      return gunzipSync(raw);
    case "br":
      return brotliDecompressSync(raw);
    case "deflate":
      return inflateSync(raw);
    default:
      throw new Error(`unexpected Content-Encoding ${encoding}`);
  }
}
