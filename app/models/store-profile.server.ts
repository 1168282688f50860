/**
 * A store's own settings, edited by its sellers: public profile, pickup regency, payout bank account
 * and shipping rate table.
 *
 * Who may edit: every member of the store (StoreMember). Members have no roles of their own, and each
 * member already lists products and handles orders for the store, so the profile is theirs as well. A
 * KUBE group's store is run by several households; every change is kept in the audit log with who made
 * it (for the payout account, the bank and only the last digits of the account numbers).
 * Ownership is always in the query's where clause: another store looks exactly like a missing one.
 */
import { Prisma } from "~/generated/prisma/client";
import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

export class StoreProfileError extends Error {
  constructor(public readonly code: "not_found" | "unknown_regency" | "unknown_province" | "duplicate_province" | "rate_not_found") {
    super(code);
    this.name = "StoreProfileError";
  }
}

/** The store, if this user is one of its members. */
export function memberStoreWhere(userId: string, storeId: string) {
  return { id: storeId, members: { some: { userId } } } satisfies Prisma.StoreWhereInput;
}

const settingsSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  story: true,
  whatsapp: true,
  status: true,
  payoutBankName: true,
  payoutAccountNumber: true,
  payoutAccountHolder: true,
  regency: { select: { code: true, name: true, parent: { select: { code: true, name: true } } } },
  shippingRates: {
    select: { id: true, provinceCode: true, firstKgIdr: true, additionalKgIdr: true, estimatedDays: true, province: { select: { name: true } } },
    orderBy: { provinceCode: "asc" },
  },
} satisfies Prisma.StoreSelect;

/**
 * Everything the store settings page shows, or null when the user is not a member. `unshippedProvinces`
 * are the provinces without a rate: checkout refuses buyers there (see quoteCart in checkout.server.ts).
 */
export async function getStoreSettings(db: PrismaClient, userId: string, storeId: string) {
  const [store, unshippedProvinces] = await Promise.all([
    db.store.findFirst({ where: memberStoreWhere(userId, storeId), select: settingsSelect }),
    db.region.findMany({
      where: { level: "PROVINCE", shippingRates: { none: { storeId } } },
      select: { code: true, name: true },
      orderBy: { code: "asc" },
    }),
  ]);
  if (!store) return null;
  return { ...store, unshippedProvinces };
}
export type StoreSettings = NonNullable<Awaited<ReturnType<typeof getStoreSettings>>>;

/** Just whether the user may edit this store (a member), for a guard before anything else is read. */
export async function isStoreMember(db: PrismaClient, userId: string, storeId: string): Promise<boolean> {
  return (await db.store.count({ where: memberStoreWhere(userId, storeId) })) > 0;
}

type Actor = { userId: string; storeId: string };

export type StoreProfileInput = { name: string; description: string; story?: string | null; whatsapp: string };

/**
 * The public profile. The slug never changes with the name, so shared links keep working.
 * Returns whether what the search index shows (the store's name) changed.
 */
export async function updateStoreProfile(db: PrismaClient, input: Actor & { profile: StoreProfileInput }): Promise<{ searchChanged: boolean }> {
  const story = input.profile.story?.trim() ? input.profile.story : null;
  return db.$transaction(async (tx) => {
    const before = await tx.store.findFirst({
      where: memberStoreWhere(input.userId, input.storeId),
      select: { id: true, name: true, description: true, story: true, whatsapp: true },
    });
    if (!before) throw new StoreProfileError("not_found");
    const after = { name: input.profile.name, description: input.profile.description, story, whatsapp: input.profile.whatsapp };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((key) => before[key] !== after[key]);
    if (changed.length === 0) return { searchChanged: false };
    await tx.store.update({ where: { id: before.id }, data: after, select: { id: true } });
    await recordAudit(tx, {
      actorId: input.userId,
      action: "store.profile.update",
      subjectType: "Store",
      subjectId: before.id,
      details: {
        changed,
        ...(changed.includes("name") ? { name: { from: before.name, to: after.name } } : {}),
        ...(changed.includes("whatsapp") ? { whatsapp: { from: before.whatsapp, to: after.whatsapp } } : {}),
      },
    });
    return { searchChanged: changed.includes("name") };
  });
}

/** Where couriers pick parcels up. The search index shows the store's regency and province. */
export async function updateStoreRegency(db: PrismaClient, input: Actor & { regencyCode: string }): Promise<{ searchChanged: boolean }> {
  return db.$transaction(async (tx) => {
    const [before, regency] = await Promise.all([
      tx.store.findFirst({ where: memberStoreWhere(input.userId, input.storeId), select: { id: true, regencyCode: true } }),
      tx.region.findFirst({ where: { code: input.regencyCode, level: "REGENCY" }, select: { code: true } }),
    ]);
    if (!before) throw new StoreProfileError("not_found");
    if (!regency) throw new StoreProfileError("unknown_regency");
    if (before.regencyCode === regency.code) return { searchChanged: false };
    await tx.store.update({ where: { id: before.id }, data: { regencyCode: regency.code }, select: { id: true } });
    await recordAudit(tx, {
      actorId: input.userId,
      action: "store.regency.update",
      subjectType: "Store",
      subjectId: before.id,
      details: { from: before.regencyCode, to: regency.code },
    });
    return { searchChanged: true };
  });
}

export type PayoutAccountInput = { payoutBankName: string; payoutAccountNumber: string; payoutAccountHolder: string };

