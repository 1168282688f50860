import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { SellerAccountForms, StoreOnboardingNotices, StoreOrNewStoreForm } from "~/components/store-onboarding-forms";
import { getFacilitatorHousehold, isFacilitatorHousehold } from "~/models/household.server";
import { formatSharePercent } from "~/models/kube-shares";
import { listChildren } from "~/models/region.server";
import { handleStoreOnboarding, storeOnboardingResponse } from "~/models/store-onboarding-action.server";
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
  return storeOnboardingResponse(outcome, `/pendamping/rumah-tangga/${householdId}/toko`);
}

export default function HouseholdStorePage() {
  const { t, i18n } = useTranslation();
  const { household, regencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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

      <StoreOnboardingNotices replied={Boolean(actionData)} created={actionData?.created} />

      <section aria-labelledby="toko-sendiri" className="card stack">
        <h2 id="toko-sendiri">{t("households.ownStore")}</h2>
        <StoreOrNewStoreForm
          store={ownStore}
          noStoreText={t("households.noOwnStoreYet")}
          regencies={regencies}
          defaultRegency={household.regencyCode}
          lastResult={resultOf("create-store")}
        />
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
        <SellerAccountForms
          hasStore={hasAnyStore}
          intro={t("households.sellerIntro")}
          households={[{ id: household.id, label: `${household.headName} (${household.programRef})` }]}
          formKey={household.accounts.length}
          lastResult={resultOf("create-seller")}
        />
      </section>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "households.storeTitleShort") }];

export const ErrorBoundary = RouteErrorBoundary;
