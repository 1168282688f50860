import { createManagedAccount, HouseholdNotFoundError } from "~/models/account.server";
import {
  createUser,
  EmailTakenError,
  findUserBySession,
  hasRole,
  verifyLogin,
} from "~/models/user.server";
import { createTestDatabase } from "../helpers/database";

let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.region.createMany({
    data: [
      { code: "32", name: "Jawa Barat", level: "PROVINCE", timeZone: "Asia/Jakarta" },
      { code: "32.04", name: "Kabupaten Bandung", level: "REGENCY", parentCode: "32" },
    ],
  });
});

afterAll(async () => {
  await db.cleanup();
});

async function facilitatorWithHousehold(tag: string) {
  const facilitator = await createUser(db.prisma, {
    email: `pendamping-${tag}@test.id`,
    name: `Pendamping ${tag}`,
    password: "rahasia-pendamping",
    roles: ["FACILITATOR"],
  });
  const household = await db.prisma.household.create({
    data: { programRef: `PKH-${tag}`, headName: `Ibu ${tag}`, memberCount: 4, regencyCode: "32.04", facilitatorId: facilitator.id },
    select: { id: true },
  });
  const store = await db.prisma.store.create({
    data: { slug: `toko-${tag}`, name: `Toko ${tag}`, description: "Keripik", regencyCode: "32.04", whatsapp: "6281200000000", householdId: household.id },
    select: { id: true },
  });
  return { facilitator, household, store };
}

describe("accounts and login", () => {
  it("stores a bcrypt hash, never the password, and logs in case-insensitively", async () => {
    const user = await createUser(db.prisma, { email: " Siti@Contoh.ID ", name: "Siti", password: "kata-sandi-siti", roles: ["SHOPPER"] });
    expect(user.email).toBe("siti@contoh.id");
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    expect(row.passwordHash).not.toContain("kata-sandi-siti");

    const ok = await verifyLogin(db.prisma, "SITI@contoh.id", "kata-sandi-siti");
    expect(ok.ok && ok.user.id).toBe(user.id);
    expect(await verifyLogin(db.prisma, "siti@contoh.id", "salah")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyLogin(db.prisma, "tidak-ada@contoh.id", "kata-sandi-siti")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a second account with the same e-mail", async () => {
    await createUser(db.prisma, { email: "dua@contoh.id", name: "Dua", password: "kata-sandi-dua", roles: ["SHOPPER"] });
    await expect(
      createUser(db.prisma, { email: "DUA@contoh.id", name: "Dua Lagi", password: "kata-sandi-dua", roles: ["SHOPPER"] }),
    ).rejects.toBeInstanceOf(EmailTakenError);
    expect(await db.prisma.user.count({ where: { email: "dua@contoh.id" } })).toBe(1);
  });

  it("refuses disabled accounts and expired sessions", async () => {
    const user = await createUser(db.prisma, { email: "nonaktif@contoh.id", name: "Non", password: "kata-sandi-non", roles: ["SHOPPER"] });
    await db.prisma.session.createMany({
      data: [
        { id: "live", userId: user.id, expiresAt: new Date(Date.now() + 60_000) },
        { id: "old", userId: user.id, expiresAt: new Date(Date.now() - 1) },
      ],
    });
    expect((await findUserBySession(db.prisma, "live"))?.id).toBe(user.id);
    expect(await findUserBySession(db.prisma, "old")).toBeNull();
    expect(await findUserBySession(db.prisma, "unknown")).toBeNull();

    await db.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await verifyLogin(db.prisma, "nonaktif@contoh.id", "kata-sandi-non")).toEqual({ ok: false, reason: "disabled" });
    expect(await findUserBySession(db.prisma, "live")).toBeNull();
  });

  it("checks roles", () => {
    expect(hasRole({ roles: ["SELLER", "SHOPPER"] }, "SELLER")).toBe(true);
    expect(hasRole({ roles: ["SHOPPER"] }, "SELLER", "ADMIN")).toBe(false);
    expect(hasRole(null, "SHOPPER")).toBe(false);
  });
});

