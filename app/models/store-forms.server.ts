import { z } from "zod";
import { normalizeIndonesianPhone } from "~/utils/phone";
import { rupiahField } from "~/utils/schemas.server";

// Server only (zod stays out of the browser). Messages are translation keys of app/locales/store.ts.

export const STORE_TEXT_LIMITS = { nameMin: 3, nameMax: 80, descriptionMin: 10, descriptionMax: 300, storyMax: 3000 } as const;
/** A courier price per kilogram above this is a typing slip (an extra zero), not a price. */
export const MAX_SHIPPING_IDR_PER_KG = 1_000_000;
export const MAX_ESTIMATED_DAYS = 60;

const id = z.string({ error: "shop.errorBadRequest" }).trim().min(1, "shop.errorBadRequest").max(64, "shop.errorBadRequest");

/** Textareas send Windows line ends; the story keeps its line breaks as plain "\n". */
const lineBreaks = (text: string) => text.replace(/\r\n?/g, "\n");

export const storeProfileSchema = z.object({
  intent: z.literal("profile"),
  name: z
    .string({ error: "storeProfile.errorName" })
    .trim()
    .min(STORE_TEXT_LIMITS.nameMin, "storeProfile.errorName")
    .max(STORE_TEXT_LIMITS.nameMax, "storeProfile.errorName"),
  description: z
    .string({ error: "storeProfile.errorDescription" })
    .transform(lineBreaks)
    .pipe(
      z
        .string()
        .trim()
        .min(STORE_TEXT_LIMITS.descriptionMin, "storeProfile.errorDescription")
        .max(STORE_TEXT_LIMITS.descriptionMax, "storeProfile.errorDescription"),
    ),
  // Empty (conform leaves it out) means no story.
  story: z
    .string()
    .transform(lineBreaks)
    .pipe(z.string().trim().max(STORE_TEXT_LIMITS.storyMax, "storeProfile.errorStory"))
    .optional(),
  whatsapp: z
    .string({ error: "storeProfile.errorWhatsapp" })
    .max(30, "storeProfile.errorWhatsapp")
    .transform((value, ctx) => {
      // The same normalised form the storefront's wa.me link uses ("6281234567890").
      const normalized = normalizeIndonesianPhone(value);
      if (!normalized) {
        ctx.addIssue({ code: "custom", message: "storeProfile.errorWhatsapp" });
        return z.NEVER;
      }
      return normalized;
    }),
});
export type StoreProfileForm = z.input<typeof storeProfileSchema>;

export const storeLocationSchema = z.object({
  intent: z.literal("location"),
  regencyCode: z.string({ error: "storeProfile.errorRegency" }).regex(/^\d{2}\.\d{2}$/, "storeProfile.errorRegency"),
});
export type StoreLocationForm = z.input<typeof storeLocationSchema>;

export const payoutAccountSchema = z.object({
  intent: z.literal("payout"),
  payoutBankName: z.string({ error: "storeProfile.errorBankName" }).trim().min(2, "storeProfile.errorBankName").max(60, "storeProfile.errorBankName"),
  // Typed as on a passbook ("0123 4567 89", "0123-456-789"); kept as digits only.
  payoutAccountNumber: z
    .string({ error: "storeProfile.errorAccountNumber" })
    .max(40, "storeProfile.errorAccountNumber")
    .transform((value) => value.replace(/[\s.-]/g, ""))
    .pipe(z.string().regex(/^\d{6,20}$/, "storeProfile.errorAccountNumber")),
  payoutAccountHolder: z
    .string({ error: "storeProfile.errorAccountHolder" })
    .trim()
    .min(2, "storeProfile.errorAccountHolder")
    .max(100, "storeProfile.errorAccountHolder"),
});
export type PayoutAccountForm = z.input<typeof payoutAccountSchema>;

const shippingRupiah = rupiahField.refine((amount) => amount <= MAX_SHIPPING_IDR_PER_KG, "storeProfile.errorRateTooHigh");
const estimatedDays = z.coerce
  .number({ error: "storeProfile.errorDays" })
  .int("storeProfile.errorDays")
  .min(1, "storeProfile.errorDays")
  .max(MAX_ESTIMATED_DAYS, "storeProfile.errorDays")
  .optional();

export const shippingRateAddSchema = z.object({
  intent: z.literal("rate-add"),
  provinceCode: z.string({ error: "storeProfile.errorProvince" }).regex(/^\d{2}$/, "storeProfile.errorProvince"),
  firstKgIdr: shippingRupiah,
  additionalKgIdr: shippingRupiah,
  estimatedDays,
});
export type ShippingRateAddForm = z.input<typeof shippingRateAddSchema>;

export const shippingRateUpdateSchema = z.object({
  intent: z.literal("rate-update"),
  rateId: id,
  firstKgIdr: shippingRupiah,
  additionalKgIdr: shippingRupiah,
  estimatedDays,
});
export type ShippingRateUpdateForm = z.input<typeof shippingRateUpdateSchema>;

export const shippingRateRemoveSchema = z.object({ intent: z.literal("rate-remove"), rateId: id });

/** Every form of the store profile page, told apart by the submit button's `intent`. */
export const storeActionSchema = z.discriminatedUnion(
  "intent",
  [storeProfileSchema, storeLocationSchema, payoutAccountSchema, shippingRateAddSchema, shippingRateUpdateSchema, shippingRateRemoveSchema],
  { error: "shop.errorBadRequest" },
);
export type StoreActionInput = z.output<typeof storeActionSchema>;
export type StoreIntent = StoreActionInput["intent"];
export const STORE_INTENTS: readonly StoreIntent[] = ["profile", "location", "payout", "rate-add", "rate-update", "rate-remove"];

/** The province picker's GET parameter; anything malformed is simply not chosen. */
export const storeRegionPickSchema = z.object({
  provinsi: z.string().regex(/^\d{2}$/).optional().catch(undefined),
});
