import { expect, test, type Page } from "@playwright/test";
import { addStoreMember, createStoreWithProduct, createUser, db, unique } from "./db";
import { logIn } from "./helpers";

const DAY = 86_400_000;

/** A store with a seller, and ledger lines as completed orders leave them: one available, one still held. */
async function storeWithBalance() {
  const shop = await createStoreWithProduct();
  const seller = await createUser({ roles: ["SELLER", "SHOPPER"] });
  await addStoreMember(shop.store.id, seller.id);
  await db.store.update({ where: { id: shop.store.id }, data: { payoutBankName: "BRI", payoutAccountNumber: "0123456789", payoutAccountHolder: "Ibu Uji" } });
  const now = Date.now();
  await db.ledgerEntry.createMany({
    data: [
      { storeId: shop.store.id, kind: "SALE", amountIdr: 50_000, memo: "Pesanan uji 1 selesai", availableAt: new Date(now - DAY), createdAt: new Date(now - 4 * DAY) },
      { storeId: shop.store.id, kind: "SALE", amountIdr: 20_000, memo: "Pesanan uji 2 selesai", availableAt: new Date(now + 2 * DAY), createdAt: new Date(now - DAY) },
    ],
  });
  return { ...shop, seller };
}

const card = (page: Page, name: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });

test("a seller sees pending, available and paid-out money line by line; an admin's payout shows up with its reference", async ({ page, browser }) => {
  const shop = await storeWithBalance();
  await logIn(page, shop.seller);
  await page.goto("/penjual/saldo");
  await expect(card(page, "Bisa dicairkan")).toContainText("Rp 50.000");
  await expect(card(page, "Tertahan")).toContainText("Rp 20.000");
  await expect(card(page, "Sudah ditransfer")).toContainText("Rp 0");
  await expect(page.getByText("Komisi platform saat ini: 0%")).toBeVisible();
  await expect(page.getByText("Rekening pencairan: BRI 0123456789 a.n. Ibu Uji")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Penjualan" })).toHaveCount(2);

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  const admin = await createUser({ roles: ["ADMIN"] });
  await logIn(adminPage, admin);
  await adminPage.goto("/admin");
  await adminPage.getByRole("link", { name: "Pencairan saldo toko" }).click();
  const storeCard = adminPage.getByRole("listitem").filter({ has: adminPage.getByRole("heading", { name: shop.store.name }) });
  await expect(storeCard).toContainText("BRI 0123456789");

  // More than is available is refused, and nothing is recorded.
  await storeCard.getByLabel("Jumlah yang ditransfer (Rp)").fill("60.000");
  await storeCard.getByLabel("Nomor referensi transfer").fill("TRF-E2E-LEBIH");
  await storeCard.getByRole("button", { name: "Catat pencairan" }).click();
  await expect(storeCard.getByRole("alert")).toContainText("Jumlah melebihi saldo yang bisa dicairkan.");
  expect(await db.payout.count({ where: { storeId: shop.store.id } })).toBe(0);

  const reference = `TRF-${unique().slice(-8).toUpperCase()}`;
  await storeCard.getByLabel("Jumlah yang ditransfer (Rp)").fill("30.000");
  await storeCard.getByLabel("Nomor referensi transfer").fill(reference);
  await storeCard.getByRole("button", { name: "Catat pencairan" }).click();
  await expect(adminPage.getByRole("status")).toContainText(`Pencairan Rp 30.000 untuk ${shop.store.name} tercatat.`);
  await adminContext.close();

  await page.reload();
  await expect(card(page, "Bisa dicairkan")).toContainText("Rp 20.000");
  await expect(card(page, "Sudah ditransfer")).toContainText("Rp 30.000");
  const payoutRow = page.getByRole("row").filter({ hasText: "Transfer ke rekening toko" });
  await expect(payoutRow).toContainText(reference);
  await expect(payoutRow).toContainText("-Rp 30.000");
});

test("a seller cannot see another store's balance nor record payouts", async ({ page }) => {
  const mine = await storeWithBalance();
  const theirs = await storeWithBalance();
  await logIn(page, mine.seller);
  const foreign = await page.goto(`/penjual/saldo?toko=${theirs.store.id}`);
  expect(foreign?.status()).toBe(404);
  await expect(page.getByText("Rp 50.000")).toHaveCount(0);

  for (const area of ["/admin/pencairan", "/admin/pengembalian"]) {
    expect((await page.goto(area))?.status(), area).toBe(403);
  }
  const forged = await page.request.post("/admin/pencairan", {
    form: { storeId: mine.store.id, amountIdr: "50000", bankReference: "TRF-PALSU", paidOn: new Date().toISOString().slice(0, 10) },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  expect(await db.payout.count({ where: { storeId: mine.store.id } })).toBe(0);
});
