import { z } from "zod";
import { rupiahAmountField } from "~/utils/schemas.server";
import { CHECKLIST_NOTE_MAX, DOMAIN_STATUSES, type Checklist } from "./assessment-snapshot.server";
import { EARLIEST_ASSESSMENT_MONTH, type AssessmentInput } from "./assessment.server";
import { RETURN_REASON_MAX, RETURN_REASON_MIN } from "./graduation.server";
import { containsNik } from "./household-rules";

// Forms of the graduation workflow. Messages are catalog keys in the `graduation` namespace.

export const NOTES_MAX = 2000;
/** Other monthly income a family declares; more than Rp1 billion a month is a typing mistake. */
const OTHER_INCOME_MAX_IDR = 1_000_000_000;


const freeText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .refine((text) => !containsNik(text), "graduation.errorNik")
    .optional()
    .transform((text) => (text ? text : null));

const monthField = z
  .string({ error: "graduation.errorMonth" })
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "graduation.errorMonth")
  .refine((month) => month >= EARLIEST_ASSESSMENT_MONTH, "graduation.errorMonthTooEarly");

const checklistItem = z.object({
  status: z.enum(DOMAIN_STATUSES, { error: "graduation.errorChecklist" }),
  note: freeText(CHECKLIST_NOTE_MAX, "graduation.errorNoteTooLong"),
});

const checklistField = z.object(
  {
    health: checklistItem,
    education: checklistItem,
    housing: checklistItem,
    waterSanitation: checklistItem,
    social: checklistItem,
  },
  { error: "graduation.errorChecklist" },
) satisfies z.ZodType<Checklist>;

const assessmentFields = {
  month: monthField,
  checklist: checklistField,
  otherIncomeIdr: rupiahAmountField("graduation.errorOtherIncome", OTHER_INCOME_MAX_IDR).default(0),
  notes: freeText(NOTES_MAX, "graduation.errorNotesTooLong"),
};

/** The new-assessment form. */
export const assessmentDraftSchema = z.object(assessmentFields) satisfies z.ZodType<AssessmentInput>;

/** The assessment page: edit, submit or delete a draft; propose graduation from a submitted one. */
export const assessmentActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), ...assessmentFields }),
  z.object({ intent: z.literal("submit") }),
  z.object({ intent: z.literal("delete") }),
  z.object({ intent: z.literal("propose"), confirmNotReady: z.literal("yes").optional().transform((value) => value === "yes") }),
]);

/** The verifier's decision. */
export const decisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), confirm: z.literal("yes", { error: "graduation.errorConfirmApprove" }) }),
  z.object({
    intent: z.literal("return"),
    reason: z
      .string({ error: "graduation.errorReason" })
      .trim()
      .min(RETURN_REASON_MIN, "graduation.errorReason")
      .max(RETURN_REASON_MAX, "graduation.errorReasonTooLong")
      .refine((text) => !containsNik(text), "graduation.errorNik"),
  }),
]);

/** `?bulan=YYYY-MM` on the new-assessment page: the month previewed. */
export const previewMonthSchema = monthField;
