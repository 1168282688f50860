import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Role } from "~/generated/prisma/enums";
import { createTestDatabase } from "../helpers/database";
import { createSessionUser, getRequest as get, postForm as post, routeOutcome as outcome } from "../helpers/route-session";
import { createRegions } from "../helpers/marketplace-fixtures";
import { createAssessmentRow, createProgramHousehold, snapshotFor } from "../helpers/graduation-fixtures";
import { createSellerStore, createStoreOrder } from "../helpers/sales-fixtures";

// The graduation routes called exactly as Remix calls them: a real Request with a session cookie,
// against a real database. Another facilitator's household, assessment or proposal, and a proposal
// outside a verifier's area, must look like one that does not exist (404) on every loader and action,
// and a refused step must change nothing.

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Action = (args: ActionFunctionArgs) => Promise<unknown>;
type Route = { loader: Loader; action?: Action };

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let newAssessment: { loader: Loader; action: Action };
let assessmentPage: { loader: Loader; action: Action };
let queue: { loader: Loader };
let proposalPage: { loader: Loader; action: Action };
let evidencePage: { loader: Loader };

beforeAll(async () => {
  db = await createTestDatabase();
  await createRegions(db.prisma);
  await db.prisma.povertyLine.create({ data: { provinceCode: "32", period: "2025-09", area: "URBAN", amountIdr: 600_000, source: "uji: BPS" } });
  globalThis.__prisma = db.prisma;
  newAssessment = await import("~/routes/pendamping.rumah-tangga.$householdId_.penilaian.baru");
  assessmentPage = await import("~/routes/pendamping.penilaian.$assessmentId");
  queue = await import("~/routes/verifikasi._index");
  proposalPage = await import("~/routes/verifikasi.$proposalId");
  evidencePage = await import("~/routes/verifikasi.$proposalId_.bukti.$month");
});
afterAll(async () => {
  globalThis.__prisma = undefined;
  await db.cleanup();
});

const userWith = (roles: Role[], scopeRegionCode: string | null = null) => createSessionUser(db.prisma, roles, { name: `Petugas ${roles.join("+")}`, scopeRegionCode });

const load = (route: Route, path: string, cookie: string | undefined, params: Record<string, string>) =>
  outcome(() => route.loader({ request: get(path, cookie), params, context: {} }));
const act = (route: { action: Action }, path: string, cookie: string | undefined, params: Record<string, string>, fields: Record<string, string>) =>
  outcome(() => route.action({ request: post(path, cookie, fields), params, context: {} }));

const CHECKLIST_FIELDS: Record<string, string> = {
  "checklist.health.status": "MET",
  "checklist.health.note": "Imunisasi lengkap",
  "checklist.education.status": "MET",
  "checklist.education.note": "",
  "checklist.housing.status": "NOT_MET",
  "checklist.housing.note": "Atap bocor",
  "checklist.waterSanitation.status": "MET",
  "checklist.waterSanitation.note": "",
  "checklist.social.status": "NOT_ASSESSED",
  "checklist.social.note": "",
};
const draftFields = (month: string, extra: Record<string, string> = {}) => ({ month, ...CHECKLIST_FIELDS, otherIncomeIdr: "1.500.000", notes: "Kunjungan rumah", ...extra });

