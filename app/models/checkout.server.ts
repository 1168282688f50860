import { randomBytes, randomInt } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import type { PaymentMethod } from "~/generated/prisma/enums";
import type { PrismaClient } from "~/utils/db.server";
import { getCartView, type CartView } from "./cart.server";
import { initialStatus } from "./order-state";
import { commissionFor } from "./commission";
import { shippingCostIdr } from "./shipping";

type Tx = Prisma.TransactionClient;

export type Destination = { districtCode: string; regencyCode: string; provinceCode: string; label: string };

/** A delivery district from the region dataset, with its regency and province; null when it is not one. */
export async function findDestination(db: PrismaClient | Tx, districtCode: string): Promise<Destination | null> {
  const district = await db.region.findFirst({
    where: { code: districtCode, level: "DISTRICT" },
    select: { code: true, name: true, parent: { select: { code: true, name: true, parent: { select: { code: true, name: true } } } } },
  });
  if (!district?.parent?.parent) return null;
  return {
    districtCode: district.code,
    regencyCode: district.parent.code,
    provinceCode: district.parent.parent.code,
    label: `${district.name}, ${district.parent.name}, ${district.parent.parent.name}`,
  };
}

export type StoreQuote = {
  storeId: string;
  storeName: string;
  subtotalIdr: number;
  weightGrams: number;
  /** Null when the store has no rate for the destination province: it does not ship there. */
  shippingIdr: number | null;
};

export type CheckoutQuote = {
  stores: StoreQuote[];
  subtotalIdr: number;
  shippingIdr: number;
  totalIdr: number;
  /** Stores that do not deliver to this province. */
  unshippable: string[];
};

/** Shipping per store from each store's own rate table, and the totals. */
export async function quoteCart(db: PrismaClient | Tx, cart: CartView, provinceCode: string): Promise<CheckoutQuote> {
  const rates = await db.shippingRate.findMany({
    where: { provinceCode, storeId: { in: cart.groups.map((g) => g.store.id) } },
    select: { storeId: true, firstKgIdr: true, additionalKgIdr: true },
  });
  const rateOf = new Map(rates.map((r) => [r.storeId, r]));
  const stores = cart.groups.map((group): StoreQuote => {
    const rate = rateOf.get(group.store.id);
    return {
      storeId: group.store.id,
      storeName: group.store.name,
      subtotalIdr: group.subtotalIdr,
      weightGrams: group.weightGrams,
      shippingIdr: rate ? shippingCostIdr(rate, group.weightGrams) : null,
    };
  });
  const shippingIdr = stores.reduce((sum, s) => sum + (s.shippingIdr ?? 0), 0);
  return {
    stores,
    subtotalIdr: cart.subtotalIdr,
    shippingIdr,
    totalIdr: cart.subtotalIdr + shippingIdr,
    unshippable: stores.filter((s) => s.shippingIdr === null).map((s) => s.storeName),
  };
}

export type CheckoutFailure =
  | { reason: "empty_cart" }
  | { reason: "cart_changed" }
  | { reason: "out_of_stock"; productTitle: string; variantName: string }
  | { reason: "bad_destination" }
  | { reason: "unshippable"; stores: string[] };

export class CheckoutError extends Error {
  constructor(public readonly failure: CheckoutFailure) {
    super(`checkout refused: ${failure.reason}`);
    this.name = "CheckoutError";
  }
}

export type CheckoutInput = {
  cartId: string;
  buyerId: string | null;
  email: string | null;
  recipientName: string;
  phone: string;
  addressLine: string;
  districtCode: string;
  postalCode: string | null;
  paymentMethod: PaymentMethod;
  paymentWindowHours: number;
  /** The platform's commission in basis points, fixed on each store order now (default 0). */
  commissionBasisPoints?: number;
  now?: Date;
};

export type PlacedOrder = { id: string; number: string; guestToken: string | null; totalIdr: number; paymentId: string; expiresAt: Date | null };

function orderNumber(now: Date): string {
  const date = now.toISOString().slice(2, 10).replaceAll("-", "");
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const suffix = Array.from(randomBytes(6), (b) => alphabet[b % alphabet.length]).join("");
  return `PM-${date}-${suffix}`;
}

/**
 * A code of 1–999 Rupiah added to a bank transfer so the admin can match the transfer to the order:
 * chosen so that no other unpaid bank-transfer order has the same total.
 */
async function uniqueTransferCode(tx: Tx, baseTotalIdr: number): Promise<number> {
  const pending = await tx.order.findMany({
    where: { paymentMethod: "BANK_TRANSFER", totalIdr: { gte: baseTotalIdr + 1, lte: baseTotalIdr + 999 }, payments: { some: { status: "PENDING" } } },
    select: { totalIdr: true },
  });
  const taken = new Set(pending.map((o) => o.totalIdr - baseTotalIdr));
  const free = Array.from({ length: 999 }, (_, i) => i + 1).filter((c) => !taken.has(c));
  if (free.length === 0) throw new Error("no free transfer code for this amount");
  return free[randomInt(free.length)]!;
}

