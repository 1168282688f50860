import { adjustStock, getProductStockForSeller } from "~/models/inventory.server";
import { createTestDatabase } from "../helpers/database";
import { createRegions, createStoreWithProduct } from "../helpers/marketplace-fixtures";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
  await createRegions(db.prisma);
});
afterAll(() => db.cleanup());

async function sellerWithVariant(stock: number) {
  const shop = await createStoreWithProduct(db.prisma, { variants: [{ name: "250 g", priceIdr: 15000, stock }] });
  const seller = await db.prisma.user.create({ data: { email: `s-${shop.store.id}@test.id`, name: "Bu Enah" }, select: { id: true } });
  await db.prisma.storeMember.create({ data: { storeId: shop.store.id, userId: seller.id } });
  return { ...shop, sellerId: seller.id, variantId: shop.variantIds[0]! };
}

const stockOf = async (variantId: string) => (await db.prisma.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } })).stock;

describe("stock adjustments", () => {
  it("restock, damage and recount change the stock and are kept as history with who and why", async () => {
    const s = await sellerWithVariant(4);
    expect((await adjustStock(db.prisma, { userId: s.sellerId, variantId: s.variantId, adjustment: { reason: "RESTOCK", quantity: 10 }, note: "Goreng pagi" })).stock).toBe(14);
    expect((await adjustStock(db.prisma, { userId: s.sellerId, variantId: s.variantId, adjustment: { reason: "DAMAGED", quantity: 3 } })).stock).toBe(11);
    expect(
      (await adjustStock(db.prisma, { userId: s.sellerId, variantId: s.variantId, adjustment: { reason: "CORRECTION", countedStock: 9, expectedStock: 11 } })).stock,
    ).toBe(9);
    const product = await getProductStockForSeller(db.prisma, s.sellerId, s.productId);
    const history = product!.variants[0]!.stockMovements.map((m) => [m.reason, m.delta, m.actor?.name, m.note]);
    expect(history).toEqual([
      ["CORRECTION", -2, "Bu Enah", null],
      ["DAMAGED", -3, "Bu Enah", null],
      ["RESTOCK", 10, "Bu Enah", "Goreng pagi"],
    ]);
  });

  it("never takes out more than there is", async () => {
    const s = await sellerWithVariant(2);
    await expect(adjustStock(db.prisma, { userId: s.sellerId, variantId: s.variantId, adjustment: { reason: "DAMAGED", quantity: 3 } })).rejects.toMatchObject({ code: "not_enough_stock" });
    expect(await stockOf(s.variantId)).toBe(2);
  });

  it("a recount based on an old number is refused, so a sale made meanwhile is not lost", async () => {
    const s = await sellerWithVariant(6);
    await db.prisma.productVariant.update({ where: { id: s.variantId }, data: { stock: { decrement: 1 } } }); // a buyer took one
    await expect(
      adjustStock(db.prisma, { userId: s.sellerId, variantId: s.variantId, adjustment: { reason: "CORRECTION", countedStock: 6, expectedStock: 6 } }),
    ).rejects.toMatchObject({ code: "stock_changed" });
    expect(await stockOf(s.variantId)).toBe(5);
  });

  it("another seller can neither see nor change the stock", async () => {
    const mine = await sellerWithVariant(5);
    const theirs = await sellerWithVariant(5);
    await expect(adjustStock(db.prisma, { userId: mine.sellerId, variantId: theirs.variantId, adjustment: { reason: "RESTOCK", quantity: 1 } })).rejects.toMatchObject({ code: "not_found" });
    expect(await getProductStockForSeller(db.prisma, mine.sellerId, theirs.productId)).toBeNull();
    expect(await stockOf(theirs.variantId)).toBe(5);
  });
});
