import { newCoachingSchema } from "~/models/coaching.server";
import { decisionSchema } from "~/models/graduation-forms.server";
import { registerHouseholdSchema } from "~/models/household-forms.server";
import { containsNik, looksLikeNik } from "~/models/household-rules";
import { newKubeSchema } from "~/models/kube.server";

// The national ID number (NIK, 16 digits) is never stored: not as a program reference, not in a name,
// not in a note. People group digits every way they can; separate numbers must not be glued together.

describe("finding an NIK in text", () => {
  it.each([
    "3204011203850001",
    "3204 0112 0385 0001",
    "3204.0112.0385.0001",
    "3204-0112-0385-0001",
    "3204/0112/0385/0001",
    "3204_0112_0385_0001",
    "32040112\n03850001",
    "NIK ibu 3204011203850001 hadir",
    "P3204011203850001",
    "3204011203850001A",
    "HP 0812 3456 7890, NIK 3204011203850001",
    "NIK: 3204  0112  0385  0001",
    "3204 - 0112 - 0385 - 0001",
    "3204,0112,0385,0001",
    "3204\u20130112\u20130385\u20130001",
  ])("finds it in %j", (text) => {
    expect(containsNik(text)).toBe(true);
  });

  it.each([
    "PKH-3205-000123",
    "HP 0812-3456-7890",
    "Rp 1.500.000 per bulan dari upah harian",
    "Anggota 4 orang, 2 anak sekolah, lahir 12-03-1985",
    "0812 3456 7890,  3204",
    "Pemasukan harian minggu ini:\n150.000\n200.000\n175.000\n250.000",
    "1.500.000\n2.000.000\n1.750.000",
    "Pendapatan 1.500.000 2.000.000 1.750.000",
    "Periode 01/08/2026-31/08/2026",
    "2026-08-01/2026-08-31",
    "HP 0812-3456-7890/0813-2345-6789",
    "HP 0812 3456 7890\n0813 2345 6789",
    "RT 003/RW 005, Rp1.500.000",
    "Rekening BRI 0123-01-012345-50-1",
  ])("leaves %j alone", (text) => {
    expect(containsNik(text)).toBe(false);
  });

  it("a program reference with an NIK inside is refused as one", () => {
    expect(looksLikeNik("PKH 3204011203850001")).toBe(true);
    expect(looksLikeNik("PKH-3205-000123")).toBe(false);
  });
});

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);

describe("every free-text field of the facilitator and the verifier refuses an NIK", () => {
  it("head of family's name", () => {
    const result = registerHouseholdSchema.safeParse({ programRef: "PKH-3205-000123", headName: "Ibu Onah 3204011203850001", memberCount: "4", regencyCode: "32.05", areaType: "RURAL" });
    expect(errorsOf(result)).toContain("headName: households.errorNikText");
  });

  it("KUBE name", () => {
    const result = newKubeSchema.safeParse({ name: "KUBE 3204 0112 0385 0001", regencyCode: "32.04", members: [] });
    expect(errorsOf(result)).toContain("name: households.errorNikText");
  });

  it("coaching topic and notes", () => {
    const result = newCoachingSchema.safeParse({ heldOn: "2026-11-02", topic: "Pembukuan 3204/0112/0385/0001", notes: "NIK ibu 3204011203850001 hadir", householdIds: ["h1"] });
    expect(errorsOf(result)).toEqual(expect.arrayContaining(["topic: households.errorNikText", "notes: households.errorNikText"]));
  });

  it("the verifier's reason for returning a proposal", () => {
    const result = decisionSchema.safeParse({ intent: "return", reason: "Data tidak cocok dengan NIK 3204_0112_0385_0001" });
    expect(errorsOf(result)).toContain("reason: graduation.errorNik");
  });
});