/** The previous calendar month in WIB: the month the routes assess by default. */
function lastMonth(): string {
  const wib = new Date(Date.now() + 7 * 3_600_000);
  const index = wib.getUTCFullYear() * 12 + wib.getUTCMonth() - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Everything the workflow could change for a household. */
async function snapshotOf(householdId: string) {
  const [household, assessments, proposals, audits] = await Promise.all([
    db.prisma.household.findUniqueOrThrow({ where: { id: householdId }, select: { status: true, proposedAt: true, graduatedAt: true, updatedAt: true } }),
    db.prisma.graduationAssessment.findMany({ where: { householdId }, orderBy: { id: "asc" } }),
    db.prisma.graduationProposal.findMany({ where: { householdId }, orderBy: { id: "asc" } }),
    db.prisma.auditLog.count(),
  ]);
  return { household, assessments, proposals, audits };
}

const newPath = (householdId: string) => `/pendamping/rumah-tangga/${householdId}/penilaian/baru`;
const assessmentPath = (id: string) => `/pendamping/penilaian/${id}`;
const proposalPath = (id: string) => `/verifikasi/${id}`;

describe("the whole workflow through the routes", () => {
  it("draft, submit, propose, return with a reason, assess again, propose, approve", async () => {
    const facilitator = await userWith(["FACILITATOR"]);
    const verifier = await userWith(["VERIFIER"], "32");
    const household = await createProgramHousehold(db.prisma, { facilitatorId: facilitator.id, regencyCode: "32.04" });
    const month = lastMonth();

    // The new-assessment page previews the last complete month.
    const page = await load(newAssessment, newPath(household.id), facilitator.cookie, { householdId: household.id });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ month, preview: { month: { month, partial: false } } });

    // Bad input: 400, nothing written.
    const before = await snapshotOf(household.id);
    for (const fields of [
      draftFields("2099-01"),
      draftFields("bulan lalu"),
      draftFields(month, { otherIncomeIdr: "1,5 juta" }),
      draftFields(month, { "checklist.health.status": "MAYBE" }),
      draftFields(month, { notes: "NIK 3171234567890123" }),
      { month },
    ]) {
      const refused = await act(newAssessment, newPath(household.id), facilitator.cookie, { householdId: household.id }, fields);
      expect(refused.status, JSON.stringify(fields)).toBe(400);
    }
    expect(await snapshotOf(household.id)).toEqual(before);

    const created = await act(newAssessment, newPath(household.id), facilitator.cookie, { householdId: household.id }, draftFields(month));
    expect(created.status).toBe(302);
    const assessmentId = /\/pendamping\/penilaian\/([^?]+)\?selesai=create$/.exec(created.location ?? "")![1]!;
    const stored = await db.prisma.graduationAssessment.findUniqueOrThrow({ where: { id: assessmentId }, select: { otherIncomeIdr: true, checklistJson: true, submittedAt: true } });
    expect(stored).toMatchObject({ otherIncomeIdr: 1_500_000, submittedAt: null });
    expect(JSON.parse(stored.checklistJson).housing).toEqual({ status: "NOT_MET", note: "Atap bocor" });

    const params = { assessmentId };
    const draftPage = await load(assessmentPage, assessmentPath(assessmentId), facilitator.cookie, params);
    expect(draftPage.body).toMatchObject({ assessment: { snapshot: null }, preview: { month: { otherIncomeIdr: 1_500_000 } }, monthOver: true, canPropose: false });

    // Proposing from a draft is refused.
    expect((await act(assessmentPage, assessmentPath(assessmentId), facilitator.cookie, params, { intent: "propose", confirmNotReady: "yes" })).status).toBe(409);
    expect((await act(assessmentPage, assessmentPath(assessmentId), facilitator.cookie, params, { intent: "save", ...draftFields(month, { otherIncomeIdr: "2000000" }) })).location).toBe(
      `${assessmentPath(assessmentId)}?selesai=save`,
    );
    expect((await act(assessmentPage, assessmentPath(assessmentId), facilitator.cookie, params, { intent: "submit" })).location).toBe(`${assessmentPath(assessmentId)}?selesai=submit`);

    // Submitted: immutable through the route too.
    const frozen = await snapshotOf(household.id);
    expect((await act(assessmentPage, assessmentPath(assessmentId), facilitator.cookie, params, { intent: "save", ...draftFields(month) })).status).toBe(409);
    expect((await act(assessmentPage, assessmentPath(assessmentId), facilitator.cookie, params, { intent: "submit" })).status).toBe(409);
    expect((await act(assessmentPage, assessmentPath(assessmentId), facilitator.cookie, params, { intent: "delete" })).status).toBe(409);
    expect(await snapshotOf(household.id)).toEqual(frozen);

    const submittedPage = await load(assessmentPage, assessmentPath(assessmentId), facilitator.cookie, params);
    expect(submittedPage.body).toMatchObject({ assessment: { snapshot: { month: { month, otherIncomeIdr: 2_000_000, tier: "INACTIVE" } } }, canPropose: true });

    // Not ready: the facilitator must confirm explicitly.
    expect((await act(assessmentPage, assessmentPath(assessmentId), facilitator.cookie, params, { intent: "propose" })).status).toBe(400);
    expect(await snapshotOf(household.id)).toEqual(frozen);
    expect((await act(assessmentPage, assessmentPath(assessmentId), facilitator.cookie, params, { intent: "propose", confirmNotReady: "yes" })).location).toBe(
      `${assessmentPath(assessmentId)}?selesai=propose`,
    );
    expect((await db.prisma.household.findUniqueOrThrow({ where: { id: household.id }, select: { status: true } })).status).toBe("PROPOSED");

    // The verifier finds it in the queue and returns it.
    const list = (await load(queue, "/verifikasi", verifier.cookie, {})).body as { pending: { id: string; tier: string }[]; pendingTotal: number };
    expect(list.pendingTotal).toBe(list.pending.length);
    const proposal = list.pending.find((p) => p.tier === "INACTIVE")!;
    const proposalId = (await db.prisma.graduationProposal.findFirstOrThrow({ where: { householdId: household.id }, select: { id: true } })).id;
    expect(list.pending.map((p) => p.id)).toContain(proposalId);
    expect(proposal).toBeDefined();
    const detail = await load(proposalPage, proposalPath(proposalId), verifier.cookie, { proposalId });
    expect(detail.body).toMatchObject({ proposal: { status: "PENDING", conflict: null }, assessment: { snapshot: { month: { month } } } });
    expect((detail.body as { series: { month: string }[] }).series.at(-1)!.month).toBe(month);

    const pendingState = await snapshotOf(household.id);
    expect((await act(proposalPage, proposalPath(proposalId), verifier.cookie, { proposalId }, { intent: "return", reason: "pendek" })).status).toBe(400);
    expect((await act(proposalPage, proposalPath(proposalId), verifier.cookie, { proposalId }, { intent: "approve" })).status).toBe(400);
    expect((await act(proposalPage, proposalPath(proposalId), verifier.cookie, { proposalId }, { intent: "maybe" })).status).toBe(400);
    expect(await snapshotOf(household.id)).toEqual(pendingState);
    const reason = "Rumah belum layak huni, mohon dinilai ulang setelah atap diperbaiki.";
    expect((await act(proposalPage, proposalPath(proposalId), verifier.cookie, { proposalId }, { intent: "return", reason })).location).toBe(`${proposalPath(proposalId)}?selesai=return`);

    // The facilitator sees the reason; the household is active again.
    const afterReturn = (await load(assessmentPage, assessmentPath(assessmentId), facilitator.cookie, params)).body as {
      proposals: { status: string; decisionReason: string | null }[];
      household: { status: string };
      canPropose: boolean;
    };
    expect(afterReturn.proposals).toMatchObject([{ status: "RETURNED", decisionReason: reason }]);
    expect(afterReturn.household.status).toBe("ACTIVE");
    expect(afterReturn.canPropose).toBe(false);

    // Assess again, propose, approve.
    const again = await act(newAssessment, newPath(household.id), facilitator.cookie, { householdId: household.id }, draftFields(month, { "checklist.housing.status": "MET", otherIncomeIdr: "3000000" }));
    const secondId = /\/pendamping\/penilaian\/([^?]+)\?/.exec(again.location ?? "")![1]!;
    await act(assessmentPage, assessmentPath(secondId), facilitator.cookie, { assessmentId: secondId }, { intent: "submit" });
    await act(assessmentPage, assessmentPath(secondId), facilitator.cookie, { assessmentId: secondId }, { intent: "propose", confirmNotReady: "yes" });
    const secondProposal = await db.prisma.graduationProposal.findFirstOrThrow({ where: { householdId: household.id, status: "PENDING" }, select: { id: true } });
    expect(
      (await act(proposalPage, proposalPath(secondProposal.id), verifier.cookie, { proposalId: secondProposal.id }, { intent: "approve", confirm: "yes" })).location,
    ).toBe(`${proposalPath(secondProposal.id)}?selesai=approve`);
    // Approving twice is refused.
    const graduated = await snapshotOf(household.id);
    expect(graduated.household.status).toBe("GRADUATED");
    expect(graduated.household.graduatedAt).not.toBeNull();
    expect((await act(proposalPage, proposalPath(secondProposal.id), verifier.cookie, { proposalId: secondProposal.id }, { intent: "approve", confirm: "yes" })).status).toBe(409);
    expect(await snapshotOf(household.id)).toEqual(graduated);
  });

  it("an older assessment is not offered for a proposal, and proposing it anyway is a 409 that writes nothing", async () => {
    const facilitator = await userWith(["FACILITATOR"]);
    const household = await createProgramHousehold(db.prisma, { facilitatorId: facilitator.id, regencyCode: "32.04" });
    const older = await createAssessmentRow(db.prisma, { householdId: household.id, assessorId: facilitator.id, month: "2026-08" });
    const latest = await createAssessmentRow(db.prisma, { householdId: household.id, assessorId: facilitator.id, month: "2026-10" });
    expect((await load(assessmentPage, assessmentPath(older.id), facilitator.cookie, { assessmentId: older.id })).body).toMatchObject({ canPropose: false, notLatest: true });
    expect((await load(assessmentPage, assessmentPath(latest.id), facilitator.cookie, { assessmentId: latest.id })).body).toMatchObject({ canPropose: true, notLatest: false });
    const before = await snapshotOf(household.id);
    const refused = await act(assessmentPage, assessmentPath(older.id), facilitator.cookie, { assessmentId: older.id }, { intent: "propose", confirmNotReady: "yes" });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain("graduation.errorNotLatest");
    expect(await snapshotOf(household.id)).toEqual(before);
  });

  it("a facilitator who is also a verifier cannot approve their own proposal through the route", async () => {
    const both = await userWith(["FACILITATOR", "VERIFIER"]);
    const household = await createProgramHousehold(db.prisma, { facilitatorId: both.id, regencyCode: "32.04", status: "PROPOSED" });
    const assessment = await createAssessmentRow(db.prisma, { householdId: household.id, assessorId: both.id });
    const proposal = await db.prisma.graduationProposal.create({ data: { householdId: household.id, assessmentId: assessment.id, proposedById: both.id }, select: { id: true } });
    const page = await load(proposalPage, proposalPath(proposal.id), both.cookie, { proposalId: proposal.id });
    expect(page.body).toMatchObject({ proposal: { conflict: "own_proposal" } });
    const before = await snapshotOf(household.id);
    expect((await act(proposalPage, proposalPath(proposal.id), both.cookie, { proposalId: proposal.id }, { intent: "approve", confirm: "yes" })).status).toBe(403);
    expect(await snapshotOf(household.id)).toEqual(before);
  });
});

