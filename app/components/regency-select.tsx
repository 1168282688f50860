import { FieldError } from "~/components/ui/field";
import { useTranslation } from "~/utils/i18n-react";

/**
 * A labelled regency (kabupaten/kota) picker bound to a conform field, its errors wired for screen
 * readers. `choose` adds an empty "choose" option first; a new `resetKey` (another province) remounts it.
 */
export function RegencySelect({
  field,
  label,
  hint,
  regencies,
  defaultValue,
  choose = false,
  resetKey,
}: {
  field: { id: string; name: string; errorId: string; errors?: string[] };
  label: string;
  hint?: string;
  regencies: { code: string; name: string }[];
  defaultValue: string;
  choose?: boolean;
  resetKey?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${field.id}-hint`}>
          {hint}
        </p>
      ) : null}
      <select
        id={field.id}
        name={field.name}
        defaultValue={defaultValue}
        key={resetKey}
        required
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={field.errors ? field.errorId : undefined}
      >
        {choose ? <option value="">{t("households.choose")}</option> : null}
        {regencies.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </select>
      <FieldError id={field.errorId} errors={field.errors} />
    </div>
  );
}
