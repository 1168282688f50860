import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { HighlightedText } from "~/components/highlighted-text";
import { ProductCard } from "~/components/product-card";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { SearchSuggest } from "~/components/search-suggest";
import { productSearch, type LabelledFacet, type SearchPageData } from "~/models/product-search.server";
import { parseSearchParams } from "~/models/search-params.server";
import { SEARCH_SORTS } from "~/services/search/types";
import searchStylesHref from "~/styles/search.css";
import { logger } from "~/utils/logger.server";
import { pageDescription, pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { SEARCH_PARAM, SORT_PARAM_VALUES, searchHref, type SearchState } from "~/utils/search-url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: searchStylesHref }];

/**
 * GET /cari?q=…&kategori=…&provinsi=…&kabupaten=…&harga_min=…&harga_max=…&tersedia=1&urut=…&halaman=…
 * Every parameter is optional; values that cannot be used are left out with a notice (never a 400/500).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { state, notices } = parseSearchParams(new URL(request.url).searchParams);
  try {
    return await productSearch().searchPage(state, notices);
  } catch (error) {
    logger.error("search failed", { error: error instanceof Error ? error.message : String(error) });
    throw new Response("Search unavailable", { status: 503 });
  }
}

export default function SearchPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { state, hits, total, totalPages, notices } = data;
  const hasFilters =
    !!state.categorySlug ||
    !!state.provinceCode ||
    !!state.regencyCode ||
    state.priceMinIdr !== undefined ||
    state.priceMaxIdr !== undefined ||
    state.inStock;

  return (
    <>
      <h1>{state.text ? t("search.resultsFor", { query: state.text }) : t("search.allProducts")}</h1>
      <Form method="get" action="/cari" role="search" className="search-page__form">
        <SearchSuggest
          key={state.text}
          id="search-page-q"
          defaultValue={state.text}
          label={t("search.boxLabel")}
          placeholder={t("search.boxPlaceholder")}
        />
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
      </Form>

      {notices.length > 0 ? (
        <div className="notice" role="status">
          {notices.map((notice, i) => (
            <p key={i}>{t(`search.notices.${notice.key}`, notice.values)}</p>
          ))}
        </div>
      ) : null}

      <div className="search-page__bar">
        <p className="search-page__count" aria-live="polite">
          {t("search.count", { count: total })}
        </p>
        {/* On a phone the filters come after the results; this jumps to them. */}
        <a href="#saring" className="search-page__to-filters">
          {t("search.filters")}
        </a>
      </div>

      <div className="search-page">
        <section aria-label={t("search.results")} className="search-results">
          {!data.matchedAllWords && hits.length > 0 ? <p className="notice">{t("search.someWords")}</p> : null}
          {hits.length === 0 ? (
            <p>{t("search.noResults")}</p>
          ) : (
            <ul className="product-grid">
              {hits.map((hit, index) => (
                <ProductCard
                  key={hit.card.slug}
                  product={hit.card}
                  eager={index < 4}
                  title={<HighlightedText segments={hit.titleHighlight} />}
                />
              ))}
            </ul>
          )}
          {totalPages > 1 ? <Pagination state={state} totalPages={totalPages} /> : null}
        </section>

        <aside id="saring" aria-labelledby="saring-judul" className="search-filters">
          <h2 id="saring-judul">{t("search.filters")}</h2>
          <Filters data={data} hasFilters={hasFilters} />
        </aside>
      </div>
    </>
  );
}

