import { z } from "zod";
import { emailField, personNameField } from "~/utils/schemas.server";
import { containsNik, HOUSEHOLD_STATUSES, looksLikeNik, MAX_HOUSEHOLD_MEMBERS, READINESS_FILTERS } from "./household-rules";
import { storeProfileSchema } from "./store-forms.server";

// Server only (zod stays out of the browser). Messages are translation keys of app/locales/households.ts.


export const programRefField = z
  .string({ error: "households.errorProgramRef" })
  .trim()
  .min(1, "households.errorProgramRef")
  .max(40, "households.errorProgramRef")
  .superRefine((value, ctx) => {
    if (looksLikeNik(value)) ctx.addIssue({ code: "custom", message: "households.errorNik" });
    else if (!/^[A-Za-z0-9][A-Za-z0-9.\-/ ]{3,39}$/.test(value)) ctx.addIssue({ code: "custom", message: "households.errorProgramRef" });
  })
  .transform((value) => value.replace(/\s+/g, " ").toUpperCase());

export const regencyCodeField = z.string({ error: "households.errorRegency" }).regex(/^\d{2}\.\d{2}$/, "households.errorRegency");

export const registerHouseholdSchema = z.object({
  programRef: programRefField,
  headName: personNameField.refine((name) => !containsNik(name), "households.errorNikText"),
  memberCount: z.coerce
    .number({ error: "households.errorMembers" })
    .int("households.errorMembers")
    .min(1, "households.errorMembers")
    .max(MAX_HOUSEHOLD_MEMBERS, "households.errorMembers"),
  regencyCode: regencyCodeField,
  areaType: z.enum(["URBAN", "RURAL"], { error: "households.errorAreaType" }),
});
export type RegisterHouseholdForm = z.input<typeof registerHouseholdSchema>;

/** Correcting a household: everything but its program reference (its identity) and its regency. */
export const editHouseholdSchema = registerHouseholdSchema.pick({ headName: true, memberCount: true, areaType: true });
export type EditHouseholdForm = z.input<typeof editHouseholdSchema>;

/** The province picker's GET parameter (and the list filters); anything malformed is simply not chosen. */
export const provincePickSchema = z.object({
  provinsi: z.string().regex(/^\d{2}$/).optional().catch(undefined),
});


/** The household list's filters, from the query string; a bad value is ignored rather than refused. */
export const householdFilterSchema = z.object({
  status: z.enum(HOUSEHOLD_STATUSES).optional().catch(undefined),
  kesiapan: z.enum(READINESS_FILTERS).optional().catch(undefined),
  wilayah: regencyCodeField.optional().catch(undefined),
  halaman: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

/** A new store for a household or a KUBE group: the store profile's own rules, plus its pickup regency. */
export const newStoreSchema = storeProfileSchema.omit({ intent: true, story: true }).extend({
  intent: z.literal("create-store"),
  regencyCode: regencyCodeField,
});
export type NewStoreForm = z.input<typeof newStoreSchema>;

export const newSellerSchema = z.object({
  intent: z.literal("create-seller"),
  householdId: z.string({ error: "errors.chooseHousehold" }).min(1, "errors.chooseHousehold").max(64, "errors.chooseHousehold"),
  name: personNameField.refine((name) => !containsNik(name), "households.errorNikText"),
  email: emailField,
});
export type NewSellerForm = z.input<typeof newSellerSchema>;

/** The store page of a household or a KUBE group: create the store, then its seller accounts. */
export const storeOnboardingSchema = z.discriminatedUnion("intent", [newStoreSchema, newSellerSchema], { error: "shop.errorBadRequest" });
