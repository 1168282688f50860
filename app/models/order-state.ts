import type { PaymentMethod, StoreOrderStatus } from "~/generated/prisma/enums";

/**
 * The one state machine of a store order. Every change of status goes through `canTransition`;
 * anything not listed here is refused.
 *
 *   AWAITING_PAYMENT → PAID → PROCESSING → SHIPPED → DELIVERED → COMPLETED
 *   cash on delivery starts at PROCESSING and is paid when DELIVERED
 *   CANCELLED before shipping (stock returns); REFUNDED after a payment was taken
 */
export type Actor = "buyer" | "seller" | "admin" | "system";

type Rule = { to: StoreOrderStatus; by: readonly Actor[] };

const RULES: Record<StoreOrderStatus, readonly Rule[]> = {
  AWAITING_PAYMENT: [
    { to: "PAID", by: ["system", "admin"] },
    { to: "CANCELLED", by: ["buyer", "seller", "admin", "system"] },
  ],
  PAID: [
    { to: "PROCESSING", by: ["seller", "admin"] },
    { to: "CANCELLED", by: ["seller", "admin"] },
    { to: "REFUNDED", by: ["admin", "system"] },
  ],
  PROCESSING: [
    { to: "SHIPPED", by: ["seller", "admin"] },
    { to: "CANCELLED", by: ["buyer", "seller", "admin"] },
    { to: "REFUNDED", by: ["admin", "system"] },
  ],
  SHIPPED: [
    { to: "DELIVERED", by: ["seller", "admin"] },
    { to: "COMPLETED", by: ["buyer", "admin"] },
    { to: "REFUNDED", by: ["seller", "admin", "system"] },
  ],
  DELIVERED: [
    { to: "COMPLETED", by: ["buyer", "admin", "system"] },
    { to: "REFUNDED", by: ["seller", "admin", "system"] },
  ],
  COMPLETED: [{ to: "REFUNDED", by: ["seller", "admin", "system"] }],
  CANCELLED: [],
  REFUNDED: [],
};

export function canTransition(from: StoreOrderStatus, to: StoreOrderStatus, actor: Actor): boolean {
  return RULES[from].some((rule) => rule.to === to && rule.by.includes(actor));
}

/** Statuses from which `to` may be reached by this actor: used as a condition in the UPDATE itself. */
export function statusesAllowing(to: StoreOrderStatus, actor: Actor): StoreOrderStatus[] {
  return (Object.keys(RULES) as StoreOrderStatus[]).filter((from) => canTransition(from, to, actor));
}

export function initialStatus(method: PaymentMethod): StoreOrderStatus {
  // Cash on delivery needs no payment before the seller starts work.
  return method === "COD" ? "PROCESSING" : "AWAITING_PAYMENT";
}

/**
 * A buyer may cancel while nothing was paid: before payment, or a cash-on-delivery order that has not
 * been shipped yet. Paid orders are cancelled by the seller or an admin, with a refund.
 */
export function buyerMayCancel(status: StoreOrderStatus, method: PaymentMethod): boolean {
  if (status === "AWAITING_PAYMENT") return true;
  return method === "COD" && status === "PROCESSING";
}

export type SellerActionKind = "process" | "ship" | "deliver" | "cancel" | "refund";

/**
 * What a seller may do with one of their store orders now, in the order the buttons are shown. The
 * server applies the same rule (fulfilment.server.ts), so a hidden button is also a refused request.
 *
 * - cancel: before shipping; stock returns. A paid part is refunded. An unpaid prepaid order only as a
 *   whole (`onlyOpenPart`): one payment covers every store, so the buyer must not pay for goods that will
 *   not come.
 * - refund: after shipping, once money was taken (cash on delivery: once delivered, the seller pays the
 *   cash back). The goods are not restocked.
 */
export function sellerActionsFor(status: StoreOrderStatus, method: PaymentMethod, onlyOpenPart: boolean): SellerActionKind[] {
  const cod = method === "COD";
  const actions: SellerActionKind[] = [];
  if (status === "PAID") actions.push("process");
  if (status === "PROCESSING") actions.push("ship");
  if (status === "SHIPPED") actions.push("deliver");
  const mayCancel = status === "AWAITING_PAYMENT" ? cod || onlyOpenPart : status === "PAID" || status === "PROCESSING";
  if (mayCancel) actions.push("cancel");
  const mayRefund = cod ? status === "DELIVERED" || status === "COMPLETED" : status === "SHIPPED" || status === "DELIVERED" || status === "COMPLETED";
  if (mayRefund) actions.push("refund");
  return actions;
}

/** Whether cancelling from this status means money goes back to the buyer. */
export function cancelNeedsRefund(status: StoreOrderStatus, method: PaymentMethod): boolean {
  return method !== "COD" && (status === "PAID" || status === "PROCESSING");
}

/** Stock is held from checkout until the order is cancelled; the units count as sold unless cancelled or refunded. */
export function holdsStock(status: StoreOrderStatus): boolean {
  return status !== "CANCELLED" && status !== "REFUNDED";
}

export const TIMELINE: readonly StoreOrderStatus[] = ["AWAITING_PAYMENT", "PAID", "PROCESSING", "SHIPPED", "DELIVERED", "COMPLETED"];

/** The timestamp column that records when a store order reached a status. */
export const STATUS_TIMESTAMP: Partial<Record<StoreOrderStatus, "paidAt" | "shippedAt" | "deliveredAt" | "completedAt" | "cancelledAt" | "refundedAt">> = {
  PAID: "paidAt",
  SHIPPED: "shippedAt",
  DELIVERED: "deliveredAt",
  COMPLETED: "completedAt",
  CANCELLED: "cancelledAt",
  REFUNDED: "refundedAt",
};
