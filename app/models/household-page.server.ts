/**
 * Everything the facilitator's household page shows: stores, the 12-month income series, assessments,
 * proposals, coaching and one timeline of what happened. The household is loaded through its
 * facilitator first (null for anyone else's); the rest is read only for that household.
 */
import type { PrismaClient } from "~/utils/db.server";
import { localDateOf, type LocalDate } from "~/utils/dates";
import { coachingDateOf, householdCoaching } from "./coaching.server";
import { getFacilitatorHousehold, type FacilitatorHousehold } from "./household.server";
import { computeHouseholdIndicators } from "./indicators.server";
import { timeZoneForProvince } from "./region.server";

/**
 * One line of the timeline. `kind` picks the sentence (households.event.*); `values` fill it in.
 * Entries with a `date` (coaching sessions, enrolment) happened on that calendar date, not at a known time.
 */
export type TimelineEntry = { at: Date; kind: string; values: Record<string, string>; date?: LocalDate; href?: string };

/** Audit actions the timeline words itself; any other action on the household's stores reads as a store change. */
const WORDED_ACTIONS = new Set([
  "household.create",
  "household.update",
  "user.create",
  "store.create",
  "store.profile.update",
  "store.regency.update",
  "store.payout-account.update",
  "store.logo.set",
  "store.logo.remove",
  "kube.create",
]);

async function timeline(db: PrismaClient, household: FacilitatorHousehold, timeZone: string): Promise<TimelineEntry[]> {
  const stores = [...household.stores, ...household.kubeMemberships.flatMap((m) => m.kubeGroup.stores)];
  const storeName = new Map(stores.map((s) => [s.id, s.name]));
  const kubeName = new Map(household.kubeMemberships.map((m) => [m.kubeGroup.id, m.kubeGroup.name]));
  const account = new Map(household.accounts.map((a) => [a.id, a.email]));

  const [audits, assessments, proposals, coaching, firstSale] = await Promise.all([
    db.auditLog.findMany({
      where: {
        OR: [
          { subjectType: "Household", subjectId: household.id },
          { subjectType: "Store", subjectId: { in: [...storeName.keys()] } },
          { subjectType: "KubeGroup", subjectId: { in: [...kubeName.keys()] } },
          { subjectType: "User", subjectId: { in: [...account.keys()] }, action: "user.create" },
        ],
      },
      select: { action: true, subjectType: true, subjectId: true, createdAt: true, actor: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
      take: 200,
    }),
    db.graduationAssessment.findMany({
      where: { householdId: household.id },
      select: { id: true, month: true, createdAt: true, submittedAt: true },
    }),
    db.graduationProposal.findMany({
      where: { householdId: household.id },
      select: { createdAt: true, status: true, decidedAt: true, decisionReason: true, proposedBy: { select: { name: true } }, decidedBy: { select: { name: true } } },
    }),
    householdCoaching(db, household.id),
    db.storeOrder.findFirst({
      where: { storeId: { in: [...storeName.keys()] }, completedAt: { not: null } },
      select: { completedAt: true, storeId: true, order: { select: { number: true } } },
      orderBy: { completedAt: "asc" },
    }),
  ]);

  const entries: TimelineEntry[] = [];
  for (const audit of audits) {
    const actor = audit.actor?.name ?? "—";
    const subject =
      audit.subjectType === "Store"
        ? (storeName.get(audit.subjectId) ?? "")
        : audit.subjectType === "KubeGroup"
          ? (kubeName.get(audit.subjectId) ?? "")
          : audit.subjectType === "User"
            ? (account.get(audit.subjectId) ?? "")
            : household.headName;
    const kind = WORDED_ACTIONS.has(audit.action) ? audit.action : audit.subjectType === "Store" ? "store.other" : "other";
    entries.push({ at: audit.createdAt, kind, values: { actor, subject, action: audit.action } });
  }
  for (const a of assessments) {
    const href = `/pendamping/penilaian/${a.id}`;
    entries.push({ at: a.createdAt, kind: "assessment.create", values: { month: a.month }, href });
    if (a.submittedAt) entries.push({ at: a.submittedAt, kind: "assessment.submit", values: { month: a.month }, href });
  }
  for (const p of proposals) {
    entries.push({ at: p.createdAt, kind: "proposal.create", values: { actor: p.proposedBy.name } });
    if (p.decidedAt && p.status !== "PENDING") {
      entries.push({
        at: p.decidedAt,
        kind: p.status === "APPROVED" ? "proposal.approve" : "proposal.return",
        values: { actor: p.decidedBy?.name ?? "—", reason: p.decisionReason ?? "" },
      });
    }
  }
  for (const c of coaching) entries.push({ at: c.heldOn, kind: "coaching", values: { topic: c.topic, actor: c.facilitator.name }, date: coachingDateOf(c.heldOn) });
  if (firstSale?.completedAt) {
    entries.push({ at: firstSale.completedAt, kind: "firstSale", values: { order: firstSale.order.number, subject: storeName.get(firstSale.storeId) ?? "" } });
  }
  // Last, so that on a tie (registered the day they joined) joining the program reads as the older event.
  entries.push({ at: household.enrolledAt, kind: "enrolled", values: {}, date: localDateOf(household.enrolledAt, timeZone) });
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime());
}

export async function loadHouseholdPage(db: PrismaClient, facilitatorId: string, householdId: string, opts: { now?: Date } = {}) {
  const household = await getFacilitatorHousehold(db, facilitatorId, householdId);
  if (!household) return null;
  const timeZone = timeZoneForProvince(household.regencyCode);
  const [indicators, assessments, proposals, coaching, events] = await Promise.all([
    computeHouseholdIndicators(db, household.id, { now: opts.now, count: 12 }),
    db.graduationAssessment.findMany({
      where: { householdId: household.id },
      select: { id: true, month: true, submittedAt: true, createdAt: true, assessor: { select: { name: true } } },
      orderBy: [{ month: "desc" }, { createdAt: "desc" }],
    }),
    db.graduationProposal.findMany({
      where: { householdId: household.id },
      select: { id: true, status: true, createdAt: true, decidedAt: true, decisionReason: true },
      orderBy: { createdAt: "desc" },
    }),
    householdCoaching(db, household.id),
    timeline(db, household, timeZone),
  ]);
  return { household, timeZone, indicators, assessments, proposals, coaching, timeline: events };
}
