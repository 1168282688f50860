import { z } from "zod";
import { normalizeIndonesianPhone } from "~/utils/phone";
import { emailField, rupiahField } from "~/utils/schemas.server";
import { MAX_LINE_QUANTITY } from "./cart-rules";

// Server only (zod stays out of the browser). Messages are translation keys of app/locales/shop.ts.

const id = z.string().trim().min(1, "shop.errorBadRequest").max(64, "shop.errorBadRequest");
const quantity = z.coerce
  .number({ error: "shop.errorQuantity" })
  .int("shop.errorQuantity")
  .min(1, "shop.errorQuantity")
  .max(MAX_LINE_QUANTITY, "shop.errorQuantity");

export const cartActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), variantId: id, quantity }),
  z.object({ intent: z.literal("update"), itemId: id, quantity }),
  z.object({ intent: z.literal("remove"), itemId: id }),
]);

export const checkoutSchema = z.object({
  districtCode: z.string({ error: "shop.errorDistrict" }).regex(/^\d{2}\.\d{2}\.\d{2}$/, "shop.errorDistrict"),
  recipientName: z.string({ error: "shop.errorRecipient" }).trim().min(2, "shop.errorRecipient").max(100, "errors.tooLong"),
  phone: z
    .string({ error: "shop.errorPhone" })
    .max(30, "shop.errorPhone")
    .transform((value, ctx) => {
      const normalized = normalizeIndonesianPhone(value);
      if (!normalized) {
        ctx.addIssue({ code: "custom", message: "shop.errorPhone" });
        return z.NEVER;
      }
      return normalized;
    }),
  email: emailField.optional(),
  addressLine: z.string({ error: "shop.errorAddress" }).trim().min(10, "shop.errorAddress").max(300, "errors.tooLong"),
  postalCode: z
    .string()
    .trim()
    .regex(/^[1-9]\d{4}$/, "shop.errorPostal")
    .optional(),
  paymentMethod: z.enum(["COD", "BANK_TRANSFER", "CARD"], { error: "shop.errorMethod" }),
});
export type CheckoutForm = z.input<typeof checkoutSchema>;

/** The address picker's GET parameters; anything malformed is simply not chosen. */
export const regionPickSchema = z.object({
  provinsi: z.string().regex(/^\d{2}$/).optional().catch(undefined),
  kabupaten: z.string().regex(/^\d{2}\.\d{2}$/).optional().catch(undefined),
  kecamatan: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/).optional().catch(undefined),
});

export const orderActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("cancel") }),
  z.object({ intent: z.literal("confirm-receipt"), storeOrderId: id }),
  z.object({ intent: z.literal("pay-card") }),
]);

const courier = z.string({ error: "shop.errorCourier" }).trim().min(2, "shop.errorCourier").max(40, "errors.tooLong");
const waybill = z
  .string({ error: "shop.errorWaybill" })
  .trim()
  .regex(/^[A-Za-z0-9-]{6,40}$/, "shop.errorWaybill");

const reason = z.string({ error: "shop.errorReason" }).trim().min(5, "shop.errorReason").max(200, "errors.tooLong");

export const sellerOrderActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("process"), storeOrderId: id }),
  z.object({ intent: z.literal("ship"), storeOrderId: id, courier, waybill }),
  z.object({ intent: z.literal("deliver"), storeOrderId: id }),
  z.object({ intent: z.literal("cancel"), storeOrderId: id, reason }),
  z.object({ intent: z.literal("refund"), storeOrderId: id, reason }),
]);

const units = z.coerce
  .number({ error: "seller.errorUnits" })
  .int("seller.errorUnits")
  .min(1, "seller.errorUnits")
  .max(100_000, "seller.errorUnits");
const stockCount = z.coerce
  .number({ error: "seller.errorCount" })
  .int("seller.errorCount")
  .min(0, "seller.errorCount")
  .max(1_000_000, "seller.errorCount");
const stockNote = z.string().trim().max(200, "errors.tooLong").optional();

export const stockAdjustmentSchema = z.discriminatedUnion("reason", [
  z.object({ reason: z.literal("RESTOCK"), variantId: id, quantity: units, note: stockNote }),
  z.object({ reason: z.literal("DAMAGED"), variantId: id, quantity: units, note: stockNote }),
  z.object({ reason: z.literal("CORRECTION"), variantId: id, countedStock: stockCount, expectedStock: stockCount, note: stockNote }),
]);

const variantRow = z.object({
  id: z.string().max(64).optional(),
  name: z.string({ error: "seller.errorVariantName" }).trim().min(1, "seller.errorVariantName").max(60, "errors.tooLong"),
  priceIdr: rupiahField,
  costIdr: rupiahField,
  weightGrams: z.coerce.number({ error: "seller.errorWeight" }).int("seller.errorWeight").min(1, "seller.errorWeight").max(100_000, "seller.errorWeight"),
  stock: z.coerce.number({ error: "seller.errorCount" }).int("seller.errorCount").min(0, "seller.errorCount").max(1_000_000, "seller.errorCount").optional(),
});

export const listingSchema = z.object({
  storeId: z.string().max(64).optional(),
  title: z.string({ error: "seller.errorTitle" }).trim().min(3, "seller.errorTitle").max(120, "errors.tooLong"),
  categoryId: z.string({ error: "seller.errorCategory" }).min(1, "seller.errorCategory").max(64),
  description: z.string({ error: "seller.errorDescription" }).trim().min(10, "seller.errorDescription").max(2000, "errors.tooLong"),
  status: z.enum(["DRAFT", "ACTIVE", "ARCHIVED"], { error: "shop.errorBadRequest" }),
  confirmBelowCost: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  // Empty rows of the form (for new variants) are left out.
  variants: z.preprocess(
    (rows) => (Array.isArray(rows) ? rows.filter((r) => r && typeof r === "object" && Object.entries(r).some(([k, v]) => k !== "id" && v !== undefined && v !== "")) : []),
    z.array(variantRow).min(1, "seller.errorNoVariant").max(10, "errors.tooLong"),
  ),
});
export type ListingForm = z.input<typeof listingSchema>;
