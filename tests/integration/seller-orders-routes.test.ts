import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { addToCart, createGuestCart } from "~/models/cart.server";
import { placeOrder } from "~/models/checkout.server";
import { EmbeddedSearchEngine } from "~/services/search/embedded.server";
import { createTestDatabase } from "../helpers/database";
import { createSessionUser, getRequest as get, postForm as post, routeOutcome as outcome } from "../helpers/route-session";
import { createRegions, createStoreWithProduct } from "../helpers/marketplace-fixtures";

// The seller's order routes called exactly as Remix calls them: a real Request with a session cookie,
// against a real database. Another seller's store order must look like one that does not exist (404)
// on every route and for every action, and a refused step must change nothing.

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Action = (args: ActionFunctionArgs) => Promise<unknown>;

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let districtCode: string;
let orderPage: { loader: Loader; action: Action };
let inbox: { loader: Loader };
let slip: { loader: Loader };
let bulkSlip: { loader: Loader };
let home: { loader: Loader };

beforeAll(async () => {
  db = await createTestDatabase();
  districtCode = (await createRegions(db.prisma)).districtCode;
  // The routes use the app's one Prisma client and product search: point both at this test's database
  // before anything imports ~/utils/db.server (which keeps the client it finds in globalThis.__prisma).
  globalThis.__prisma = db.prisma;
  const { ProductSearch } = await import("~/models/product-search.server");
  globalThis.__productSearch = new ProductSearch({ db: db.prisma, engine: new EmbeddedSearchEngine(), autoSync: true, freshnessMs: 0 });
  // Tests call the route modules exactly as Remix does (imported after the client is in place).
  orderPage = await import("~/routes/penjual.pesanan.$storeOrderId");
  inbox = await import("~/routes/penjual.pesanan._index");
  slip = await import("~/routes/penjual.pesanan.$storeOrderId_.slip");
  bulkSlip = await import("~/routes/penjual.pesanan.slip");
  home = await import("~/routes/penjual._index");
});
afterAll(async () => {
  globalThis.__productSearch = undefined;
  globalThis.__prisma = undefined;
  await db.cleanup();
});

const userWith = (roles: ("SELLER" | "SHOPPER")[]) => createSessionUser(db.prisma, roles, { name: "Penjual Uji" });

/** Two stores with a seller each; one order from each store, paid by `method`. */
async function twoSellers(method: "COD" | "BANK_TRANSFER" = "COD") {
  const shops = await Promise.all([0, 1].map(() => createStoreWithProduct(db.prisma, { variants: [{ name: "250 g", priceIdr: 15000, stock: 10 }] })));
  const sellers = await Promise.all(shops.map(() => userWith(["SELLER", "SHOPPER"])));
  for (const [i, shop] of shops.entries()) await db.prisma.storeMember.create({ data: { storeId: shop.store.id, userId: sellers[i]!.id } });
  const storeOrderOf = async (shop: (typeof shops)[number]) => {
    const cartId = await createGuestCart(db.prisma);
    await addToCart(db.prisma, cartId, shop.variantIds[0]!, 2);
    const placed = await placeOrder(db.prisma, {
      cartId,
      buyerId: null,
      email: null,
      recipientName: "Siti Aminah",
      phone: "6281234567890",
      addressLine: "Jl. Mawar 1 RT 02/RW 03",
      districtCode,
      postalCode: null,
      paymentMethod: method,
      paymentWindowHours: 24,
    });
    return (await db.prisma.storeOrder.findFirstOrThrow({ where: { orderId: placed.id }, select: { id: true } })).id;
  };
  const [a, b] = await Promise.all(shops.map(storeOrderOf));
  return { shopA: shops[0]!, shopB: shops[1]!, sellerA: sellers[0]!, sellerB: sellers[1]!, soA: a!, soB: b! };
}

