import type { ListingFormValues } from "~/components/listing-form";

/** What the seller typed, to show the form again after a refusal without making them retype it. */
export function submittedListingValues(form: FormData): ListingFormValues {
  const text = (name: string) => String(form.get(name) ?? "");
  const variants: ListingFormValues["variants"] = [];
  for (let i = 0; i < 10; i++) {
    const row = {
      id: text(`variants[${i}].id`) || undefined,
      name: text(`variants[${i}].name`),
      priceIdr: text(`variants[${i}].priceIdr`),
      costIdr: text(`variants[${i}].costIdr`),
      weightGrams: text(`variants[${i}].weightGrams`),
      stock: text(`variants[${i}].stock`),
    };
    if (row.id || row.name || row.priceIdr || row.costIdr) variants.push(row);
  }
  const status = text("status");
  return {
    title: text("title"),
    categoryId: text("categoryId"),
    description: text("description"),
    status: status === "ACTIVE" || status === "ARCHIVED" ? status : "DRAFT",
    variants,
  };
}
