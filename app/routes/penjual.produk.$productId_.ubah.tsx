import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ListingForm } from "~/components/listing-form";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { listingFailure, parseListingForm } from "~/models/listing-actions.server";
import { getListingForSeller, ListingError, updateListing } from "~/models/listing.server";
import { syncProductInSearch } from "~/models/product-search.server";
import { requireSeller } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const [product, categories] = await Promise.all([
    getListingForSeller(prisma, user.id, params.productId ?? ""),
    prisma.category.findMany({ select: { id: true, nameId: true, nameEn: true }, orderBy: { sortOrder: "asc" } }),
  ]);
  // Another seller's product looks exactly like one that does not exist.
  if (!product) throw new Response("Not found", { status: 404 });
  return { product, categories };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireSeller(request);
  const form = await readFormData(request);
  const parsed = parseListingForm(form);
  if (!parsed.ok) return data(parsed, { status: parsed.status });
  try {
    const product = await updateListing(prisma, { userId: user.id, productId: params.productId ?? "", listing: parsed.listing });
    await syncProductInSearch(product.id);
    return redirect(`/penjual/produk/${product.id}/ubah?tersimpan=1`);
  } catch (error) {
    if (error instanceof ListingError) {
      const failure = listingFailure(error, form);
      return data(failure, { status: failure.status });
    }
    throw error;
  }
}

export default function EditProductPage() {
  const { t } = useTranslation();
  const { product, categories } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const failed = actionData && "errors" in actionData ? actionData : null;
  return (
    <section className="narrow">
      <p>
        <Link to="/penjual">{t("seller.title")}</Link> · <Link to={`/penjual/produk/${product.id}`}>{t("seller.manageStock")}</Link> ·{" "}
        <Link to={`/produk/${product.slug}`}>{t("seller.viewInStore")}</Link>
      </p>
      <p>
        <Link to={`/penjual/produk/${product.id}/foto`} className="button">
          {t("photos.link")}
        </Link>
      </p>
      <h1>{t("seller.editProduct")}</h1>
      {searchParams.get("tersimpan") && !failed ? (
        <p className="notice" role="status">
          {t("seller.productSaved")}
        </p>
      ) : null}
      <ListingForm
        key={product.id}
        values={failed?.values ?? product}
        categories={categories}
        errors={failed?.errors}
        askBelowCost={failed?.askBelowCost}
      />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "seller.editProduct") }];

export const ErrorBoundary = RouteErrorBoundary;
