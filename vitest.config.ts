import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globals: true,
    environment: "node",
    // Each file in its own process: native modules (sharp, better-sqlite3) and per-file databases stay isolated.
    pool: "forks",
  },
});
