import { existsSync } from "node:fs";
import { z } from "zod";

const booleanish = z.enum(["true", "false", "auto"]);

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    APP_ORIGIN: z.url({ message: "APP_ORIGIN must be a full URL such as http://localhost:3000" }).default("http://localhost:3000"),
    DATABASE_URL: z
      .string()
      .regex(/^file:/, "DATABASE_URL must be a SQLite file URL such as file:./data/pasar-mandiri.db (PostgreSQL is not supported yet)")
      .default("file:./data/pasar-mandiri.db"),
    SESSION_SECRET: z
      .string()
      .min(32, "SESSION_SECRET must be at least 32 characters long")
      .default("dev-only-secret-change-me-0123456789abcdef"),
    COOKIE_SECURE: booleanish.default("auto"),
    SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    IMAGE_STORAGE_DIR: z.string().min(1).default("./storage/images"),
    LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
    LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /** "embedded" (in-process, the default) or "meilisearch"; unset means Meilisearch exactly when MEILI_HOST is set. */
    SEARCH_ENGINE: z.enum(["embedded", "meilisearch"]).optional(),
    MEILI_HOST: z.url({ protocol: /^https?$/, message: "MEILI_HOST must be an http(s) URL such as http://127.0.0.1:7700" }).optional(),
    MEILI_API_KEY: z.string().optional(),
    MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "MEILI_INDEX may hold only letters, digits, - and _").default("products"),
    /** How often (ms) the embedded search index checks the database for changes made by other processes; 0 = every query. */
    SEARCH_FRESHNESS_MS: z.coerce.number().int().min(0).max(3_600_000).default(1000),
    /** Orders one phone number may place per hour: nobody can hold a product's stock with made-up orders. */
    CHECKOUT_ORDERS_PER_PHONE_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
    /** Unpaid card and bank-transfer orders are cancelled, and their stock released, after this many hours. */
    ORDER_PAYMENT_WINDOW_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(24),
    /** The platform's commission on a store order's goods, in basis points (100 = 1%); fixed on each order when it is placed. */
    COMMISSION_BASIS_POINTS: z.coerce.number().int().min(0).max(5000).default(0),
    /** A delivered order the buyer has not confirmed is completed (and credited to the store) after this many days. */
    ORDER_AUTO_COMPLETE_DAYS: z.coerce.number().int().min(1).max(60).default(3),
    /** A completed order's credit becomes available for payout after this many days (time for the buyer to complain). */
    LEDGER_HOLD_DAYS: z.coerce.number().int().min(0).max(60).default(3),
    /**
     * Graduation readiness tiers (decision 15), as per-capita income in percent of the poverty line. These are
     * the program's settings, not an official Kemensos rule: set them to what the program decides.
     */
    READINESS_DEVELOPING_PERCENT: z.coerce.number().int().min(1).max(1000).default(50),
    READINESS_APPROACHING_PERCENT: z.coerce.number().int().min(1).max(1000).default(75),
    READINESS_READY_PERCENT: z.coerce.number().int().min(1).max(1000).default(100),
    /** "Ready" needs the ratio at or above READINESS_READY_PERCENT for this many consecutive months. */
    READINESS_READY_MONTHS: z.coerce.number().int().min(1).max(24).default(3),
    /**
     * Behind a reverse proxy: whose X-Forwarded-For server.js believes for the client address in the data
     * access log (Express "trust proxy"). A hop count or the proxy's addresses; "true" believes any client.
     */
    TRUST_PROXY: z
      .string()
      .trim()
      .regex(
        /^(true|false|\d{1,2}|((loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?))*))$/,
        'TRUST_PROXY must be "true", "false", a number of proxy hops, or proxy addresses/subnets separated by commas (e.g. 10.0.0.1, loopback)',
      )
      .optional(),
    /** The platform's account shown to shoppers who pay by bank transfer. The defaults are a demo, labelled as such. */
    BANK_TRANSFER_BANK: z.string().min(2).max(60).default("Bank Contoh (demo)"),
    BANK_TRANSFER_ACCOUNT_NUMBER: z.string().regex(/^[0-9 -]{6,30}$/, "BANK_TRANSFER_ACCOUNT_NUMBER must be digits").default("000 000 0000"),
    BANK_TRANSFER_ACCOUNT_NAME: z.string().min(2).max(80).default("Pasar Mandiri (rekening demo)"),
    /** Card payments through Stripe Checkout; without a key the card option is simply not offered. */
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_\w+$/, "STRIPE_SECRET_KEY must be a Stripe secret or restricted key (sk_test_..., sk_live_..., rk_...)")
      .optional(),
    STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, "STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_...)").optional(),
    /** Another Stripe API endpoint (stripe-mock, the test fake), e.g. http://127.0.0.1:12111. */
    STRIPE_API_BASE: z
      .url({ protocol: /^https?$/, message: "STRIPE_API_BASE must be an http(s) URL such as http://127.0.0.1:12111" })
      .optional(),
    /**
     * Smallest card payment, in Rupiah. Stripe states no IDR minimum; Rp10.000 covers its USD 0.50 minimum
     * (docs.stripe.com/currencies#minimum-and-maximum-charge-amounts) with room for the exchange rate (ADR 0010).
     */
    STRIPE_MIN_AMOUNT_IDR: z.coerce.number().int().min(1).max(9_999_999_999).default(10_000),
  })
  .superRefine((env, ctx) => {
    if (env.SEARCH_ENGINE === "meilisearch" && !env.MEILI_HOST) {
      ctx.addIssue({ code: "custom", path: ["MEILI_HOST"], message: "MEILI_HOST is required when SEARCH_ENGINE=meilisearch" });
    }
  })
  .superRefine((env, ctx) => {
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_WEBHOOK_SECRET"],
        message: "STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set (the whsec_... secret of the webhook endpoint)",
      });
    }
  })
  .superRefine((env, ctx) => {
    if (!(env.READINESS_DEVELOPING_PERCENT < env.READINESS_APPROACHING_PERCENT && env.READINESS_APPROACHING_PERCENT < env.READINESS_READY_PERCENT)) {
      ctx.addIssue({
        code: "custom",
        path: ["READINESS_APPROACHING_PERCENT"],
        message: "READINESS_DEVELOPING_PERCENT < READINESS_APPROACHING_PERCENT < READINESS_READY_PERCENT must hold",
      });
    }
  })
  .transform((env) => ({
    ...env,
    cookieSecure:
      env.COOKIE_SECURE === "auto"
        ? env.NODE_ENV === "production" && env.APP_ORIGIN.startsWith("https:")
        : env.COOKIE_SECURE === "true",
  }));

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvironmentError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "InvalidEnvironmentError";
  }
}

/** Validates a set of variables; throws one error that lists every problem by variable name. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty value in .env means "use the default", as it does for most tools.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new InvalidEnvironmentError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "(env)"}: ${issue.message}`),
    );
  }
  return result.data;
}

let cached: Env | undefined;

/** The process configuration: `.env` (if present) under the real environment, validated once. */
export function getEnv(): Env {
  if (!cached) {
    // Variables already set win over the file, as with `node --env-file`.
    if (existsSync(".env")) process.loadEnvFile(".env");
    cached = parseEnv(process.env);
  }
  return cached;
}
