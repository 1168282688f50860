import { createListing, getListingForSeller, removeVariant, updateListing, type ListingInput } from "~/models/listing.server";
import { listingSchema } from "~/models/shop-forms.server";
import { createTestDatabase } from "../helpers/database";
import { createRegions, createStoreWithProduct } from "../helpers/marketplace-fixtures";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
  await createRegions(db.prisma);
});
afterAll(() => db.cleanup());

async function seller() {
  const shop = await createStoreWithProduct(db.prisma, { variants: [{ name: "250 g", priceIdr: 15000, stock: 5 }] });
  const user = await db.prisma.user.create({ data: { email: `l-${shop.store.id}@test.id`, name: "Bu Sari" }, select: { id: true } });
  await db.prisma.storeMember.create({ data: { storeId: shop.store.id, userId: user.id } });
  const category = await db.prisma.category.findFirstOrThrow({ select: { id: true } });
  return { ...shop, userId: user.id, categoryId: category.id };
}

const listing = (categoryId: string, overrides: Partial<ListingInput> = {}): ListingInput => ({
  title: "Keripik Singkong Balado",
  categoryId,
  description: "Singkong pilihan, bumbu balado buatan sendiri.",
  status: "ACTIVE",
  variants: [
    { name: "100 g", priceIdr: 10000, costIdr: 6000, weightGrams: 120, stock: 12 },
    { name: "250 g", priceIdr: 22000, costIdr: 14000, weightGrams: 280, stock: 0 },
  ],
  confirmBelowCost: false,
  ...overrides,
});

describe("the product editor's rules", () => {
  it("creates an active product with its variants and keeps the opening stock as history", async () => {
    const s = await seller();
    const created = await createListing(db.prisma, { userId: s.userId, storeId: s.store.id, listing: listing(s.categoryId) });
    expect(created.slug).toMatch(/^keripik-singkong-balado/);
    const product = await db.prisma.product.findUniqueOrThrow({
      where: { id: created.id },
      select: { status: true, publishedAt: true, variants: { select: { name: true, stock: true, stockMovements: { select: { reason: true, delta: true } } }, orderBy: { position: "asc" } } },
    });
    expect(product.status).toBe("ACTIVE");
    expect(product.publishedAt).not.toBeNull();
    expect(product.variants).toEqual([
      { name: "100 g", stock: 12, stockMovements: [{ reason: "INITIAL", delta: 12 }] },
      { name: "250 g", stock: 0, stockMovements: [] },
    ]);
  });

  it("asks before saving a price below its cost, and saves it once confirmed", async () => {
    const s = await seller();
    const belowCost = listing(s.categoryId, { variants: [{ name: "100 g", priceIdr: 5000, costIdr: 6000, weightGrams: 120, stock: 1 }] });
    const before = await db.prisma.product.count();
    await expect(createListing(db.prisma, { userId: s.userId, storeId: s.store.id, listing: belowCost })).rejects.toMatchObject({ code: "below_cost" });
    expect(await db.prisma.product.count()).toBe(before);
    await expect(createListing(db.prisma, { userId: s.userId, storeId: s.store.id, listing: { ...belowCost, confirmBelowCost: true } })).resolves.toBeTruthy();
  });

  it("edits text and prices in place, adds a variant, and never touches existing stock", async () => {
    const s = await seller();
    const current = (await getListingForSeller(db.prisma, s.userId, s.productId))!;
    const existing = current.variants[0]!;
    await updateListing(db.prisma, {
      userId: s.userId,
      productId: s.productId,
      listing: listing(s.categoryId, {
        title: "Keripik Baru",
        variants: [
          { id: existing.id, name: "250 g", priceIdr: 16000, costIdr: 9000, weightGrams: 300, stock: 999 },
          { name: "500 g", priceIdr: 30000, costIdr: 18000, weightGrams: 550, stock: 4 },
        ],
      }),
    });
    const after = (await getListingForSeller(db.prisma, s.userId, s.productId))!;
    expect(after.title).toBe("Keripik Baru");
    expect(after.variants.map((v) => [v.name, v.priceIdr, v.stock])).toEqual([
      ["250 g", 16000, 5],
      ["500 g", 30000, 4],
    ]);
  });

  it("refuses another seller's product and another product's variant", async () => {
    const mine = await seller();
    const theirs = await seller();
    await expect(updateListing(db.prisma, { userId: mine.userId, productId: theirs.productId, listing: listing(mine.categoryId) })).rejects.toMatchObject({ code: "not_found" });
    await expect(
      updateListing(db.prisma, {
        userId: mine.userId,
        productId: mine.productId,
        listing: listing(mine.categoryId, { variants: [{ id: theirs.variantIds[0]!, name: "x", priceIdr: 1, costIdr: 0, weightGrams: 1 }] }),
      }),
    ).rejects.toMatchObject({ code: "unknown_variant" });
    await expect(createListing(db.prisma, { userId: mine.userId, storeId: theirs.store.id, listing: listing(mine.categoryId) })).rejects.toMatchObject({ code: "not_found" });
  });

  it("reads prices the Indonesian way and leaves empty rows out", () => {
    const parsed = listingSchema.safeParse({
      title: "Kopi",
      categoryId: "c1",
      description: "Kopi robusta petani lokal.",
      status: "DRAFT",
      variants: [{ name: "250 g", priceIdr: "Rp 25.000", costIdr: "15000", weightGrams: "260" }, {}, { name: "", priceIdr: "" }],
    });
    expect(parsed.success && parsed.data.variants).toEqual([{ name: "250 g", priceIdr: 25000, costIdr: 15000, weightGrams: 260 }]);
    const wrong = listingSchema.safeParse({
      title: "Kopi",
      categoryId: "c1",
      description: "Kopi robusta petani lokal.",
      status: "DRAFT",
      variants: [{ name: "250 g", priceIdr: "25,5", costIdr: "15000", weightGrams: "260" }],
    });
    expect(wrong.success).toBe(false);
  });
});

