import { useTranslation } from "~/utils/i18n-react";

type FieldProps = {
  label: string;
  hint?: string;
  errors?: string[];
  inputProps: React.InputHTMLAttributes<HTMLInputElement> & { id: string; name: string };
};

/** A labelled input with its hint and translated errors wired for screen readers. */
export function Field({ label, hint, errors, inputProps }: FieldProps) {
  const { t } = useTranslation();
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
      {errorId ? (
        <p className="field__error" id={errorId} role="alert">
          {errors!.map((e) => t(e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
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
