import { addToCart, createGuestCart } from "~/models/cart.server";
import { placeOrder } from "~/models/checkout.server";
import { applySellerAction } from "~/models/fulfilment.server";
import { cancelOrderByBuyer, confirmBankTransfer } from "~/models/order.server";
import {
  eventActorKind,
  findSellerStoreOrderRef,
  getPackingSlips,
  getSellerStoreOrder,
  listSellerStoreOrders,
  parseInboxQuery,
  sellerHomeCounts,
} from "~/models/seller-orders.server";
import type { InboxTab } from "~/models/seller-order-tabs";
import { formatDateTime } from "~/utils/dates";
import { createTestDatabase } from "../helpers/database";
import { createRegions, createStoreWithProduct } from "../helpers/marketplace-fixtures";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let districtCode: string;

beforeAll(async () => {
  db = await createTestDatabase();
  districtCode = (await createRegions(db.prisma)).districtCode;
});
afterAll(() => db.cleanup());

type Shop = Awaited<ReturnType<typeof createStoreWithProduct>>;

async function sellerOf(...shops: Shop[]) {
  const user = await db.prisma.user.create({
    data: { email: `seller-${crypto.randomUUID()}@test.id`, name: `Penjual ${shops.length}`, roles: { create: { role: "SELLER" } } },
    select: { id: true, name: true },
  });
  for (const shop of shops) await db.prisma.storeMember.create({ data: { storeId: shop.store.id, userId: user.id } });
  return user;
}

const newShop = (stock = 50) => createStoreWithProduct(db.prisma, { variants: [{ name: "250 g", priceIdr: 15000, stock }] });

/** One checkout from the given stores (one unit of each store's first variant, `quantity` of the first). */
async function order(shops: Shop[], paymentMethod: "COD" | "BANK_TRANSFER", now: Date, quantity = 2) {
  const cartId = await createGuestCart(db.prisma);
  for (const [i, shop] of shops.entries()) await addToCart(db.prisma, cartId, shop.variantIds[0]!, i === 0 ? quantity : 1);
  const placed = await placeOrder(db.prisma, {
    cartId,
    buyerId: null,
    email: null,
    recipientName: "Siti Aminah",
    phone: "6281234567890",
    addressLine: "Jl. Mawar 1 RT 02/RW 03",
    districtCode,
    postalCode: "40973",
    paymentMethod,
    paymentWindowHours: 24,
    now,
  });
  const parts = await db.prisma.storeOrder.findMany({ where: { orderId: placed.id }, select: { id: true, storeId: true } });
  return { ...placed, partOf: (shop: Shop) => parts.find((p) => p.storeId === shop.store.id)!.id };
}

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 3, minutes));
const setStatus = (storeOrderId: string, status: "PAID" | "COMPLETED" | "DELIVERED") => db.prisma.storeOrder.update({ where: { id: storeOrderId }, data: { status } });
const query = (tab: InboxTab, extra: Partial<{ storeId: string; page: number }> = {}) => ({ tab, storeId: extra.storeId ?? null, page: extra.page ?? 1 });

