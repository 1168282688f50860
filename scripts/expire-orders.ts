/**
 * Cancels unpaid orders past their payment window and releases their stock (the server also does this
 * every minute). For a cron job: `npm run orders:expire`.
 */
import { expireOverdueOrders } from "~/models/order.server";
import { prisma } from "~/utils/db.server";

const cancelled = await expireOverdueOrders(prisma);
console.log(`expired ${cancelled} unpaid store order(s)`);
await prisma.$disconnect();