describe("the new-assessment page", () => {
  it("previews the month asked for, and explains a month it cannot show instead of failing", async () => {
    const facilitator = await userWith(["FACILITATOR"]);
    const household = await createProgramHousehold(db.prisma, { facilitatorId: facilitator.id, regencyCode: "32.04" });
    const at = (query: string) => load(newAssessment, `${newPath(household.id)}${query}`, facilitator.cookie, { householdId: household.id });
    expect((await at("?bulan=2025-10")).body).toMatchObject({ month: "2025-10", monthError: null, preview: { month: { month: "2025-10", povertyLine: { period: "2025-09" } } } });
    expect((await at("?bulan=2099-01")).body).toMatchObject({ month: lastMonth(), monthError: "graduation.errorFutureMonth" });
    expect((await at("?bulan=kemarin")).body).toMatchObject({ month: lastMonth(), monthError: "graduation.errorMonth" });
    expect((await at("?bulan=2018-12")).body).toMatchObject({ month: lastMonth(), monthError: "graduation.errorMonthTooEarly" });
  });

  it("a graduated household gets no form, and a draft posted anyway is refused", async () => {
    const facilitator = await userWith(["FACILITATOR"]);
    const household = await createProgramHousehold(db.prisma, { facilitatorId: facilitator.id, regencyCode: "32.04", status: "GRADUATED" });
    expect((await load(newAssessment, newPath(household.id), facilitator.cookie, { householdId: household.id })).body).toMatchObject({ preview: null });
    expect((await act(newAssessment, newPath(household.id), facilitator.cookie, { householdId: household.id }, draftFields(lastMonth()))).status).toBe(409);
    expect(await db.prisma.graduationAssessment.count({ where: { householdId: household.id } })).toBe(0);
  });
});

