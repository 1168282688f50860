import { randomUUID } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import type { PaymentMethod, StoreOrderStatus } from "~/generated/prisma/enums";
import { createStoreWithProduct } from "./marketplace-fixtures";

/**
 * Store orders written straight into the database with the timestamps a test needs, for the sales
 * figures. Regions must exist (createRegions): "32.04" is a WIB regency, "53.71" a WITA one.
 */

export type SellerStore = { storeId: string; storeName: string; storeSlug: string; userId: string; variantIds: string[]; productId: string };

/** A seller account with its own store (and one product with two variants) in the given regency. */
export async function createSellerStore(db: PrismaClient, options: { regencyCode?: string; kubeName?: string } = {}): Promise<SellerStore> {
  const shop = await createStoreWithProduct(db, {
    variants: [
      { name: "250 g", priceIdr: 15_000, costIdr: 9_000, stock: 100 },
      { name: "500 g", priceIdr: 28_000, costIdr: 17_000, stock: 100 },
    ],
  });
  if (options.regencyCode) await db.store.update({ where: { id: shop.store.id }, data: { regencyCode: options.regencyCode }, select: { id: true } });
  if (options.kubeName) {
    const store = await db.store.findUniqueOrThrow({ where: { id: shop.store.id }, select: { householdId: true, household: { select: { facilitatorId: true } } } });
    const group = await db.kubeGroup.create({
      data: { name: options.kubeName, regencyCode: options.regencyCode ?? "32.04", facilitatorId: store.household!.facilitatorId },
      select: { id: true },
    });
    await db.store.update({ where: { id: shop.store.id }, data: { householdId: null, kubeGroupId: group.id }, select: { id: true } });
  }
  const tag = randomUUID().slice(0, 8);
  const user = await db.user.create({
    data: { email: `penjual-${tag}@test.id`, name: `Penjual ${tag}`, roles: { create: [{ role: "SELLER" }] } },
    select: { id: true },
  });
  await db.storeMember.create({ data: { storeId: shop.store.id, userId: user.id } });
  const store = await db.store.findUniqueOrThrow({ where: { id: shop.store.id }, select: { slug: true, name: true } });
  return { storeId: shop.store.id, storeName: store.name, storeSlug: store.slug, userId: user.id, variantIds: shop.variantIds, productId: shop.productId };
}

export type LineInput = { quantity: number; unitPriceIdr: number; unitCostIdr: number; variantId?: string | null; productTitle?: string; variantName?: string };

export type StoreOrderInput = {
  status: StoreOrderStatus;
  placedAt: string;
  completedAt?: string | null;
  refundedAt?: string | null;
  cancelledAt?: string | null;
  lines: LineInput[];
  shippingIdr?: number;
  commissionIdr?: number;
  paymentMethod?: PaymentMethod;
};

/** One order with one store order, placed and moved on at the given instants (ISO strings, UTC). */
export async function createStoreOrder(db: PrismaClient, storeId: string, input: StoreOrderInput) {
  const subtotalIdr = input.lines.reduce((sum, line) => sum + line.unitPriceIdr * line.quantity, 0);
  const shippingIdr = input.shippingIdr ?? 10_000;
  const number = `PM-T-${randomUUID().slice(0, 8).toUpperCase()}`;
  const placedAt = new Date(input.placedAt);
  const order = await db.order.create({
    data: {
      number,
      recipientName: "Ibu Rahasia Pembeli",
      phone: "6281299998888",
      addressLine: "Jalan Rahasia No. 7, RT 01/RW 02",
      districtCode: "32.04.01",
      paymentMethod: input.paymentMethod ?? "BANK_TRANSFER",
      subtotalIdr,
      shippingIdr,
      totalIdr: subtotalIdr + shippingIdr,
      placedAt,
      storeOrders: {
        create: {
          storeId,
          status: input.status,
          subtotalIdr,
          shippingIdr,
          commissionIdr: input.commissionIdr ?? 0,
          createdAt: placedAt,
          completedAt: input.completedAt ? new Date(input.completedAt) : null,
          refundedAt: input.refundedAt ? new Date(input.refundedAt) : null,
          cancelledAt: input.cancelledAt ? new Date(input.cancelledAt) : null,
          items: {
            create: input.lines.map((line) => ({
              variantId: line.variantId ?? null,
              productTitle: line.productTitle ?? "Keripik Singkong",
              variantName: line.variantName ?? "250 g",
              unitPriceIdr: line.unitPriceIdr,
              unitCostIdr: line.unitCostIdr,
              quantity: line.quantity,
              weightGrams: 250,
            })),
          },
        },
      },
    },
    select: { number: true, storeOrders: { select: { id: true } } },
  });
  return { number: order.number, storeOrderId: order.storeOrders[0]!.id };
}
