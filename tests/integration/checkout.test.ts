import { addToCart, createGuestCart, getCartView } from "~/models/cart.server";
import { CheckoutError, placeOrder, type CheckoutInput } from "~/models/checkout.server";
import { cancelOrderByBuyer, confirmBankTransfer, expireOverdueOrders, OrderTransitionError } from "~/models/order.server";
import { createTestDatabase } from "../helpers/database";
import { createRegions, createStoreWithProduct } from "../helpers/marketplace-fixtures";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let regions: Awaited<ReturnType<typeof createRegions>>;

beforeAll(async () => {
  db = await createTestDatabase();
  regions = await createRegions(db.prisma);
});
afterAll(() => db.cleanup());

function checkoutInput(cartId: string, overrides: Partial<CheckoutInput> = {}): CheckoutInput {
  return {
    cartId,
    buyerId: null,
    email: null,
    recipientName: "Siti Aminah",
    phone: "6281234567890",
    addressLine: "Jl. Raya Ciwidey No. 5, RT 01/RW 02",
    districtCode: regions.districtCode,
    postalCode: "40973",
    paymentMethod: "COD",
    paymentWindowHours: 24,
    ...overrides,
  };
}

async function stockOf(variantId: string) {
  return (await db.prisma.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } })).stock;
}

