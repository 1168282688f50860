import { useTranslation } from "~/utils/i18n-react";

type FieldProps = {
  label: string;
  hint?: string;
  errors?: string[];
  inputProps: React.InputHTMLAttributes<HTMLInputElement> & { id: string; name: string };
};

/** A labelled input with its hint and translated errors wired for screen readers. */
export function Field({ label, hint, errors, inputProps }: FieldProps) {
  const hintId = hint ? `${inputProps.id}-hint` : undefined;
  const errorId = errors?.length ? `${inputProps.id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={inputProps.id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        {...inputProps}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      />
      <FieldError id={`${inputProps.id}-error`} errors={errors} />
    </div>
  );
}

/** A field's translated errors, with the id its control points to in aria-describedby; nothing when there are none. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <p className="field__error" id={id} role="alert">
      {errors.map((e) => t(e)).join(" ")}
    </p>
  );
}

/** conform's control props without React's `key`, which must not be spread into JSX. */
export function withoutKey<T extends { key?: unknown }>({ key: _key, ...props }: T): Omit<T, "key"> {
  return props;
}

export function FormErrors({ id, errors, values }: { id: string; errors?: string[]; values?: Record<string, string | number> }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <div className="form-errors" id={id} role="alert">
      {errors.map((e) => (
        <p key={e}>{t(e, values)}</p>
      ))}
    </div>
  );
}