/**
 * One checkout: one Order, one StoreOrder per store, item snapshots, a pending Payment, and the stock
 * reserved, all in one transaction. Stock is taken with a conditional decrement (only where enough is
 * left), never read-then-write, so concurrent checkouts can never sell the same unit twice.
 */
export async function placeOrder(db: PrismaClient, input: CheckoutInput): Promise<PlacedOrder> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const cart = await getCartView(tx, input.cartId);
    if (cart.groups.length === 0) throw new CheckoutError({ reason: "empty_cart" });
    // Prices, availability and stock are checked again here: the shopper must have seen what they pay.
    if (cart.hasProblems) {
      const sold = cart.groups.flatMap((g) => g.lines).find((l) => l.problem?.kind === "out_of_stock" || l.problem?.kind === "not_enough_stock");
      // Someone else bought the last units since this shopper's cart was shown: say which.
      if (sold) throw new CheckoutError({ reason: "out_of_stock", productTitle: sold.productTitle, variantName: sold.variantName });
      throw new CheckoutError({ reason: "cart_changed" });
    }

    const destination = await findDestination(tx, input.districtCode);
    if (!destination) throw new CheckoutError({ reason: "bad_destination" });
    const quote = await quoteCart(tx, cart, destination.provinceCode);
    if (quote.unshippable.length > 0) throw new CheckoutError({ reason: "unshippable", stores: quote.unshippable });

    const uniqueCodeIdr = input.paymentMethod === "BANK_TRANSFER" ? await uniqueTransferCode(tx, quote.totalIdr) : 0;
    const totalIdr = quote.totalIdr + uniqueCodeIdr;
    const expiresAt = input.paymentMethod === "COD" ? null : new Date(now.getTime() + input.paymentWindowHours * 3_600_000);

    const order = await tx.order.create({
      data: {
        number: orderNumber(now),
        buyerId: input.buyerId,
        guestToken: input.buyerId ? null : randomBytes(24).toString("base64url"),
        email: input.email,
        recipientName: input.recipientName,
        phone: input.phone,
        addressLine: input.addressLine,
        districtCode: destination.districtCode,
        postalCode: input.postalCode,
        paymentMethod: input.paymentMethod,
        subtotalIdr: quote.subtotalIdr,
        shippingIdr: quote.shippingIdr,
        uniqueCodeIdr,
        totalIdr,
        expiresAt,
        placedAt: now,
      },
      select: { id: true, number: true, guestToken: true },
    });

    const status = initialStatus(input.paymentMethod);
    const variants = await tx.productVariant.findMany({
      where: { id: { in: cart.groups.flatMap((g) => g.lines.map((l) => l.variantId)) } },
      select: { id: true, costIdr: true, productId: true },
    });
    const variantInfo = new Map(variants.map((v) => [v.id, v]));

    for (const group of cart.groups) {
      const storeQuote = quote.stores.find((s) => s.storeId === group.store.id)!;
      const storeOrder = await tx.storeOrder.create({
        data: {
          orderId: order.id,
          storeId: group.store.id,
          status,
          subtotalIdr: group.subtotalIdr,
          shippingIdr: storeQuote.shippingIdr ?? 0,
          commissionIdr: commissionFor(group.subtotalIdr, input.commissionBasisPoints ?? 0),
          createdAt: now,
          events: { create: { toStatus: status, actorId: input.buyerId, createdAt: now } },
        },
        select: { id: true },
      });
      for (const line of group.lines) {
        const reserved = await tx.productVariant.updateMany({
          where: { id: line.variantId, stock: { gte: line.quantity } },
          data: { stock: { decrement: line.quantity } },
        });
        if (reserved.count !== 1) {
          throw new CheckoutError({ reason: "out_of_stock", productTitle: line.productTitle, variantName: line.variantName });
        }
        const info = variantInfo.get(line.variantId)!;
        await tx.product.update({ where: { id: info.productId }, data: { soldCount: { increment: line.quantity } }, select: { id: true } });
        await tx.orderItem.create({
          data: {
            storeOrderId: storeOrder.id,
            variantId: line.variantId,
            productTitle: line.productTitle,
            variantName: line.variantName,
            unitPriceIdr: line.unitPriceIdr,
            unitCostIdr: info.costIdr,
            quantity: line.quantity,
            weightGrams: line.weightGrams / line.quantity,
          },
          select: { id: true },
        });
        await tx.stockMovement.create({
          data: { variantId: line.variantId, delta: -line.quantity, reason: "ORDER_RESERVED", storeOrderId: storeOrder.id, actorId: input.buyerId, createdAt: now },
          select: { id: true },
        });
      }
    }

    const payment = await tx.payment.create({
      data: {
        orderId: order.id,
        provider: input.paymentMethod === "CARD" ? "STRIPE" : input.paymentMethod,
        amountIdr: totalIdr,
        status: "PENDING",
      },
      select: { id: true },
    });
    await tx.cartItem.deleteMany({ where: { cartId: input.cartId } });
    return { ...order, totalIdr, paymentId: payment.id, expiresAt };
  });
}

export function isCheckoutError(error: unknown): error is CheckoutError {
  return error instanceof CheckoutError;
}

/** Prisma's "record changed under you" errors are retried by callers; exported for the route. */
export const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
