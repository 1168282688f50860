/**
 * The coaching log: the training and technical guidance (pendampingan) the MoU asks facilitators to
 * give, one session at a time, with the households that attended.
 *
 * A session happens on a calendar date, not at an instant. It is stored at 12:00 UTC of that date,
 * which is the same date in WIB, WITA and WIT (19:00, 20:00, 21:00), so every household's page shows
 * the date that was typed whatever its time zone.
 */
import { z } from "zod";
import type { PrismaClient } from "~/utils/db.server";
import { localDateOf, type LocalDate } from "~/utils/dates";
import { recordAudit } from "./audit.server";
import { containsNik } from "./household-rules";

/** Indonesia's easternmost zone: a date that is today anywhere in the country is not in the future. */
const LATEST_ZONE = "Asia/Jayapura";

export function coachingInstant(date: LocalDate): Date {
  return new Date(`${date}T12:00:00.000Z`);
}

export function coachingDateOf(heldOn: Date): LocalDate {
  return heldOn.toISOString().slice(0, 10);
}

export const newCoachingSchema = z.object({
  heldOn: z
    .string({ error: "households.errorCoachingDate" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "households.errorCoachingDate")
    .refine((value) => !Number.isNaN(coachingInstant(value).getTime()) && coachingDateOf(coachingInstant(value)) === value, "households.errorCoachingDate"),
  topic: z
    .string({ error: "households.errorTopic" })
    .trim()
    .min(3, "households.errorTopic")
    .max(120, "households.errorTopic")
    .refine((text) => !containsNik(text), "households.errorNikText"),
  notes: z
    .string()
    .transform((text) => text.replace(/\r\n?/g, "\n"))
    .pipe(z.string().trim().max(2000, "households.errorNotes").refine((text) => !containsNik(text), "households.errorNikText"))
    .optional(),
  householdIds: z
    .array(z.string().min(1).max(64), { error: "households.errorAttendees" })
    .min(1, "households.errorAttendees")
    .max(500, "households.errorAttendees"),
});
export type NewCoachingForm = z.input<typeof newCoachingSchema>;

export class CoachingError extends Error {
  constructor(public readonly code: "future_date" | "household_not_available") {
    super(code);
    this.name = "CoachingError";
  }
}

/** Records a session attended by some of this facilitator's households (only theirs, at least one). */
export async function createCoachingSession(
  db: PrismaClient,
  input: { facilitatorId: string; heldOn: LocalDate; topic: string; notes?: string | null; householdIds: string[]; now?: Date },
): Promise<{ id: string }> {
  const now = input.now ?? new Date();
  if (input.heldOn > localDateOf(now, LATEST_ZONE)) throw new CoachingError("future_date");
  const householdIds = [...new Set(input.householdIds)];
  if (householdIds.length === 0) throw new CoachingError("household_not_available");
  return db.$transaction(async (tx) => {
    const found = await tx.household.count({ where: { id: { in: householdIds }, facilitatorId: input.facilitatorId } });
    if (found !== householdIds.length) throw new CoachingError("household_not_available");
    const session = await tx.coachingSession.create({
      data: {
        facilitatorId: input.facilitatorId,
        heldOn: coachingInstant(input.heldOn),
        topic: input.topic,
        notes: input.notes?.trim() ? input.notes.trim() : null,
        createdAt: now,
        attendance: { create: householdIds.map((householdId) => ({ householdId })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.facilitatorId,
      action: "coaching.create",
      subjectType: "CoachingSession",
      subjectId: session.id,
      details: { heldOn: input.heldOn, topic: input.topic, householdIds },
    });
    return session;
  });
}

export const COACHING_PAGE_SIZE = 50;

/** A facilitator's sessions, newest first, page by page. */
export async function listCoachingSessions(db: PrismaClient, facilitatorId: string, page = 1) {
  const [total, sessions] = await Promise.all([
    db.coachingSession.count({ where: { facilitatorId } }),
    db.coachingSession.findMany({
      where: { facilitatorId },
      select: {
        id: true,
        heldOn: true,
        topic: true,
        notes: true,
        _count: { select: { attendance: true } },
        attendance: { select: { household: { select: { id: true, headName: true } } }, take: 5 },
      },
      orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
      skip: (page - 1) * COACHING_PAGE_SIZE,
      take: COACHING_PAGE_SIZE,
    }),
  ]);
  return { total, pageCount: Math.max(1, Math.ceil(total / COACHING_PAGE_SIZE)), sessions };
}

/** The sessions one household attended, newest first. The caller has checked the household is theirs. */
export function householdCoaching(db: PrismaClient, householdId: string) {
  return db.coachingSession.findMany({
    where: { attendance: { some: { householdId } } },
    select: { id: true, heldOn: true, topic: true, notes: true, facilitator: { select: { name: true } } },
    orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
  });
}
