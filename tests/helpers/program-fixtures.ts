import { randomBytes, randomUUID } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import type { AreaType, HouseholdStatus, Role } from "~/generated/prisma/enums";

/**
 * Program data made by hand for the dashboard and data-exchange tests: two provinces in different
 * time zones (Jawa Barat, WIB; Nusa Tenggara Timur, WITA), households with the statuses and dates a
 * test needs, and stores owned by a household or a KUBE group. Orders: tests/helpers/sales-fixtures.ts.
 */
export async function createProgramRegions(db: PrismaClient) {
  await db.region.createMany({
    data: [
      { code: "32", name: "Jawa Barat", level: "PROVINCE", timeZone: "Asia/Jakarta" },
      { code: "32.04", name: "Kabupaten Bandung", level: "REGENCY", parentCode: "32" },
      { code: "32.04.01", name: "Ciwidey", level: "DISTRICT", parentCode: "32.04" },
      { code: "32.73", name: "Kota Bandung", level: "REGENCY", parentCode: "32" },
      { code: "53", name: "Nusa Tenggara Timur", level: "PROVINCE", timeZone: "Asia/Makassar" },
      { code: "53.71", name: "Kota Kupang", level: "REGENCY", parentCode: "53" },
      { code: "53.10", name: "Kabupaten Sikka", level: "REGENCY", parentCode: "53" },
    ],
  });
}

export async function createProgramUser(db: PrismaClient, roles: Role[], scopeRegionCode: string | null = null) {
  return db.user.create({
    data: {
      email: `u-${randomBytes(6).toString("hex")}@test.id`,
      name: `Pengguna ${randomBytes(2).toString("hex")}`,
      scopeRegionCode,
      roles: { create: roles.map((role) => ({ role })) },
    },
    select: { id: true, email: true, name: true },
  });
}

export async function createProgramHousehold(
  db: PrismaClient,
  input: {
    facilitatorId: string;
    regencyCode: string;
    status?: HouseholdStatus;
    memberCount?: number;
    areaType?: AreaType;
    programRef?: string;
    enrolledAt?: string;
    proposedAt?: string | null;
    graduatedAt?: string | null;
  },
) {
  const tag = randomUUID().slice(0, 8);
  return db.household.create({
    data: {
      programRef: input.programRef ?? `PKH-${tag}`,
      headName: `Ibu Rahasia ${tag}`,
      memberCount: input.memberCount ?? 4,
      regencyCode: input.regencyCode,
      areaType: input.areaType ?? "RURAL",
      facilitatorId: input.facilitatorId,
      status: input.status ?? "ACTIVE",
      enrolledAt: new Date(input.enrolledAt ?? "2025-01-15T03:00:00Z"),
      proposedAt: input.proposedAt ? new Date(input.proposedAt) : null,
      graduatedAt: input.graduatedAt ? new Date(input.graduatedAt) : null,
    },
    select: { id: true, programRef: true, headName: true, regencyCode: true },
  });
}

/** A store of a household or of a KUBE group, with a WhatsApp number the exports must never carry. */
export async function createProgramStore(db: PrismaClient, owner: { householdId: string } | { kubeGroupId: string }, regencyCode: string) {
  const tag = randomUUID().slice(0, 8);
  return db.store.create({
    data: {
      slug: `toko-${tag}`,
      name: `Toko ${tag}`,
      description: "Usaha keluarga",
      regencyCode,
      whatsapp: "6281277776666",
      ...owner,
    },
    select: { id: true, slug: true },
  });
}

export async function createKube(db: PrismaClient, input: { facilitatorId: string; regencyCode: string; members: { householdId: string; shareBasisPoints: number }[] }) {
  return db.kubeGroup.create({
    data: {
      name: `KUBE ${randomUUID().slice(0, 6)}`,
      regencyCode: input.regencyCode,
      facilitatorId: input.facilitatorId,
      members: { create: input.members },
    },
    select: { id: true },
  });
}