const callLoader = (route: { loader: Loader }, path: string, cookie: string | undefined, params: Record<string, string> = {}) =>
  outcome(() => route.loader({ request: get(path, cookie), params, context: {} }));
const act = (storeOrderId: string, cookie: string, fields: Record<string, string>) =>
  outcome(() => orderPage.action({ request: post(`/penjual/pesanan/${storeOrderId}`, cookie, fields), params: { storeOrderId }, context: {} }));

/** Everything an action could change about a store order. */
async function snapshot(storeOrderId: string) {
  const so = await db.prisma.storeOrder.findUniqueOrThrow({
    where: { id: storeOrderId },
    select: {
      status: true,
      courier: true,
      waybill: true,
      cancelReason: true,
      updatedAt: true,
      _count: { select: { events: true, stockMovements: true } },
      order: { select: { payments: { select: { status: true, amountIdr: true } } } },
      items: { select: { variant: { select: { stock: true } } } },
    },
  });
  const audits = await db.prisma.auditLog.count({ where: { subjectId: storeOrderId } });
  return { ...so, audits };
}

const INTENTS: Record<string, string>[] = [
  { intent: "process" },
  { intent: "ship", courier: "JNE", waybill: "JNE0012345678" },
  { intent: "deliver" },
  { intent: "cancel", reason: "Bukan pesanan toko saya" },
  { intent: "refund", reason: "Bukan pesanan toko saya" },
];

describe("another seller's store order is not found, and nothing changes", () => {
  it("on the order page, for every action intent, on the slip and the bulk slip", async () => {
    const { sellerA, sellerB, soA, soB } = await twoSellers("COD");
    const before = await snapshot(soA);

    expect((await callLoader(orderPage, `/penjual/pesanan/${soA}`, sellerA.cookie, { storeOrderId: soA })).status).toBe(200);
    expect((await callLoader(orderPage, `/penjual/pesanan/${soA}`, sellerB.cookie, { storeOrderId: soA })).status).toBe(404);
    for (const fields of INTENTS) {
      expect((await act(soA, sellerB.cookie, fields)).status, fields.intent).toBe(404);
      // A body that names the seller's own store order does not help: the URL decides.
      expect((await act(soA, sellerB.cookie, { ...fields, storeOrderId: soB })).status, fields.intent).toBe(404);
    }
    // Bad input for a foreign id is still "not found", never a hint that it exists.
    expect((await act(soA, sellerB.cookie, { intent: "ship", courier: "", waybill: "x" })).status).toBe(404);
    expect((await act("tidak-ada", sellerB.cookie, { intent: "process" })).status).toBe(404);

    expect((await callLoader(slip, `/penjual/pesanan/${soA}/slip`, sellerB.cookie, { storeOrderId: soA })).status).toBe(404);
    expect((await callLoader(slip, `/penjual/pesanan/${soA}/slip`, sellerA.cookie, { storeOrderId: soA })).status).toBe(200);
    expect((await callLoader(bulkSlip, `/penjual/pesanan/slip?id=${soB}&id=${soA}`, sellerB.cookie)).status).toBe(404);
    expect((await callLoader(bulkSlip, `/penjual/pesanan/slip?id=${soB}&id=tidak-ada`, sellerB.cookie)).status).toBe(404);
    expect((await callLoader(bulkSlip, `/penjual/pesanan/slip?id=${soB}`, sellerB.cookie)).status).toBe(200);

    expect(await snapshot(soA)).toEqual(before);
    // And the inbox never lists it.
    const theirInbox = await callLoader(inbox, "/penjual/pesanan?status=semua", sellerB.cookie);
    expect(JSON.stringify(theirInbox.body)).not.toContain(soA);
    expect(JSON.stringify(theirInbox.body)).toContain(soB);
  });

  it("the inbox answers 404 for another seller's store in its filter, 403 to a shopper and login to a visitor", async () => {
    const { shopA, shopB, sellerB } = await twoSellers();
    expect((await callLoader(inbox, `/penjual/pesanan?toko=${shopA.store.id}`, sellerB.cookie)).status).toBe(404);
    expect((await callLoader(inbox, `/penjual/pesanan?toko=${shopB.store.id}`, sellerB.cookie)).status).toBe(200);
    const shopper = await userWith(["SHOPPER"]);
    for (const route of [inbox, home, bulkSlip]) expect((await callLoader(route, "/penjual/pesanan", shopper.cookie)).status).toBe(403);
    const anonymous = await callLoader(inbox, "/penjual/pesanan", undefined);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toBe(`/masuk?redirectTo=${encodeURIComponent("/penjual/pesanan")}`);
    const shopperAction = await outcome(() =>
      orderPage.action({ request: post(`/penjual/pesanan/x`, shopper.cookie, { intent: "process" }), params: { storeOrderId: "x" }, context: {} }),
    );
    expect(shopperAction.status).toBe(403);
  });
});

