import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "~/utils/i18n-react";
import type { CatalogPage, CatalogParam, CatalogQuery, CatalogSort, ProvinceChoice } from "~/models/catalog.server";
import { Pagination } from "./pagination";
import { ProductGrid } from "./product-card";

const SORT_LABELS: Record<CatalogSort, string> = {
  terbaru: "browse.sortNewest",
  termurah: "browse.sortCheapest",
  termahal: "browse.sortPriciest",
  terlaris: "browse.sortBestSelling",
};
const SORTS = Object.keys(SORT_LABELS) as CatalogSort[];

/**
 * The canonical query string of a listing's state ("" when everything is default), so links, the form and
 * shared addresses all agree. Defaults are left out to keep addresses short.
 */
export function catalogSearch(query: CatalogQuery, change: Partial<CatalogQuery> = {}): string {
  const q = { ...query, ...change };
  const params = new URLSearchParams();
  if (q.kategori) params.set("kategori", q.kategori);
  if (q.provinsi) params.set("provinsi", q.provinsi);
  if (q.kabupaten) params.set("kabupaten", q.kabupaten);
  if (q.hargaMin !== null) params.set("harga_min", String(q.hargaMin));
  if (q.hargaMax !== null) params.set("harga_max", String(q.hargaMax));
  if (q.tersedia) params.set("tersedia", "1");
  if (q.urut !== "terbaru") params.set("urut", q.urut);
  if (q.halaman > 1) params.set("halaman", String(q.halaman));
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** Every filter off; the order stays as chosen. */
const NO_FILTERS: Partial<CatalogQuery> = {
  kategori: null,
  provinsi: null,
  kabupaten: null,
  hargaMin: null,
  hargaMax: null,
  tersedia: false,
  halaman: 1,
};

export type CategoryChoice = { slug: string; name: string };

function activeFilterCount(query: CatalogQuery, withCategory: boolean): number {
  return [
    withCategory && query.kategori !== null,
    query.provinsi !== null || query.kabupaten !== null,
    query.hargaMin !== null || query.hargaMax !== null,
    query.tersedia,
  ].filter(Boolean).length;
}

/**
 * The filter and sort form of a listing: a GET form, so it works without JavaScript and the address holds
 * the state. Changing anything starts again at page 1 (the form has no page field).
 */
export function CatalogFilters({
  action,
  query,
  provinces,
  categories,
}: {
  action: string;
  query: CatalogQuery;
  provinces: ProvinceChoice[];
  /** Offered only where the category is a choice (all products), not on a category's own page. */
  categories?: CategoryChoice[];
}) {
  const { t } = useTranslation();
  // With JavaScript the regency list follows the chosen province at once; without, after "Terapkan".
  const [province, setProvince] = useState(query.provinsi ?? "");
  const chosenProvince = provinces.find((p) => p.code === province);
  const active = activeFilterCount(query, Boolean(categories));

  return (
    <Form method="get" action={action} className="catalog-filters">
      <details className="catalog-filters__more">
        <summary>
          {t("browse.filtersTitle")}
          {active > 0 ? <span className="badge">{t("browse.filtersActive", { count: active })}</span> : null}
        </summary>
        <div className="catalog-filters__fields">
          {categories ? (
            <div className="field">
              <label htmlFor="filter-kategori">{t("browse.category")}</label>
              <select id="filter-kategori" name="kategori" defaultValue={query.kategori ?? ""}>
                <option value="">{t("browse.allCategories")}</option>
                {categories.map((category) => (
                  <option key={category.slug} value={category.slug}>
                    {category.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="filter-provinsi">{t("browse.province")}</label>
            <select
              id="filter-provinsi"
              name="provinsi"
              defaultValue={query.provinsi ?? ""}
              onChange={(event) => {
                setProvince(event.currentTarget.value);
                const regency = event.currentTarget.form?.elements.namedItem("kabupaten");
                if (regency instanceof HTMLSelectElement) regency.value = "";
              }}
            >
              <option value="">{t("browse.allProvinces")}</option>
              {provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-kabupaten">{t("browse.regency")}</label>
            <select id="filter-kabupaten" name="kabupaten" defaultValue={query.kabupaten ?? ""}>
              <option value="">{t("browse.allRegencies")}</option>
              {chosenProvince
                ? chosenProvince.regencies.map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.name}
                    </option>
                  ))
                : provinces.map((p) => (
                    <optgroup key={p.code} label={p.name}>
                      {p.regencies.map((r) => (
                        <option key={r.code} value={r.code}>
                          {r.name}
                        </option>
                      ))}
                    </optgroup>
                  ))}
            </select>
          </div>
          <div className="catalog-filters__prices">
            <div className="field">
              <label htmlFor="filter-harga-min">{t("browse.priceMin")}</label>
              <input
                id="filter-harga-min"
                name="harga_min"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={query.hargaMin ?? ""}
                aria-describedby="filter-harga-hint"
              />
            </div>
            <div className="field">
              <label htmlFor="filter-harga-max">{t("browse.priceMax")}</label>
              <input
                id="filter-harga-max"
                name="harga_max"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={query.hargaMax ?? ""}
                aria-describedby="filter-harga-hint"
              />
            </div>
            <p id="filter-harga-hint" className="field__hint">
              {t("browse.priceHint")}
            </p>
          </div>
          <label className="check">
            <input type="checkbox" name="tersedia" value="1" defaultChecked={query.tersedia} />
            {t("browse.inStock")}
          </label>
        </div>
      </details>
      <div className="catalog-filters__bar">
        <div className="field">
          <label htmlFor="filter-urut">{t("browse.sort")}</label>
          <select
            id="filter-urut"
            name="urut"
            defaultValue={query.urut}
            // With JavaScript a new order applies at once; without, "Terapkan" sends it.
            onChange={(event) => event.currentTarget.form?.requestSubmit()}
          >
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(SORT_LABELS[sort])}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary">
          {t("browse.apply")}
        </button>
      </div>
    </Form>
  );
}

/**
 * A listing page's body: the filter form, what was ignored in the address, how many products match, the
 * grid and the page links. Shared by the category pages and the all-products page.
 */
export function CatalogListing({
  path,
  query,
  ignored,
  listing,
  provinces,
  categories,
}: {
  path: string;
  query: CatalogQuery;
  ignored: CatalogParam[];
  listing: CatalogPage;
  provinces: ProvinceChoice[];
  categories?: CategoryChoice[];
}) {
  const { t } = useTranslation();
  const active = activeFilterCount(query, Boolean(categories));
  return (
    <>
      {/* A new key per state: after a link changes the address, the fields show the new state, not the old one. */}
      <CatalogFilters key={catalogSearch(query, { halaman: 1 })} action={path} query={query} provinces={provinces} categories={categories} />
      {ignored.length > 0 ? (
        <p className="notice" role="status">
          {t("browse.ignoredParams", { params: ignored.join(", ") })}
        </p>
      ) : null}
      <section aria-labelledby="catalog-results" className="catalog-results">
        <div className="catalog-results__head">
          <h2 id="catalog-results">{t("browse.resultCount", { count: listing.total })}</h2>
          {active > 0 ? (
            <Link to={`${path}${catalogSearch(query, NO_FILTERS)}`}>
              {t("browse.clearFilters")}
            </Link>
          ) : null}
        </div>
        {listing.products.length === 0 ? (
          <div className="empty-state">
            <p>{t("browse.noResults")}</p>
            {active > 0 ? <p className="muted">{t("browse.noResultsHint")}</p> : null}
          </div>
        ) : (
          <ProductGrid products={listing.products} eagerCount={2} />
        )}
        <Pagination
          page={listing.page}
          pageCount={listing.pageCount}
          hrefFor={(page) => `${path}${catalogSearch(query, { halaman: page })}`}
        />
      </section>
    </>
  );
}
