import { parseWithZod } from "@conform-to/zod/v4";
import { assessmentDraftSchema, decisionSchema } from "~/models/graduation-forms.server";

/** The messages of a refused submission (none for an accepted one). */
const errorsOf = (submission: { status?: string; error?: unknown } | { status: "success" }) =>
  ("error" in submission ? (submission.error as Record<string, string[] | null> | null) : null) ?? {};

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

const CHECKLIST = Object.fromEntries(
  ["health", "education", "housing", "waterSanitation", "social"].flatMap((d) => [
    [`checklist.${d}.status`, "MET"],
    [`checklist.${d}.note`, ""],
  ]),
);

describe("the assessment form", () => {
  it("reads Rupiah as Indonesians write it, empty notes as none, and the checklist per domain", () => {
    const parsed = parseWithZod(form({ month: "2026-10", ...CHECKLIST, "checklist.housing.status": "NOT_MET", "checklist.housing.note": " Atap bocor ", otherIncomeIdr: "Rp 1.500.000" }), {
      schema: assessmentDraftSchema,
    });
    expect(parsed.status).toBe("success");
    if (parsed.status !== "success") return;
    expect(parsed.value.otherIncomeIdr).toBe(1_500_000);
    expect(parsed.value.notes).toBeNull();
    expect(parsed.value.checklist.housing).toEqual({ status: "NOT_MET", note: "Atap bocor" });
    expect(parsed.value.checklist.health).toEqual({ status: "MET", note: null });
  });

  it("takes no other income as zero", () => {
    const parsed = parseWithZod(form({ month: "2026-10", ...CHECKLIST }), { schema: assessmentDraftSchema });
    expect(parsed.status === "success" && parsed.value.otherIncomeIdr).toBe(0);
  });

  it.each([
    [{ month: "2026-13" }, "month", "graduation.errorMonth"],
    [{ month: "2018-12" }, "month", "graduation.errorMonthTooEarly"],
    [{ otherIncomeIdr: "1,5 juta" }, "otherIncomeIdr", "graduation.errorOtherIncome"],
    [{ otherIncomeIdr: "-5000" }, "otherIncomeIdr", "graduation.errorOtherIncome"],
    [{ notes: "NIK ibu 3171 2345 6789 0123" }, "notes", "graduation.errorNik"],
    [{ "checklist.health.note": "3171234567890123" }, "checklist.health.note", "graduation.errorNik"],
    [{ "checklist.social.status": "YES" }, "checklist.social.status", "graduation.errorChecklist"],
  ])("refuses %j with a message the person understands", (override, field, message) => {
    const parsed = parseWithZod(form({ month: "2026-10", ...CHECKLIST, ...override }), { schema: assessmentDraftSchema });
    expect(parsed.status).toBe("error");
    expect(errorsOf(parsed)[field]).toContain(message);
  });

  it("keeps a programme reference or a phone number in the notes (not 16 digits)", () => {
    const parsed = parseWithZod(form({ month: "2026-10", ...CHECKLIST, notes: "PKH-3205-738413, HP 081234567890" }), { schema: assessmentDraftSchema });
    expect(parsed.status).toBe("success");
  });
});

describe("the decision form", () => {
  it("approving needs the confirmation; returning needs a reason of ten characters", () => {
    expect(errorsOf(parseWithZod(form({ intent: "approve" }), { schema: decisionSchema })).confirm).toContain("graduation.errorConfirmApprove");
    expect(parseWithZod(form({ intent: "approve", confirm: "yes" }), { schema: decisionSchema }).status).toBe("success");
    expect(errorsOf(parseWithZod(form({ intent: "return", reason: "  terlalu " }), { schema: decisionSchema })).reason).toContain("graduation.errorReason");
    const returned = parseWithZod(form({ intent: "return", reason: "  Rumah belum layak huni.  " }), { schema: decisionSchema });
    expect(returned.status === "success" && returned.value).toEqual({ intent: "return", reason: "Rumah belum layak huni." });
  });
});