describe("the seller's own store order", () => {
  it("refuses illegal steps with 409 and changes nothing: ship or deliver before payment, deliver twice, process twice", async () => {
    const unpaid = await twoSellers("BANK_TRANSFER");
    const before = await snapshot(unpaid.soA);
    for (const fields of [INTENTS[1]!, INTENTS[2]!, INTENTS[0]!, INTENTS[4]!]) {
      const answer = await act(unpaid.soA, unpaid.sellerA.cookie, fields);
      expect(answer.status, fields.intent).toBe(409);
      expect(answer.body).toMatchObject({ error: "shop.errorOrderAction", intent: fields.intent });
    }
    expect(await snapshot(unpaid.soA)).toEqual(before);

    const cod = await twoSellers("COD");
    expect((await act(cod.soA, cod.sellerA.cookie, INTENTS[0]!)).status).toBe(409); // COD starts PROCESSING: nothing to start
    expect(await act(cod.soA, cod.sellerA.cookie, INTENTS[1]!)).toMatchObject({ status: 302, location: `/penjual/pesanan/${cod.soA}?selesai=ship` });
    expect(await act(cod.soA, cod.sellerA.cookie, INTENTS[2]!)).toMatchObject({ status: 302, location: `/penjual/pesanan/${cod.soA}?selesai=deliver` });
    const delivered = await snapshot(cod.soA);
    expect(delivered).toMatchObject({ status: "DELIVERED", courier: "JNE", waybill: "JNE0012345678" });
    expect((await act(cod.soA, cod.sellerA.cookie, INTENTS[2]!)).status).toBe(409);
    expect((await act(cod.soA, cod.sellerA.cookie, INTENTS[1]!)).status).toBe(409);
    expect(await snapshot(cod.soA)).toEqual(delivered);
  });

  it("answers bad input with 400 and the message, keeps what was typed, and changes nothing", async () => {
    const { sellerA, soA } = await twoSellers("COD");
    const before = await snapshot(soA);
    const badWaybill = await act(soA, sellerA.cookie, { intent: "ship", courier: "JNE", waybill: "12" });
    expect(badWaybill).toMatchObject({ status: 400, body: { error: "shop.errorWaybill", intent: "ship", values: { courier: "JNE", waybill: "12" } } });
    expect((await act(soA, sellerA.cookie, { intent: "cancel", reason: "x" })).body).toMatchObject({ error: "shop.errorReason", intent: "cancel" });
    expect(await act(soA, sellerA.cookie, { intent: "terbang" })).toMatchObject({ status: 400, body: { error: "shop.errorBadRequest", intent: null } });
    const json = await outcome(() =>
      orderPage.action({
        request: new Request(`http://localhost/penjual/pesanan/${soA}`, { method: "POST", headers: { Cookie: sellerA.cookie, "Content-Type": "application/json" }, body: "{" }),
        params: { storeOrderId: soA },
        context: {},
      }),
    );
    expect(json.status).toBe(415);
    expect(await snapshot(soA)).toEqual(before);
  });

  it("cancels a cash-on-delivery part: stock returns and the page offers no more steps", async () => {
    const { sellerA, soA, shopA } = await twoSellers("COD");
    const stock = async () => (await db.prisma.productVariant.findUniqueOrThrow({ where: { id: shopA.variantIds[0]! }, select: { stock: true } })).stock;
    const before = await stock();
    expect(await act(soA, sellerA.cookie, { intent: "cancel", reason: "Bahan baku habis" })).toMatchObject({ status: 302, location: `/penjual/pesanan/${soA}?selesai=cancel` });
    expect(await stock()).toBe(before + 2);
    const page = await callLoader(orderPage, `/penjual/pesanan/${soA}`, sellerA.cookie, { storeOrderId: soA });
    expect(page.body).toMatchObject({ storeOrder: { status: "CANCELLED", cancelReason: "Bahan baku habis" }, actions: [] });
  });

  it("a refund the store's balance cannot cover (its money was paid out) answers 409 with a message and writes nothing", async () => {
    const { sellerA, soA, shopA } = await twoSellers("BANK_TRANSFER");
    const admin = await userWith(["SHOPPER"]);
    const payment = await db.prisma.payment.findFirstOrThrow({ where: { order: { storeOrders: { some: { id: soA } } } }, select: { id: true } });
    const { confirmBankTransfer, autoCompleteDeliveredOrders } = await import("~/models/order.server");
    const { recordPayout } = await import("~/models/ledger.server");
    await confirmBankTransfer(db.prisma, { paymentId: payment.id, adminId: admin.id });
    for (const fields of [INTENTS[0]!, INTENTS[1]!, INTENTS[2]!]) expect((await act(soA, sellerA.cookie, fields)).status).toBe(302);
    await autoCompleteDeliveredOrders(db.prisma, 0, new Date(Date.now() + 1000));
    const later = new Date(Date.now() + 30 * 86_400_000);
    await db.prisma.store.update({ where: { id: shopA.store.id }, data: { payoutBankName: "BRI", payoutAccountNumber: "0123456789", payoutAccountHolder: "Ibu Uji" } });
    const credited = await db.prisma.ledgerEntry.aggregate({ where: { storeId: shopA.store.id }, _sum: { amountIdr: true } });
    await recordPayout(db.prisma, { storeId: shopA.store.id, amountIdr: credited._sum.amountIdr!, bankReference: "TRF-SEMUA", paidAt: later, adminId: admin.id, now: later });
    const before = await snapshot(soA);
    const answer = await act(soA, sellerA.cookie, { intent: "refund", reason: "Pembeli minta uang kembali" });
    expect(answer).toMatchObject({ status: 409, body: { error: "money.errorRefundBalance", intent: "refund" } });
    expect(await snapshot(soA)).toEqual(before);
    expect(await db.prisma.refund.count({ where: { storeOrderId: soA } })).toBe(0);
  });

  it("the bulk slip needs at least one id and at most fifty", async () => {
    const { sellerA, soA } = await twoSellers("COD");
    expect(await callLoader(bulkSlip, "/penjual/pesanan/slip", sellerA.cookie)).toMatchObject({ status: 400, body: { error: "sellerOrders.errorNoSlips" } });
    const many = Array.from({ length: 51 }, (_, i) => `id=x${i}`).join("&");
    expect(await callLoader(bulkSlip, `/penjual/pesanan/slip?${many}`, sellerA.cookie)).toMatchObject({ status: 400, body: { error: "sellerOrders.errorTooManySlips" } });
    const ok = await callLoader(bulkSlip, `/penjual/pesanan/slip?id=${soA}&id=${soA}`, sellerA.cookie);
    expect(ok.status).toBe(200);
    expect((ok.body as { slips: { id: string }[] }).slips.map((s) => s.id)).toEqual([soA]);
  });
});
