import type { ProductCardData } from "~/components/product-card";
import type { Prisma } from "~/generated/prisma/client";
import type { PrismaClient } from "~/utils/db.server";

/** What shoppers may see: active products of active stores. */
export const visibleProductWhere = {
  status: "ACTIVE",
  store: { status: "ACTIVE" },
} satisfies Prisma.ProductWhereInput;

const cardSelect = {
  slug: true,
  title: true,
  store: { select: { name: true } },
  variants: { select: { priceIdr: true, stock: true }, orderBy: { position: "asc" } },
  images: {
    select: { storageKey: true, width: true, height: true, alt: true, placeholder: true },
    orderBy: { position: "asc" },
    take: 1,
  },
} satisfies Prisma.ProductSelect;

type CardRow = Prisma.ProductGetPayload<{ select: typeof cardSelect }>;

function toCard(row: CardRow): ProductCardData {
  return {
    slug: row.slug,
    title: row.title,
    storeName: row.store.name,
    prices: row.variants.map((v) => v.priceIdr),
    inStock: row.variants.some((v) => v.stock > 0),
    image: row.images[0] ?? null,
  };
}

export async function listFreshProducts(db: PrismaClient, { take = 24 }: { take?: number } = {}) {
  const rows = await db.product.findMany({
    where: visibleProductWhere,
    select: cardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take,
  });
  return rows.map(toCard);
}

export async function getVisibleProduct(db: PrismaClient, slug: string) {
  const product = await db.product.findFirst({
    where: { ...visibleProductWhere, slug },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      category: { select: { slug: true, nameId: true, nameEn: true } },
      store: {
        select: {
          slug: true,
          name: true,
          whatsapp: true,
          regency: { select: { name: true, parent: { select: { name: true } } } },
        },
      },
      variants: {
        select: { id: true, name: true, priceIdr: true, stock: true, weightGrams: true },
        orderBy: { position: "asc" },
      },
      images: {
        select: { storageKey: true, width: true, height: true, alt: true, placeholder: true },
        orderBy: { position: "asc" },
      },
    },
  });
  return product;
}

export async function getVisibleStore(db: PrismaClient, slug: string) {
  const store = await db.store.findFirst({
    where: { slug, status: "ACTIVE" },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      story: true,
      whatsapp: true,
      kubeGroupId: true,
      regency: { select: { name: true, parent: { select: { name: true } } } },
    },
  });
  if (!store) return null;
  const products = await db.product.findMany({
    where: { ...visibleProductWhere, storeId: store.id },
    select: cardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
  });
  return { ...store, products: products.map(toCard) };
}
