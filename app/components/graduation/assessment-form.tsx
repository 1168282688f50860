import { useTranslation } from "~/utils/i18n-react";
import { ChecklistFields } from "./graduation-parts";

const DOMAINS = ["health", "education", "housing", "waterSanitation", "social"] as const;
const STATUSES = ["MET", "NOT_MET", "NOT_ASSESSED"] as const;
type Status = (typeof STATUSES)[number];

export type AssessmentFormValues = {
  month: string;
  checklist: Record<(typeof DOMAINS)[number], { status: Status; note: string | null }>;
  otherIncomeIdr: number | string | null;
  notes: string | null;
};

/** The form's field names as conform sees them. */
export type AssessmentFormShape = {
  month: string;
  checklist: Record<(typeof DOMAINS)[number], { status: Status; note: string }>;
  otherIncomeIdr: string;
  notes: string;
};

type Errors = { month?: string[]; checklist?: string[]; otherIncomeIdr?: string[]; notes?: string[] };

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

/**
 * The values to show: what the person just sent when the server refused it (conform's reply keeps it,
 * so nothing typed is lost, with or without JavaScript), else the stored or default values.
 */
export function formValues(fallback: AssessmentFormValues, sent: unknown): AssessmentFormValues {
  if (!sent || typeof sent !== "object") return fallback;
  const raw = sent as Record<string, unknown>;
  const checklist = (raw.checklist ?? {}) as Record<string, { status?: unknown; note?: unknown } | undefined>;
  return {
    month: text(raw.month) ?? fallback.month,
    otherIncomeIdr: text(raw.otherIncomeIdr) ?? fallback.otherIncomeIdr,
    notes: text(raw.notes) ?? fallback.notes,
    checklist: Object.fromEntries(
      DOMAINS.map((domain) => {
        const item = checklist[domain];
        const status = STATUSES.find((s) => s === item?.status) ?? fallback.checklist[domain].status;
        return [domain, { status, note: text(item?.note) ?? fallback.checklist[domain].note }];
      }),
    ) as AssessmentFormValues["checklist"],
  };
}

/** The checklist's errors, wherever conform filed them (the group or one of its fields), each once. */
export function checklistErrors(allErrors: Record<string, string[]>): string[] | undefined {
  const found = [...new Set(Object.entries(allErrors).flatMap(([name, list]) => (name.startsWith("checklist") ? list : [])))];
  return found.length ? found : undefined;
}

/** The errors to show beside each field, from conform's form and fieldset. */
export function assessmentFieldErrors(
  form: { allErrors: Record<string, string[]> },
  fields: { month: { errors?: string[] }; otherIncomeIdr: { errors?: string[] }; notes: { errors?: string[] } },
): Errors {
  return { month: fields.month.errors, checklist: checklistErrors(form.allErrors), otherIncomeIdr: fields.otherIncomeIdr.errors, notes: fields.notes.errors };
}

/** Month, checklist, other income and notes: the fields of a new assessment and of a draft being edited. */
export function AssessmentFormFields({ values, currentMonth, errors }: { values: AssessmentFormValues; currentMonth: string; errors: Errors }) {
  const { t } = useTranslation();
  const errorText = (list?: string[]) => list?.map((e) => t(e)).join(" ");
  return (
    <>
      <div className="field">
        <label htmlFor="assessment-month">{t("graduation.monthLabel")}</label>
        <p className="field__hint" id="assessment-month-hint">
          {t("graduation.monthHint")}
        </p>
        <input
          id="assessment-month"
          type="month"
          name="month"
          defaultValue={values.month}
          min="2019-01"
          max={currentMonth}
          required
          aria-describedby={errors.month ? "assessment-month-hint assessment-month-error" : "assessment-month-hint"}
          aria-invalid={errors.month ? true : undefined}
        />
        {errors.month ? (
          <p className="field__error" id="assessment-month-error" role="alert">
            {errorText(errors.month)}
          </p>
        ) : null}
      </div>
      <ChecklistFields checklist={values.checklist} errors={errors.checklist} />
      <div className="field">
        <label htmlFor="assessment-other-income">{t("graduation.otherIncomeLabel")}</label>
        <p className="field__hint" id="assessment-other-income-hint">
          {t("graduation.otherIncomeHint")}
        </p>
        <input
          id="assessment-other-income"
          name="otherIncomeIdr"
          inputMode="numeric"
          defaultValue={values.otherIncomeIdr ?? ""}
          placeholder="0"
          maxLength={20}
          aria-describedby={errors.otherIncomeIdr ? "assessment-other-income-hint assessment-other-income-error" : "assessment-other-income-hint"}
          aria-invalid={errors.otherIncomeIdr ? true : undefined}
        />
        {errors.otherIncomeIdr ? (
          <p className="field__error" id="assessment-other-income-error" role="alert">
            {errorText(errors.otherIncomeIdr)}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="assessment-notes">{t("graduation.notesLabel")}</label>
        <p className="field__hint" id="assessment-notes-hint">
          {t("graduation.notesHint")}
        </p>
        <textarea
          id="assessment-notes"
          name="notes"
          rows={4}
          maxLength={2000}
          defaultValue={values.notes ?? ""}
          aria-describedby={errors.notes ? "assessment-notes-hint assessment-notes-error" : "assessment-notes-hint"}
          aria-invalid={errors.notes ? true : undefined}
        />
        {errors.notes ? (
          <p className="field__error" id="assessment-notes-error" role="alert">
            {errorText(errors.notes)}
          </p>
        ) : null}
      </div>
    </>
  );
}
