import { addToCart, createGuestCart } from "~/models/cart.server";
import { placeOrder } from "~/models/checkout.server";
import { applySellerAction } from "~/models/fulfilment.server";
import { createTestDatabase } from "../helpers/database";
import { createRegions, createStoreWithProduct } from "../helpers/marketplace-fixtures";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let districtCode: string;

beforeAll(async () => {
  db = await createTestDatabase();
  districtCode = (await createRegions(db.prisma)).districtCode;
});
afterAll(() => db.cleanup());

/** Two stores, one seller account each, and one order from both paid with the given method. */
async function orderFromTwoStores(paymentMethod: "COD" | "BANK_TRANSFER") {
  const a = await createStoreWithProduct(db.prisma, { variants: [{ name: "250 g", priceIdr: 15000, stock: 5 }] });
  const b = await createStoreWithProduct(db.prisma, { variants: [{ name: "100 g", priceIdr: 30000, stock: 5 }] });
  const sellers = await Promise.all(
    [a, b].map(async (shop, i) => {
      const user = await db.prisma.user.create({ data: { email: `seller-${shop.store.id}-${i}@test.id`, name: "Penjual" }, select: { id: true } });
      await db.prisma.storeMember.create({ data: { storeId: shop.store.id, userId: user.id } });
      return user.id;
    }),
  );
  const cartId = await createGuestCart(db.prisma);
  await addToCart(db.prisma, cartId, a.variantIds[0]!, 2);
  await addToCart(db.prisma, cartId, b.variantIds[0]!, 1);
  const placed = await placeOrder(db.prisma, {
    cartId,
    buyerId: null,
    email: null,
    recipientName: "Siti",
    phone: "6281234567890",
    addressLine: "Jl. Mawar 1 RT 02",
    districtCode,
    postalCode: null,
    paymentMethod,
    paymentWindowHours: 24,
  });
  const storeOrders = await db.prisma.storeOrder.findMany({ where: { orderId: placed.id }, select: { id: true, storeId: true } });
  const soA = storeOrders.find((so) => so.storeId === a.store.id)!.id;
  const soB = storeOrders.find((so) => so.storeId === b.store.id)!.id;
  return { placed, a, b, sellerA: sellers[0]!, sellerB: sellers[1]!, soA, soB };
}

const statusOf = async (id: string) => (await db.prisma.storeOrder.findUniqueOrThrow({ where: { id }, select: { status: true, courier: true, waybill: true } }));
const paymentOf = async (orderId: string) => (await db.prisma.payment.findFirstOrThrow({ where: { orderId }, select: { status: true } })).status;
const stockOf = async (variantId: string) => (await db.prisma.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } })).stock;

