import { z } from "zod";
import { Role } from "~/generated/prisma/enums";
import { emailField, newPasswordField, passwordField, personNameField, redirectToField } from "~/utils/schemas.server";

export const loginSchema = z.object({
  email: emailField,
  password: passwordField,
  redirectTo: redirectToField,
});
export type LoginForm = z.input<typeof loginSchema>;

export const signupSchema = z.object({
  name: personNameField,
  email: emailField,
  password: newPasswordField,
  redirectTo: redirectToField,
});
export type SignupForm = z.input<typeof signupSchema>;

/**
 * An admin creates any account; a seller account must belong to a household, and a verifier account
 * needs its area chosen on purpose (a regency, a province, or "ALL" for the whole country).
 */
export const createAccountSchema = z
  .object({
    intent: z.literal("create").default("create"),
    name: personNameField,
    email: emailField,
    roles: z.array(z.enum(Role), { error: "errors.chooseRole" }).min(1, "errors.chooseRole"),
    householdId: z.string().max(64).optional(),
    verifierArea: z.string().max(8, "admin.errorVerifierArea").optional(),
  })
  .refine((v) => !v.roles.includes("SELLER") || !!v.householdId, {
    path: ["householdId"],
    message: "errors.chooseHousehold",
  })
  .refine((v) => !v.roles.includes("VERIFIER") || !!v.verifierArea, {
    path: ["verifierArea"],
    message: "admin.errorVerifierArea",
  });

/** An admin changes an existing verifier's area. */
export const setVerifierAreaSchema = z.object({
  intent: z.literal("verifier-area"),
  userId: z.string({ error: "admin.errorChooseVerifier" }).min(1, "admin.errorChooseVerifier").max(64),
  verifierArea: z.string({ error: "admin.errorVerifierArea" }).min(1, "admin.errorVerifierArea").max(8, "admin.errorVerifierArea"),
});
export type CreateAccountForm = z.input<typeof createAccountSchema>;

/** A facilitator creates a seller account for one of their households. */
export const createSellerSchema = z.object({
  intent: z.literal("create-seller"),
  householdId: z.string({ error: "errors.chooseHousehold" }).min(1, "errors.chooseHousehold").max(64),
  name: personNameField,
  email: emailField,
});
export type CreateSellerForm = z.input<typeof createSellerSchema>;
