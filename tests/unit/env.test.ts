import { InvalidEnvironmentError, parseEnv } from "~/utils/env.server";

describe("environment validation", () => {
  it("runs offline with no variables at all", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/pasar-mandiri.db");
    expect(env.IMAGE_STORAGE_DIR).toBe("./storage/images");
    expect(env.cookieSecure).toBe(false);
  });

  it("money settings: no commission, a 3-day hold and 3-day auto-completion unless set; a commission above 50% is refused", () => {
    expect(parseEnv({})).toMatchObject({ COMMISSION_BASIS_POINTS: 0, LEDGER_HOLD_DAYS: 3, ORDER_AUTO_COMPLETE_DAYS: 3 });
    expect(parseEnv({ COMMISSION_BASIS_POINTS: "250" }).COMMISSION_BASIS_POINTS).toBe(250);
    expect(() => parseEnv({ COMMISSION_BASIS_POINTS: "5001" })).toThrow(/COMMISSION_BASIS_POINTS/);
    expect(() => parseEnv({ COMMISSION_BASIS_POINTS: "2.5" })).toThrow(/COMMISSION_BASIS_POINTS/);
    expect(() => parseEnv({ ORDER_AUTO_COMPLETE_DAYS: "0" })).toThrow(/ORDER_AUTO_COMPLETE_DAYS/);
  });

  it("readiness settings: 50/75/100 % and 3 months unless set; thresholds out of order are refused", () => {
    expect(parseEnv({})).toMatchObject({ READINESS_DEVELOPING_PERCENT: 50, READINESS_APPROACHING_PERCENT: 75, READINESS_READY_PERCENT: 100, READINESS_READY_MONTHS: 3 });
    expect(parseEnv({ READINESS_READY_PERCENT: "120", READINESS_READY_MONTHS: "6" })).toMatchObject({ READINESS_READY_PERCENT: 120, READINESS_READY_MONTHS: 6 });
    expect(() => parseEnv({ READINESS_APPROACHING_PERCENT: "110" })).toThrow(/READINESS_DEVELOPING_PERCENT < READINESS_APPROACHING_PERCENT < READINESS_READY_PERCENT/);
    expect(() => parseEnv({ READINESS_READY_MONTHS: "0" })).toThrow(/READINESS_READY_MONTHS/);
  });

  it("TRUST_PROXY: hop counts, proxy addresses and true/false are accepted; anything else stops the app with a message", () => {
    for (const value of ["1", "true", "false", "10.0.0.1", "loopback, 10.0.0.0/8", "::1"]) expect(parseEnv({ TRUST_PROXY: value }).TRUST_PROXY).toBe(value);
    for (const value of ["yes", "proxy.example.com", "1; rm"]) expect(() => parseEnv({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY must be/);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ SESSION_DAYS: "" }).SESSION_DAYS).toBe(30);
  });

  it("rejects a bad configuration and names every problem", () => {
    let error: unknown;
    try {
      parseEnv({ SESSION_SECRET: "short", DATABASE_URL: "postgres://x", APP_ORIGIN: "not a url", SESSION_DAYS: "-1" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    const message = (error as Error).message;
    expect(message).toMatch(/SESSION_SECRET: .*at least 32 characters/);
    expect(message).toMatch(/DATABASE_URL: .*SQLite/);
    expect(message).toMatch(/APP_ORIGIN/);
    expect(message).toMatch(/SESSION_DAYS/);
    expect((error as InvalidEnvironmentError).problems).toHaveLength(4);
  });

  it("turns secure cookies on automatically only for production over https", () => {
    expect(parseEnv({ NODE_ENV: "production", APP_ORIGIN: "https://pasarmandiri.id" }).cookieSecure).toBe(true);
    expect(parseEnv({ NODE_ENV: "production", APP_ORIGIN: "http://localhost:3000" }).cookieSecure).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", COOKIE_SECURE: "true" }).cookieSecure).toBe(true);
    expect(() => parseEnv({ COOKIE_SECURE: "yes" })).toThrow(/COOKIE_SECURE/);
  });
});
