import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "./audit.server";


export type StockAdjustment =
  /** Goods made or bought: units added. */
  | { reason: "RESTOCK"; quantity: number }
  /** Broken, spoiled or lost: units taken out (never below zero). */
  | { reason: "DAMAGED"; quantity: number }
  /** A recount: the stock becomes exactly this, if nobody changed it since the seller looked. */
  | { reason: "CORRECTION"; countedStock: number; expectedStock: number };

export class StockAdjustmentError extends Error {
  constructor(public readonly code: "not_found" | "not_enough_stock" | "stock_changed") {
    super(code);
    this.name = "StockAdjustmentError";
  }
}

/**
 * Changes a variant's stock on the seller's word, with the reason kept as history. Ownership is in the
 * where clause; every change is a conditional update, so a sale at the same moment is never lost.
 */
export async function adjustStock(
  db: PrismaClient,
  input: { userId: string; variantId: string; adjustment: StockAdjustment; note?: string | null; now?: Date },
): Promise<{ stock: number; productId: string }> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const variant = await tx.productVariant.findFirst({
      where: { id: input.variantId, product: { store: { members: { some: { userId: input.userId } } } } },
      select: { id: true, stock: true, productId: true },
    });
    if (!variant) throw new StockAdjustmentError("not_found");
    const { adjustment } = input;

    let delta: number;
    let changed: number;
    if (adjustment.reason === "RESTOCK") {
      delta = adjustment.quantity;
      ({ count: changed } = await tx.productVariant.updateMany({ where: { id: variant.id }, data: { stock: { increment: delta } } }));
    } else if (adjustment.reason === "DAMAGED") {
      delta = -adjustment.quantity;
      ({ count: changed } = await tx.productVariant.updateMany({
        where: { id: variant.id, stock: { gte: adjustment.quantity } },
        data: { stock: { decrement: adjustment.quantity } },
      }));
      if (changed === 0) throw new StockAdjustmentError("not_enough_stock");
    } else {
      delta = adjustment.countedStock - adjustment.expectedStock;
      ({ count: changed } = await tx.productVariant.updateMany({
        where: { id: variant.id, stock: adjustment.expectedStock },
        data: { stock: adjustment.countedStock },
      }));
      // Someone bought (or the seller changed it in another tab) since the page showed the old number.
      if (changed === 0) throw new StockAdjustmentError("stock_changed");
    }

    if (delta !== 0) {
      await tx.stockMovement.create({
        data: { variantId: variant.id, delta, reason: adjustment.reason, note: input.note ?? null, actorId: input.userId, createdAt: now },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: input.userId,
        action: "stock.adjust",
        subjectType: "ProductVariant",
        subjectId: variant.id,
        details: { reason: adjustment.reason, delta },
      });
    }
    const after = await tx.productVariant.findUniqueOrThrow({ where: { id: variant.id }, select: { stock: true } });
    return { stock: after.stock, productId: variant.productId };
  });
}

/** A seller's product with its variants' stock and recent stock history; null when it is not theirs. */
export async function getProductStockForSeller(db: PrismaClient, userId: string, productId: string) {
  return db.product.findFirst({
    where: { id: productId, store: { members: { some: { userId } } } },
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      store: { select: { name: true } },
      variants: {
        select: {
          id: true,
          name: true,
          stock: true,
          priceIdr: true,
          stockMovements: {
            select: { id: true, delta: true, reason: true, note: true, createdAt: true, actor: { select: { name: true } } },
            orderBy: { createdAt: "desc" },
            take: 10,
          },
        },
        orderBy: { position: "asc" },
      },
    },
  });
}