describe("accounts made by a facilitator", () => {
  it("creates a seller for their own household, linked to its store, with a one-time password", async () => {
    const { facilitator, household, store } = await facilitatorWithHousehold("a");
    const { user, temporaryPassword } = await createManagedAccount(db.prisma, {
      actorId: facilitator.id,
      email: "penjual-a@test.id",
      name: "Penjual A",
      roles: ["SELLER"],
      householdId: household.id,
      restrictToFacilitatorId: facilitator.id,
    });
    expect(user.roles.sort()).toEqual(["SELLER", "SHOPPER"]);
    expect(temporaryPassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect((await verifyLogin(db.prisma, "penjual-a@test.id", temporaryPassword)).ok).toBe(true);
    const membership = await db.prisma.storeMember.findMany({ where: { userId: user.id }, select: { storeId: true } });
    expect(membership).toEqual([{ storeId: store.id }]);
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { subjectId: user.id, action: "user.create" },
      select: { actorId: true, details: true },
    });
    expect(audit.actorId).toBe(facilitator.id);
    expect(audit.details).not.toContain(temporaryPassword);
  });

  it("refuses another facilitator's household and writes nothing", async () => {
    const mine = await facilitatorWithHousehold("b");
    const theirs = await facilitatorWithHousehold("c");
    const usersBefore = await db.prisma.user.count();
    const auditBefore = await db.prisma.auditLog.count();
    await expect(
      createManagedAccount(db.prisma, {
        actorId: mine.facilitator.id,
        email: "penyusup@test.id",
        name: "Penyusup",
        roles: ["SELLER"],
        householdId: theirs.household.id,
        restrictToFacilitatorId: mine.facilitator.id,
      }),
    ).rejects.toBeInstanceOf(HouseholdNotFoundError);
    expect(await db.prisma.user.count()).toBe(usersBefore);
    expect(await db.prisma.auditLog.count()).toBe(auditBefore);
  });
});

describe("database rules that hold whatever the code does", () => {
  it("never lets stock go below zero", async () => {
    const { store } = await facilitatorWithHousehold("d");
    const category = await db.prisma.category.create({ data: { slug: "kopi-d", nameId: "Kopi", nameEn: "Coffee" }, select: { id: true } });
    const product = await db.prisma.product.create({
      data: {
        storeId: store.id,
        categoryId: category.id,
        title: "Kopi Robusta",
        slug: "kopi-robusta-d",
        description: "Kopi bubuk",
        variants: { create: { name: "250 g", priceIdr: 35000, costIdr: 20000, stock: 2, weightGrams: 250 } },
      },
      select: { variants: { select: { id: true } } },
    });
    const variantId = product.variants[0]!.id;
    await expect(
      db.prisma.productVariant.update({ where: { id: variantId }, data: { stock: { decrement: 3 } } }),
    ).rejects.toThrow();
    const after = await db.prisma.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } });
    expect(after.stock).toBe(2);
  });

  it("gives every store exactly one owner: a household or a KUBE group", async () => {
    const { facilitator, household } = await facilitatorWithHousehold("e");
    const kube = await db.prisma.kubeGroup.create({
      data: { name: "KUBE Mawar", regencyCode: "32.04", facilitatorId: facilitator.id },
      select: { id: true },
    });
    const base = { description: "x", regencyCode: "32.04", whatsapp: "6281200000001" };
    await expect(db.prisma.store.create({ data: { ...base, slug: "tanpa-pemilik", name: "Tanpa" } })).rejects.toThrow();
    await expect(
      db.prisma.store.create({ data: { ...base, slug: "dua-pemilik", name: "Dua", householdId: household.id, kubeGroupId: kube.id } }),
    ).rejects.toThrow();
    await expect(
      db.prisma.store.create({ data: { ...base, slug: "milik-kube", name: "KUBE", kubeGroupId: kube.id }, select: { id: true } }),
    ).resolves.toBeTruthy();
  });
});
