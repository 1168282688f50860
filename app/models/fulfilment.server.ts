import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { OrderTransitionError, settleCashOnDelivery, transitionStoreOrder } from "./order.server";

/**
 * What a seller does with one of their store orders. Refunds are not here: a seller cannot cancel an
 * order that was paid (the money would have to go back first); that comes with the seller workspace.
 */
export type SellerAction =
  | { kind: "process" }
  | { kind: "ship"; courier: string; waybill: string }
  | { kind: "deliver" }
  | { kind: "cancel"; reason: string }
  | { kind: "refund"; reason: string };

const TARGET = { process: "PROCESSING", ship: "SHIPPED", deliver: "DELIVERED", cancel: "CANCELLED", refund: "REFUNDED" } as const;

/**
 * Applies a seller's action to a store order of one of their stores (ownership is in the where clause:
 * another store's order looks like one that does not exist). Cash on delivery is paid when the last
 * store of the order delivers.
 */
export async function applySellerAction(
  db: PrismaClient,
  input: { userId: string; storeOrderId: string; action: SellerAction; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  await db.$transaction(async (tx) => {
    const storeOrder = await tx.storeOrder.findFirst({
      where: { id: input.storeOrderId, store: { members: { some: { userId: input.userId } } } },
      select: { id: true, status: true, subtotalIdr: true, shippingIdr: true, order: { select: { id: true, paymentMethod: true } } },
    });
    if (!storeOrder) throw new OrderTransitionError("not_found");
    const { action } = input;
    if (action.kind === "refund") throw new OrderTransitionError("not_allowed"); // refunds land with the ledger
    const cod = storeOrder.order.paymentMethod === "COD";
    if (action.kind === "cancel") {
      if (!(storeOrder.status === "AWAITING_PAYMENT" || (cod && storeOrder.status === "PROCESSING"))) throw new OrderTransitionError("not_allowed");
      // One payment covers every store of a prepaid order: dropping one part while the buyer is about to pay
      // the whole total would take money for goods that will not come. Only the last open part may go.
      const otherOpen = await tx.storeOrder.count({ where: { orderId: storeOrder.order.id, id: { not: storeOrder.id }, status: { not: "CANCELLED" } } });
      if (!cod && otherOpen > 0) throw new OrderTransitionError("not_allowed");
    }

    const note =
      action.kind === "cancel" ? action.reason : action.kind === "ship" ? `${action.courier} ${action.waybill}` : action.kind === "deliver" && cod ? "Dibayar tunai saat diterima (COD)" : undefined;
    const result = await transitionStoreOrder(tx, { storeOrderId: storeOrder.id, to: TARGET[action.kind], actor: "seller", actorId: input.userId, note, now });
    if (!result.changed) throw new OrderTransitionError("not_allowed");

    if (action.kind === "ship") {
      await tx.storeOrder.update({ where: { id: storeOrder.id }, data: { courier: action.courier, waybill: action.waybill }, select: { id: true } });
    }
    if (action.kind === "deliver" && cod) await settleCashOnDelivery(tx, storeOrder.order.id);
    if (action.kind === "cancel") {
      const open = await tx.storeOrder.count({ where: { orderId: storeOrder.order.id, status: { not: "CANCELLED" } } });
      if (open === 0) {
        await tx.payment.updateMany({ where: { orderId: storeOrder.order.id, status: { in: ["PENDING", "FAILED"] } }, data: { status: "CANCELLED" } });
        await tx.order.update({ where: { id: storeOrder.order.id }, data: { expiresAt: null }, select: { id: true } });
      } else if (cod) {
        // The courier collects only what is still coming: the cancelled part's goods and shipping come off.
        await tx.payment.updateMany({
          where: { orderId: storeOrder.order.id, provider: "COD", status: "PENDING" },
          data: { amountIdr: { decrement: storeOrder.subtotalIdr + storeOrder.shippingIdr } },
        });
      }
    }
    await recordAudit(tx, {
      actorId: input.userId,
      action: `store_order.${action.kind}`,
      subjectType: "StoreOrder",
      subjectId: storeOrder.id,
      details: action.kind === "ship" ? { courier: action.courier, waybill: action.waybill } : action.kind === "cancel" ? { reason: action.reason } : undefined,
    });
  });
}
