import { addToCart, createGuestCart, getCartView } from "~/models/cart.server";
import { quoteCart } from "~/models/checkout.server";
import { storeActionSchema } from "~/models/store-forms.server";
import {
  addShippingRate,
  getStoreSettings,
  removeShippingRate,
  updatePayoutAccount,
  updateShippingRate,
  updateStoreProfile,
  updateStoreRegency,
} from "~/models/store-profile.server";
import { createTestDatabase } from "../helpers/database";
import { createRegions, createStoreWithProduct } from "../helpers/marketplace-fixtures";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
  await createRegions(db.prisma);
  await db.prisma.region.createMany({
    data: [
      { code: "51", name: "Bali", level: "PROVINCE", timeZone: "Asia/Makassar" },
      { code: "51.71", name: "Kota Denpasar", level: "REGENCY", parentCode: "51" },
    ],
  });
});
afterAll(() => db.cleanup());

/** A store (with a rate to Jawa Barat only) and a seller account that is its member. */
async function seller() {
  const shop = await createStoreWithProduct(db.prisma, { variants: [{ name: "250 g", priceIdr: 15000, stock: 5, weightGrams: 1200 }] });
  const user = await db.prisma.user.create({ data: { email: `s-${shop.store.id}@test.id`, name: "Bu Sari" }, select: { id: true } });
  await db.prisma.storeMember.create({ data: { storeId: shop.store.id, userId: user.id } });
  return { ...shop, userId: user.id, storeId: shop.store.id };
}

async function storeRow(storeId: string) {
  return db.prisma.store.findUniqueOrThrow({
    where: { id: storeId },
    select: {
      slug: true,
      name: true,
      description: true,
      story: true,
      whatsapp: true,
      regencyCode: true,
      payoutBankName: true,
      payoutAccountNumber: true,
      payoutAccountHolder: true,
      shippingRates: { select: { provinceCode: true, firstKgIdr: true, additionalKgIdr: true, estimatedDays: true }, orderBy: { provinceCode: "asc" } },
    },
  });
}

