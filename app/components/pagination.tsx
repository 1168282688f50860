import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";

/** Page numbers to offer: the first, the last and the current one with its neighbours; null is a gap. */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const pages = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  pages.forEach((p, i) => {
    const previous = pages[i - 1];
    if (previous !== undefined && p - previous > 1) out.push(null);
    out.push(p);
  });
  return out;
}

/** Links to the pages of a listing. Plain links: they work without JavaScript and can be shared. */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t("browse.pagination")}>
      <p className="pagination__status">{t("browse.pageOf", { page, pageCount })}</p>
      <ul className="pagination__pages">
        {page > 1 ? (
          <li>
            <Link className="pagination__step" to={hrefFor(page - 1)} rel="prev" prefetch="intent">
              ‹ {t("browse.previousPage")}
            </Link>
          </li>
        ) : null}
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} className="pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span className="pagination__page" aria-current="page">
                  {p}
                </span>
              ) : (
                <Link className="pagination__page" to={hrefFor(p)} aria-label={t("browse.goToPage", { page: p })}>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <Link className="pagination__step" to={hrefFor(page + 1)} rel="next" prefetch="intent">
              {t("browse.nextPage")} ›
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