describe("the seller's inbox", () => {
  it("puts each store order in its tab, counts every tab, newest first, and shows only the seller's own", async () => {
    const shop = await newShop();
    const other = await newShop();
    const seller = await sellerOf(shop);
    const otherSeller = await sellerOf(other);

    const cod = await order([shop], "COD", at(1)); // PROCESSING: needs the seller
    const unpaid = await order([shop], "BANK_TRANSFER", at(2)); // AWAITING_PAYMENT
    const paid = await order([shop], "BANK_TRANSFER", at(3));
    await setStatus(paid.partOf(shop), "PAID");
    const shipped = await order([shop], "COD", at(4));
    await applySellerAction(db.prisma, { userId: seller.id, storeOrderId: shipped.partOf(shop), action: { kind: "ship", courier: "JNE", waybill: "JNE0012345678" } });
    const delivered = await order([shop], "COD", at(5));
    await setStatus(delivered.partOf(shop), "DELIVERED");
    const completed = await order([shop], "COD", at(6));
    await setStatus(completed.partOf(shop), "COMPLETED");
    const cancelled = await order([shop], "COD", at(7));
    await applySellerAction(db.prisma, { userId: seller.id, storeOrderId: cancelled.partOf(shop), action: { kind: "cancel", reason: "Bahan baku habis" } });
    const foreign = await order([other], "COD", at(8));

    const needs = await listSellerStoreOrders(db.prisma, seller.id, query("perlu-diproses"));
    expect(needs.counts).toEqual({ "perlu-diproses": 2, "menunggu-pembayaran": 1, dikirim: 2, selesai: 1, batal: 1, semua: 7 });
    expect(needs.rows.map((r) => r.number)).toEqual([paid.number, cod.number]);
    expect(needs.rows[0]).toMatchObject({ status: "PAID", paymentMethod: "BANK_TRANSFER", paymentStatus: "PENDING", recipientName: "Siti Aminah", totalIdr: 30000 + 10000 });
    expect(needs.rows[0]!.items).toEqual([{ productTitle: expect.stringMatching(/^Keripik /), variantName: "250 g", quantity: 2 }]);

    const tabs: [InboxTab, string[]][] = [
      ["menunggu-pembayaran", [unpaid.number]],
      ["dikirim", [delivered.number, shipped.number]],
      ["selesai", [completed.number]],
      ["batal", [cancelled.number]],
      ["semua", [cancelled, completed, delivered, shipped, paid, unpaid, cod].map((o) => o.number)],
    ];
    for (const [tab, numbers] of tabs) {
      expect((await listSellerStoreOrders(db.prisma, seller.id, query(tab))).rows.map((r) => r.number), tab).toEqual(numbers);
    }
    const shippedRow = (await listSellerStoreOrders(db.prisma, seller.id, query("dikirim"))).rows[1]!;
    expect(shippedRow).toMatchObject({ courier: "JNE", waybill: "JNE0012345678" });

    const theirs = await listSellerStoreOrders(db.prisma, otherSeller.id, query("semua"));
    expect(theirs.rows.map((r) => r.number)).toEqual([foreign.number]);
    expect(theirs.counts.semua).toBe(1);
    expect(await sellerHomeCounts(db.prisma, seller.id)).toMatchObject({ needsAction: 2 });
  });

  it("filters by store (another seller's store gives nothing) and pages through, clamping a page past the end", async () => {
    const first = await newShop();
    const second = await newShop();
    const foreign = await newShop();
    const seller = await sellerOf(first, second);
    await sellerOf(foreign);
    const numbers: string[] = [];
    for (let i = 0; i < 5; i += 1) numbers.unshift((await order([first], "COD", at(10 + i))).number);
    const both = await order([first, second], "COD", at(20));

    const onlySecond = await listSellerStoreOrders(db.prisma, seller.id, query("semua", { storeId: second.store.id }));
    expect(onlySecond.rows.map((r) => [r.number, r.storeId])).toEqual([[both.number, second.store.id]]);
    expect(onlySecond.counts.semua).toBe(1);
    const all = await listSellerStoreOrders(db.prisma, seller.id, query("semua"));
    expect(all.counts.semua).toBe(7);
    const foreignStore = await listSellerStoreOrders(db.prisma, seller.id, query("semua", { storeId: foreign.store.id }));
    expect(foreignStore.rows).toEqual([]);
    expect(foreignStore.counts.semua).toBe(0);

    const page1 = await listSellerStoreOrders(db.prisma, seller.id, query("semua", { storeId: first.store.id }), 2);
    expect(page1).toMatchObject({ page: 1, pageCount: 3, total: 6 });
    expect(page1.rows.map((r) => r.number)).toEqual([both.number, numbers[0]]);
    const page3 = await listSellerStoreOrders(db.prisma, seller.id, query("semua", { storeId: first.store.id, page: 3 }), 2);
    expect(page3.rows.map((r) => r.number)).toEqual([numbers[3], numbers[4]]);
    const beyond = await listSellerStoreOrders(db.prisma, seller.id, query("semua", { storeId: first.store.id, page: 99 }), 2);
    expect(beyond.page).toBe(3);
    expect(beyond.rows.map((r) => r.number)).toEqual([numbers[3], numbers[4]]);
  });

  it("shows each order's time in its store's own zone (WIB in Jawa Barat, WITA in Nusa Tenggara Timur)", async () => {
    const java = await newShop();
    const kupang = await newShop();
    await db.prisma.store.update({ where: { id: kupang.store.id }, data: { regencyCode: "53.71" } });
    const seller = await sellerOf(java, kupang);
    const placed = await order([java, kupang], "COD", new Date("2026-11-29T16:30:00Z"));

    const { rows } = await listSellerStoreOrders(db.prisma, seller.id, query("semua"));
    const shown = Object.fromEntries(rows.map((r) => [r.storeId, formatDateTime(r.placedAt, r.timeZone, "id")]));
    expect(shown).toEqual({ [java.store.id]: "29 Nov 2026 23.30 WIB", [kupang.store.id]: "30 Nov 2026 00.30 WITA" });
    const detail = await getSellerStoreOrder(db.prisma, seller.id, placed.partOf(kupang));
    expect(detail?.timeZone).toBe("Asia/Makassar");
  });

  it("reads unusable GET parameters as the defaults", () => {
    expect(parseInboxQuery(new URLSearchParams("status=dikirim&toko=abc&halaman=3"))).toEqual({ tab: "dikirim", storeId: "abc", page: 3 });
    expect(parseInboxQuery(new URLSearchParams("status=DROP%20TABLE&halaman=-1&toko="))).toEqual({ tab: "perlu-diproses", storeId: null, page: 1 });
    expect(parseInboxQuery(new URLSearchParams(`halaman=1e3&toko=${"x".repeat(65)}`))).toEqual({ tab: "perlu-diproses", storeId: null, page: 1 });
  });
});