async function auditsOf(storeId: string) {
  const rows = await db.prisma.auditLog.findMany({ where: { subjectType: "Store", subjectId: storeId }, select: { action: true, actorId: true, details: true }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({ ...r, details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null }));
}

const profile = { name: "Keripik Bu Sari", description: "Keripik singkong rumahan dari Ciwidey.", story: "Baris satu.\nBaris dua.", whatsapp: "6285712345678" };

describe("the store profile", () => {
  it("saves name, description, story and WhatsApp number, keeps the slug, and records who changed what", async () => {
    const s = await seller();
    const { slug } = await storeRow(s.storeId);
    const result = await updateStoreProfile(db.prisma, { userId: s.userId, storeId: s.storeId, profile });
    expect(result).toEqual({ searchChanged: true });
    expect(await storeRow(s.storeId)).toMatchObject({ slug, ...profile });
    const [audit] = await auditsOf(s.storeId);
    expect(audit).toMatchObject({
      action: "store.profile.update",
      actorId: s.userId,
      details: { changed: ["name", "description", "story", "whatsapp"], name: { to: "Keripik Bu Sari" }, whatsapp: { from: "6281234567890", to: "6285712345678" } },
    });
  });

  it("says the search index needs nothing when the name stayed, and an empty story is no story", async () => {
    const s = await seller();
    await updateStoreProfile(db.prisma, { userId: s.userId, storeId: s.storeId, profile });
    const again = await updateStoreProfile(db.prisma, { userId: s.userId, storeId: s.storeId, profile: { ...profile, story: "  " } });
    expect(again).toEqual({ searchChanged: false });
    expect((await storeRow(s.storeId)).story).toBeNull();
  });

  it("refuses another seller's store and changes nothing", async () => {
    const mine = await seller();
    const theirs = await seller();
    const before = await storeRow(theirs.storeId);
    const other = { userId: mine.userId, storeId: theirs.storeId };
    await expect(updateStoreProfile(db.prisma, { ...other, profile })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateStoreRegency(db.prisma, { ...other, regencyCode: "51.71" })).rejects.toMatchObject({ code: "not_found" });
    await expect(
      updatePayoutAccount(db.prisma, { ...other, account: { payoutBankName: "BRI", payoutAccountNumber: "123456789012345", payoutAccountHolder: "Pencuri" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(addShippingRate(db.prisma, { ...other, provinceCode: "53", rate: { firstKgIdr: 1, additionalKgIdr: 1 } })).rejects.toMatchObject({ code: "not_found" });
    expect(await getStoreSettings(db.prisma, mine.userId, theirs.storeId)).toBeNull();
    expect(await storeRow(theirs.storeId)).toEqual(before);
    expect(await auditsOf(theirs.storeId)).toEqual([]);
  });

  it("moves the store to another regency, and refuses a code that is not a regency", async () => {
    const s = await seller();
    await expect(updateStoreRegency(db.prisma, { userId: s.userId, storeId: s.storeId, regencyCode: "32.99" })).rejects.toMatchObject({ code: "unknown_regency" });
    await expect(updateStoreRegency(db.prisma, { userId: s.userId, storeId: s.storeId, regencyCode: "51" })).rejects.toMatchObject({ code: "unknown_regency" });
    expect((await storeRow(s.storeId)).regencyCode).toBe("32.04");
    expect(await updateStoreRegency(db.prisma, { userId: s.userId, storeId: s.storeId, regencyCode: "51.71" })).toEqual({ searchChanged: true });
    expect((await storeRow(s.storeId)).regencyCode).toBe("51.71");
    expect(await auditsOf(s.storeId)).toEqual([{ action: "store.regency.update", actorId: s.userId, details: { from: "32.04", to: "51.71" } }]);
  });

  it("keeps the payout account and never copies the whole account number into the audit log", async () => {
    const s = await seller();
    const account = { payoutBankName: "BRI", payoutAccountNumber: "012301000123456", payoutAccountHolder: "Sari Wulandari" };
    await updatePayoutAccount(db.prisma, { userId: s.userId, storeId: s.storeId, account });
    expect(await storeRow(s.storeId)).toMatchObject(account);
    const audits = await auditsOf(s.storeId);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ account: { from: null, to: "••••3456" } });
    expect(JSON.stringify(audits)).not.toContain("012301000123456");
  });
});

describe("the shipping rate table", () => {
  it("adds, edits and removes a province's rate; the provinces without a rate are the ones checkout refuses", async () => {
    const s = await seller();
    const actor = { userId: s.userId, storeId: s.storeId };
    const cartId = await createGuestCart(db.prisma);
    await addToCart(db.prisma, cartId, s.variantIds[0]!, 1);
    const cart = await getCartView(db.prisma, cartId);

    const unshipped = async () => (await getStoreSettings(db.prisma, s.userId, s.storeId))!.unshippedProvinces.map((p) => p.code);
    expect(await unshipped()).toEqual(["51", "53"]);
    expect((await quoteCart(db.prisma, cart, "53")).unshippable).toEqual([s.store.name]);

    const { rateId } = await addShippingRate(db.prisma, { ...actor, provinceCode: "53", rate: { firstKgIdr: 45000, additionalKgIdr: 40000, estimatedDays: 7 } });
    expect(await unshipped()).toEqual(["51"]);
    const quoted = await quoteCart(db.prisma, cart, "53");
    expect(quoted.unshippable).toEqual([]);
    expect(quoted.shippingIdr).toBe(45000 + 40000); // 1.2 kg is billed as 2 kg

    await updateShippingRate(db.prisma, { ...actor, rateId, rate: { firstKgIdr: 50000, additionalKgIdr: 0, estimatedDays: null } });
    expect((await storeRow(s.storeId)).shippingRates).toContainEqual({ provinceCode: "53", firstKgIdr: 50000, additionalKgIdr: 0, estimatedDays: null });

    await removeShippingRate(db.prisma, { ...actor, rateId });
    expect(await unshipped()).toEqual(["51", "53"]);
    expect((await quoteCart(db.prisma, cart, "53")).unshippable).toEqual([s.store.name]);
    expect((await auditsOf(s.storeId)).map((a) => a.action)).toEqual(["store.shipping-rate.create", "store.shipping-rate.update", "store.shipping-rate.delete"]);
  });

  it("refuses a second rate for the same province, and a province that does not exist", async () => {
    const s = await seller();
    const actor = { userId: s.userId, storeId: s.storeId };
    const before = await storeRow(s.storeId);
    await expect(addShippingRate(db.prisma, { ...actor, provinceCode: "32", rate: { firstKgIdr: 1000, additionalKgIdr: 1000 } })).rejects.toMatchObject({ code: "duplicate_province" });
    await expect(addShippingRate(db.prisma, { ...actor, provinceCode: "99", rate: { firstKgIdr: 1000, additionalKgIdr: 1000 } })).rejects.toMatchObject({ code: "unknown_province" });
    expect(await storeRow(s.storeId)).toEqual(before);
  });

  it("refuses to edit or remove another store's rate row, even from one's own store", async () => {
    const mine = await seller();
    const theirs = await seller();
    const theirRate = await db.prisma.shippingRate.findFirstOrThrow({ where: { storeId: theirs.storeId }, select: { id: true } });
    const before = await storeRow(theirs.storeId);
    for (const storeId of [mine.storeId, theirs.storeId]) {
      const input = { userId: mine.userId, storeId, rateId: theirRate.id };
      await expect(updateShippingRate(db.prisma, { ...input, rate: { firstKgIdr: 1, additionalKgIdr: 1 } })).rejects.toMatchObject({ code: "rate_not_found" });
      await expect(removeShippingRate(db.prisma, input)).rejects.toMatchObject({ code: "rate_not_found" });
    }
    expect(await storeRow(theirs.storeId)).toEqual(before);
  });
});

describe("the store forms", () => {
  const parse = (fields: Record<string, string>) => storeActionSchema.safeParse(fields);

  it("reads Rupiah the Indonesian way and normalises the WhatsApp number as wa.me wants it", () => {
    expect(parse({ intent: "rate-add", provinceCode: "53", firstKgIdr: "Rp 25.000", additionalKgIdr: "15000", estimatedDays: "5" }).data).toEqual({
      intent: "rate-add",
      provinceCode: "53",
      firstKgIdr: 25000,
      additionalKgIdr: 15000,
      estimatedDays: 5,
    });
    const saved = parse({ intent: "profile", name: "Toko", description: "Keterangan cukup panjang.", whatsapp: "+62 857-1234-5678", story: "a\r\nb" });
    expect(saved.data).toMatchObject({ whatsapp: "6285712345678", story: "a\nb" });
    expect(parse({ intent: "payout", payoutBankName: "BNI", payoutAccountNumber: "0123 456-789", payoutAccountHolder: "Sari" }).data).toMatchObject({ payoutAccountNumber: "0123456789" });
  });

  it.each([
    [{ intent: "rate-add", provinceCode: "53", firstKgIdr: "-5000", additionalKgIdr: "0" }, "seller.errorRupiah"],
    [{ intent: "rate-add", provinceCode: "53", firstKgIdr: "25,5", additionalKgIdr: "0" }, "seller.errorRupiah"],
    [{ intent: "rate-add", provinceCode: "53", firstKgIdr: "10.000.000", additionalKgIdr: "0" }, "storeProfile.errorRateTooHigh"],
    [{ intent: "rate-update", rateId: "r1", firstKgIdr: "1000", additionalKgIdr: "0", estimatedDays: "0" }, "storeProfile.errorDays"],
    [{ intent: "profile", name: "Toko", description: "Keterangan cukup panjang.", whatsapp: "12345" }, "storeProfile.errorWhatsapp"],
    [{ intent: "profile", name: "Toko", description: "Keterangan cukup panjang.", whatsapp: "081234567890", story: "x".repeat(3001) }, "storeProfile.errorStory"],
    [{ intent: "payout", payoutBankName: "BNI", payoutAccountNumber: "12345", payoutAccountHolder: "Sari" }, "storeProfile.errorAccountNumber"],
    [{ intent: "location", regencyCode: "32.04.01" }, "storeProfile.errorRegency"],
  ])("refuses %o with %s", (fields, message) => {
    const parsed = parse(fields);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain(message);
  });
});
