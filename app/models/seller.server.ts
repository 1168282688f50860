import type { PrismaClient } from "~/utils/db.server";

/** The stores this seller account may run, each with its products. Ownership is in the where clause. */
export async function listSellerStores(db: PrismaClient, userId: string) {
  return db.store.findMany({
    where: { members: { some: { userId } } },
    select: {
      id: true,
      slug: true,
      name: true,
      status: true,
      products: {
        select: {
          id: true,
          title: true,
          status: true,
          variants: { select: { name: true, priceIdr: true, stock: true }, orderBy: { position: "asc" } },
        },
        orderBy: { createdAt: "desc" },
      },
    },
    orderBy: { name: "asc" },
  });
}