describe("one store order, and packing slips", () => {
  it("gives the whole store part to its seller, with who did what, and nothing to another seller", async () => {
    const shop = await newShop();
    const other = await newShop();
    const seller = await sellerOf(shop);
    const otherSeller = await sellerOf(other);
    const admin = await db.prisma.user.create({ data: { email: `admin-${crypto.randomUUID()}@test.id`, name: "Admin Rina", roles: { create: { role: "ADMIN" } } }, select: { id: true } });
    const placed = await order([shop, other], "BANK_TRANSFER", at(30), 3);
    const mine = placed.partOf(shop);
    await db.prisma.storeOrder.update({ where: { id: mine }, data: { commissionIdr: 2250 } });
    const payment = await db.prisma.payment.findFirstOrThrow({ where: { orderId: placed.id }, select: { id: true } });
    await confirmBankTransfer(db.prisma, { paymentId: payment.id, adminId: admin.id });
    await applySellerAction(db.prisma, { userId: seller.id, storeOrderId: mine, action: { kind: "process" } });
    await applySellerAction(db.prisma, { userId: seller.id, storeOrderId: mine, action: { kind: "ship", courier: "POS Indonesia", waybill: "P2611290001" } });

    const detail = await getSellerStoreOrder(db.prisma, seller.id, mine);
    expect(detail).toMatchObject({
      number: placed.number,
      status: "SHIPPED",
      subtotalIdr: 45000,
      shippingIdr: 10000,
      totalIdr: 55000,
      commissionIdr: 2250,
      courier: "POS Indonesia",
      waybill: "P2611290001",
      paymentMethod: "BANK_TRANSFER",
      payment: { provider: "BANK_TRANSFER", status: "SUCCEEDED" },
      refund: null,
      onlyOpenPart: false,
      recipient: { name: "Siti Aminah", phone: "6281234567890", district: "Ciwidey", regency: "Kabupaten Bandung", province: "Jawa Barat", postalCode: "40973" },
    });
    expect(detail!.items).toEqual([expect.objectContaining({ variantName: "250 g", quantity: 3, unitPriceIdr: 15000, lineTotalIdr: 45000 })]);
    expect(detail!.events.map((e) => [e.toStatus, e.actorKind, e.actorName])).toEqual([
      ["AWAITING_PAYMENT", "buyer", null],
      ["PAID", "admin", "Admin Rina"],
      ["PROCESSING", "seller", seller.name],
      ["SHIPPED", "seller", seller.name],
    ]);

    expect(await getSellerStoreOrder(db.prisma, otherSeller.id, mine)).toBeNull();
    expect(await findSellerStoreOrderRef(db.prisma, otherSeller.id, mine)).toBeNull();
    expect(await findSellerStoreOrderRef(db.prisma, seller.id, mine)).toEqual({ id: mine, orderId: placed.id });
  });

  it("makes slips without prices for the seller's own ids only; one unknown or foreign id gives none", async () => {
    const shop = await newShop();
    const other = await newShop();
    const seller = await sellerOf(shop);
    await sellerOf(other);
    const a = await order([shop], "COD", at(40));
    const b = await order([shop], "COD", at(41));
    const theirs = await order([other], "COD", at(42));
    await applySellerAction(db.prisma, { userId: seller.id, storeOrderId: b.partOf(shop), action: { kind: "ship", courier: "JNE", waybill: "JNE0099887766" } });

    const slips = await getPackingSlips(db.prisma, seller.id, [b.partOf(shop), a.partOf(shop), b.partOf(shop)]);
    expect(slips?.map((s) => s.number)).toEqual([b.number, a.number]);
    expect(slips![0]).toMatchObject({
      cashOnDelivery: true,
      courier: "JNE",
      waybill: "JNE0099887766",
      sender: { storeName: shop.store.name, regency: "Kabupaten Bandung", whatsapp: "6281234567890" },
      recipient: { name: "Siti Aminah", addressLine: "Jl. Mawar 1 RT 02/RW 03", district: "Ciwidey", postalCode: "40973" },
    });
    expect(slips![0]!.items).toEqual([{ id: expect.any(String), productTitle: expect.stringMatching(/^Keripik /), variantName: "250 g", quantity: 2 }]);
    // The one amount a slip carries: what the courier collects on cash on delivery (goods + shipping).
    expect(slips!.map((s) => s.collectIdr)).toEqual([30000 + 10000, 30000 + 10000]);
    expect(JSON.stringify(slips!.map(({ collectIdr: _collect, ...rest }) => rest))).not.toMatch(/Idr/);

    expect(await getPackingSlips(db.prisma, seller.id, [a.partOf(shop), theirs.partOf(other)])).toBeNull();
    expect(await getPackingSlips(db.prisma, seller.id, [a.partOf(shop), "tidak-ada"])).toBeNull();
    expect(await getPackingSlips(db.prisma, seller.id, [])).toBeNull();
  });

  it("counts low-stock products for the home page, leaving archived ones out", async () => {
    const shop = await newShop(3);
    const seller = await sellerOf(shop);
    expect(await sellerHomeCounts(db.prisma, seller.id)).toEqual({ needsAction: 0, lowStockProducts: 1 });
    await db.prisma.product.update({ where: { id: shop.productId }, data: { status: "ARCHIVED" } });
    expect((await sellerHomeCounts(db.prisma, seller.id)).lowStockProducts).toBe(0);
  });

  it("tells who moved an order when the event has no account", async () => {
    const shop = await newShop();
    const seller = await sellerOf(shop);
    const placed = await order([shop], "BANK_TRANSFER", at(50));
    await cancelOrderByBuyer(db.prisma, { number: placed.number, access: { guestToken: placed.guestToken! }, actorId: null });
    const detail = await getSellerStoreOrder(db.prisma, seller.id, placed.partOf(shop));
    expect(detail!.events.map((e) => e.actorKind)).toEqual(["buyer", "guestOrSystem"]);

    const base = { fromStatus: "AWAITING_PAYMENT" as const, storeMemberIds: ["s1"] };
    expect(eventActorKind({ ...base, actor: null, toStatus: "PAID", buyerId: null })).toBe("system");
    expect(eventActorKind({ ...base, actor: null, toStatus: "CANCELLED", buyerId: "b1" })).toBe("system");
    expect(eventActorKind({ ...base, actor: { id: "b1", roles: ["SHOPPER"] }, toStatus: "CANCELLED", buyerId: "b1" })).toBe("buyer");
    expect(eventActorKind({ ...base, actor: { id: "s1", roles: ["SELLER", "SHOPPER"] }, toStatus: "CANCELLED", buyerId: "b1" })).toBe("seller");
    expect(eventActorKind({ ...base, actor: { id: "a1", roles: ["ADMIN"] }, toStatus: "CANCELLED", buyerId: "b1" })).toBe("admin");
  });
});