function Filters({ data, hasFilters }: { data: SearchPageData; hasFilters: boolean }) {
  const { t, i18n } = useTranslation();
  const { state, facets, selected } = data;
  const name = (facet: LabelledFacet) => (i18n.language === "en" ? facet.labelEn : facet.label);

  return (
    <div className="search-filters__body">
      {hasFilters ? (
        <nav aria-label={t("search.active")} className="facet">
          <h3>{t("search.active")}</h3>
          <ul className="facet__list">
            {selected.category ? (
              <RemoveLink state={state} change={{ categorySlug: undefined }} label={name(selected.category)} />
            ) : null}
            {selected.province ? (
              <RemoveLink state={state} change={{ provinceCode: undefined, regencyCode: undefined }} label={name(selected.province)} />
            ) : null}
            {selected.regency ? (
              <RemoveLink state={state} change={{ regencyCode: undefined }} label={name(selected.regency)} />
            ) : null}
            {state.priceMinIdr !== undefined || state.priceMaxIdr !== undefined ? (
              <RemoveLink
                state={state}
                change={{ priceMinIdr: undefined, priceMaxIdr: undefined }}
                label={priceLabel(t, state.priceMinIdr ?? 0, state.priceMaxIdr ?? null)}
              />
            ) : null}
            {state.inStock ? <RemoveLink state={state} change={{ inStock: false }} label={t("search.inStock")} /> : null}
          </ul>
          <Link to={searchHref({ text: state.text, inStock: false, sort: state.sort, page: 1 })}>{t("search.clearAll")}</Link>
        </nav>
      ) : null}

      <FacetLinks
        title={t("search.category")}
        facets={facets.category}
        chosen={state.categorySlug}
        name={name}
        href={(value) => searchHref(state, { categorySlug: value })}
      />
      <FacetLinks
        title={t("search.province")}
        facets={facets.province}
        chosen={state.provinceCode}
        name={name}
        href={(value) => searchHref(state, { provinceCode: value, regencyCode: undefined })}
      />
      <FacetLinks
        title={t("search.regency")}
        facets={facets.regency}
        chosen={state.regencyCode}
        name={name}
        href={(value) => searchHref(state, { regencyCode: value })}
      />
      {facets.priceBucket.length > 0 ? (
        <nav aria-label={t("search.price")} className="facet">
          <h3>{t("search.price")}</h3>
          <ul className="facet__list">
            {facets.priceBucket.map((bucket) => {
              const current = state.priceMinIdr === bucket.min && state.priceMaxIdr === (bucket.max ?? undefined);
              return (
                <li key={bucket.value}>
                  <Link
                    to={searchHref(state, { priceMinIdr: bucket.min, priceMaxIdr: bucket.max ?? undefined })}
                    aria-current={current ? "true" : undefined}
                  >
                    {priceLabel(t, bucket.min, bucket.max)} <span className="facet__count">({bucket.count})</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      ) : null}

      <Form method="get" action="/cari" className="search-filters__form stack">
        {state.text ? <input type="hidden" name={SEARCH_PARAM.text} value={state.text} /> : null}
        {state.categorySlug ? <input type="hidden" name={SEARCH_PARAM.category} value={state.categorySlug} /> : null}
        {state.provinceCode ? <input type="hidden" name={SEARCH_PARAM.province} value={state.provinceCode} /> : null}
        {state.regencyCode ? <input type="hidden" name={SEARCH_PARAM.regency} value={state.regencyCode} /> : null}
        <div className="field">
          <label htmlFor="harga-min">{t("search.priceMin")}</label>
          <input id="harga-min" name={SEARCH_PARAM.priceMin} inputMode="numeric" defaultValue={state.priceMinIdr ?? ""} maxLength={15} />
        </div>
        <div className="field">
          <label htmlFor="harga-max">{t("search.priceMax")}</label>
          <input id="harga-max" name={SEARCH_PARAM.priceMax} inputMode="numeric" defaultValue={state.priceMaxIdr ?? ""} maxLength={15} />
        </div>
        <label className="check">
          <input type="checkbox" name={SEARCH_PARAM.inStock} value="1" defaultChecked={state.inStock} />
          {t("search.inStockCount", { count: facets.inStock })}
        </label>
        <div className="field">
          <label htmlFor="urut">{t("search.sort")}</label>
          <select id="urut" name={SEARCH_PARAM.sort} defaultValue={SORT_PARAM_VALUES[state.sort]}>
            {SEARCH_SORTS.map((sort) => (
              <option key={sort} value={SORT_PARAM_VALUES[sort]}>
                {t(`search.sorts.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("search.apply")}
        </button>
      </Form>
    </div>
  );
}

function FacetLinks({
  title,
  facets,
  chosen,
  name,
  href,
}: {
  title: string;
  facets: LabelledFacet[];
  chosen: string | undefined;
  name: (facet: LabelledFacet) => string;
  href: (value: string) => string;
}) {
  if (facets.length === 0) return null;
  return (
    <nav aria-label={title} className="facet">
      <h2>{title}</h2>
      <ul className="facet__list">
        {facets.map((facet) => (
          <li key={facet.value}>
            <Link to={href(facet.value)} aria-current={facet.value === chosen ? "true" : undefined}>
              {name(facet)} <span className="facet__count">({facet.count})</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function RemoveLink({ state, change, label }: { state: SearchState; change: Partial<SearchState>; label: string }) {
  const { t } = useTranslation();
  return (
    <li>
      <Link to={searchHref(state, change)} className="facet__remove">
        {t("search.removeFilter", { name: label })}
      </Link>
    </li>
  );
}

function Pagination({ state, totalPages }: { state: SearchState; totalPages: number }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("search.pagination")} className="pagination">
      {state.page > 1 ? (
        <Link to={searchHref(state, { page: Math.min(state.page - 1, totalPages) })} rel="prev">
          {t("search.previous")}
        </Link>
      ) : null}
      <span>{t("search.pageOf", { page: state.page, total: totalPages })}</span>
      {state.page < totalPages ? (
        <Link to={searchHref(state, { page: state.page + 1 })} rel="next">
          {t("search.next")}
        </Link>
      ) : null}
    </nav>
  );
}

function priceLabel(t: (key: string, values?: Record<string, string>) => string, min: number, max: number | null): string {
  return max === null ? t("search.priceFrom", { min: formatRupiah(min) }) : t("search.priceRange", { min: formatRupiah(min), max: formatRupiah(max) });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data?.state.text
      ? pageTitle(matches, "search.resultsFor", { query: data.state.text })
      : pageTitle(matches, "search.title"),
  },
  { name: "description", content: pageDescription(matches, "search.metaDescription") },
  { name: "robots", content: "noindex, follow" },
];

export const ErrorBoundary = RouteErrorBoundary;
