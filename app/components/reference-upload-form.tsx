import { Form, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";

/** The counts an admin's reference-data upload reports after its redirect (`?hasil=inserted.updated.unchanged`). */
export function ReferenceUploadResult() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const result = /^(\d+)\.(\d+)\.(\d+)$/.exec(params.get("hasil") ?? "");
  if (!result) return null;
  return (
    <p className="notice" role="status">
      {t("program.uploadDone", { inserted: result[1]!, updated: result[2]!, unchanged: result[3]! })}
    </p>
  );
}

/** A CSV upload card for reference data (poverty lines, minimum wages): expected header, refusal with every bad line, file field. */
export function ReferenceUploadForm({
  title,
  hint,
  header,
  inputId,
  refusal,
}: {
  title: string;
  hint: string;
  header: string;
  inputId: string;
  refusal: { error: string; problems: string[] } | undefined;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="upload-title" className="narrow card stack">
      <h2 id="upload-title">{title}</h2>
      <p>{hint}</p>
      <p className="mono csv-header">{header}</p>
      {refusal?.error ? (
        <div className="form-errors" role="alert">
          <p>{t(refusal.error)}</p>
          {refusal.problems.length > 0 ? (
            <ul className="problem-list">
              {refusal.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack">
        <div className="field">
          <label htmlFor={inputId}>{t("program.csvFile")}</label>
          <input id={inputId} name="file" type="file" accept=".csv,text/csv" required />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t("program.upload")}
        </button>
      </Form>
    </section>
  );
}
