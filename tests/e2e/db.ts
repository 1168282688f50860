import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import bcrypt from "bcryptjs";
import { PrismaClient, type ProductStatus, type Role, type StoreStatus } from "../../app/generated/prisma/client";
import { e2eEnv } from "../../playwright.config";

/**
 * The database of the server under test (playwright.config.ts gives the server the same URL).
 * The URL is relative to the repository root, where the server runs; resolve it here so the
 * tests do not depend on the directory Playwright was started from.
 */
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const databaseFile = path.resolve(repoRoot, e2eEnv.DATABASE_URL.replace(/^file:/, ""));

export const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${databaseFile}` }) });

/** A regency that exists once the regions are loaded (Kabupaten Bandung, Jawa Barat). */
export const TEST_REGENCY_CODE = "32.04";

export const TEST_PASSWORD = "kata-sandi-uji-e2e";

/** A value no other test (and no earlier run) uses: lower case letters and digits. */
export function unique(): string {
  return `${Date.now().toString(36)}${randomBytes(4).toString("hex")}`;
}

export type TestUser = { id: string; email: string; name: string; password: string };

export async function createUser({
  roles = ["SHOPPER"],
  password = TEST_PASSWORD,
  name,
  householdId = null,
}: { roles?: Role[]; password?: string; name?: string; householdId?: string | null } = {}): Promise<TestUser> {
  const id = unique();
  const email = `uji-${id}@contoh.test`;
  // A low cost keeps the tests fast; bcrypt stores the cost in the hash, so the app verifies it as usual.
  const passwordHash = await bcrypt.hash(password, 4);
  const user = await db.user.create({
    data: {
      email,
      name: name ?? `Pengguna Uji ${id.slice(-6)}`,
      passwordHash,
      householdId,
      roles: { create: roles.map((role) => ({ role })) },
    },
    select: { id: true, email: true, name: true },
  });
  return { ...user, password };
}

export async function createHousehold({ facilitatorId, headName }: { facilitatorId: string; headName?: string }) {
  const id = unique();
  await requireTestRegency();
  return db.household.create({
    data: {
      programRef: `PKH-E2E-${id}`,
      headName: headName ?? `Keluarga Uji ${id.slice(-6)}`,
      memberCount: 4,
      regencyCode: TEST_REGENCY_CODE,
      facilitatorId,
    },
    select: { id: true, programRef: true, headName: true },
  });
}

export type VariantInput = { name: string; priceIdr: number; stock: number; weightGrams?: number };

/**
 * A store of a fresh household (with its own facilitator) and one product in it.
 * Slugs start with "e2e-" so specs can tell their rows from the demo seed's.
 */
export async function createStoreWithProduct({
  storeName,
  storeStatus = "ACTIVE",
  whatsapp = "0812-3456-7890",
  productTitle,
  productStatus = "ACTIVE",
  variants = [{ name: "Kemasan 250 g", priceIdr: 15_000, stock: 12 }],
}: {
  storeName?: string;
  storeStatus?: StoreStatus;
  whatsapp?: string;
  productTitle?: string;
  productStatus?: ProductStatus;
  variants?: VariantInput[];
} = {}) {
  const id = unique();
  const facilitator = await createUser({ roles: ["FACILITATOR"] });
  const household = await createHousehold({ facilitatorId: facilitator.id });
  const category = await createCategory();
  const store = await db.store.create({
    data: {
      slug: `e2e-toko-${id}`,
      name: storeName ?? `Toko Uji ${id.slice(-6)}`,
      description: "Toko untuk pengujian otomatis.",
      regencyCode: TEST_REGENCY_CODE,
      whatsapp,
      status: storeStatus,
      householdId: household.id,
    },
    select: { id: true, slug: true, name: true, whatsapp: true },
  });
  const product = await createProduct({ storeId: store.id, categoryId: category.id, title: productTitle, status: productStatus, variants });
  return { facilitator, household, category, store, product };
}

export async function createProduct({
  storeId,
  categoryId,
  title,
  status = "ACTIVE",
  variants = [{ name: "Kemasan 250 g", priceIdr: 15_000, stock: 12 }],
}: {
  storeId: string;
  categoryId: string;
  title?: string;
  status?: ProductStatus;
  variants?: VariantInput[];
}) {
  const id = unique();
  const product = await db.product.create({
    data: {
      storeId,
      categoryId,
      title: title ?? `Produk Uji ${id.slice(-6)}`,
      slug: `e2e-produk-${id}`,
      description: "Produk untuk pengujian otomatis.",
      status,
      publishedAt: status === "ACTIVE" ? new Date() : null,
      variants: {
        create: variants.map((v, position) => ({
          name: v.name,
          priceIdr: v.priceIdr,
          costIdr: Math.floor(v.priceIdr / 2),
          stock: v.stock,
          weightGrams: v.weightGrams ?? 250,
          position,
        })),
      },
    },
    select: { id: true, slug: true, title: true },
  });
  return { ...product, variants };
}

export async function createCategory() {
  const id = unique();
  return db.category.create({
    data: { slug: `e2e-kategori-${id}`, nameId: `Kategori Uji ${id.slice(-6)}`, nameEn: `Test category ${id.slice(-6)}` },
    select: { id: true, slug: true, nameId: true, nameEn: true },
  });
}

export async function addStoreMember(storeId: string, userId: string) {
  await db.storeMember.create({ data: { storeId, userId }, select: { storeId: true } });
}

export function countSessions(userId?: string): Promise<number> {
  return db.session.count({ where: userId ? { userId } : {} });
}

/** Users whose e-mail matches regardless of case: a second account with different capitals is still a duplicate. */
export async function countUsersWithEmail(email: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS n FROM "User" WHERE lower(email) = lower(${email})`;
  return Number(rows[0]?.n ?? 0);
}

async function requireTestRegency() {
  const regency = await db.region.findUnique({ where: { code: TEST_REGENCY_CODE }, select: { code: true } });
  if (!regency) {
    throw new Error(`Region ${TEST_REGENCY_CODE} is missing: the e2e database has no regions (did the seed load them?)`);
  }
}