describe("seller fulfilment", () => {
  it("a seller can touch only their own store's orders", async () => {
    const o = await orderFromTwoStores("COD");
    await expect(applySellerAction(db.prisma, { userId: o.sellerB, storeOrderId: o.soA, action: { kind: "cancel", reason: "bukan toko saya" } })).rejects.toMatchObject({ code: "not_found" });
    expect((await statusOf(o.soA)).status).toBe("PROCESSING");
  });

  it("ships with courier and waybill; cash on delivery is paid when the last store delivers", async () => {
    const o = await orderFromTwoStores("COD");
    await applySellerAction(db.prisma, { userId: o.sellerA, storeOrderId: o.soA, action: { kind: "ship", courier: "JNE", waybill: "JNE0012345678" } });
    expect(await statusOf(o.soA)).toEqual({ status: "SHIPPED", courier: "JNE", waybill: "JNE0012345678" });
    await applySellerAction(db.prisma, { userId: o.sellerA, storeOrderId: o.soA, action: { kind: "deliver" } });
    expect(await paymentOf(o.placed.id)).toBe("PENDING"); // store B has not delivered its part yet
    await applySellerAction(db.prisma, { userId: o.sellerB, storeOrderId: o.soB, action: { kind: "ship", courier: "POS Indonesia", waybill: "P2611290001" } });
    await applySellerAction(db.prisma, { userId: o.sellerB, storeOrderId: o.soB, action: { kind: "deliver" } });
    expect(await paymentOf(o.placed.id)).toBe("SUCCEEDED");
    const events = await db.prisma.storeOrderEvent.findMany({ where: { storeOrderId: o.soB }, select: { toStatus: true, actorId: true }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.toStatus)).toEqual(["PROCESSING", "SHIPPED", "DELIVERED"]);
    expect(events.slice(1).every((e) => e.actorId === o.sellerB)).toBe(true);
  });

  it("refuses illegal moves and writes nothing", async () => {
    const o = await orderFromTwoStores("BANK_TRANSFER");
    for (const action of [{ kind: "ship", courier: "JNE", waybill: "JNE0012345678" }, { kind: "deliver" }, { kind: "process" }] as const) {
      await expect(applySellerAction(db.prisma, { userId: o.sellerA, storeOrderId: o.soA, action })).rejects.toMatchObject({ code: "not_allowed" });
    }
    expect(await statusOf(o.soA)).toEqual({ status: "AWAITING_PAYMENT", courier: null, waybill: null });
  });

  it("cancels only what nothing was paid for, and returns stock exactly once", async () => {
    const o = await orderFromTwoStores("COD");
    const before = await stockOf(o.a.variantIds[0]!);
    const attempts = await Promise.allSettled([
      applySellerAction(db.prisma, { userId: o.sellerA, storeOrderId: o.soA, action: { kind: "cancel", reason: "Bahan baku habis" } }),
      applySellerAction(db.prisma, { userId: o.sellerA, storeOrderId: o.soA, action: { kind: "cancel", reason: "Bahan baku habis" } }),
    ]);
    expect(attempts.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await stockOf(o.a.variantIds[0]!)).toBe(before + 2);
    expect((await statusOf(o.soA)).status).toBe("CANCELLED");

    // A paid part may be cancelled too: its stock returns and its money goes back (here by the admin's transfer).
    const paid = await orderFromTwoStores("BANK_TRANSFER");
    await db.prisma.storeOrder.updateMany({ where: { orderId: paid.placed.id }, data: { status: "PAID" } });
    await db.prisma.payment.updateMany({ where: { orderId: paid.placed.id }, data: { status: "SUCCEEDED" } });
    const paidStock = await stockOf(paid.a.variantIds[0]!);
    const result = await applySellerAction(db.prisma, { userId: paid.sellerA, storeOrderId: paid.soA, action: { kind: "cancel", reason: "Tidak bisa kirim" } });
    expect(result.refund).toMatchObject({ kind: "bank", status: "MANUAL_PENDING", amountIdr: 30000 + 10000 });
    expect((await statusOf(paid.soA)).status).toBe("CANCELLED");
    expect(await stockOf(paid.a.variantIds[0]!)).toBe(paidStock + 2);
    await expect(
      applySellerAction(db.prisma, { userId: paid.sellerA, storeOrderId: paid.soA, action: { kind: "cancel", reason: "Tidak bisa kirim" } }),
    ).rejects.toMatchObject({ code: "not_allowed" });
    expect(await db.prisma.refund.count({ where: { storeOrderId: paid.soA } })).toBe(1);
  });
});

describe("review fixes: a part of an order and the money for it", () => {
  it("a seller cannot drop one store of a prepaid order the buyer is about to pay in full", async () => {
    const o = await orderFromTwoStores("BANK_TRANSFER");
    await expect(applySellerAction(db.prisma, { userId: o.sellerA, storeOrderId: o.soA, action: { kind: "cancel", reason: "Bahan habis" } })).rejects.toMatchObject({ code: "not_allowed" });
    expect((await statusOf(o.soA)).status).toBe("AWAITING_PAYMENT");
  });

  it("cash on delivery: a cancelled part comes off what the courier collects", async () => {
    const o = await orderFromTwoStores("COD");
    const before = (await db.prisma.payment.findFirstOrThrow({ where: { orderId: o.placed.id }, select: { amountIdr: true } })).amountIdr;
    const partA = await db.prisma.storeOrder.findUniqueOrThrow({ where: { id: o.soA }, select: { subtotalIdr: true, shippingIdr: true } });
    await applySellerAction(db.prisma, { userId: o.sellerA, storeOrderId: o.soA, action: { kind: "cancel", reason: "Bahan habis" } });
    const after = (await db.prisma.payment.findFirstOrThrow({ where: { orderId: o.placed.id }, select: { amountIdr: true } })).amountIdr;
    expect(after).toBe(before - partA.subtotalIdr - partA.shippingIdr);
  });

  it("cash on delivery is settled when the buyer confirms receipt before the seller marks it delivered", async () => {
    const o = await orderFromTwoStores("COD");
    for (const [seller, so] of [[o.sellerA, o.soA], [o.sellerB, o.soB]] as const) {
      await applySellerAction(db.prisma, { userId: seller, storeOrderId: so, action: { kind: "ship", courier: "JNE", waybill: "JNE0012345678" } });
    }
    const { confirmReceipt } = await import("~/models/order.server");
    const access = { guestToken: o.placed.guestToken! };
    await confirmReceipt(db.prisma, { number: o.placed.number, storeOrderId: o.soA, access, actorId: null });
    expect(await paymentOf(o.placed.id)).toBe("PENDING");
    await confirmReceipt(db.prisma, { number: o.placed.number, storeOrderId: o.soB, access, actorId: null });
    expect(await paymentOf(o.placed.id)).toBe("SUCCEEDED");
  });
});
