import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { startBackgroundJobs } from "~/utils/background-jobs.server";
import { getEnv } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { NonceProvider } from "~/utils/nonce-provider";
import { securityHeaders } from "~/utils/security-headers.server";

// Fail at boot, with every problem listed, rather than on the first request that needs a variable.
getEnv();
startBackgroundJobs();

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const nonce = randomBytes(16).toString("base64");

  // The whole document is rendered before it is sent: no page streams deferred data, and one body is
  // compressed once instead of many small chunks (measured: several ms of CPU per page). Link
  // previews (WhatsApp) get the complete document too.
  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on("data", (chunk: Buffer) => chunks.push(chunk));
    sink.on("end", () => {
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      securityHeaders(nonce, responseHeaders);
      resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          pipe(sink);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          logger.error("render failed", { error: String(error) });
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  logger.error("unhandled server error", {
    url: request.url,
    error: error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error),
  });
}