describe("another facilitator's household, assessment and proposal look like missing ones", () => {
  it("on every loader and action of the facilitator's routes; nothing is written", async () => {
    const owner = await userWith(["FACILITATOR"]);
    const intruder = await userWith(["FACILITATOR"]);
    const household = await createProgramHousehold(db.prisma, { facilitatorId: owner.id, regencyCode: "32.04" });
    const intruderHousehold = await createProgramHousehold(db.prisma, { facilitatorId: intruder.id, regencyCode: "32.04" });
    const draft = await createAssessmentRow(db.prisma, { householdId: household.id, assessorId: owner.id, submitted: false, month: lastMonth() });
    const submitted = await createAssessmentRow(db.prisma, { householdId: household.id, assessorId: owner.id, snapshot: snapshotFor({ month: lastMonth() }) });
    const before = await snapshotOf(household.id);
    const intruderBefore = await snapshotOf(intruderHousehold.id);

    expect((await load(newAssessment, newPath(household.id), owner.cookie, { householdId: household.id })).status).toBe(200);
    expect((await load(newAssessment, newPath(household.id), intruder.cookie, { householdId: household.id })).status).toBe(404);
    expect((await act(newAssessment, newPath(household.id), intruder.cookie, { householdId: household.id }, draftFields(lastMonth()))).status).toBe(404);
    for (const id of [draft.id, submitted.id]) {
      expect((await load(assessmentPage, assessmentPath(id), owner.cookie, { assessmentId: id })).status).toBe(200);
      expect((await load(assessmentPage, assessmentPath(id), intruder.cookie, { assessmentId: id })).status).toBe(404);
      const intents: Record<string, string>[] = [{ intent: "save", ...draftFields(lastMonth()) }, { intent: "submit" }, { intent: "delete" }, { intent: "propose", confirmNotReady: "yes" }];
      for (const fields of intents) {
        expect((await act(assessmentPage, assessmentPath(id), intruder.cookie, { assessmentId: id }, fields)).status, `${id} ${fields.intent}`).toBe(404);
      }
    }
    expect(await snapshotOf(household.id)).toEqual(before);
    expect(await snapshotOf(intruderHousehold.id)).toEqual(intruderBefore);
  });

  it("a verifier outside the household's area gets 404 on the proposal's page and decisions; the queue leaves it out", async () => {
    const facilitator = await userWith(["FACILITATOR"]);
    const household = await createProgramHousehold(db.prisma, { facilitatorId: facilitator.id, regencyCode: "32.04", status: "PROPOSED" });
    const assessment = await createAssessmentRow(db.prisma, { householdId: household.id, assessorId: facilitator.id });
    const proposal = await db.prisma.graduationProposal.create({ data: { householdId: household.id, assessmentId: assessment.id, proposedById: facilitator.id }, select: { id: true } });
    const before = await snapshotOf(household.id);
    for (const scope of ["53", "53.71", "32.01"]) {
      const outsider = await userWith(["VERIFIER"], scope);
      expect((await load(proposalPage, proposalPath(proposal.id), outsider.cookie, { proposalId: proposal.id })).status, scope).toBe(404);
      expect((await act(proposalPage, proposalPath(proposal.id), outsider.cookie, { proposalId: proposal.id }, { intent: "approve", confirm: "yes" })).status).toBe(404);
      expect((await act(proposalPage, proposalPath(proposal.id), outsider.cookie, { proposalId: proposal.id }, { intent: "return", reason: "Bukan wilayah saya sama sekali." })).status).toBe(404);
      const list = (await load(queue, "/verifikasi", outsider.cookie, {})).body as { pending: { id: string }[] };
      expect(list.pending.map((p) => p.id)).not.toContain(proposal.id);
    }
    expect(await snapshotOf(household.id)).toEqual(before);
    const inside = await userWith(["VERIFIER"], "32.04");
    expect((await load(proposalPage, proposalPath(proposal.id), inside.cookie, { proposalId: proposal.id })).status).toBe(200);
  });
});

