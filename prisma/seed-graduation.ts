/**
 * The graduation workflow in the demo (called by prisma/seed.ts once the orders and the ledger are
 * written). Every figure comes from the real functions: assessments are drafted and submitted with
 * the models, so their snapshots are the indicators computed from the seeded sales; proposals and
 * decisions go through the same rules as in the app. Every step is dated by the seed's reference
 * clock, so the same reference date gives the same story.
 *
 * - household 7 (Pekalongan, pendamping Budi): proposed on its assessment three months back and
 *   returned (the house was not yet decent), assessed again and approved: graduated;
 * - household 10 (Sumba Timur, a KUBE member with its own store): assessed for the last complete month
 *   and proposed, waiting for the demo verifier (verifikator@pasarmandiri.test);
 * - households 1 and 5 (pendamping Sari): submitted assessments without a proposal; household 4: a draft.
 */
import type { PrismaClient } from "~/generated/prisma/client";
import type { Checklist } from "~/models/assessment-snapshot.server";
import { createAssessmentDraft, submitAssessment } from "~/models/assessment.server";
import { decideProposal, proposeGraduation } from "~/models/graduation.server";
import { addMonths, householdTimeZone, monthOf, monthWindow } from "~/models/indicators.server";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const ALL_MET: Checklist = {
  health: { status: "MET", note: "Seluruh anggota keluarga terdaftar JKN; balita rutin ke posyandu." },
  education: { status: "MET", note: "Anak-anak sekolah dan hadir teratur." },
  housing: { status: "MET", note: null },
  waterSanitation: { status: "MET", note: "Sumur bor dan jamban sendiri." },
  social: { status: "MET", note: "Aktif di arisan RT dan kelompok usaha." },
};

const HOUSE_NOT_DECENT: Checklist = {
  ...ALL_MET,
  housing: { status: "NOT_MET", note: "Atap dapur bocor, lantai masih tanah." },
};

const PARTLY_ASSESSED: Checklist = {
  health: { status: "MET", note: null },
  education: { status: "MET", note: null },
  housing: { status: "NOT_MET", note: "Dinding bambu mulai lapuk." },
  waterSanitation: { status: "NOT_ASSESSED", note: null },
  social: { status: "MET", note: null },
};

type Step = { household: number; monthsBack: number; checklist: Checklist; otherIncomeIdr: number; notes: string };

export async function seedGraduation(prisma: PrismaClient, options: { referenceDate: Date }): Promise<void> {
  const ref = options.referenceDate;
  // Households in program order (the seed creates household N N×4 days after household N−1).
  const households = await prisma.household.findMany({ select: { id: true, facilitatorId: true, regencyCode: true }, orderBy: { createdAt: "asc" } });
  const verifier = await prisma.user.findUniqueOrThrow({ where: { email: "verifikator@pasarmandiri.test" }, select: { id: true } });
  const household = (n: number) => {
    const found = households[n - 1];
    if (!found) throw new Error(`The demo has no household ${n}`);
    return { ...found, timeZone: householdTimeZone(found.regencyCode) };
  };
  /** The last complete month, `monthsBack` months before it, and the instant `days` after that month ended (never after the reference time). */
  const dated = (n: number, monthsBack: number, days: number) => {
    const { timeZone } = household(n);
    const month = addMonths(monthOf(ref, timeZone), -1 - monthsBack);
    const ended = monthWindow(month, timeZone).end.getTime();
    return { month, at: (extraHours = 0) => new Date(Math.max(ended + HOUR, Math.min(ended + days * DAY + extraHours * HOUR, ref.getTime() - HOUR))) };
  };

  const assess = async (step: Step, days: number, submit = true) => {
    const h = household(step.household);
    const when = dated(step.household, step.monthsBack, days);
    const { id } = await createAssessmentDraft(prisma, {
      facilitatorId: h.facilitatorId,
      householdId: h.id,
      input: { month: when.month, checklist: step.checklist, otherIncomeIdr: step.otherIncomeIdr, notes: step.notes },
      now: when.at(),
    });
    if (submit) await submitAssessment(prisma, { facilitatorId: h.facilitatorId, assessmentId: id, now: when.at(1) });
    return { id, household: h, at: when.at };
  };

  // Household 7: returned once, then graduated.
  const first = await assess(
    { household: 7, monthsBack: 2, checklist: HOUSE_NOT_DECENT, otherIncomeIdr: 1_800_000, notes: "Suami bekerja sebagai buruh pabrik tekstil, upah Rp1.800.000 sebulan. Usaha batik tulis makin ramai." },
    3,
  );
  const returned = await proposeGraduation(prisma, { facilitatorId: first.household.facilitatorId, assessmentId: first.id, confirmNotReady: true, now: first.at(2) });
  await decideProposal(prisma, {
    verifierId: verifier.id,
    proposalId: returned.proposalId,
    decision: { kind: "return", reason: "Rumah belum layak huni (atap dapur bocor, lantai tanah). Mohon dinilai ulang setelah perbaikan rumah dari program RTLH selesai." },
    now: first.at(6 * 24),
  });
  const second = await assess(
    { household: 7, monthsBack: 0, checklist: ALL_MET, otherIncomeIdr: 1_800_000, notes: "Rumah sudah diperbaiki lewat program RTLH. Pendapatan usaha dan upah stabil tiga bulan terakhir." },
    2,
  );
  const approved = await proposeGraduation(prisma, { facilitatorId: second.household.facilitatorId, assessmentId: second.id, confirmNotReady: true, now: second.at(2) });
  await decideProposal(prisma, { verifierId: verifier.id, proposalId: approved.proposalId, decision: { kind: "approve" }, now: second.at(5 * 24) });

  // Household 10: proposed, waiting for the verifier.
  const pending = await assess(
    { household: 10, monthsBack: 0, checklist: ALL_MET, otherIncomeIdr: 300_000, notes: "Selain anyaman KUBE, keluarga menjual hasil kebun jagung sendiri sekitar Rp300.000 sebulan." },
    1,
  );
  await proposeGraduation(prisma, { facilitatorId: pending.household.facilitatorId, assessmentId: pending.id, confirmNotReady: true, now: pending.at(3) });

  // Pendamping Sari: two assessments without a proposal, and a draft.
  await assess({ household: 1, monthsBack: 1, checklist: PARTLY_ASSESSED, otherIncomeIdr: 900_000, notes: "Suami buruh tani musiman." }, 4);
  await assess({ household: 5, monthsBack: 0, checklist: PARTLY_ASSESSED, otherIncomeIdr: 1_200_000, notes: "Anak sulung bekerja di toko bangunan." }, 3);
  await assess({ household: 4, monthsBack: 0, checklist: PARTLY_ASSESSED, otherIncomeIdr: 0, notes: "Draf: menunggu kunjungan rumah berikutnya." }, 2, false);
}
