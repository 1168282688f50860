import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { coachingDateOf, listCoachingSessions } from "~/models/coaching.server";
import { requireFacilitator } from "~/utils/auth.server";
import { formatLocalDate } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireFacilitator(request);
  const pageParam = Number(new URL(request.url).searchParams.get("halaman") ?? "1");
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const { total, pageCount, sessions } = await listCoachingSessions(prisma, user.id, page);
  return {
    total,
    page,
    pageCount,
    sessions: sessions.map((s) => ({
      id: s.id,
      date: coachingDateOf(s.heldOn),
      topic: s.topic,
      notes: s.notes,
      attendeeCount: s._count.attendance,
      attendees: s.attendance.map((a) => a.household),
    })),
  };
}

export default function CoachingLog() {
  const { t, i18n } = useTranslation();
  const { sessions, total, page, pageCount } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <section className="stack">
      <p>
        <Link to="/pendamping">{t("facilitator.title")}</Link>
      </p>
      <h1>{t("households.coachingTitle")}</h1>
      <p>{t("households.coachingIntro")}</p>
      {searchParams.get("tercatat") ? (
        <p className="notice" role="status">
          {t("households.coachingSaved")}
        </p>
      ) : null}
      <p className="button-row">
        <Link to="/pendamping/pendampingan/baru" className="button button--primary">
          {t("households.coachingNew")}
        </Link>
      </p>
      {sessions.length === 0 ? (
        <p>{t("households.coachingEmpty")}</p>
      ) : (
        <>
          <p className="muted">{t("households.coachingCount", { count: total })}</p>
          <ul className="card-list">
            {sessions.map((s) => (
              <li key={s.id} className="card">
                <h2>{s.topic}</h2>
                <dl className="facts">
                  <dt>{t("households.coachingDateLabel")}</dt>
                  <dd>{formatLocalDate(s.date, i18n.language)}</dd>
                  <dt>{t("households.coachingAttendeeCount")}</dt>
                  <dd>{t("households.coachingAttendeeTotal", { count: s.attendeeCount })}</dd>
                </dl>
                {s.notes ? <p className="muted prose coaching-session__notes">{s.notes}</p> : null}
                <p>
                  {s.attendees.map((h, i) => (
                    <span key={h.id}>
                      {i > 0 ? ", " : null}
                      <Link to={`/pendamping/rumah-tangga/${h.id}`}>{h.headName}</Link>
                    </span>
                  ))}
                  {s.attendeeCount > s.attendees.length ? ` ${t("households.andMore", { count: s.attendeeCount - s.attendees.length })}` : null}
                </p>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/pendamping/pendampingan?halaman=${p}`} />
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "households.coachingTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
