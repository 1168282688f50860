import { parseWithZod } from "@conform-to/zod/v4";
import type { ListingFormValues } from "~/components/listing-form";
import { submittedListingValues } from "./listing-form-values.server";
import { type ListingError, type ListingInput } from "./listing.server";
import { listingSchema } from "./shop-forms.server";

export type ListingActionFailure = { status: 400 | 404; errors: string[]; askBelowCost: boolean; values: ListingFormValues };

/** Parses the editor's form; a refusal carries the messages and what was typed. */
export function parseListingForm(form: FormData): { ok: true; storeId?: string; listing: ListingInput } | ({ ok: false } & ListingActionFailure) {
  const submission = parseWithZod(form, { schema: listingSchema });
  if (submission.status !== "success") {
    const errors = Object.values(submission.error ?? {}).flat().filter((e): e is string => typeof e === "string");
    return { ok: false, status: 400, errors: errors.length > 0 ? errors : ["shop.errorBadRequest"], askBelowCost: false, values: submittedListingValues(form) };
  }
  const { storeId, confirmBelowCost, ...rest } = submission.value;
  return { ok: true, storeId, listing: { ...rest, confirmBelowCost } };
}

export function listingFailure(error: ListingError, form: FormData): ListingActionFailure {
  const values = submittedListingValues(form);
  switch (error.code) {
    case "below_cost":
      return { status: 400, errors: ["seller.errorBelowCost"], askBelowCost: true, values };
    case "no_variants":
      return { status: 400, errors: ["seller.errorNoVariant"], askBelowCost: false, values };
    case "unknown_category":
      return { status: 400, errors: ["seller.errorCategory"], askBelowCost: false, values };
    default:
      return { status: 404, errors: ["shop.errorItemNotFound"], askBelowCost: false, values };
  }
}
