import { randomUUID } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";

/** Regions every marketplace test needs: one province, one regency, one district (real Kemendagri codes). */
export async function createRegions(prisma: PrismaClient) {
  await prisma.region.createMany({
    data: [
      { code: "32", name: "Jawa Barat", level: "PROVINCE", timeZone: "Asia/Jakarta" },
      { code: "32.04", name: "Kabupaten Bandung", level: "REGENCY", parentCode: "32" },
      { code: "32.04.01", name: "Ciwidey", level: "DISTRICT", parentCode: "32.04" },
      { code: "53", name: "Nusa Tenggara Timur", level: "PROVINCE", timeZone: "Asia/Makassar" },
      { code: "53.71", name: "Kota Kupang", level: "REGENCY", parentCode: "53" },
      { code: "53.71.01", name: "Alak", level: "DISTRICT", parentCode: "53.71" },
    ],
  });
  return { provinceCode: "32", regencyCode: "32.04", districtCode: "32.04.01", farDistrictCode: "53.71.01" };
}

/** A store of a new household, with a shipping rate to Jawa Barat (and none to NTT), and one product. */
export async function createStoreWithProduct(
  prisma: PrismaClient,
  options: { variants: { name: string; priceIdr: number; costIdr?: number; stock: number; weightGrams?: number }[]; rate?: { firstKgIdr: number; additionalKgIdr: number } },
) {
  const tag = randomUUID().slice(0, 8);
  const facilitator = await prisma.user.create({ data: { email: `f-${tag}@test.id`, name: "Pendamping" }, select: { id: true } });
  const household = await prisma.household.create({
    data: { programRef: `PKH-${tag}`, headName: `Ibu ${tag}`, memberCount: 4, regencyCode: "32.04", facilitatorId: facilitator.id },
    select: { id: true },
  });
  const category = await prisma.category.upsert({
    where: { slug: "keripik" },
    create: { slug: "keripik", nameId: "Keripik", nameEn: "Chips" },
    update: {},
    select: { id: true },
  });
  const store = await prisma.store.create({
    data: {
      slug: `toko-${tag}`,
      name: `Toko ${tag}`,
      description: "Usaha keluarga",
      regencyCode: "32.04",
      whatsapp: "6281234567890",
      householdId: household.id,
      shippingRates: { create: { provinceCode: "32", firstKgIdr: options.rate?.firstKgIdr ?? 10000, additionalKgIdr: options.rate?.additionalKgIdr ?? 5000 } },
    },
    select: { id: true, name: true },
  });
  const product = await prisma.product.create({
    data: {
      storeId: store.id,
      categoryId: category.id,
      title: `Keripik ${tag}`,
      slug: `keripik-${tag}`,
      description: "Renyah",
      status: "ACTIVE",
      publishedAt: new Date(),
      variants: {
        create: options.variants.map((v, i) => ({
          name: v.name,
          priceIdr: v.priceIdr,
          costIdr: v.costIdr ?? Math.floor(v.priceIdr / 2),
          stock: v.stock,
          weightGrams: v.weightGrams ?? 250,
          position: i,
        })),
      },
    },
    select: { id: true, variants: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  return { store, productId: product.id, variantIds: product.variants.map((v) => v.id) };
}
