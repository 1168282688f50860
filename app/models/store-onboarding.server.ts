/**
 * A facilitator opens the store of a household or of a KUBE group they coach. The store starts ACTIVE
 * (without products it shows nothing to buyers yet); its seller accounts are made afterwards with
 * createManagedAccount, and seller accounts that already exist for the owner join it here.
 * Ownership is in every query's where clause: another facilitator's household or group is "not found".
 */
import type { Prisma } from "~/generated/prisma/client";
import type { PrismaClient } from "~/utils/db.server";
import { slugify } from "~/utils/slug";
import { recordAudit } from "./audit.server";

export class StoreOnboardingError extends Error {
  constructor(public readonly code: "not_found" | "already_has_store" | "unknown_regency") {
    super(code);
    this.name = "StoreOnboardingError";
  }
}

export type NewStoreInput = { name: string; description: string; whatsapp: string; regencyCode: string };
export type StoreOwner = { householdId: string } | { kubeGroupId: string };

/** The first free store address for a name: "warung-bu-enah", then "warung-bu-enah-2", … */
async function freeSlug(tx: Prisma.TransactionClient, name: string): Promise<string> {
  const base = slugify(name).slice(0, 70).replace(/-+$/g, "") || "toko";
  const taken = new Set(
    (await tx.store.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((s) => s.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Creates the one store of a household (or of a KUBE group) coached by `facilitatorId`. A second one
 * is refused: a household's income is read from its store, and one store keeps that plain.
 */
export async function createOwnedStore(
  db: PrismaClient,
  input: { facilitatorId: string; owner: StoreOwner; store: NewStoreInput },
): Promise<{ id: string; slug: string }> {
  return db.$transaction(async (tx) => {
    let memberIds: string[];
    if ("householdId" in input.owner) {
      const household = await tx.household.findFirst({
        where: { id: input.owner.householdId, facilitatorId: input.facilitatorId },
        select: { id: true, _count: { select: { stores: true } }, accounts: { where: { roles: { some: { role: "SELLER" } } }, select: { id: true } } },
      });
      if (!household) throw new StoreOnboardingError("not_found");
      if (household._count.stores > 0) throw new StoreOnboardingError("already_has_store");
      memberIds = household.accounts.map((a) => a.id);
    } else {
      const group = await tx.kubeGroup.findFirst({
        where: { id: input.owner.kubeGroupId, facilitatorId: input.facilitatorId },
        select: {
          id: true,
          _count: { select: { stores: true } },
          members: { select: { household: { select: { accounts: { where: { roles: { some: { role: "SELLER" } } }, select: { id: true } } } } } },
        },
      });
      if (!group) throw new StoreOnboardingError("not_found");
      if (group._count.stores > 0) throw new StoreOnboardingError("already_has_store");
      memberIds = group.members.flatMap((m) => m.household.accounts.map((a) => a.id));
    }
    const regency = await tx.region.findFirst({ where: { code: input.store.regencyCode, level: "REGENCY" }, select: { code: true } });
    if (!regency) throw new StoreOnboardingError("unknown_regency");

    const slug = await freeSlug(tx, input.store.name);
    const store = await tx.store.create({
      data: {
        slug,
        name: input.store.name,
        description: input.store.description,
        whatsapp: input.store.whatsapp,
        regencyCode: regency.code,
        status: "ACTIVE",
        ...input.owner,
      },
      select: { id: true, slug: true },
    });
    if (memberIds.length > 0) {
      await tx.storeMember.createMany({ data: [...new Set(memberIds)].map((userId) => ({ storeId: store.id, userId })) });
    }
    await recordAudit(tx, {
      actorId: input.facilitatorId,
      action: "store.create",
      subjectType: "Store",
      subjectId: store.id,
      details: { slug, name: input.store.name, regencyCode: regency.code, ...input.owner, members: memberIds.length },
    });
    return store;
  });
}