describe("the verifier's evidence page", () => {
  it("lists the month's orders and refunds without the buyers, for the months of the series only, in the verifier's area only", async () => {
    const seller = await createSellerStore(db.prisma);
    const store = await db.prisma.store.findUniqueOrThrow({ where: { id: seller.storeId }, select: { household: { select: { id: true, facilitatorId: true } } } });
    const householdId = store.household!.id;
    await db.prisma.household.update({ where: { id: householdId }, data: { status: "PROPOSED" } });
    await createStoreOrder(db.prisma, seller.storeId, {
      status: "COMPLETED",
      placedAt: "2025-10-08T02:00:00Z",
      completedAt: "2025-10-10T05:00:00Z",
      lines: [{ quantity: 10, unitPriceIdr: 15_000, unitCostIdr: 9_000 }],
    });
    const assessment = await createAssessmentRow(db.prisma, { householdId, assessorId: store.household!.facilitatorId, snapshot: snapshotFor({ month: "2025-10" }) });
    const proposal = await db.prisma.graduationProposal.create({ data: { householdId, assessmentId: assessment.id, proposedById: store.household!.facilitatorId }, select: { id: true } });
    const path = (month: string) => `/verifikasi/${proposal.id}/bukti/${month}`;
    const verifier = await userWith(["VERIFIER"], "32");

    const page = await load(evidencePage, path("2025-10"), verifier.cookie, { proposalId: proposal.id, month: "2025-10" });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ month: { month: "2025-10", businessIncomeIdr: 60_000 }, lines: [{ kind: "SALE", revenueIdr: 150_000, costOfGoodsIdr: 90_000 }], next: null, previous: "2025-09" });
    const text = JSON.stringify(page.body);
    expect(text).not.toContain("Rahasia");
    expect(text).not.toContain("6281299998888");

    expect((await load(evidencePage, path("2024-11"), verifier.cookie, { proposalId: proposal.id, month: "2024-11" })).status).toBe(200);
    for (const month of ["2025-11", "2024-10", "bulan-lalu"]) {
      expect((await load(evidencePage, path(month), verifier.cookie, { proposalId: proposal.id, month })).status, month).toBe(404);
    }
    const outsider = await userWith(["VERIFIER"], "53");
    expect((await load(evidencePage, path("2025-10"), outsider.cookie, { proposalId: proposal.id, month: "2025-10" })).status).toBe(404);
    for (const roles of [["FACILITATOR"], ["SHOPPER"], ["SELLER"]] as Role[][]) {
      const user = await userWith(roles);
      expect((await load(evidencePage, path("2025-10"), user.cookie, { proposalId: proposal.id, month: "2025-10" })).status).toBe(403);
    }
  });
});