describe("placing an order", () => {
  it("makes one order with one store order per store, snapshots, shipping per store, and reserves stock", async () => {
    const a = await createStoreWithProduct(db.prisma, { variants: [{ name: "250 g", priceIdr: 15000, costIdr: 9000, stock: 10, weightGrams: 600 }] });
    const b = await createStoreWithProduct(db.prisma, {
      variants: [{ name: "100 ml", priceIdr: 40000, stock: 3, weightGrams: 1200 }],
      rate: { firstKgIdr: 12000, additionalKgIdr: 8000 },
    });
    const cartId = await createGuestCart(db.prisma);
    await addToCart(db.prisma, cartId, a.variantIds[0]!, 2); // 1.2 kg → 2 kg billed: 10000 + 5000
    await addToCart(db.prisma, cartId, b.variantIds[0]!, 1); // 1.2 kg → 2 kg billed: 12000 + 8000

    const placed = await placeOrder(db.prisma, checkoutInput(cartId));
    const order = await db.prisma.order.findUniqueOrThrow({
      where: { id: placed.id },
      select: {
        subtotalIdr: true,
        shippingIdr: true,
        totalIdr: true,
        guestToken: true,
        storeOrders: { select: { storeId: true, status: true, subtotalIdr: true, shippingIdr: true, items: { select: { productTitle: true, unitPriceIdr: true, unitCostIdr: true, quantity: true } } } },
        payments: { select: { provider: true, status: true, amountIdr: true } },
      },
    });
    expect(order.subtotalIdr).toBe(2 * 15000 + 40000);
    expect(order.shippingIdr).toBe(15000 + 20000);
    expect(order.totalIdr).toBe(70000 + 35000);
    expect(order.guestToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(order.storeOrders).toHaveLength(2);
    expect(order.storeOrders.every((so) => so.status === "PROCESSING")).toBe(true); // COD: no payment step
    const storeA = order.storeOrders.find((so) => so.storeId === a.store.id)!;
    expect(storeA.items).toEqual([{ productTitle: expect.stringContaining("Keripik"), unitPriceIdr: 15000, unitCostIdr: 9000, quantity: 2 }]);
    expect(order.payments).toEqual([{ provider: "COD", status: "PENDING", amountIdr: 105000 }]);
    expect(await stockOf(a.variantIds[0]!)).toBe(8);
    expect(await stockOf(b.variantIds[0]!)).toBe(2);
    expect((await getCartView(db.prisma, cartId)).groups).toHaveLength(0);
  });

  it("refuses a changed price until the shopper has seen it, and writes nothing", async () => {
    const a = await createStoreWithProduct(db.prisma, { variants: [{ name: "250 g", priceIdr: 15000, stock: 10 }] });
    const cartId = await createGuestCart(db.prisma);
    await addToCart(db.prisma, cartId, a.variantIds[0]!, 1);
    await db.prisma.productVariant.update({ where: { id: a.variantIds[0]! }, data: { priceIdr: 17000 } });
    const ordersBefore = await db.prisma.order.count();
    await expect(placeOrder(db.prisma, checkoutInput(cartId))).rejects.toMatchObject({ failure: { reason: "cart_changed" } });
    expect(await db.prisma.order.count()).toBe(ordersBefore);
    expect(await stockOf(a.variantIds[0]!)).toBe(10);
  });

  it("refuses a district outside the region dataset and a province the store does not ship to", async () => {
    const a = await createStoreWithProduct(db.prisma, { variants: [{ name: "250 g", priceIdr: 15000, stock: 10 }] });
    const cartId = await createGuestCart(db.prisma);
    await addToCart(db.prisma, cartId, a.variantIds[0]!, 1);
    await expect(placeOrder(db.prisma, checkoutInput(cartId, { districtCode: "99.99.99" }))).rejects.toMatchObject({ failure: { reason: "bad_destination" } });
    await expect(placeOrder(db.prisma, checkoutInput(cartId, { districtCode: "32.04" }))).rejects.toMatchObject({ failure: { reason: "bad_destination" } });
    await expect(placeOrder(db.prisma, checkoutInput(cartId, { districtCode: regions.farDistrictCode }))).rejects.toMatchObject({
      failure: { reason: "unshippable", stores: [a.store.name] },
    });
    expect(await stockOf(a.variantIds[0]!)).toBe(10);
  });

  it("sells the last units exactly once when twenty shoppers check out at the same time", async () => {
    const a = await createStoreWithProduct(db.prisma, { variants: [{ name: "250 g", priceIdr: 20000, stock: 5 }] });
    const variantId = a.variantIds[0]!;
    const carts: string[] = [];
    for (let i = 0; i < 20; i++) {
      const cartId = await createGuestCart(db.prisma);
      await addToCart(db.prisma, cartId, variantId, 1);
      carts.push(cartId);
    }
    const results = await Promise.allSettled(carts.map((cartId) => placeOrder(db.prisma, checkoutInput(cartId))));
    const placed = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(placed).toHaveLength(5);
    expect(refused).toHaveLength(15);
    for (const r of refused) expect(r.reason).toBeInstanceOf(CheckoutError);
    expect(await stockOf(variantId)).toBe(0);
    const sold = await db.prisma.orderItem.aggregate({ where: { variantId }, _sum: { quantity: true } });
    expect(sold._sum.quantity).toBe(5);
  });
});

describe("after the order", () => {
  it("a buyer cancels an unpaid order once: stock returns exactly once", async () => {
    const a = await createStoreWithProduct(db.prisma, { variants: [{ name: "250 g", priceIdr: 15000, stock: 4 }] });
    const cartId = await createGuestCart(db.prisma);
    await addToCart(db.prisma, cartId, a.variantIds[0]!, 3);
    const placed = await placeOrder(db.prisma, checkoutInput(cartId, { paymentMethod: "BANK_TRANSFER" }));
    expect(await stockOf(a.variantIds[0]!)).toBe(1);
    const access = { guestToken: placed.guestToken! };
    await expect(cancelOrderByBuyer(db.prisma, { number: placed.number, access: { guestToken: "wrong" }, actorId: null })).rejects.toMatchObject({ code: "not_found" });
    const attempts = await Promise.allSettled([
      cancelOrderByBuyer(db.prisma, { number: placed.number, access, actorId: null }),
      cancelOrderByBuyer(db.prisma, { number: placed.number, access, actorId: null }),
    ]);
    expect(attempts.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await stockOf(a.variantIds[0]!)).toBe(4);
    await expect(cancelOrderByBuyer(db.prisma, { number: placed.number, access, actorId: null })).rejects.toBeInstanceOf(OrderTransitionError);
    expect(await stockOf(a.variantIds[0]!)).toBe(4);
  });

  it("bank transfers get a unique code, are confirmed once by an admin, and unpaid ones expire", async () => {
    const a = await createStoreWithProduct(db.prisma, { variants: [{ name: "250 g", priceIdr: 15000, stock: 10 }] });
    const place = async () => {
      const cartId = await createGuestCart(db.prisma);
      await addToCart(db.prisma, cartId, a.variantIds[0]!, 1);
      return placeOrder(db.prisma, checkoutInput(cartId, { paymentMethod: "BANK_TRANSFER" }));
    };
    const first = await place();
    const second = await place();
    expect(first.totalIdr).not.toBe(second.totalIdr); // same goods, different unique codes
    expect(first.totalIdr - 25000).toBeGreaterThanOrEqual(1);
    expect(first.totalIdr - 25000).toBeLessThanOrEqual(999);

    const admin = await db.prisma.user.create({ data: { email: `admin-${first.number}@test.id`, name: "Admin" }, select: { id: true } });
    await confirmBankTransfer(db.prisma, { paymentId: first.paymentId, adminId: admin.id });
    await expect(confirmBankTransfer(db.prisma, { paymentId: first.paymentId, adminId: admin.id })).rejects.toBeInstanceOf(OrderTransitionError);
    const paid = await db.prisma.storeOrder.findFirstOrThrow({ where: { orderId: first.id }, select: { status: true, paidAt: true } });
    expect(paid.status).toBe("PAID");

    const stockBefore = await stockOf(a.variantIds[0]!);
    const cancelled = await expireOverdueOrders(db.prisma, new Date(Date.now() + 25 * 3_600_000));
    expect(cancelled).toBeGreaterThanOrEqual(1);
    expect(await stockOf(a.variantIds[0]!)).toBe(stockBefore + 1);
    const expired = await db.prisma.order.findUniqueOrThrow({
      where: { id: second.id },
      select: { storeOrders: { select: { status: true } }, payments: { select: { status: true } } },
    });
    expect(expired.storeOrders[0]!.status).toBe("CANCELLED");
    expect(expired.payments[0]!.status).toBe("EXPIRED");
    // The paid order is untouched by expiry.
    expect((await db.prisma.storeOrder.findFirstOrThrow({ where: { orderId: first.id }, select: { status: true } })).status).toBe("PAID");
    expect(await expireOverdueOrders(db.prisma, new Date(Date.now() + 25 * 3_600_000))).toBe(0);
  });
});
