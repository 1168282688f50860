/*
 * Runs the Stripe fake as its own process for the browser tests:
 *   PORT=12111 STRIPE_WEBHOOK_SECRET=whsec_... npx tsx tests/helpers/stripe-fake-server-cli.ts
 * Point the app at it with STRIPE_API_BASE=http://127.0.0.1:12111 and the same webhook secret.
 * A test moves a session along and gets the signed webhook to deliver with
 *   POST /__fake/events {"type":"checkout.session.completed","sessionId":"cs_test_..."}
 * which answers { event, payload, header }; GET /__fake/requests lists what the app sent.
 */
import { startStripeFakeServer } from "./stripe-fake-server";

const port = Number(process.env.PORT ?? 12111);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`);
  process.exit(1);
}

const server = await startStripeFakeServer({
  port,
  host: process.env.HOST ?? "127.0.0.1",
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET || undefined,
  checkoutUrlBase: process.env.CHECKOUT_URL_BASE || undefined,
});
console.log(`Stripe fake listening on ${server.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.stop().then(() => process.exit(0));
  });
}