/** "••••6789": enough to recognise an account in the audit log without copying it there. */
function lastDigits(accountNumber: string | null): string | null {
  return accountNumber ? `••••${accountNumber.slice(-4)}` : null;
}

/** The account the platform pays this store's earnings into. */
export async function updatePayoutAccount(db: PrismaClient, input: Actor & { account: PayoutAccountInput }): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.store.findFirst({
      where: memberStoreWhere(input.userId, input.storeId),
      select: { id: true, payoutBankName: true, payoutAccountNumber: true, payoutAccountHolder: true },
    });
    if (!before) throw new StoreProfileError("not_found");
    // Only these three columns, whatever else the caller's object carries.
    const account = {
      payoutBankName: input.account.payoutBankName,
      payoutAccountNumber: input.account.payoutAccountNumber,
      payoutAccountHolder: input.account.payoutAccountHolder,
    };
    if (
      before.payoutBankName === account.payoutBankName &&
      before.payoutAccountNumber === account.payoutAccountNumber &&
      before.payoutAccountHolder === account.payoutAccountHolder
    ) {
      return;
    }
    await tx.store.update({ where: { id: before.id }, data: account, select: { id: true } });
    await recordAudit(tx, {
      actorId: input.userId,
      action: "store.payout-account.update",
      subjectType: "Store",
      subjectId: before.id,
      details: {
        bank: { from: before.payoutBankName, to: account.payoutBankName },
        account: { from: lastDigits(before.payoutAccountNumber), to: lastDigits(account.payoutAccountNumber) },
        holder: { from: before.payoutAccountHolder, to: account.payoutAccountHolder },
      },
    });
  });
}

export type ShippingRateInput = { firstKgIdr: number; additionalKgIdr: number; estimatedDays?: number | null };

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** A rate to a province the store has none for yet; a second row for one province is refused. */
export async function addShippingRate(db: PrismaClient, input: Actor & { provinceCode: string; rate: ShippingRateInput }): Promise<{ rateId: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const [store, province] = await Promise.all([
        tx.store.findFirst({
          where: memberStoreWhere(input.userId, input.storeId),
          select: { id: true, shippingRates: { where: { provinceCode: input.provinceCode }, select: { id: true } } },
        }),
        tx.region.findFirst({ where: { code: input.provinceCode, level: "PROVINCE" }, select: { code: true } }),
      ]);
      if (!store) throw new StoreProfileError("not_found");
      if (!province) throw new StoreProfileError("unknown_province");
      if (store.shippingRates.length > 0) throw new StoreProfileError("duplicate_province");
      const rate = { firstKgIdr: input.rate.firstKgIdr, additionalKgIdr: input.rate.additionalKgIdr, estimatedDays: input.rate.estimatedDays ?? null };
      const created = await tx.shippingRate.create({ data: { storeId: store.id, provinceCode: province.code, ...rate }, select: { id: true } });
      await recordAudit(tx, {
        actorId: input.userId,
        action: "store.shipping-rate.create",
        subjectType: "Store",
        subjectId: store.id,
        details: { provinceCode: province.code, ...rate },
      });
      return { rateId: created.id };
    });
  } catch (error) {
    // Two submissions at once: the unique (store, province) index refuses the second.
    if (isUniqueViolation(error)) throw new StoreProfileError("duplicate_province");
    throw error;
  }
}

function memberRateWhere(input: Actor & { rateId: string }) {
  return { id: input.rateId, storeId: input.storeId, store: { members: { some: { userId: input.userId } } } } satisfies Prisma.ShippingRateWhereInput;
}

export async function updateShippingRate(db: PrismaClient, input: Actor & { rateId: string; rate: ShippingRateInput }): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.shippingRate.findFirst({
      where: memberRateWhere(input),
      select: { id: true, provinceCode: true, firstKgIdr: true, additionalKgIdr: true, estimatedDays: true },
    });
    if (!before) throw new StoreProfileError("rate_not_found");
    const after = { firstKgIdr: input.rate.firstKgIdr, additionalKgIdr: input.rate.additionalKgIdr, estimatedDays: input.rate.estimatedDays ?? null };
    if (before.firstKgIdr === after.firstKgIdr && before.additionalKgIdr === after.additionalKgIdr && before.estimatedDays === after.estimatedDays) return;
    await tx.shippingRate.update({ where: { id: before.id }, data: after, select: { id: true } });
    await recordAudit(tx, {
      actorId: input.userId,
      action: "store.shipping-rate.update",
      subjectType: "Store",
      subjectId: input.storeId,
      details: {
        provinceCode: before.provinceCode,
        from: { firstKgIdr: before.firstKgIdr, additionalKgIdr: before.additionalKgIdr, estimatedDays: before.estimatedDays },
        to: after,
      },
    });
  });
}

/** Buyers in that province can no longer order from the store (checkout treats it as not shipped there). */
export async function removeShippingRate(db: PrismaClient, input: Actor & { rateId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.shippingRate.findFirst({
      where: memberRateWhere(input),
      select: { id: true, provinceCode: true, firstKgIdr: true, additionalKgIdr: true, estimatedDays: true },
    });
    if (!before) throw new StoreProfileError("rate_not_found");
    await tx.shippingRate.delete({ where: { id: before.id }, select: { id: true } });
    await recordAudit(tx, {
      actorId: input.userId,
      action: "store.shipping-rate.delete",
      subjectType: "Store",
      subjectId: input.storeId,
      details: { provinceCode: before.provinceCode, firstKgIdr: before.firstKgIdr, additionalKgIdr: before.additionalKgIdr, estimatedDays: before.estimatedDays },
    });
  });
}
