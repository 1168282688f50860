import { purgeExpired } from "~/models/housekeeping.server";
import { autoCompleteDeliveredOrders, expireOverdueOrders } from "~/models/order.server";
import { retryPendingCardRefunds } from "~/models/refund.server";
import { getCardPaymentProvider } from "~/services/payments/stripe.server";
import { prisma } from "./db.server";
import { getEnv } from "./env.server";
import { logger } from "./logger.server";

const EXPIRY_INTERVAL_MS = 60_000;
const HOUSEKEEPING_INTERVAL_MS = 60 * 60_000;

declare global {
  var __backgroundJobsStarted: boolean | undefined;
}

/**
 * Once per server process: every minute, unpaid orders past their payment window are cancelled and
 * their stock released (order pages also expire an overdue order when it is opened, so a late tick is
 * never visible; `npm run orders:expire` does the same from a cron job), delivered orders past
 * ORDER_AUTO_COMPLETE_DAYS are completed (crediting their stores), and card refunds Stripe has not
 * answered are asked again. Every hour, expired sessions and abandoned guest carts are deleted.
 */
export function startBackgroundJobs(): void {
  if (globalThis.__backgroundJobsStarted) return;
  globalThis.__backgroundJobsStarted = true;
  const timer = setInterval(() => {
    expireOverdueOrders(prisma)
      .then((count) => {
        if (count > 0) logger.info("expired unpaid orders", { storeOrders: count });
      })
      .catch((error: unknown) => logger.error("order expiry failed", { error: String(error) }));
    autoCompleteDeliveredOrders(prisma, getEnv().ORDER_AUTO_COMPLETE_DAYS)
      .then((count) => {
        if (count > 0) logger.info("completed delivered orders", { storeOrders: count });
      })
      .catch((error: unknown) => logger.error("auto-completion failed", { error: String(error) }));
    retryPendingCardRefunds(prisma, getCardPaymentProvider()).catch((error: unknown) => logger.error("refund retry failed", { error: String(error) }));
  }, EXPIRY_INTERVAL_MS);
  timer.unref();
  const housekeeping = setInterval(() => {
    purgeExpired(prisma)
      .then((counts) => {
        if (counts.sessions + counts.guestCarts > 0) logger.info("purged expired rows", counts);
      })
      .catch((error: unknown) => logger.error("housekeeping failed", { error: String(error) }));
  }, HOUSEKEEPING_INTERVAL_MS);
  housekeeping.unref();
}
