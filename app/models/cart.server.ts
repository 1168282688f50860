import type { Prisma } from "~/generated/prisma/client";
import type { PrismaClient } from "~/utils/db.server";
import { MAX_LINE_QUANTITY } from "./cart-rules";
import { visibleProductWhere } from "./catalog.server";

export type CartProblem =
  | { kind: "unavailable" }
  | { kind: "out_of_stock" }
  | { kind: "not_enough_stock"; available: number }
  | { kind: "price_changed"; fromIdr: number; toIdr: number };

export class CartError extends Error {
  constructor(
    public readonly code: "variant_not_found" | "item_not_found" | "out_of_stock" | "not_enough_stock",
    public readonly available = 0,
  ) {
    super(code);
    this.name = "CartError";
  }
}

type Db = PrismaClient | Prisma.TransactionClient;

/** The user's cart, created on first use. */
export async function getOrCreateUserCart(db: Db, userId: string): Promise<string> {
  const cart = await db.cart.upsert({ where: { userId }, create: { userId }, update: {}, select: { id: true } });
  return cart.id;
}

export async function createGuestCart(db: Db): Promise<string> {
  const cart = await db.cart.create({ data: {}, select: { id: true } });
  return cart.id;
}

/** A guest cart id from a cookie is used only while it exists and belongs to no account. */
export async function findGuestCart(db: Db, cartId: string): Promise<string | null> {
  const cart = await db.cart.findFirst({ where: { id: cartId, userId: null }, select: { id: true } });
  return cart?.id ?? null;
}

export async function findUserCart(db: Db, userId: string): Promise<string | null> {
  const cart = await db.cart.findUnique({ where: { userId }, select: { id: true } });
  return cart?.id ?? null;
}

/** Puts a variant in the cart (or adds to its line). Refuses what cannot be sold now. */
export async function addToCart(db: PrismaClient, cartId: string, variantId: string, quantity: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const variant = await tx.productVariant.findFirst({
      where: { id: variantId, product: visibleProductWhere },
      select: { id: true, priceIdr: true, stock: true },
    });
    if (!variant) throw new CartError("variant_not_found");
    if (variant.stock <= 0) throw new CartError("out_of_stock");
    const existing = await tx.cartItem.findUnique({
      where: { cartId_variantId: { cartId, variantId } },
      select: { quantity: true },
    });
    const already = existing?.quantity ?? 0;
    const limit = Math.min(variant.stock, MAX_LINE_QUANTITY);
    // "At most N" tells how many more fit, next to what is already in the cart.
    if (already + quantity > limit) throw new CartError("not_enough_stock", Math.max(0, limit - already));
    const wanted = already + quantity;
    await tx.cartItem.upsert({
      where: { cartId_variantId: { cartId, variantId } },
      create: { cartId, variantId, quantity: wanted, unitPriceIdr: variant.priceIdr },
      update: { quantity: wanted, unitPriceIdr: variant.priceIdr },
      select: { id: true },
    });
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() }, select: { id: true } });
  });
}

/** Changes a line's quantity. The line must be in this cart: the cart id is part of the where clause. */
export async function setCartItemQuantity(db: PrismaClient, cartId: string, itemId: string, quantity: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const item = await tx.cartItem.findFirst({
      where: { id: itemId, cartId },
      select: { variant: { select: { stock: true } } },
    });
    if (!item) throw new CartError("item_not_found");
    const limit = Math.min(item.variant.stock, MAX_LINE_QUANTITY);
    if (limit <= 0) throw new CartError("out_of_stock");
    if (quantity > limit) throw new CartError("not_enough_stock", limit);
    await tx.cartItem.update({ where: { id: itemId }, data: { quantity }, select: { id: true } });
    // Keeps the cart alive for housekeeping, which deletes guest carts untouched for 30 days.
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() }, select: { id: true } });
  });
}

export async function removeCartItem(db: PrismaClient, cartId: string, itemId: string): Promise<void> {
  const { count } = await db.cartItem.deleteMany({ where: { id: itemId, cartId } });
  if (count === 0) throw new CartError("item_not_found");
}

export async function countCartUnits(db: Db, cartId: string): Promise<number> {
  const result = await db.cartItem.aggregate({ where: { cartId }, _sum: { quantity: true } });
  return result._sum.quantity ?? 0;
}

const cartItemSelect = {
  id: true,
  quantity: true,
  unitPriceIdr: true,
  variant: {
    select: {
      id: true,
      name: true,
      priceIdr: true,
      stock: true,
      weightGrams: true,
      product: {
        select: {
          title: true,
          slug: true,
          status: true,
          images: {
            select: { storageKey: true, width: true, height: true, alt: true, placeholder: true },
            orderBy: { position: "asc" },
            take: 1,
          },
          store: { select: { id: true, slug: true, name: true, status: true, regencyCode: true } },
        },
      },
    },
  },
} satisfies Prisma.CartItemSelect;

export type CartLine = {
  id: string;
  variantId: string;
  productTitle: string;
  productSlug: string;
  variantName: string;
  quantity: number;
  unitPriceIdr: number;
  lineTotalIdr: number;
  weightGrams: number;
  stock: number;
  image: { storageKey: string; width: number; height: number; alt: string; placeholder: string } | null;
  problem: CartProblem | null;
};

