import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TierBadge } from "~/components/indicators/indicators";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { householdTimeZone } from "~/models/indicators.server";
import { countPendingProposals, listPendingProposals, listRecentDecisions, loadVerifier } from "~/models/graduation.server";
import { requireVerifier } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formatDateTime, formatMonth } from "~/utils/dates";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireVerifier(request);
  const verifier = await loadVerifier(prisma, user.id);
  if (!verifier) throw new Response("Forbidden", { status: 403 });
  const [pending, pendingTotal, decided, region] = await Promise.all([
    listPendingProposals(prisma, verifier),
    countPendingProposals(prisma, verifier),
    listRecentDecisions(prisma, verifier),
    verifier.scopeRegionCode ? prisma.region.findUnique({ where: { code: verifier.scopeRegionCode }, select: { name: true } }) : null,
  ]);
  const withZone = <T extends { household: { regencyCode: string } }>(row: T) => ({ ...row, timeZone: householdTimeZone(row.household.regencyCode) });
  return { pending: pending.map(withZone), pendingTotal, decided: decided.map(withZone), scopeName: region?.name ?? null, scopeCode: verifier.scopeRegionCode };
}

export default function VerifierQueue() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { pending, pendingTotal, decided, scopeName, scopeCode } = useLoaderData<typeof loader>();
  return (
    <div className="stack graduation-page">
      <h1>{t("graduation.queueTitle")}</h1>
      <p className="muted">{scopeCode ? t("graduation.scopeRegion", { region: scopeName ?? scopeCode }) : t("graduation.scopeAll")}</p>

      <section aria-labelledby="pending-title" className="stack">
        <h2 id="pending-title">{t("graduation.pendingTitle", { count: String(pendingTotal) })}</h2>
        {pendingTotal > pending.length ? <p className="notice">{t("graduation.queueTruncated", { shown: String(pending.length) })}</p> : null}
        {pending.length === 0 ? <p className="empty-state">{t("graduation.queueEmpty")}</p> : null}
        <ol className="card-list">
          {pending.map((p) => (
            <li key={p.id} className="card stack queue-item">
              <h3>
                <Link to={`/verifikasi/${p.id}`}>{t("graduation.queueItem", { name: p.household.headName, ref: p.household.programRef })}</Link>
              </h3>
              <p>
                {p.household.regency.name} · {t("graduation.assessedMonth", { month: formatMonth(p.month, locale) })} · <TierBadge tier={p.tier} />
              </p>
              <p className="muted">{t("graduation.proposedByOn", { name: p.proposedBy.name, date: formatDateTime(p.createdAt, p.timeZone, locale) })}</p>
              {p.tier !== "READY" ? <p className="badge badge--warning">{p.povertyLineMissing ? t("graduation.warnNoLineShort") : t("graduation.warnNotReadyShort")}</p> : null}
              {p.conflict ? <p className="notice notice--warning">{t(`graduation.conflict.${p.conflict}`)}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="decided-title" className="stack">
        <h2 id="decided-title">{t("graduation.recentTitle")}</h2>
        {decided.length === 0 ? <p className="muted">{t("graduation.recentEmpty")}</p> : null}
        <ul className="card-list">
          {decided.map((p) => (
            <li key={p.id} className="card">
              <p>
                <span className={`badge${p.status === "RETURNED" ? " badge--warning" : ""}`}>{t(`graduation.proposalStatus.${p.status}`)}</span>{" "}
                <Link to={`/verifikasi/${p.id}`}>{t("graduation.queueItem", { name: p.household.headName, ref: p.household.programRef })}</Link>
              </p>
              {p.decidedAt && p.decidedBy ? (
                <p className="muted">
                  {t(p.status === "APPROVED" ? "graduation.approvedByOn" : "graduation.returnedByOn", {
                    name: p.decidedBy.name,
                    date: formatDateTime(p.decidedAt, p.timeZone, locale),
                  })}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "graduation.queueTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
