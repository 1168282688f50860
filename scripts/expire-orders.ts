/**
 * The order housekeeping the server also does every minute, for a cron job (`npm run orders:expire`):
 * cancels unpaid orders past their payment window (stock released) and completes delivered orders
 * past ORDER_AUTO_COMPLETE_DAYS (their stores are credited).
 */
import { autoCompleteDeliveredOrders, expireOverdueOrders } from "~/models/order.server";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

const cancelled = await expireOverdueOrders(prisma);
const completed = await autoCompleteDeliveredOrders(prisma, getEnv().ORDER_AUTO_COMPLETE_DAYS);
console.log(`expired ${cancelled} unpaid store order(s); completed ${completed} delivered store order(s)`);
await prisma.$disconnect();
