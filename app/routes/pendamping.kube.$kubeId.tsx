import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { SellerAccountForms, StoreOnboardingNotices, StoreOrNewStoreForm } from "~/components/store-onboarding-forms";
import { formatSharePercent } from "~/models/kube-shares";
import { getFacilitatorKube, isFacilitatorKube } from "~/models/kube.server";
import { listChildren, timeZoneForProvince } from "~/models/region.server";
import { handleStoreOnboarding, storeOnboardingResponse } from "~/models/store-onboarding-action.server";
import { requireFacilitator } from "~/utils/auth.server";
import { formatLocalDate, localDateOf } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireFacilitator(request);
  const group = await getFacilitatorKube(prisma, user.id, params.kubeId ?? "");
  // Another facilitator's group looks exactly like one that does not exist.
  if (!group) throw new Response("Not found", { status: 404 });
  const regencies = await listChildren(group.regencyCode.slice(0, 2), prisma);
  return {
    group: { ...group, formedOn: localDateOf(group.createdAt, timeZoneForProvince(group.regencyCode)) },
    regencies: regencies.map((r) => ({ code: r.code, name: r.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireFacilitator(request);
  const kubeGroupId = params.kubeId ?? "";
  // Checked before the form is read: another facilitator's group is "not found" whatever was sent.
  if (!(await isFacilitatorKube(prisma, user.id, kubeGroupId))) throw new Response("Not found", { status: 404 });
  const members = await prisma.kubeMembership.findMany({ where: { kubeGroupId }, select: { householdId: true } });
  const outcome = await handleStoreOnboarding(prisma, {
    form: await readFormData(request),
    facilitatorId: user.id,
    owner: { kubeGroupId },
    sellerHouseholdIds: members.map((m) => m.householdId),
  });
  return storeOnboardingResponse(outcome, `/pendamping/kube/${kubeGroupId}`);
}

export default function KubePage() {
  const { t, i18n } = useTranslation();
  const { group, regencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const store = group.stores[0] ?? null;
  const resultOf = (intent: "create-store" | "create-seller") => (actionData?.intent === intent ? actionData.result : undefined);
  const accountCount = group.members.reduce((n, m) => n + m.household.accounts.length, 0);

  return (
    <section className="stack">
      <p>
        <Link to="/pendamping">{t("facilitator.title")}</Link>
      </p>
      <h1>{t("households.kubeTitle", { name: group.name })}</h1>
      {searchParams.get("dibentuk") && !actionData ? (
        <p className="notice" role="status">
          {t("households.kubeCreated")}
        </p>
      ) : null}
      <StoreOnboardingNotices replied={Boolean(actionData)} created={actionData?.created} />
      <dl className="facts">
        <dt>{t("households.regencyLabel")}</dt>
        <dd>{group.regency.name}</dd>
        <dt>{t("households.kubeFormedOn")}</dt>
        <dd>{formatLocalDate(group.formedOn, i18n.language)}</dd>
      </dl>

      <section aria-labelledby="anggota" className="card">
        <h2 id="anggota">{t("households.kubeMembersLabel")}</h2>
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("households.headNameLabel")}</th>
                <th scope="col">{t("households.programRefShort")}</th>
                <th scope="col" className="num">
                  {t("households.kubeShareColumn")}
                </th>
                <th scope="col">{t("households.sellerAccounts")}</th>
              </tr>
            </thead>
            <tbody>
              {group.members.map((m) => (
                <tr key={m.household.id}>
                  <td>
                    <Link to={`/pendamping/rumah-tangga/${m.household.id}`}>{m.household.headName}</Link>
                  </td>
                  <td>{m.household.programRef}</td>
                  <td className="num">{formatSharePercent(m.shareBasisPoints, i18n.language)}%</td>
                  <td>{m.household.accounts.map((a) => a.email).join(", ") || "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="toko-kube" className="card stack narrow">
        <h2 id="toko-kube">{t("households.kubeStore")}</h2>
        <StoreOrNewStoreForm
          store={store}
          noStoreText={t("households.kubeNoStoreYet")}
          regencies={regencies}
          defaultRegency={group.regencyCode}
          lastResult={resultOf("create-store")}
        />
      </section>

      <section id="akun-penjual" aria-labelledby="akun-penjual-judul" className="card stack narrow">
        <h2 id="akun-penjual-judul">{t("households.sellerAccounts")}</h2>
        <SellerAccountForms
          hasStore={store !== null}
          intro={t("households.kubeSellerIntro")}
          households={group.members.map((m) => ({ id: m.household.id, label: `${m.household.headName} (${m.household.programRef})` }))}
          formKey={accountCount}
          lastResult={resultOf("create-seller")}
        />
      </section>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "households.kubeTitleShort") }];

export const ErrorBoundary = RouteErrorBoundary;
