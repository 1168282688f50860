import { buyerMayCancel, canTransition, holdsStock, initialStatus, statusesAllowing } from "~/models/order-state";
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
