import { z } from "zod";

// Server only: zod stays out of the browser bundle (forms validate on the server; the browser uses
// native constraints). See docs/decisions/0005-forms.md.

// Shared field schemas. Messages are translation keys (app/locales), shown with t() in the form.

export const emailField = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .max(254, "errors.tooLong")
  .pipe(z.email({ error: "errors.emailInvalid" }))
  .transform((email) => email.toLowerCase());

/** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated. */
export const newPasswordField = z
  .string({ error: "errors.required" })
  .min(8, "errors.passwordTooShort")
  .refine((p) => new TextEncoder().encode(p).length <= 72, "errors.passwordTooLong");

export const passwordField = z.string({ error: "errors.required" }).min(1, "errors.required").max(200, "errors.tooLong");

export const personNameField = z
  .string({ error: "errors.required" })
  .trim()
  .min(2, "errors.nameTooShort")
  .max(100, "errors.tooLong");

export const redirectToField = z.string().max(2000).optional();

/**
 * Whole Rupiah as Indonesians write them: "25000", "25.000", "Rp 25.000". A dot groups thousands
 * here, so "25.000" is twenty-five thousand, never 25; decimals do not exist for Rupiah prices.
 */
export function rupiahAmountField(message: string, maxIdr = 100_000_000) {
  return z.preprocess(
    (value) => {
      if (typeof value !== "string") return value;
      const trimmed = value.trim();
      if (trimmed === "") return undefined;
      return /^(rp\.?\s*)?\d{1,3}(\.\d{3})*$|^(rp\.?\s*)?\d+$/i.test(trimmed) ? Number(trimmed.replace(/\D/g, "")) : Number.NaN;
    },
    z.number({ error: message }).int(message).min(0, message).max(maxIdr, message),
  );
}

/** A price: whole Rupiah, at most Rp100.000.000. */
export const rupiahField = rupiahAmountField("seller.errorRupiah");
