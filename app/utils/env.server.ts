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
