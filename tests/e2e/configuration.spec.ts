import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

/** Starts the built server the way `npm start` does, with the given environment, and waits for it to exit. */
function startServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["server.js"], {
      // Only what node needs, plus the configuration under test: nothing leaks in from this shell.
      env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server kept running with a bad configuration:\n${output}`));
    }, 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("the server refuses to start with a bad configuration and names each problem", async () => {
  const { code, output } = await startServer({
    PORT: "3199",
    NODE_ENV: "production",
    SESSION_SECRET: "too-short",
    DATABASE_URL: "postgresql://localhost/pasar",
    LOGIN_MAX_ATTEMPTS: "zero",
  });
  expect(code).not.toBe(0);
  expect(output).toContain("Invalid configuration");
  expect(output).toMatch(/SESSION_SECRET: SESSION_SECRET must be at least 32 characters long/);
  expect(output).toMatch(/DATABASE_URL: .*SQLite file URL/);
  expect(output).toMatch(/LOGIN_MAX_ATTEMPTS/);
});