describe("removing a variant", () => {
  it("removes a variant made by mistake, keeps one at least, and never one that was ordered", async () => {
    const s = await seller();
    const created = await createListing(db.prisma, { userId: s.userId, storeId: s.store.id, listing: listing(s.categoryId) });
    const variants = await db.prisma.productVariant.findMany({ where: { productId: created.id }, select: { id: true, name: true }, orderBy: { position: "asc" } });
    const small = variants[0]!;
    const large = variants[1]!;

    // Another seller, or the right seller with another product's id, finds nothing.
    const other = await seller();
    await expect(removeVariant(db.prisma, { userId: other.userId, productId: created.id, variantId: large.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(removeVariant(db.prisma, { userId: s.userId, productId: s.productId, variantId: large.id })).rejects.toMatchObject({ code: "not_found" });

    // The small one was ordered once: its history stays.
    const storeOrder = await db.prisma.storeOrder.create({
      data: {
        order: { create: { number: `PM-T-${created.id.slice(-6)}`, recipientName: "A", phone: "6281234567890", addressLine: "Jl. 1", districtCode: "32.04.01", paymentMethod: "COD", subtotalIdr: 10000, shippingIdr: 0, totalIdr: 10000 } },
        store: { connect: { id: s.store.id } },
        subtotalIdr: 10000,
        shippingIdr: 0,
        items: { create: { variantId: small.id, productTitle: "K", variantName: "100 g", unitPriceIdr: 10000, unitCostIdr: 6000, quantity: 1, weightGrams: 120 } },
      },
      select: { id: true },
    });
    expect(storeOrder.id).toBeTruthy();
    await expect(removeVariant(db.prisma, { userId: s.userId, productId: created.id, variantId: small.id })).rejects.toMatchObject({ code: "variant_sold" });

    await removeVariant(db.prisma, { userId: s.userId, productId: created.id, variantId: large.id });
    expect(await db.prisma.productVariant.count({ where: { productId: created.id } })).toBe(1);
    expect(await db.prisma.auditLog.count({ where: { action: "product.variant.remove", subjectId: created.id } })).toBe(1);
    await expect(removeVariant(db.prisma, { userId: s.userId, productId: created.id, variantId: small.id })).rejects.toMatchObject({ code: "no_variants" });
  });
});
