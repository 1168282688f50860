import type { PrismaClient } from "~/generated/prisma/client";

/**
 * Demo coaching sessions (the MoU's training and technical guidance): each facilitator meets groups of
 * their households about once a month over the last six months. Deterministic: the dates come from the
 * reference date, the attendees from the households' order, the ids from a counter.
 */

const TOPICS = [
  { topic: "Menghitung harga pokok dan menentukan harga jual", notes: "Latihan memakai nota belanja bahan bulan lalu. Setiap keluarga menghitung modal satu produk." },
  { topic: "Memotret produk dengan HP", notes: "Cahaya dari jendela, latar polos, tiga sudut. Foto langsung diunggah ke toko bersama-sama." },
  { topic: "Mencatat pemasukan dan pengeluaran usaha", notes: "Buku kas sederhana: uang usaha dipisah dari uang dapur." },
  { topic: "Membalas pembeli lewat WhatsApp dan mengemas pesanan", notes: "Contoh balasan yang sopan; kemasan yang aman untuk keripik dan sambal." },
  { topic: "Kebersihan dan izin PIRT untuk produk pangan", notes: "Syarat PIRT dari dinas kesehatan; label dengan tanggal kedaluwarsa." },
  { topic: "Menabung dan mengenal KUR untuk usaha mikro", notes: "Laporan penjualan bulanan Pasar Mandiri bisa dibawa ke petugas bank." },
] as const;

/** Days before the reference date of each facilitator's sessions, oldest first (about monthly, six months). */
const DAYS_AGO = [170, 140, 108, 77, 45, 16] as const;
const DAY_MS = 86_400_000;

/** Cuid-shaped ids from a fixed prefix and a counter: the same ids on every run. */
function demoId(prefix: string, n: number): string {
  return `c${prefix}${String(n).padStart(22, "0")}`;
}

export async function seedCoachingSessions(
  prisma: PrismaClient,
  input: { referenceDate: Date; households: { id: string; facilitatorId: string }[] },
): Promise<{ sessions: number; attendance: number }> {
  const byFacilitator = new Map<string, string[]>();
  for (const h of input.households) byFacilitator.set(h.facilitatorId, [...(byFacilitator.get(h.facilitatorId) ?? []), h.id]);

  const sessions: { id: string; facilitatorId: string; heldOn: Date; topic: string; notes: string; createdAt: Date }[] = [];
  const attendance: { sessionId: string; householdId: string }[] = [];
  const audits: { actorId: string; action: string; subjectType: string; subjectId: string; details: string; createdAt: Date }[] = [];
  let counter = 0;
  // Facilitators in a fixed order (by id), so reruns give the same rows.
  for (const [facilitatorId, householdIds] of [...byFacilitator.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    DAYS_AGO.forEach((daysAgo, i) => {
      counter += 1;
      const spec = TOPICS[i % TOPICS.length]!;
      const day = new Date(input.referenceDate.getTime() - daysAgo * DAY_MS);
      // A session is held on a date; stored at 12:00 UTC, the same date in WIB, WITA and WIT (coaching.server.ts).
      const heldOn = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12));
      const id = demoId("oach", counter);
      // Most households come; one in turn stays home, so the attendance differs from session to session.
      const absent = householdIds.length > 2 ? householdIds[i % householdIds.length] : undefined;
      const attendees = householdIds.filter((h) => h !== absent);
      sessions.push({ id, facilitatorId, heldOn, topic: spec.topic, notes: spec.notes, createdAt: new Date(heldOn.getTime() + 6 * 3_600_000) });
      for (const householdId of attendees) attendance.push({ sessionId: id, householdId });
      audits.push({
        actorId: facilitatorId,
        action: "coaching.create",
        subjectType: "CoachingSession",
        subjectId: id,
        details: JSON.stringify({ heldOn: heldOn.toISOString().slice(0, 10), topic: spec.topic, householdIds: attendees }),
        createdAt: new Date(heldOn.getTime() + 6 * 3_600_000),
      });
    });
  }
  await prisma.$transaction([
    prisma.coachingSession.createMany({ data: sessions }),
    prisma.coachingAttendance.createMany({ data: attendance }),
    prisma.auditLog.createMany({ data: audits }),
  ]);
  return { sessions: sessions.length, attendance: attendance.length };
}
