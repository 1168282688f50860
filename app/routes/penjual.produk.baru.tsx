import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ListingForm } from "~/components/listing-form";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { listingFailure, parseListingForm } from "~/models/listing-actions.server";
import { createListing, ListingError } from "~/models/listing.server";
import { syncProductInSearch } from "~/models/product-search.server";
import { requireSeller } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const [stores, categories] = await Promise.all([
    prisma.store.findMany({ where: { members: { some: { userId: user.id } } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.category.findMany({ select: { id: true, nameId: true, nameEn: true }, orderBy: { sortOrder: "asc" } }),
  ]);
  if (stores.length === 0) throw redirect("/penjual");
  return { stores, categories };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireSeller(request);
  const form = await readFormData(request);
  const parsed = parseListingForm(form);
  if (!parsed.ok) return data(parsed, { status: parsed.status });
  // A seller with one store need not choose; the store must be theirs either way (checked in createListing).
  const storeId = parsed.storeId ?? (await prisma.store.findFirst({ where: { members: { some: { userId: user.id } } }, select: { id: true } }))?.id ?? "";
  try {
    const product = await createListing(prisma, { userId: user.id, storeId, listing: parsed.listing });
    await syncProductInSearch(product.id);
    // A new product's next step is its photos.
    return redirect(`/penjual/produk/${product.id}/foto?baru=1`);
  } catch (error) {
    if (error instanceof ListingError) {
      const failure = listingFailure(error, form);
      return data(failure, { status: failure.status });
    }
    throw error;
  }
}

export default function NewProductPage() {
  const { t } = useTranslation();
  const { stores, categories } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && "errors" in actionData ? actionData : null;
  return (
    <section className="narrow">
      <p>
        <Link to="/penjual">{t("seller.title")}</Link>
      </p>
      <h1>{t("seller.newProduct")}</h1>
      <ListingForm values={failed?.values ?? null} categories={categories} stores={stores} errors={failed?.errors} askBelowCost={failed?.askBelowCost} />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "seller.newProduct") }];

export const ErrorBoundary = RouteErrorBoundary;
