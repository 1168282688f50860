export {};

// The limit is read from the environment when the module loads.
process.env.CHECKOUT_ORDERS_PER_PHONE_PER_HOUR = "2";
const { consumeCheckout } = await import("~/utils/rate-limit.server");

const request = (forwardedFor?: string) =>
  new Request("http://localhost/checkout", { method: "POST", headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {} });

describe("orders per phone number", () => {
  it("lets the allowed number through, then says how long to wait", async () => {
    expect(await consumeCheckout("6281200000001", request())).toBe(0);
    expect(await consumeCheckout("6281200000001", request())).toBe(0);
    const wait = await consumeCheckout("6281200000001", request());
    expect(wait).toBeGreaterThan(3000);
    expect(wait).toBeLessThanOrEqual(3600);
  });

  it("counts each phone number on its own", async () => {
    expect(await consumeCheckout("6281200000002", request())).toBe(0);
  });

  it("also counts per client address when a proxy names it", async () => {
    expect(await consumeCheckout("6281200000003", request("203.0.113.7"))).toBe(0);
    expect(await consumeCheckout("6281200000004", request("203.0.113.7"))).toBe(0);
    expect(await consumeCheckout("6281200000005", request("203.0.113.7"))).toBeGreaterThan(0);
  });
});
