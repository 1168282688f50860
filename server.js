// The production server: Express with the Remix request handler, as `npm start` runs it.
// Compared with remix-serve it compresses each response once with a fixed, cheap brotli/gzip level,
// serves fingerprinted assets as immutable, and leaves request logging to LOG_LEVEL=debug.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { existsSync } from "node:fs";
import { constants } from "node:zlib";

// The same .env the app reads (variables already set win), so PORT, HOST and TRUST_PROXY can live there too.
if (existsSync(".env")) process.loadEnvFile(".env");

const build = await import("./build/index.js");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy, TRUST_PROXY tells Express whose X-Forwarded-For to believe ("true", a hop count,
// or addresses/subnets, as Express's "trust proxy"); unset, the client is the socket's peer.
// The value was validated when the build loaded (app/utils/env.server.ts).
const trustProxy = process.env.TRUST_PROXY?.trim();
if (trustProxy && trustProxy !== "false") app.set("trust proxy", trustProxy === "true" ? true : /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);
app.use(
  compression({
    threshold: 1024,
    level: 6,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  }),
);
// Remix's own assets carry a content hash in their names: cache them for a year.
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
if (process.env.LOG_LEVEL === "debug") {
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: "debug", message: "request", method: req.method, url: req.originalUrl, status: res.statusCode, ms })}\n`);
    });
    next();
  });
}
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext: (req) => ({ clientIp: req.ip ?? null }) }));

const server = app.listen(port, host, () => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: "info", message: "listening", url: `http://localhost:${port}` })}\n`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
