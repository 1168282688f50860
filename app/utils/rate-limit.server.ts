import { RateLimiterMemory } from "rate-limiter-flexible";
import { getEnv } from "./env.server";

const env = getEnv();

/**
 * Failed logins per e-mail address (and per client address when a proxy tells us one).
 * In-process memory: correct for the single-process server this app runs as; a multi-process
 * deployment needs a shared store (rate-limiter-flexible has Redis and database backends).
 */
const failedLogins = new RateLimiterMemory({
  keyPrefix: "login",
  points: env.LOGIN_MAX_ATTEMPTS,
  duration: env.LOGIN_WINDOW_MINUTES * 60,
});

function keysFor(email: string, request: Request): string[] {
  const keys = [`email:${email.toLowerCase()}`];
  const forwarded = request.headers.get("X-Forwarded-For")?.split(",")[0]?.trim();
  if (forwarded) keys.push(`ip:${forwarded}:${email.toLowerCase()}`);
  return keys;
}

/** Seconds until another attempt is allowed, or 0 when the client may try now. */
export async function loginRetryAfterSeconds(email: string, request: Request): Promise<number> {
  let wait = 0;
  for (const key of keysFor(email, request)) {
    const state = await failedLogins.get(key);
    if (state && state.consumedPoints >= env.LOGIN_MAX_ATTEMPTS) {
      wait = Math.max(wait, Math.ceil(state.msBeforeNext / 1000));
    }
  }
  return wait;
}

export async function recordFailedLogin(email: string, request: Request): Promise<void> {
  await Promise.all(keysFor(email, request).map((key) => failedLogins.penalty(key, 1)));
}

export async function clearFailedLogins(email: string, request: Request): Promise<void> {
  await Promise.all(keysFor(email, request).map((key) => failedLogins.delete(key)));
}

/**
 * Orders per recipient phone number (and per forwarded client address) per hour. Cash-on-delivery
 * orders hold stock until a seller cancels them, so placing orders must not be free for a script.
 */
const checkouts = new RateLimiterMemory({
  keyPrefix: "checkout",
  points: env.CHECKOUT_ORDERS_PER_PHONE_PER_HOUR,
  duration: 60 * 60,
});

/** Counts one order attempt; returns the seconds to wait when the limit is reached, else 0. */
export async function consumeCheckout(phone: string, request: Request): Promise<number> {
  const keys = [`phone:${phone}`];
  const forwarded = request.headers.get("X-Forwarded-For")?.split(",")[0]?.trim();
  if (forwarded) keys.push(`ip:${forwarded}`);
  try {
    await Promise.all(keys.map((key) => checkouts.consume(key)));
    return 0;
  } catch (rejection) {
    const ms = typeof rejection === "object" && rejection && "msBeforeNext" in rejection ? Number(rejection.msBeforeNext) : 60_000;
    return Math.max(1, Math.ceil(ms / 1000));
  }
}
