import { useTranslation } from "~/utils/i18n-react";

/** Urban or rural as BPS sets the poverty line, explained in plain words (household forms). */
export function AreaTypeFieldset({ id, name, checked, errors }: { id: string; name: string; checked: string | undefined; errors: string[] | undefined }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field" aria-describedby={errors ? `${id}-error` : undefined}>
      <legend>{t("households.areaTypeLabel")}</legend>
      <p className="field__hint">{t("households.areaTypeHint")}</p>
      {(["RURAL", "URBAN"] as const).map((area) => (
        <label key={area} className="choice">
          <input type="radio" name={name} value={area} defaultChecked={checked === area} required />
          <span>
            <strong>{t(`households.area.${area}`)}</strong>
            <br />
            <span className="muted">{t(`households.areaExplain.${area}`)}</span>
          </span>
        </label>
      ))}
      {errors ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {errors.map((e) => t(e)).join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
