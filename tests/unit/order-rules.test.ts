import { commissionFor, formatCommissionRate } from "~/models/commission";
import { buyerMayCancel, canTransition, cancelNeedsRefund, holdsStock, initialStatus, sellerActionsFor, statusesAllowing } from "~/models/order-state";
import { billableKilograms, shippingCostIdr } from "~/models/shipping";
import { formatIndonesianPhone, normalizeIndonesianPhone } from "~/utils/phone";

describe("store order state machine", () => {
  it("follows the happy path and refuses skipping steps", () => {
    expect(canTransition("AWAITING_PAYMENT", "PAID", "system")).toBe(true);
    expect(canTransition("PAID", "PROCESSING", "seller")).toBe(true);
    expect(canTransition("PROCESSING", "SHIPPED", "seller")).toBe(true);
    expect(canTransition("SHIPPED", "DELIVERED", "seller")).toBe(true);
    expect(canTransition("DELIVERED", "COMPLETED", "buyer")).toBe(true);
    expect(canTransition("AWAITING_PAYMENT", "SHIPPED", "seller")).toBe(false);
    expect(canTransition("PAID", "COMPLETED", "buyer")).toBe(false);
  });

  it("lets nobody leave a final state", () => {
    for (const to of ["PAID", "PROCESSING", "SHIPPED", "COMPLETED", "AWAITING_PAYMENT"] as const) {
      expect(canTransition("CANCELLED", to, "admin")).toBe(false);
      expect(canTransition("REFUNDED", to, "admin")).toBe(false);
    }
  });

  it("gives each move to the right people", () => {
    expect(canTransition("AWAITING_PAYMENT", "PAID", "buyer")).toBe(false);
    expect(canTransition("AWAITING_PAYMENT", "PAID", "seller")).toBe(false);
    expect(canTransition("SHIPPED", "COMPLETED", "seller")).toBe(false);
    expect(statusesAllowing("CANCELLED", "buyer").sort()).toEqual(["AWAITING_PAYMENT", "PROCESSING"]);
  });

  it("starts cash on delivery at processing and lets the buyer cancel only what is unpaid", () => {
    expect(initialStatus("COD")).toBe("PROCESSING");
    expect(initialStatus("CARD")).toBe("AWAITING_PAYMENT");
    expect(buyerMayCancel("AWAITING_PAYMENT", "BANK_TRANSFER")).toBe(true);
    expect(buyerMayCancel("PROCESSING", "COD")).toBe(true);
    expect(buyerMayCancel("PROCESSING", "CARD")).toBe(false);
    expect(buyerMayCancel("SHIPPED", "COD")).toBe(false);
    expect(holdsStock("CANCELLED")).toBe(false);
    expect(holdsStock("PAID")).toBe(true);
  });
});

describe("shipping", () => {
  it("bills each started kilogram", () => {
    expect(billableKilograms(0)).toBe(1);
    expect(billableKilograms(1000)).toBe(1);
    expect(billableKilograms(1001)).toBe(2);
    expect(shippingCostIdr({ firstKgIdr: 10000, additionalKgIdr: 5000 }, 2500)).toBe(20000);
    expect(() => billableKilograms(1.5)).toThrow(RangeError);
  });
});

describe("Indonesian phone numbers", () => {
  it.each([
    ["0812-3456-7890", "6281234567890"],
    ["+62 812 3456 7890", "6281234567890"],
    ["6281234567890", "6281234567890"],
    ["(022) 7654321", "62227654321"],
  ])("normalises %s", (input, expected) => {
    expect(normalizeIndonesianPhone(input)).toBe(expected);
  });

  it.each(["12345", "0812", "+1 415 555 0100", "08123456789012345", "0012345678", "abc", ""])("refuses %j", (input) => {
    expect(normalizeIndonesianPhone(input)).toBeNull();
  });

  it("formats for reading", () => {
    expect(formatIndonesianPhone("6281234567890")).toBe("0812-3456-7890");
  });
});

describe("WhatsApp links", () => {
  it("use the international number whatever way the seller typed it", async () => {
    const { whatsappLink } = await import("~/utils/whatsapp");
    expect(whatsappLink("0812-3456-7890", "Halo")).toBe("https://wa.me/6281234567890?text=Halo");
    expect(whatsappLink("+62 812 3456 7890", "Halo Bu")).toBe("https://wa.me/6281234567890?text=Halo%20Bu");
  });
});

describe("what a seller may do with a store order", () => {
  it("follows the order from payment to delivery, one step at a time", () => {
    expect(sellerActionsFor("AWAITING_PAYMENT", "BANK_TRANSFER", true)).toEqual(["cancel"]);
    expect(sellerActionsFor("AWAITING_PAYMENT", "BANK_TRANSFER", false)).toEqual([]); // one payment covers every store
    expect(sellerActionsFor("PAID", "CARD", false)).toEqual(["process", "cancel"]);
    expect(sellerActionsFor("PROCESSING", "CARD", true)).toEqual(["ship", "cancel"]);
    expect(sellerActionsFor("SHIPPED", "CARD", true)).toEqual(["deliver", "refund"]);
    expect(sellerActionsFor("DELIVERED", "BANK_TRANSFER", true)).toEqual(["refund"]);
    expect(sellerActionsFor("COMPLETED", "CARD", true)).toEqual(["refund"]);
    expect(sellerActionsFor("CANCELLED", "CARD", true)).toEqual([]);
    expect(sellerActionsFor("REFUNDED", "CARD", true)).toEqual([]);
  });

  it("cash on delivery is refunded only after the cash was collected", () => {
    expect(sellerActionsFor("PROCESSING", "COD", false)).toEqual(["ship", "cancel"]);
    expect(sellerActionsFor("SHIPPED", "COD", true)).toEqual(["deliver"]);
    expect(sellerActionsFor("DELIVERED", "COD", true)).toEqual(["refund"]);
    expect(cancelNeedsRefund("PROCESSING", "COD")).toBe(false);
    expect(cancelNeedsRefund("PROCESSING", "CARD")).toBe(true);
    expect(cancelNeedsRefund("AWAITING_PAYMENT", "CARD")).toBe(false);
  });

  it("every action a seller is offered is a move the state machine allows them", () => {
    const target = { process: "PROCESSING", ship: "SHIPPED", deliver: "DELIVERED", cancel: "CANCELLED", refund: "REFUNDED" } as const;
    for (const status of ["AWAITING_PAYMENT", "PAID", "PROCESSING", "SHIPPED", "DELIVERED", "COMPLETED", "CANCELLED", "REFUNDED"] as const) {
      for (const method of ["COD", "CARD", "BANK_TRANSFER"] as const) {
        for (const action of sellerActionsFor(status, method, true)) expect(canTransition(status, target[action], "seller")).toBe(true);
      }
    }
  });
});

describe("commission", () => {
  it("is taken on goods, rounded down, and 0% by default", () => {
    expect(commissionFor(40_000, 0)).toBe(0);
    expect(commissionFor(40_000, 1000)).toBe(4_000);
    expect(commissionFor(33_333, 250)).toBe(833); // 833.325 → 833
    expect(() => commissionFor(-1, 100)).toThrow(RangeError);
    expect(() => commissionFor(1000, 10_001)).toThrow(RangeError);
    expect(formatCommissionRate(250, "id")).toBe("2,5%");
    expect(formatCommissionRate(0, "en")).toBe("0%");
  });
});