describe("roles", () => {
  it("shoppers, sellers and admins get 403 everywhere; facilitators 403 on the verifier's routes and verifiers on the facilitator's; visitors go to login", async () => {
    const facilitator = await userWith(["FACILITATOR"]);
    const household = await createProgramHousehold(db.prisma, { facilitatorId: facilitator.id, regencyCode: "32.04", status: "PROPOSED" });
    const assessment = await createAssessmentRow(db.prisma, { householdId: household.id, assessorId: facilitator.id });
    const proposal = await db.prisma.graduationProposal.create({ data: { householdId: household.id, assessmentId: assessment.id, proposedById: facilitator.id }, select: { id: true } });
    const verifier = await userWith(["VERIFIER"]);
    const before = await snapshotOf(household.id);

    type RouteCase = { route: Route; path: string; params: Record<string, string>; fields: Record<string, string> | null };
    const facilitatorRoutes: (() => RouteCase)[] = [
      () => ({ route: newAssessment, path: newPath(household.id), params: { householdId: household.id }, fields: draftFields(lastMonth()) }),
      () => ({ route: assessmentPage, path: assessmentPath(assessment.id), params: { assessmentId: assessment.id }, fields: { intent: "propose", confirmNotReady: "yes" } }),
    ];
    const verifierRoutes: (() => RouteCase)[] = [
      () => ({ route: queue, path: "/verifikasi", params: {}, fields: null }),
      () => ({ route: proposalPage, path: proposalPath(proposal.id), params: { proposalId: proposal.id }, fields: { intent: "approve", confirm: "yes" } }),
    ];
    const check = async (cookie: string | undefined, routes: typeof facilitatorRoutes, expected: number) => {
      for (const make of routes) {
        const { route, path, params, fields } = make();
        const loaded = await load(route, path, cookie, params);
        expect(loaded.status, path).toBe(expected);
        if (expected === 302) expect(loaded.location).toMatch(/^\/masuk\?redirectTo=/);
        if (fields && route.action) expect((await act({ action: route.action }, path, cookie, params, fields)).status, `${path} action`).toBe(expected);
      }
    };
    for (const roles of [["SHOPPER"], ["SELLER", "SHOPPER"], ["ADMIN"]] as Role[][]) {
      const user = await userWith(roles);
      await check(user.cookie, [...facilitatorRoutes, ...verifierRoutes], 403);
    }
    await check(facilitator.cookie, verifierRoutes, 403);
    await check(verifier.cookie, facilitatorRoutes, 403);
    await check(undefined, [...facilitatorRoutes, ...verifierRoutes], 302);
    expect(await snapshotOf(household.id)).toEqual(before);
  });
});
