import { getCardPaymentProvider, type CardPaymentProvider } from "~/services/payments/stripe.server";
import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { cancelNeedsRefund, sellerActionsFor } from "./order-state";
import { OrderTransitionError, settleCashOnDelivery, transitionStoreOrder } from "./order.server";
import { storeCanReverse } from "./ledger.server";
import { executeCardRefund, openRefund, RefundError, type OpenedRefund } from "./refund.server";

/**
 * What a seller does with one of their store orders. Cancelling a paid part and refunding a shipped one
 * send the money back (card through Stripe, bank transfer by an admin, cash by the seller).
 */
export type SellerAction =
  | { kind: "process" }
  | { kind: "ship"; courier: string; waybill: string }
  | { kind: "deliver" }
  | { kind: "cancel"; reason: string }
  | { kind: "refund"; reason: string };

const TARGET = { process: "PROCESSING", ship: "SHIPPED", deliver: "DELIVERED", cancel: "CANCELLED", refund: "REFUNDED" } as const;

export type SellerActionResult = { refund: (OpenedRefund & { status: string }) | null };

/**
 * Applies a seller's action to a store order of one of their stores (ownership is in the where clause:
 * another store's order looks like one that does not exist). The allowed actions are
 * `sellerActionsFor`, the same rule that decides which buttons are shown. Cash on delivery is paid when
 * the last store of the order delivers. A card refund is asked of Stripe after the transaction commits;
 * `cardPayments` defaults to the configured provider.
 */
export async function applySellerAction(
  db: PrismaClient,
  input: { userId: string; storeOrderId: string; action: SellerAction; now?: Date; cardPayments?: CardPaymentProvider | null },
): Promise<SellerActionResult> {
  const now = input.now ?? new Date();
  const refund = await db.$transaction(async (tx) => {
    const storeOrder = await tx.storeOrder.findFirst({
      where: { id: input.storeOrderId, store: { members: { some: { userId: input.userId } } } },
      select: { id: true, status: true, subtotalIdr: true, shippingIdr: true, order: { select: { id: true, paymentMethod: true } } },
    });
    if (!storeOrder) throw new OrderTransitionError("not_found");
    const { action } = input;
    const method = storeOrder.order.paymentMethod;
    const cod = method === "COD";
    const otherOpen = await tx.storeOrder.count({ where: { orderId: storeOrder.order.id, id: { not: storeOrder.id }, status: { not: "CANCELLED" } } });
    if (!sellerActionsFor(storeOrder.status, method, otherOpen === 0).includes(action.kind)) throw new OrderTransitionError("not_allowed");
    const moneyBack = action.kind === "refund" || (action.kind === "cancel" && cancelNeedsRefund(storeOrder.status, method));
    // A completed order's money may already have been paid out to the store: then the platform would pay
    // the buyer back from nothing. Such a refund needs an admin.
    if (action.kind === "refund" && storeOrder.status === "COMPLETED" && !(await storeCanReverse(tx, storeOrder.id))) {
      throw new RefundError("balance_too_low");
    }

    const note =
      action.kind === "cancel" || action.kind === "refund"
        ? action.reason
        : action.kind === "ship"
          ? `${action.courier} ${action.waybill}`
          : action.kind === "deliver" && cod
            ? "Dibayar tunai saat diterima (COD)"
            : undefined;
    const result = await transitionStoreOrder(tx, {
      storeOrderId: storeOrder.id,
      to: TARGET[action.kind],
      actor: "seller",
      actorId: input.userId,
      note,
      now,
      onlyFrom: [storeOrder.status],
    });
    if (!result.changed) throw new OrderTransitionError("not_allowed");

    if (action.kind === "ship") {
      await tx.storeOrder.update({ where: { id: storeOrder.id }, data: { courier: action.courier, waybill: action.waybill }, select: { id: true } });
    }
    if (action.kind === "deliver" && cod) await settleCashOnDelivery(tx, storeOrder.order.id);
    const opened = moneyBack && (action.kind === "cancel" || action.kind === "refund")
      ? await openRefund(tx, { storeOrderId: storeOrder.id, reason: action.reason, actorId: input.userId, now })
      : null;
    if (action.kind === "cancel" && !opened) {
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
      details:
        action.kind === "ship"
          ? { courier: action.courier, waybill: action.waybill }
          : action.kind === "cancel" || action.kind === "refund"
            ? { reason: action.reason, refundId: opened?.refundId ?? null }
            : undefined,
    });
    return opened;
  });
  if (!refund) return { refund: null };
  if (refund.kind !== "card") {
    const row = await db.refund.findUniqueOrThrow({ where: { id: refund.refundId }, select: { status: true } });
    return { refund: { ...refund, status: row.status } };
  }
  const provider = input.cardPayments !== undefined ? input.cardPayments : getCardPaymentProvider();
  const status = await executeCardRefund(db, provider, refund.refundId, now);
  return { refund: { ...refund, status } };
}
