import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { TierBadge } from "~/components/indicators/indicators";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { householdFilterSchema } from "~/models/household-forms.server";
import { HOUSEHOLD_STATUSES, READINESS_FILTERS } from "~/models/household-rules";
import { facilitatorHouseholdPage } from "~/models/household-list.server";
import { facilitatorRegencies } from "~/models/household.server";
import { listFacilitatorKubes } from "~/models/kube.server";
import { requireFacilitator } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireFacilitator(request);
  const filters = householdFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [list, regencies, kubes] = await Promise.all([
    facilitatorHouseholdPage(prisma, user.id, filters),
    facilitatorRegencies(prisma, user.id),
    listFacilitatorKubes(prisma, user.id),
  ]);
  return { ...list, filters, regencies, kubes };
}

export default function FacilitatorHome() {
  const { t } = useTranslation();
  const { rows, total, totalAll, page, pageCount, filters, regencies, kubes } = useLoaderData<typeof loader>();
  const filtered = Boolean(filters.status || filters.kesiapan || filters.wilayah);
  const hrefFor = (p: number) => {
    const params = new URLSearchParams();
    if (filters.status) params.set("status", filters.status);
    if (filters.kesiapan) params.set("kesiapan", filters.kesiapan);
    if (filters.wilayah) params.set("wilayah", filters.wilayah);
    if (p > 1) params.set("halaman", String(p));
    const query = params.toString();
    return query ? `/pendamping?${query}` : "/pendamping";
  };

  return (
    <section className="stack facilitator-home">
      <h1>{t("facilitator.title")}</h1>
      <nav className="button-row" aria-label={t("households.title")}>
        <Link to="/pendamping/rumah-tangga/baru" className="button button--primary">
          {t("households.registerHousehold")}
        </Link>
        <Link to="/pendamping/kube/baru" className="button">
          {t("households.formKube")}
        </Link>
        <Link to="/pendamping/pendampingan" className="button">
          {t("households.coachingLog")}
        </Link>
        <Link to="/pendamping/ekspor" className="button">
          {t("program.facilitatorExportTitle")}
        </Link>
      </nav>

      {totalAll === 0 ? (
        <p>{t("facilitator.empty")}</p>
      ) : (
        <>
          <Form method="get" className="filters card" aria-labelledby="filters-title">
            <h2 id="filters-title">{t("households.filtersTitle")}</h2>
            <div className="filters__fields">
              <div className="field">
                <label htmlFor="filter-status">{t("households.filterStatus")}</label>
                <select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
                  <option value="">{t("households.filterAll")}</option>
                  {HOUSEHOLD_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`facilitator.status.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="filter-readiness">{t("households.filterReadiness")}</label>
                <select id="filter-readiness" name="kesiapan" defaultValue={filters.kesiapan ?? ""}>
                  <option value="">{t("households.filterAll")}</option>
                  {READINESS_FILTERS.map((tier) => (
                    <option key={tier} value={tier}>
                      {t(`indicators.tier.${tier}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="filter-regency">{t("households.filterRegency")}</label>
                <select id="filter-regency" name="wilayah" defaultValue={filters.wilayah ?? ""}>
                  <option value="">{t("households.filterAll")}</option>
                  {regencies.map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <p className="button-row">
              <button type="submit" className="button button--primary">
                {t("households.applyFilters")}
              </button>
              {filtered ? (
                <Link to="/pendamping" className="button">
                  {t("households.resetFilters")}
                </Link>
              ) : null}
            </p>
          </Form>

          <p className="muted" role="status">
            {filtered ? t("households.listCountFiltered", { count: total }) : t("households.listCount", { count: total })}
          </p>
          {rows.length === 0 ? (
            <p>{t("households.noMatch")}</p>
          ) : (
            <div className="table-scroll">
              <table className="table household-table">
                <thead>
                  <tr>
                    <th scope="col">{t("households.colHead")}</th>
                    <th scope="col">{t("households.colRef")}</th>
                    <th scope="col" className="num">
                      {t("households.colMembers")}
                    </th>
                    <th scope="col">{t("households.colRegency")}</th>
                    <th scope="col">{t("households.colStatus")}</th>
                    <th scope="col">{t("households.colReadiness")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((h) => (
                    <tr key={h.id}>
                      <th scope="row">
                        <Link to={`/pendamping/rumah-tangga/${h.id}`}>{h.headName}</Link>
                      </th>
                      <td>{h.programRef}</td>
                      <td className="num">{h.memberCount}</td>
                      <td>{h.regencyName}</td>
                      <td>{t(`facilitator.status.${h.status}`)}</td>
                      <td>
                        <TierBadge tier={h.readiness === "UNKNOWN" ? null : h.readiness} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
        </>
      )}

      <section aria-labelledby="kube-title">
        <h2 id="kube-title">{t("households.kubeGroups")}</h2>
        {kubes.length === 0 ? (
          <p className="muted">{t("households.noKubeYet")}</p>
        ) : (
          <ul>
            {kubes.map((k) => (
              <li key={k.id}>
                <Link to={`/pendamping/kube/${k.id}`}>{k.name}</Link>{" "}
                <span className="muted">
                  ({k.regency.name} · {t("households.kubeMemberCount", { count: k._count.members })})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "facilitator.title") }];

export const ErrorBoundary = RouteErrorBoundary;