export type CartStoreGroup = {
  store: { id: string; slug: string; name: string };
  lines: CartLine[];
  subtotalIdr: number;
  weightGrams: number;
};

export type CartView = { cartId: string; groups: CartStoreGroup[]; subtotalIdr: number; units: number; hasProblems: boolean };

function problemOf(item: Prisma.CartItemGetPayload<{ select: typeof cartItemSelect }>): CartProblem | null {
  const { variant } = item;
  if (variant.product.status !== "ACTIVE" || variant.product.store.status !== "ACTIVE") return { kind: "unavailable" };
  if (variant.stock <= 0) return { kind: "out_of_stock" };
  if (item.quantity > variant.stock) return { kind: "not_enough_stock", available: variant.stock };
  if (item.unitPriceIdr !== variant.priceIdr) return { kind: "price_changed", fromIdr: item.unitPriceIdr, toIdr: variant.priceIdr };
  return null;
}

/**
 * The cart as the shopper should see it now: current prices, lines grouped by store, and every
 * line that changed since it was added (price, stock, no longer sold) marked with its problem.
 */
export async function getCartView(db: Db, cartId: string): Promise<CartView> {
  const items = await db.cartItem.findMany({ where: { cartId }, select: cartItemSelect, orderBy: { addedAt: "asc" } });
  const groups = new Map<string, CartStoreGroup>();
  for (const item of items) {
    const { variant } = item;
    const store = variant.product.store;
    const line: CartLine = {
      id: item.id,
      variantId: variant.id,
      productTitle: variant.product.title,
      productSlug: variant.product.slug,
      variantName: variant.name,
      quantity: item.quantity,
      unitPriceIdr: variant.priceIdr,
      lineTotalIdr: variant.priceIdr * item.quantity,
      weightGrams: variant.weightGrams * item.quantity,
      stock: variant.stock,
      image: variant.product.images[0] ?? null,
      problem: problemOf(item),
    };
    let group = groups.get(store.id);
    if (!group) {
      group = { store: { id: store.id, slug: store.slug, name: store.name }, lines: [], subtotalIdr: 0, weightGrams: 0 };
      groups.set(store.id, group);
    }
    group.lines.push(line);
    group.subtotalIdr += line.lineTotalIdr;
    group.weightGrams += line.weightGrams;
  }
  const list = [...groups.values()];
  return {
    cartId,
    groups: list,
    subtotalIdr: list.reduce((sum, g) => sum + g.subtotalIdr, 0),
    units: items.reduce((sum, i) => sum + i.quantity, 0),
    hasProblems: list.some((g) => g.lines.some((l) => l.problem !== null)),
  };
}

/**
 * After the shopper has been shown the changes: remember the current prices and trim lines to the
 * stock there is. Lines that can no longer be bought stay, marked, until the shopper removes them.
 */
export async function acknowledgeCartChanges(db: PrismaClient, view: CartView): Promise<void> {
  const updates: Promise<unknown>[] = [];
  for (const line of view.groups.flatMap((g) => g.lines)) {
    if (line.problem?.kind === "price_changed") {
      updates.push(db.cartItem.updateMany({ where: { id: line.id, cartId: view.cartId }, data: { unitPriceIdr: line.problem.toIdr } }));
    } else if (line.problem?.kind === "not_enough_stock" && line.problem.available > 0) {
      updates.push(
        db.cartItem.updateMany({
          where: { id: line.id, cartId: view.cartId },
          data: { quantity: Math.min(line.problem.available, MAX_LINE_QUANTITY), unitPriceIdr: line.unitPriceIdr },
        }),
      );
    }
  }
  await Promise.all(updates);
}

/**
 * On login or sign-up: the guest cart's lines move into the account's cart (quantities added, capped
 * by stock), and the guest cart is deleted. Runs in one transaction so nothing is counted twice.
 */
export async function mergeGuestCart(db: PrismaClient, guestCartId: string, userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const guest = await tx.cart.findFirst({
      where: { id: guestCartId, userId: null },
      select: { id: true, items: { select: { variantId: true, quantity: true, unitPriceIdr: true, variant: { select: { stock: true } } } } },
    });
    if (!guest) return;
    const userCartId = await getOrCreateUserCart(tx, userId);
    for (const item of guest.items) {
      const existing = await tx.cartItem.findUnique({
        where: { cartId_variantId: { cartId: userCartId, variantId: item.variantId } },
        select: { quantity: true },
      });
      const quantity = Math.min((existing?.quantity ?? 0) + item.quantity, Math.max(item.variant.stock, 1), MAX_LINE_QUANTITY);
      await tx.cartItem.upsert({
        where: { cartId_variantId: { cartId: userCartId, variantId: item.variantId } },
        create: { cartId: userCartId, variantId: item.variantId, quantity, unitPriceIdr: item.unitPriceIdr },
        update: { quantity },
        select: { id: true },
      });
    }
    await tx.cart.delete({ where: { id: guest.id }, select: { id: true } });
  });
}
