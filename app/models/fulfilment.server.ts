import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { OrderTransitionError, transitionStoreOrder } from "./order.server";

/**
 * What a seller does with one of their store orders. Refunds are not here: a seller cannot cancel an
 * order that was paid (the money would have to go back first); that comes with the seller workspace.
 */
export type SellerAction =
  | { kind: "process" }
  | { kind: "ship"; courier: string; waybill: string }
  | { kind: "deliver" }
  | { kind: "cancel"; reason: string };

const TARGET = { process: "PROCESSING", ship: "SHIPPED", deliver: "DELIVERED", cancel: "CANCELLED" } as const;

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
      select: { id: true, status: true, order: { select: { id: true, paymentMethod: true } } },
    });
    if (!storeOrder) throw new OrderTransitionError("not_found");
    const { action } = input;
    const cod = storeOrder.order.paymentMethod === "COD";
    if (action.kind === "cancel" && !(storeOrder.status === "AWAITING_PAYMENT" || (cod && storeOrder.status === "PROCESSING"))) {
      throw new OrderTransitionError("not_allowed");
    }

    const note =
      action.kind === "cancel" ? action.reason : action.kind === "ship" ? `${action.courier} ${action.waybill}` : action.kind === "deliver" && cod ? "Dibayar tunai saat diterima (COD)" : undefined;
    const result = await transitionStoreOrder(tx, { storeOrderId: storeOrder.id, to: TARGET[action.kind], actor: "seller", actorId: input.userId, note, now });
    if (!result.changed) throw new OrderTransitionError("not_allowed");

    if (action.kind === "ship") {
      await tx.storeOrder.update({ where: { id: storeOrder.id }, data: { courier: action.courier, waybill: action.waybill }, select: { id: true } });
    }
    const siblings = await tx.storeOrder.findMany({ where: { orderId: storeOrder.order.id }, select: { status: true } });
    const open = siblings.filter((s) => s.status !== "CANCELLED");
    if (action.kind === "deliver" && cod && open.every((s) => s.status === "DELIVERED" || s.status === "COMPLETED")) {
      await tx.payment.updateMany({ where: { orderId: storeOrder.order.id, provider: "COD", status: "PENDING" }, data: { status: "SUCCEEDED" } });
    }
    if (action.kind === "cancel" && open.length === 0) {
      await tx.payment.updateMany({ where: { orderId: storeOrder.order.id, status: "PENDING" }, data: { status: "CANCELLED" } });
      await tx.order.update({ where: { id: storeOrder.order.id }, data: { expiresAt: null }, select: { id: true } });
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
