import { z } from "zod";
import { rupiahField } from "~/utils/schemas.server";

const id = z.string().min(1).max(64);
const bankReference = z
  .string({ error: "money.errorReference" })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ./-]{2,59}$/, "money.errorReference");

/** An admin records money transferred to a store's bank account. */
export const payoutSchema = z.object({
  storeId: id,
  amountIdr: rupiahField.pipe(z.number().min(1, "money.errorAmount")),
  bankReference,
  paidOn: z
    .string({ error: "money.errorDate" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "money.errorDate")
    .refine((value) => {
      const day = new Date(`${value}T00:00:00Z`);
      // Not in the future (a day of slack for time zones east of UTC), and not absurdly old.
      return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value) && day.getTime() <= Date.now() + 86_400_000 && day.getUTCFullYear() >= 2019;
    }, "money.errorDate"),
});

/** An admin settles a refund: a bank transfer sent back, or a card refund asked of Stripe again. */
export const refundActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("complete"), refundId: id, bankReference }),
  z.object({ intent: z.literal("retry"), refundId: id }),
]);
