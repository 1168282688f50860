import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";

export type ListingFormValues = {
  title: string;
  categoryId: string;
  description: string;
  status: "DRAFT" | "ACTIVE" | "ARCHIVED";
  variants: { id?: string; name: string; priceIdr: number | string; costIdr: number | string; weightGrams: number | string; stock?: number | string }[];
};

type Props = {
  values: ListingFormValues | null;
  categories: { id: string; nameId: string; nameEn: string }[];
  stores?: { id: string; name: string }[];
  /** Translation keys of problems to show above the form. */
  errors?: string[];
  askBelowCost?: boolean;
};

const NEW_ROWS = 2;

/**
 * The product editor as one plain form (works without JavaScript): existing variants are edited in
 * place, and empty rows below add new ones. Stock of existing variants changes on the stock page.
 */
export function ListingForm({ values, categories, stores, errors, askBelowCost }: Props) {
  const { t, i18n } = useTranslation();
  const given = values?.variants ?? [];
  // Rows with an id are existing variants; rows without one are new (a retyped form after an error keeps them).
  const rows = [...given, ...Array.from({ length: Math.max(given.length === 0 ? 3 : NEW_ROWS, 0) }, () => null)];
  return (
    <Form method="post" className="stack listing-form">
      {errors && errors.length > 0 ? (
        <div className="form-errors" role="alert">
          {[...new Set(errors)].map((e) => (
            <p key={e}>{t(e)}</p>
          ))}
        </div>
      ) : null}
      {stores && stores.length > 1 ? (
        <div className="field">
          <label htmlFor="storeId">{t("seller.storeLabel")}</label>
          <select id="storeId" name="storeId" required defaultValue={stores[0]?.id}>
            {stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : stores?.[0] ? (
        <input type="hidden" name="storeId" value={stores[0].id} />
      ) : null}
      <div className="field">
        <label htmlFor="title">{t("seller.titleLabel")}</label>
        <input id="title" name="title" required minLength={3} maxLength={120} defaultValue={values?.title} />
      </div>
      <div className="field">
        <label htmlFor="categoryId">{t("seller.categoryLabel")}</label>
        <select id="categoryId" name="categoryId" required defaultValue={values?.categoryId ?? ""}>
          <option value="" disabled>
            –
          </option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {i18n.language === "en" ? c.nameEn : c.nameId}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="description">{t("seller.descriptionLabel")}</label>
        <p className="field__hint" id="description-hint">
          {t("seller.descriptionHint")}
        </p>
        <textarea id="description" name="description" rows={5} required minLength={10} maxLength={2000} aria-describedby="description-hint" defaultValue={values?.description} />
      </div>
      <fieldset className="field">
        <legend>{t("seller.statusLabel")}</legend>
        <p className="field__hint">{t("seller.statusHint")}</p>
        {(["ACTIVE", "DRAFT", "ARCHIVED"] as const).map((status) => (
          <label key={status} className="check">
            <input type="radio" name="status" value={status} defaultChecked={(values?.status ?? "DRAFT") === status} required />
            {t(`seller.status.${status}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{t("seller.variantsLegend")}</legend>
        <p className="field__hint">{t("seller.variantsHint")}</p>
        {rows.map((row, index) => (
          <div key={row?.id ?? `new-${index}`} className="card variant-row" role="group" aria-label={`${t("seller.variantName")} ${index + 1}`}>
            {row?.id ? <input type="hidden" name={`variants[${index}].id`} value={row.id} /> : null}
            <div className="field">
              <label htmlFor={`v${index}-name`}>{t("seller.variantName")}</label>
              <input id={`v${index}-name`} name={`variants[${index}].name`} maxLength={60} defaultValue={row?.name} required={index === 0} />
            </div>
            <div className="field">
              <label htmlFor={`v${index}-price`}>{t("seller.priceLabel")}</label>
              <input id={`v${index}-price`} name={`variants[${index}].priceIdr`} inputMode="numeric" defaultValue={row?.priceIdr} required={index === 0} />
            </div>
            <div className="field">
              <label htmlFor={`v${index}-cost`}>{t("seller.costLabel")}</label>
              <input id={`v${index}-cost`} name={`variants[${index}].costIdr`} inputMode="numeric" defaultValue={row?.costIdr} required={index === 0} />
            </div>
            <div className="field">
              <label htmlFor={`v${index}-weight`}>{t("seller.weightLabel")}</label>
              <input id={`v${index}-weight`} name={`variants[${index}].weightGrams`} type="number" inputMode="numeric" min={1} defaultValue={row?.weightGrams} required={index === 0} />
            </div>
            {row?.id ? null : (
              <div className="field">
                <label htmlFor={`v${index}-stock`}>{t("seller.openingStock")}</label>
                <input id={`v${index}-stock`} name={`variants[${index}].stock`} type="number" inputMode="numeric" min={0} defaultValue={row?.stock} />
              </div>
            )}
          </div>
        ))}
      </fieldset>
      {askBelowCost ? (
        <div className="notice notice--warning">
          <p>{t("seller.belowCostWarning")}</p>
          <label className="check">
            <input type="checkbox" name="confirmBelowCost" />
            {t("seller.confirmBelowCost")}
          </label>
        </div>
      ) : null}
      <button type="submit" className="button button--primary">
        {t("seller.saveProduct")}
      </button>
    </Form>
  );
}
