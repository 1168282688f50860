import { addToCart, createGuestCart } from "~/models/cart.server";
import { placeOrder } from "~/models/checkout.server";
import { applySellerAction } from "~/models/fulfilment.server";
import { getStoreBalance, inProgressTotals, listLedger, PayoutError, recordPayout } from "~/models/ledger.server";
import { applyCardPaymentEvent } from "~/models/payment.server";
import { autoCompleteDeliveredOrders, confirmBankTransfer } from "~/models/order.server";
import { completeManualRefund } from "~/models/refund.server";
import { createTestDatabase } from "../helpers/database";
import { createRegions, createStoreWithProduct } from "../helpers/marketplace-fixtures";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let districtCode: string;
let adminId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  districtCode = (await createRegions(db.prisma)).districtCode;
  adminId = (await db.prisma.user.create({ data: { email: "admin-ledger@test.id", name: "Admin" }, select: { id: true } })).id;
});
afterAll(() => db.cleanup());

const DAY = 86_400_000;
const T0 = new Date("2026-11-01T03:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

/**
 * One store selling Rp20.000 items (cost Rp12.000, 250 g). Two items = Rp40.000 goods + Rp10.000
 * shipping (first kg) = Rp50.000 per order, with a 10% commission on goods = Rp4.000.
 */
async function shopWithSeller() {
  const shop = await createStoreWithProduct(db.prisma, { variants: [{ name: "250 g", priceIdr: 20000, costIdr: 12000, stock: 100 }] });
  const seller = await db.prisma.user.create({ data: { email: `s-${shop.store.id}@test.id`, name: "Penjual" }, select: { id: true } });
  await db.prisma.storeMember.create({ data: { storeId: shop.store.id, userId: seller.id } });
  await db.prisma.store.update({ where: { id: shop.store.id }, data: { payoutBankName: "BRI", payoutAccountNumber: "0123456789", payoutAccountHolder: "Ibu Uji" } });
  return { ...shop, sellerId: seller.id };
}

type Shop = Awaited<ReturnType<typeof shopWithSeller>>;

async function order(shop: Shop, paymentMethod: "COD" | "CARD" | "BANK_TRANSFER", now: Date) {
  const cartId = await createGuestCart(db.prisma);
  await addToCart(db.prisma, cartId, shop.variantIds[0]!, 2);
  const placed = await placeOrder(db.prisma, {
    cartId,
    buyerId: null,
    email: null,
    recipientName: "Siti",
    phone: "6281234567890",
    addressLine: "Jl. Mawar 1",
    districtCode,
    postalCode: null,
    paymentMethod,
    paymentWindowHours: 24,
    commissionBasisPoints: 1000,
    now,
  });
  const so = await db.prisma.storeOrder.findFirstOrThrow({ where: { orderId: placed.id }, select: { id: true, subtotalIdr: true, shippingIdr: true, commissionIdr: true } });
  expect(so).toMatchObject({ subtotalIdr: 40000, shippingIdr: 10000, commissionIdr: 4000 });
  if (paymentMethod === "CARD") {
    const event = { kind: "checkout_completed", sessionId: `cs_${placed.number}`, paymentIntentId: `pi_${placed.number}`, amountIdr: placed.totalIdr, paid: true, paymentId: placed.paymentId } as const;
    expect(await applyCardPaymentEvent(db.prisma, { eventId: `evt_${placed.number}`, type: "checkout.session.completed", event, now })).toBe("applied");
  }
  if (paymentMethod === "BANK_TRANSFER") await confirmBankTransfer(db.prisma, { paymentId: placed.paymentId, adminId, now });
  return { ...placed, storeOrderId: so.id };
}

/** Takes a paid (or cash-on-delivery) order through shipping and delivery at `now`. */
async function deliver(shop: Shop, storeOrderId: string, now: Date) {
  const status = (await db.prisma.storeOrder.findUniqueOrThrow({ where: { id: storeOrderId }, select: { status: true } })).status;
  if (status === "PAID") await applySellerAction(db.prisma, { userId: shop.sellerId, storeOrderId, action: { kind: "process" }, now });
  await applySellerAction(db.prisma, { userId: shop.sellerId, storeOrderId, action: { kind: "ship", courier: "JNE", waybill: "JNE00112233" }, now });
  await applySellerAction(db.prisma, { userId: shop.sellerId, storeOrderId, action: { kind: "deliver" }, now });
}

const entriesOf = async (storeOrderId: string) =>
  (await db.prisma.ledgerEntry.findMany({ where: { storeOrderId }, select: { kind: true, amountIdr: true }, orderBy: { kind: "asc" } })).map((e) => `${e.kind} ${e.amountIdr}`);

describe("store ledger", () => {
  it("orders, refunds, commission and payouts give the balances computed by hand", async () => {
    const shop = await shopWithSeller();
    const storeId = shop.store.id;

    // Day 0: a cash-on-delivery order is delivered; 3 days later it completes on its own.
    const a = await order(shop, "COD", at(0));
    await deliver(shop, a.storeOrderId, at(0));
    expect(await entriesOf(a.storeOrderId)).toEqual([]); // nothing until completed
    expect(await autoCompleteDeliveredOrders(db.prisma, 3, at(3))).toBeGreaterThanOrEqual(1);
    // The seller holds the Rp50.000 cash; the platform is owed its Rp4.000 commission.
    expect(await entriesOf(a.storeOrderId)).toEqual(["SALE 50000", "COMMISSION -4000", "CASH_COLLECTED -50000"].sort(byKind));

    // Day 1: a card order and a bank-transfer order are delivered, and complete on day 4.
    const b = await order(shop, "CARD", at(1));
    const c = await order(shop, "BANK_TRANSFER", at(1));
    await deliver(shop, b.storeOrderId, at(1));
    await deliver(shop, c.storeOrderId, at(1));
    await autoCompleteDeliveredOrders(db.prisma, 3, at(4));
    expect(await entriesOf(b.storeOrderId)).toEqual(["COMMISSION -4000", "SALE 50000"]);

    // A paid order cancelled before shipping never reaches the ledger (its refund waits for an admin).
    const d = await order(shop, "BANK_TRANSFER", at(4));
    const cancelled = await applySellerAction(db.prisma, { userId: shop.sellerId, storeOrderId: d.storeOrderId, action: { kind: "cancel", reason: "Bahan baku habis" }, now: at(4) });
    // The whole transfer goes back, its unique code included: nothing of this order is delivered any more.
    expect(d.totalIdr).toBeGreaterThan(50000);
    expect(cancelled.refund).toMatchObject({ kind: "bank", amountIdr: d.totalIdr, status: "MANUAL_PENDING" });
    expect(await entriesOf(d.storeOrderId)).toEqual([]);

    // Day 5: A's credit (held 3 days from day 3) is available since day 6, B's and C's since day 7.
    expect(await getStoreBalance(db.prisma, storeId, at(5))).toEqual({ pendingIdr: -4000 + 46000 + 46000, availableIdr: 0, paidOutIdr: 0, earnedIdr: 88000 });
    expect(await getStoreBalance(db.prisma, storeId, at(7))).toEqual({ pendingIdr: 0, availableIdr: 88000, paidOutIdr: 0, earnedIdr: 88000 });

    // Day 7: the seller refunds the completed bank-transfer order C: -Rp50.000, commission back +Rp4.000.
    const refundC = await applySellerAction(db.prisma, { userId: shop.sellerId, storeOrderId: c.storeOrderId, action: { kind: "refund", reason: "Barang rusak di jalan" }, now: at(7) });
    expect(refundC.refund).toMatchObject({ kind: "bank", status: "MANUAL_PENDING" });
    expect(await entriesOf(c.storeOrderId)).toEqual(["COMMISSION -4000", "COMMISSION_REVERSAL 4000", "REFUND -50000", "SALE 50000"]);
    expect(await getStoreBalance(db.prisma, storeId, at(7))).toMatchObject({ availableIdr: 42000, earnedIdr: 42000 });

    // The admin pays out: more than is available is refused and writes nothing; then Rp40.000.
    await expect(recordPayout(db.prisma, { storeId, amountIdr: 50000, bankReference: "TRF-001", paidAt: at(7), adminId, now: at(7) })).rejects.toMatchObject({ code: "exceeds_available" });
    await recordPayout(db.prisma, { storeId, amountIdr: 40000, bankReference: "TRF-002", paidAt: at(7), adminId, now: at(7) });
    await expect(recordPayout(db.prisma, { storeId, amountIdr: 1000, bankReference: "TRF-002", paidAt: at(7), adminId, now: at(7) })).rejects.toMatchObject({ code: "duplicate_reference" });
    expect(await db.prisma.payout.count({ where: { storeId } })).toBe(1);

    // Day 8: card order E completes (pending until day 11); the seller pays COD order A's cash back.
    const e = await order(shop, "CARD", at(5));
    await deliver(shop, e.storeOrderId, at(5));
    await autoCompleteDeliveredOrders(db.prisma, 3, at(8));
    const refundA = await applySellerAction(db.prisma, { userId: shop.sellerId, storeOrderId: a.storeOrderId, action: { kind: "refund", reason: "Pembeli mengembalikan barang" }, now: at(8) });
    expect(refundA.refund).toMatchObject({ kind: "cash", status: "SUCCEEDED", amountIdr: 50000 });
    expect(await entriesOf(a.storeOrderId)).toEqual(
      ["SALE 50000", "COMMISSION -4000", "CASH_COLLECTED -50000", "REFUND -50000", "COMMISSION_REVERSAL 4000", "CASH_RETURNED 50000"].sort(byKind),
    );

    // earned = -4.000 + 46.000 + 46.000 - 46.000 (C refunded) + 46.000 (E) + 4.000 (A's commission back) = 92.000
    const balance = await getStoreBalance(db.prisma, storeId, at(8));
    expect(balance).toEqual({ pendingIdr: 46000, availableIdr: 6000, paidOutIdr: 40000, earnedIdr: 92000 });
    // The ledger balances: every line adds up to what is still owed, pending + available.
    const sum = await db.prisma.ledgerEntry.aggregate({ where: { storeId }, _sum: { amountIdr: true } });
    expect(sum._sum.amountIdr).toBe(balance.pendingIdr + balance.availableIdr);
    // Line by line, the newest line's running total is that same sum.
    const page = await listLedger(db.prisma, storeId, 1);
    expect(page.lines[0]!.runningIdr).toBe(52000);
    expect(page.lines.at(-1)!.runningIdr).toBe(page.lines.at(-1)!.amountIdr);
    expect(page.lines.find((l) => l.kind === "PAYOUT")).toMatchObject({ amountIdr: -40000, bankReference: "TRF-002" });

    // The admin sends C's money back to the buyer and records the transfer.
    const refundRow = await db.prisma.refund.findUniqueOrThrow({ where: { storeOrderId: c.storeOrderId }, select: { id: true, paymentId: true } });
    await completeManualRefund(db.prisma, { refundId: refundRow.id, bankReference: "BALIK-77", adminId, now: at(8) });
    await expect(completeManualRefund(db.prisma, { refundId: refundRow.id, bankReference: "BALIK-77", adminId, now: at(8) })).rejects.toMatchObject({ code: "not_allowed" });
    const payment = await db.prisma.payment.findUniqueOrThrow({ where: { id: refundRow.paymentId }, select: { status: true, refundedIdr: true, amountIdr: true } });
    expect(payment).toEqual({ status: "REFUNDED", refundedIdr: c.totalIdr, amountIdr: c.totalIdr }); // unique code included
  });

  it("two payouts at once cannot both spend the same balance", async () => {
    const shop = await shopWithSeller();
    const o = await order(shop, "CARD", at(0));
    await deliver(shop, o.storeOrderId, at(0));
    await autoCompleteDeliveredOrders(db.prisma, 1, at(1));
    const now = at(10);
    expect((await getStoreBalance(db.prisma, shop.store.id, now)).availableIdr).toBe(46000);
    const attempts = await Promise.allSettled(
      ["A", "B", "C"].map((ref) => recordPayout(db.prisma, { storeId: shop.store.id, amountIdr: 46000, bankReference: `TRF-${ref}`, paidAt: now, adminId, now })),
    );
    expect(attempts.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(attempts.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof PayoutError)).toBe(true);
    expect(await getStoreBalance(db.prisma, shop.store.id, now)).toMatchObject({ availableIdr: 0, paidOutIdr: 46000 });
  });

  it("bad payouts are refused and write nothing", async () => {
    const shop = await shopWithSeller();
    for (const amountIdr of [0, -5000, 12.5]) {
      await expect(recordPayout(db.prisma, { storeId: shop.store.id, amountIdr, bankReference: "X-1", paidAt: T0, adminId })).rejects.toMatchObject({ code: "bad_amount" });
    }
    await expect(recordPayout(db.prisma, { storeId: "tidak-ada", amountIdr: 1000, bankReference: "X-1", paidAt: T0, adminId })).rejects.toMatchObject({ code: "store_not_found" });
    // No payout account: there is nowhere to send money, whatever the balance.
    const o = await order(shop, "CARD", at(0));
    await deliver(shop, o.storeOrderId, at(0));
    await autoCompleteDeliveredOrders(db.prisma, 1, at(1));
    await db.prisma.store.update({ where: { id: shop.store.id }, data: { payoutAccountNumber: null } });
    await expect(recordPayout(db.prisma, { storeId: shop.store.id, amountIdr: 1000, bankReference: "X-2", paidAt: at(9), adminId, now: at(9) })).rejects.toMatchObject({ code: "no_account" });
    expect(await db.prisma.payout.count({ where: { storeId: shop.store.id } })).toBe(0);
  });

  it("a completion is credited once, however often auto-completion runs", async () => {
    const shop = await shopWithSeller();
    const o = await order(shop, "CARD", at(0));
    await deliver(shop, o.storeOrderId, at(0));
    await Promise.all([autoCompleteDeliveredOrders(db.prisma, 3, at(3)), autoCompleteDeliveredOrders(db.prisma, 3, at(3))]);
    await autoCompleteDeliveredOrders(db.prisma, 3, at(9));
    expect(await entriesOf(o.storeOrderId)).toEqual(["COMMISSION -4000", "SALE 50000"]);
  });
});

function byKind(a: string, b: string) {
  return a.split(" ")[0]!.localeCompare(b.split(" ")[0]!);
}

describe("review fixes: refunds and the balance", () => {
  it("a refund within the hold period leaves the available balance alone", async () => {
    const shop = await shopWithSeller();
    const old = await order(shop, "CARD", at(0));
    await deliver(shop, old.storeOrderId, at(0));
    await autoCompleteDeliveredOrders(db.prisma, 1, at(1)); // available from day 4
    const recent = await order(shop, "CARD", at(4));
    await deliver(shop, recent.storeOrderId, at(4));
    await autoCompleteDeliveredOrders(db.prisma, 1, at(5)); // held until day 8
    await applySellerAction(db.prisma, { userId: shop.sellerId, storeOrderId: recent.storeOrderId, action: { kind: "refund", reason: "Barang rusak" }, now: at(6), cardPayments: null });
    // The older sale can still be paid out in full; nothing of the refunded one is held any more.
    expect(await getStoreBalance(db.prisma, shop.store.id, at(6))).toEqual({ pendingIdr: 0, availableIdr: 46000, paidOutIdr: 0, earnedIdr: 46000 });
    await recordPayout(db.prisma, { storeId: shop.store.id, amountIdr: 46000, bankReference: "TRF-HOLD", paidAt: at(6), adminId, now: at(6) });
    expect(await getStoreBalance(db.prisma, shop.store.id, at(9))).toEqual({ pendingIdr: 0, availableIdr: 0, paidOutIdr: 46000, earnedIdr: 46000 });
  });

  it("a seller cannot refund a completed order whose money was already paid out; nothing is written", async () => {
    const shop = await shopWithSeller();
    const o = await order(shop, "BANK_TRANSFER", at(0));
    await deliver(shop, o.storeOrderId, at(0));
    await autoCompleteDeliveredOrders(db.prisma, 1, at(1));
    await recordPayout(db.prisma, { storeId: shop.store.id, amountIdr: 46000, bankReference: "TRF-ALL", paidAt: at(5), adminId, now: at(5) });
    await expect(
      applySellerAction(db.prisma, { userId: shop.sellerId, storeOrderId: o.storeOrderId, action: { kind: "refund", reason: "Pembeli minta uang kembali" }, now: at(120) }),
    ).rejects.toMatchObject({ code: "balance_too_low" });
    expect((await db.prisma.storeOrder.findUniqueOrThrow({ where: { id: o.storeOrderId }, select: { status: true } })).status).toBe("COMPLETED");
    expect(await db.prisma.refund.count({ where: { storeOrderId: o.storeOrderId } })).toBe(0);
    expect(await getStoreBalance(db.prisma, shop.store.id, at(120))).toMatchObject({ availableIdr: 0, paidOutIdr: 46000 });
  });

  it("money coming to the balance from orders under way leaves cash on delivery out", async () => {
    const shop = await shopWithSeller();
    await order(shop, "COD", at(0));
    await order(shop, "CARD", at(0));
    expect(await inProgressTotals(db.prisma, shop.store.id)).toEqual({ count: 1, amountIdr: 46000 });
  });
});
