import { expect, test } from "@playwright/test";
import {
  addStoreMember,
  countUsersWithEmail,
  createHousehold,
  createProduct,
  createStoreWithProduct,
  createUser,
  db,
  unique,
} from "./db";
import { accountNav, logIn } from "./helpers";

const ROLE_AREAS = ["/penjual", "/admin", "/pendamping"];

test("a shopper is refused every role area with a 403 page, and cannot post to them", async ({ page }) => {
  const shopper = await createUser({ roles: ["SHOPPER"] });
  await logIn(page, shopper);

  for (const area of ROLE_AREAS) {
    const response = await page.goto(area);
    expect(response?.status(), area).toBe(403);
    await expect(page.getByRole("heading", { name: "Anda tidak punya akses" })).toBeVisible();
    // Still logged in: a refusal is not a logout.
    await expect(accountNav(page).getByText(shopper.name, { exact: true })).toBeVisible();
  }

  const email = `dibuat-pembeli-${unique()}@contoh.test`;
  const forged = await page.request.post("/admin?index", {
    form: { name: "Admin Palsu", email, roles: "ADMIN" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  expect(await countUsersWithEmail(email)).toBe(0);
});

test("anonymous visitors are sent to login and brought back to the page they asked for", async ({ page, request }) => {
  for (const area of ROLE_AREAS) {
    const response = await request.get(area, { maxRedirects: 0 });
    expect(response.status(), area).toBe(302);
    expect(response.headers()["location"], area).toBe(`/masuk?redirectTo=${encodeURIComponent(area)}`);
  }

  const { store, product } = await createStoreWithProduct();
  const seller = await createUser({ roles: ["SELLER", "SHOPPER"] });
  await addStoreMember(store.id, seller.id);

  await page.goto("/penjual");
  await expect(page).toHaveURL(`/masuk?redirectTo=${encodeURIComponent("/penjual")}`);
  await page.getByLabel("Alamat email").fill(seller.email);
  await page.getByLabel("Kata sandi", { exact: true }).fill(seller.password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();

  await expect(page).toHaveURL("/penjual");
  await expect(page.getByRole("heading", { level: 1, name: store.name })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: product.title })).toBeVisible();
});

test("a seller sees their own store's products, drafts included, and not another store's", async ({ page }) => {
  const mine = await createStoreWithProduct({ variants: [{ name: "Botol 150 ml", priceIdr: 27_500, stock: 9 }] });
  const myDraft = await createProduct({ storeId: mine.store.id, categoryId: mine.category.id, status: "DRAFT" });
  const theirs = await createStoreWithProduct();
  const seller = await createUser({ roles: ["SELLER", "SHOPPER"] });
  await addStoreMember(mine.store.id, seller.id);

  await logIn(page, seller);
  await accountNav(page).getByRole("link", { name: "Toko saya" }).click();
  await expect(page).toHaveURL("/penjual");

  await expect(page.getByRole("heading", { level: 1, name: mine.store.name })).toBeVisible();
  const activeRow = page.getByRole("row").filter({ hasText: mine.product.title });
  await expect(activeRow).toContainText("Dijual");
  await expect(activeRow).toContainText("Botol 150 ml: Rp 27.500");
  await expect(activeRow.getByRole("cell").nth(2)).toHaveText("9");
  await expect(page.getByRole("row").filter({ hasText: myDraft.title })).toContainText("Draf");

  await expect(page.getByText(theirs.store.name)).toHaveCount(0);
  await expect(page.getByText(theirs.product.title)).toHaveCount(0);

  // Selling grants no other area.
  for (const area of ["/admin", "/pendamping"]) {
    const response = await page.goto(area);
    expect(response?.status(), area).toBe(403);
  }
});

test("a facilitator sees only their own households and cannot create a seller for another's", async ({ page }) => {
  const facilitator = await createUser({ roles: ["FACILITATOR"] });
  const otherFacilitator = await createUser({ roles: ["FACILITATOR"] });
  const mine = await createHousehold({ facilitatorId: facilitator.id });
  const theirs = await createHousehold({ facilitatorId: otherFacilitator.id });

  await logIn(page, facilitator);
  const response = await page.goto("/pendamping");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("link", { name: mine.headName })).toBeVisible();
  await expect(page.getByText(mine.programRef).first()).toBeVisible();
  await expect(page.getByText(theirs.headName)).toHaveCount(0);
  await expect(page.getByText(theirs.programRef)).toHaveCount(0);
  expect((await page.goto(`/pendamping/rumah-tangga/${theirs.id}/toko`))?.status()).toBe(404);

  // Posting to the other facilitator's household by hand (the same request the form sends).
  const email = `penjual-${unique()}@contoh.test`;
  const forged = await page.request.post(`/pendamping/rumah-tangga/${theirs.id}/toko`, {
    form: { intent: "create-seller", householdId: theirs.id, name: "Penjual Titipan", email },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(404);
  expect(await countUsersWithEmail(email)).toBe(0);

  // The very same request for their own household works, so the refusal above is about ownership.
  const allowed = await page.request.post(`/pendamping/rumah-tangga/${mine.id}/toko`, {
    form: { intent: "create-seller", householdId: mine.id, name: "Penjual Dampingan", email },
    maxRedirects: 0,
  });
  expect(allowed.status()).toBe(200);
  const created = await db.user.findUniqueOrThrow({
    where: { email },
    select: { householdId: true, roles: { select: { role: true }, orderBy: { role: "asc" } } },
  });
  expect(created.householdId).toBe(mine.id);
  expect(created.roles.map((r) => r.role)).toContain("SELLER");
  expect(created.roles.map((r) => r.role)).not.toContain("FACILITATOR");
  expect(created.roles.map((r) => r.role)).not.toContain("ADMIN");
});

test("a facilitator creates a seller account in the form and sees its one-time password", async ({ page }) => {
  const { facilitator, household } = await createStoreWithProduct();
  const email = `penjual-${unique()}@contoh.test`;

  await logIn(page, facilitator);
  await page.goto(`/pendamping/rumah-tangga/${household.id}/toko`);
  await page.getByLabel("Nama pemilik akun").fill("Rina Penjual");
  await page.getByLabel("Alamat email").fill(email);
  await page.getByRole("button", { name: "Buat akun penjual" }).click();

  const notice = page.getByRole("status");
  await expect(notice).toContainText(`Akun ${email} sudah dibuat.`);
  await expect(notice).toContainText(/Kata sandi sementara: [a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/);
  // The household's seller accounts list the new one.
  await expect(page.getByRole("region", { name: "Akun penjual" })).toContainText(email);
});

test("an admin creates a seller account whose temporary password logs in to the household's store", async ({ page }) => {
  const admin = await createUser({ roles: ["ADMIN"] });
  const { household, store, product } = await createStoreWithProduct();
  const id = unique();
  const seller = { name: `Dewi Penjual ${id.slice(-5)}`, email: `penjual-${id}@contoh.test` };

  await logIn(page, admin);
  await accountNav(page).getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL("/admin");
  await page.getByLabel("Nama lengkap").fill(seller.name);
  await page.getByLabel("Alamat email").fill(seller.email);
  await page.getByRole("group", { name: "Peran" }).getByLabel("Penjual", { exact: true }).check();
  await page
    .getByLabel("Keluarga (untuk akun penjual)")
    .selectOption({ label: `${household.headName} (${household.programRef})` });
  await page.getByRole("button", { name: "Buat akun", exact: true }).click();

  const notice = page.getByRole("status");
  await expect(notice).toContainText(`Akun ${seller.email} sudah dibuat.`);
  const temporaryPassword = (await notice.textContent())?.match(/[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/)?.[0];
  expect(temporaryPassword).toBeDefined();

  // Only the hash is stored.
  const stored = await db.user.findUniqueOrThrow({ where: { email: seller.email }, select: { id: true, passwordHash: true } });
  expect(stored.passwordHash).not.toContain(temporaryPassword!);

  await accountNav(page).getByRole("button", { name: "Keluar" }).click();
  await expect(accountNav(page).getByRole("link", { name: "Masuk" })).toBeVisible();

  await logIn(page, { id: stored.id, ...seller, password: temporaryPassword! });
  await accountNav(page).getByRole("link", { name: "Toko saya" }).click();
  await expect(page.getByRole("heading", { level: 1, name: store.name })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: product.title })).toBeVisible();
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
});
