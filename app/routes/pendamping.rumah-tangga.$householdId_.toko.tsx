import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { NewSellerForm, NewStoreForm } from "~/components/store-onboarding-forms";
import { TemporaryPasswordNotice } from "~/components/temporary-password-notice";
import { getFacilitatorHousehold, isFacilitatorHousehold } from "~/models/household.server";
import { formatSharePercent } from "~/models/kube-shares";
import { listChildren } from "~/models/region.server";
import { handleStoreOnboarding } from "~/models/store-onboarding-action.server";
import { requireFacilitator } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireFacilitator(request);
  const household = await getFacilitatorHousehold(prisma, user.id, params.householdId ?? "");
  // Another facilitator's household looks exactly like one that does not exist.
  if (!household) throw new Response("Not found", { status: 404 });
  const regencies = await listChildren(household.regencyCode.slice(0, 2), prisma);
  return { household, regencies: regencies.map((r) => ({ code: r.code, name: r.name })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireFacilitator(request);
  const householdId = params.householdId ?? "";
  // Checked before the form is read: another facilitator's household is "not found" whatever was sent.
  if (!(await isFacilitatorHousehold(prisma, user.id, householdId))) throw new Response("Not found", { status: 404 });
  const outcome = await handleStoreOnboarding(prisma, {
    form: await readFormData(request),
    facilitatorId: user.id,
    owner: { householdId },
    sellerHouseholdIds: [householdId],
  });
  if (outcome.kind === "store-created") return redirect(`/pendamping/rumah-tangga/${householdId}/toko?toko=dibuat#akun-penjual`);
  const { status, ...body } = outcome;
  return data(body, { status });
}

export default function HouseholdStorePage() {
  const { t, i18n } = useTranslation();
  const { household, regencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const ownStore = household.stores[0] ?? null;
  const kubeStores = household.kubeMemberships.flatMap((m) => m.kubeGroup.stores.map((store) => ({ store, membership: m })));
  const hasAnyStore = ownStore !== null || kubeStores.length > 0;
  const resultOf = (intent: "create-store" | "create-seller") => (actionData?.intent === intent ? actionData.result : undefined);

  return (
    <section className="narrow stack">
      <p>
        <Link to="/pendamping">{t("facilitator.title")}</Link> ·{" "}
        <Link to={`/pendamping/rumah-tangga/${household.id}`}>{household.headName}</Link>
      </p>
      <h1>{t("households.storeTitle", { name: household.headName })}</h1>

      {searchParams.get("toko") === "dibuat" && !actionData ? (
        <p className="notice" role="status">
          {t("households.storeCreated")}
        </p>
      ) : null}
      {actionData?.created ? <TemporaryPasswordNotice {...actionData.created} /> : null}

      <section aria-labelledby="toko-sendiri" className="card stack">
        <h2 id="toko-sendiri">{t("households.ownStore")}</h2>
        {ownStore ? (
          <p>
            <Link to={`/toko/${ownStore.slug}`}>{ownStore.name}</Link> <span className="muted">(/toko/{ownStore.slug})</span>
          </p>
        ) : (
          <>
            <p>{t("households.noOwnStoreYet")}</p>
            <NewStoreForm regencies={regencies} defaultRegency={household.regencyCode} lastResult={resultOf("create-store")} />
          </>
        )}
        {kubeStores.length > 0 ? (
          <>
            <h3>{t("households.kubeStores")}</h3>
            <ul>
              {kubeStores.map(({ store, membership }) => (
                <li key={store.id}>
                  <Link to={`/toko/${store.slug}`}>{store.name}</Link> ·{" "}
                  <Link to={`/pendamping/kube/${membership.kubeGroup.id}`}>{membership.kubeGroup.name}</Link> ·{" "}
                  {t("households.shareOf", { share: formatSharePercent(membership.shareBasisPoints, i18n.language) })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section id="akun-penjual" aria-labelledby="akun-penjual-judul" className="card stack">
        <h2 id="akun-penjual-judul">{t("households.sellerAccounts")}</h2>
        {household.accounts.length > 0 ? (
          <ul>
            {household.accounts.map((a) => (
              <li key={a.id}>
                {a.name} ({a.email})
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("households.noSellerAccount")}</p>
        )}
        {hasAnyStore ? (
          <>
            <p>{t("households.sellerIntro")}</p>
            <NewSellerForm
              // A fresh, empty form once an account was made.
              key={household.accounts.length}
              households={[{ id: household.id, label: `${household.headName} (${household.programRef})` }]}
              lastResult={resultOf("create-seller")}
            />
          </>
        ) : (
          <p className="muted">{t("households.storeBeforeSeller")}</p>
        )}
      </section>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "households.storeTitleShort") }];

export const ErrorBoundary = RouteErrorBoundary;
