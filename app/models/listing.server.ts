import { randomBytes } from "node:crypto";
import type { ProductStatus } from "~/generated/prisma/enums";
import type { PrismaClient } from "~/utils/db.server";
import { slugify } from "~/utils/slug";
import { recordAudit } from "./audit.server";

export type VariantInput = { id?: string; name: string; priceIdr: number; costIdr: number; weightGrams: number; stock?: number };

export type ListingInput = {
  title: string;
  categoryId: string;
  description: string;
  status: ProductStatus;
  variants: VariantInput[];
  /** The seller has seen that a price is below its cost of goods and wants it anyway. */
  confirmBelowCost: boolean;
};

export class ListingError extends Error {
  constructor(public readonly code: "not_found" | "no_variants" | "below_cost" | "unknown_category" | "unknown_variant" | "variant_sold") {
    super(code);
    this.name = "ListingError";
  }
}

function check(input: ListingInput) {
  if (input.variants.length === 0) throw new ListingError("no_variants");
  if (!input.confirmBelowCost && input.variants.some((v) => v.priceIdr < v.costIdr)) throw new ListingError("below_cost");
}

async function uniqueSlug(db: PrismaClient, title: string): Promise<string> {
  const base = slugify(title);
  const taken = await db.product.findUnique({ where: { slug: base }, select: { id: true } });
  return taken ? `${base}-${randomBytes(3).toString("hex")}` : base;
}

/** A new product in one of the seller's stores, with its variants and their opening stock (kept as history). */
export async function createListing(db: PrismaClient, input: { userId: string; storeId: string; listing: ListingInput; now?: Date }) {
  check(input.listing);
  const now = input.now ?? new Date();
  const slug = await uniqueSlug(db, input.listing.title);
  return db.$transaction(async (tx) => {
    const store = await tx.store.findFirst({ where: { id: input.storeId, members: { some: { userId: input.userId } } }, select: { id: true } });
    if (!store) throw new ListingError("not_found");
    const category = await tx.category.findUnique({ where: { id: input.listing.categoryId }, select: { id: true } });
    if (!category) throw new ListingError("unknown_category");
    const product = await tx.product.create({
      data: {
        storeId: store.id,
        categoryId: category.id,
        title: input.listing.title,
        slug,
        description: input.listing.description,
        status: input.listing.status,
        publishedAt: input.listing.status === "ACTIVE" ? now : null,
        variants: {
          create: input.listing.variants.map((v, position) => ({
            name: v.name,
            priceIdr: v.priceIdr,
            costIdr: v.costIdr,
            weightGrams: v.weightGrams,
            stock: v.stock ?? 0,
            position,
          })),
        },
      },
      select: { id: true, slug: true, variants: { select: { id: true, stock: true } } },
    });
    const opening = product.variants.filter((v) => v.stock > 0);
    if (opening.length > 0) {
      await tx.stockMovement.createMany({
        data: opening.map((v) => ({ variantId: v.id, delta: v.stock, reason: "INITIAL" as const, actorId: input.userId, createdAt: now })),
      });
    }
    await recordAudit(tx, { actorId: input.userId, action: "product.create", subjectType: "Product", subjectId: product.id, details: { status: input.listing.status } });
    return { id: product.id, slug: product.slug };
  });
}

/**
 * Edits a product of the seller's: text, category, status and variants (existing ones changed in
 * place, new ones added with opening stock). Stock of existing variants changes only on the stock
 * page, where it is kept as history.
 */
export async function updateListing(db: PrismaClient, input: { userId: string; productId: string; listing: ListingInput; now?: Date }) {
  check(input.listing);
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const product = await tx.product.findFirst({
      where: { id: input.productId, store: { members: { some: { userId: input.userId } } } },
      select: { id: true, publishedAt: true, variants: { select: { id: true } } },
    });
    if (!product) throw new ListingError("not_found");
    const category = await tx.category.findUnique({ where: { id: input.listing.categoryId }, select: { id: true } });
    if (!category) throw new ListingError("unknown_category");
    const own = new Set(product.variants.map((v) => v.id));
    if (input.listing.variants.some((v) => v.id && !own.has(v.id))) throw new ListingError("unknown_variant");

    await tx.product.update({
      where: { id: product.id },
      data: {
        title: input.listing.title,
        categoryId: category.id,
        description: input.listing.description,
        status: input.listing.status,
        publishedAt: input.listing.status === "ACTIVE" ? (product.publishedAt ?? now) : product.publishedAt,
      },
      select: { id: true },
    });
    let position = 0;
    for (const variant of input.listing.variants) {
      const fields = { name: variant.name, priceIdr: variant.priceIdr, costIdr: variant.costIdr, weightGrams: variant.weightGrams, position: position++ };
      if (variant.id) {
        await tx.productVariant.update({ where: { id: variant.id }, data: fields, select: { id: true } });
      } else {
        const created = await tx.productVariant.create({ data: { ...fields, productId: product.id, stock: variant.stock ?? 0 }, select: { id: true, stock: true } });
        if (created.stock > 0) {
          await tx.stockMovement.create({ data: { variantId: created.id, delta: created.stock, reason: "INITIAL", actorId: input.userId, createdAt: now }, select: { id: true } });
        }
      }
    }
    await recordAudit(tx, { actorId: input.userId, action: "product.update", subjectType: "Product", subjectId: product.id, details: { status: input.listing.status } });
    return { id: product.id };
  });
}

/**
 * Removes a variant made by mistake. A variant that was ever ordered keeps its history (orders, stock
 * movements) and cannot be removed: the seller empties its stock instead. A product keeps at least one.
 */
export async function removeVariant(db: PrismaClient, input: { userId: string; productId: string; variantId: string }) {
  return db.$transaction(async (tx) => {
    const variant = await tx.productVariant.findFirst({
      where: { id: input.variantId, productId: input.productId, product: { store: { members: { some: { userId: input.userId } } } } },
      select: { id: true, name: true, stock: true, productId: true },
    });
    if (!variant) throw new ListingError("not_found");
    const siblings = await tx.productVariant.count({ where: { productId: variant.productId } });
    if (siblings <= 1) throw new ListingError("no_variants");
    if ((await tx.orderItem.count({ where: { variantId: variant.id } })) > 0) throw new ListingError("variant_sold");
    // Its stock movements and any cart lines go with it (cascade); the audit log keeps what was removed.
    await tx.productVariant.delete({ where: { id: variant.id }, select: { id: true } });
    await recordAudit(tx, {
      actorId: input.userId,
      action: "product.variant.remove",
      subjectType: "Product",
      subjectId: variant.productId,
      details: { variantId: variant.id, name: variant.name, stock: variant.stock },
    });
    return { productId: variant.productId };
  });
}

/** What the editor shows for a product of the seller's; null when it is not theirs. */
export function getListingForSeller(db: PrismaClient, userId: string, productId: string) {
  return db.product.findFirst({
    where: { id: productId, store: { members: { some: { userId } } } },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      status: true,
      categoryId: true,
      variants: { select: { id: true, name: true, priceIdr: true, costIdr: true, weightGrams: true, stock: true }, orderBy: { position: "asc" } },
    },
  });
}
