import { defineConfig, devices } from "@playwright/test";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${E2E_PORT}`;

/** The environment of the server under test; tests/e2e/db.ts opens the same database. */
export const e2eEnv = {
  NODE_ENV: "production",
  PORT: String(E2E_PORT),
  APP_ORIGIN: baseURL,
  DATABASE_URL: "file:./tests/.tmp/e2e/app.db",
  IMAGE_STORAGE_DIR: "./tests/.tmp/e2e/images",
  SESSION_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
  COOKIE_SECURE: "false",
  LOGIN_MAX_ATTEMPTS: "5",
  LOGIN_WINDOW_MINUTES: "15",
  LOG_LEVEL: "warn",
  SEED_REFERENCE_DATE: "2026-11-15",
  // The suite places many orders for one test phone number; the limit itself has its own spec.
  CHECKOUT_ORDERS_PER_PHONE_PER_HOUR: "100000",
  // Card payments go to a local stand-in for Stripe's API (tests/helpers/stripe-fake-server.ts),
  // started by scripts/e2e-server.sh; tests sign webhook events with the same secret.
  STRIPE_SECRET_KEY: "sk_test_e2e0000000000000000000000",
  STRIPE_WEBHOOK_SECRET: "whsec_e2e0000000000000000000000000",
  STRIPE_API_BASE: `http://127.0.0.1:${Number(process.env.E2E_STRIPE_PORT ?? 12111)}`,
  STRIPE_FAKE_PORT: String(Number(process.env.E2E_STRIPE_PORT ?? 12111)),
};

export default defineConfig({
  testDir: "./tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Pixel 5"],
        // Debian's Chromium: Playwright cannot download its own browsers here.
        browserName: "chromium",
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: `${baseURL}/healthcheck`,
    env: e2eEnv,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
