import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { data, redirect } from "@remix-run/node";
import { createManagedAccount, HouseholdNotFoundError } from "./account.server";
import { storeOnboardingSchema } from "./household-forms.server";
import { createOwnedStore, StoreOnboardingError, type StoreOwner } from "./store-onboarding.server";
import { EmailTakenError } from "./user.server";
import type { PrismaClient } from "~/utils/db.server";

export type StoreOnboardingOutcome =
  | { kind: "store-created"; slug: string }
  | {
      kind: "reply";
      status: 200 | 400 | 404;
      intent: "create-store" | "create-seller" | null;
      result: SubmissionResult<string[]>;
      created: { email: string; temporaryPassword: string } | null;
    };

/**
 * The two forms of a household's or a KUBE group's store page: open the store, then make seller
 * accounts. The caller has checked the owner belongs to the facilitator; `sellerHouseholdIds` are the
 * households whose members may get a seller account here (the household itself, or the group's members).
 */
export async function handleStoreOnboarding(
  db: PrismaClient,
  input: { form: FormData; facilitatorId: string; owner: StoreOwner; sellerHouseholdIds: string[] },
): Promise<StoreOnboardingOutcome> {
  const intentField = input.form.get("intent");
  const intent = intentField === "create-store" || intentField === "create-seller" ? intentField : null;
  const submission = parseWithZod(input.form, { schema: storeOnboardingSchema });
  const reply = (status: 200 | 400 | 404, errors?: { fieldErrors?: Record<string, string[]>; formErrors?: string[] }, created: { email: string; temporaryPassword: string } | null = null) =>
    ({ kind: "reply", status, intent, result: submission.reply(errors) as SubmissionResult<string[]>, created }) as const;
  if (submission.status !== "success") return reply(400);
  const value = submission.value;

  if (value.intent === "create-store") {
    try {
      const store = await createOwnedStore(db, {
        facilitatorId: input.facilitatorId,
        owner: input.owner,
        store: { name: value.name, description: value.description, whatsapp: value.whatsapp, regencyCode: value.regencyCode },
      });
      return { kind: "store-created", slug: store.slug };
    } catch (error) {
      if (!(error instanceof StoreOnboardingError)) throw error;
      if (error.code === "not_found") throw new Response("Not found", { status: 404 });
      if (error.code === "already_has_store") return reply(400, { formErrors: ["households.errorAlreadyHasStore"] });
      return reply(400, { fieldErrors: { regencyCode: ["households.errorRegency"] } });
    }
  }

  if (!input.sellerHouseholdIds.includes(value.householdId)) return reply(400, { fieldErrors: { householdId: ["errors.chooseHousehold"] } });
  try {
    const { user, temporaryPassword } = await createManagedAccount(db, {
      actorId: input.facilitatorId,
      email: value.email,
      name: value.name,
      roles: ["SELLER"],
      householdId: value.householdId,
      restrictToFacilitatorId: input.facilitatorId,
    });
    return { kind: "reply", status: 200, intent, result: submission.reply({ resetForm: true }) as SubmissionResult<string[]>, created: { email: user.email, temporaryPassword } };
  } catch (error) {
    if (error instanceof EmailTakenError) return reply(400, { fieldErrors: { email: ["errors.emailTaken"] } });
    if (error instanceof HouseholdNotFoundError) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

/** The page's answer: after a store is opened, back to `pagePath` at the seller accounts; otherwise the form's reply with its status. */
export function storeOnboardingResponse(outcome: StoreOnboardingOutcome, pagePath: string) {
  if (outcome.kind === "store-created") return redirect(`${pagePath}?toko=dibuat#akun-penjual`);
  const { status, ...body } = outcome;
  return data(body, { status });
}
