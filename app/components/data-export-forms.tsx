import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";

type Area = { code: string; name: string };

/**
 * One plain GET form per dataset (no JavaScript needed): the browser downloads the CSV. The area is
 * either a province list, or (once a province is chosen) the regencies of that province.
 */
export function DataExportForms({
  action,
  provinces,
  province,
  regencies,
  defaults,
}: {
  action: string;
  /** Provinces to choose from; empty when the reader's data has no area choice. */
  provinces: Area[];
  /** The chosen province, whose regencies are offered. */
  province: Area | null;
  regencies: Area[];
  defaults: { latestCompleteMonth: string; from: string; to: string };
}) {
  const { t } = useTranslation();
  const areaFields = (prefix: string) =>
    province ? (
      <>
        <input type="hidden" name="province" value={province.code} />
        <div className="field">
          <label htmlFor={`${prefix}-regency`}>{t("program.exportRegency", { province: province.name })}</label>
          <select id={`${prefix}-regency`} name="regency" defaultValue="">
            <option value="">{t("program.exportAllRegencies")}</option>
            {regencies.map((regency) => (
              <option key={regency.code} value={regency.code}>
                {regency.name}
              </option>
            ))}
          </select>
        </div>
      </>
    ) : provinces.length > 0 ? (
      <div className="field">
        <label htmlFor={`${prefix}-province`}>{t("program.exportProvince")}</label>
        <select id={`${prefix}-province`} name="province" defaultValue="">
          <option value="">{t("program.exportAllProvinces")}</option>
          {provinces.map((area) => (
            <option key={area.code} value={area.code}>
              {area.name}
            </option>
          ))}
        </select>
      </div>
    ) : null;
  const range = (prefix: string) => (
    <div className="export-range">
      <div className="field">
        <label htmlFor={`${prefix}-from`}>{t("program.exportFrom")}</label>
        <input id={`${prefix}-from`} name="from" type="month" pattern="\d{4}-\d{2}" placeholder="2026-01" defaultValue={defaults.from} />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-to`}>{t("program.exportTo")}</label>
        <input id={`${prefix}-to`} name="to" type="month" pattern="\d{4}-\d{2}" placeholder="2026-12" defaultValue={defaults.to} />
      </div>
    </div>
  );
  return (
    <div className="export-forms">
      <Form method="get" action={action} reloadDocument className="card stack" aria-labelledby="export-households-title">
        <h3 id="export-households-title">{t("program.datasetHouseholds")}</h3>
        <p className="muted">{t("program.datasetHouseholdsHint")}</p>
        <input type="hidden" name="dataset" value="households" />
        {areaFields("households")}
        <div className="field">
          <label htmlFor="households-month">{t("program.exportMonth")}</label>
          <input id="households-month" name="month" type="month" pattern="\d{4}-\d{2}" placeholder="2026-10" max={defaults.latestCompleteMonth} />
          <p className="field__hint">{t("program.exportMonthHint")}</p>
        </div>
        <button type="submit" className="button button--primary">
          {t("program.downloadHouseholds")}
        </button>
      </Form>
      <Form method="get" action={action} reloadDocument className="card stack" aria-labelledby="export-assessments-title">
        <h3 id="export-assessments-title">{t("program.datasetAssessments")}</h3>
        <p className="muted">{t("program.datasetAssessmentsHint")}</p>
        <input type="hidden" name="dataset" value="assessments" />
        {areaFields("assessments")}
        {range("assessments")}
        <button type="submit" className="button button--primary">
          {t("program.downloadAssessments")}
        </button>
      </Form>
      <Form method="get" action={action} reloadDocument className="card stack" aria-labelledby="export-sales-title">
        <h3 id="export-sales-title">{t("program.datasetStoreSales")}</h3>
        <p className="muted">{t("program.datasetStoreSalesHint")}</p>
        <input type="hidden" name="dataset" value="store-sales" />
        {areaFields("store-sales")}
        {range("store-sales")}
        <button type="submit" className="button button--primary">
          {t("program.downloadStoreSales")}
        </button>
      </Form>
    </div>
  );
}
