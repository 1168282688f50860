-- Card refunds: deliberate retries after Stripe refused get a new idempotency key (attempt number).
-- A plain ADD COLUMN keeps the table (and its CHECK constraint) instead of the rebuild prisma migrate diff proposes.
ALTER TABLE "Refund" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
