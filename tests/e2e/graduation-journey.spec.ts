import { expect, test } from "@playwright/test";
import { createCategory, createProduct, createUser, db, unique } from "./db";
import { logOut, openProposal, recordDraft, submitAndPropose } from "./graduation-steps";
import { logIn } from "./helpers";
import { DESTINATION, orderPathOf, postAddToCart, postCheckout, rupiah } from "./shop-helpers";

// The whole reason the marketplace exists, end to end: a facilitator onboards a family and its store, the
// store sells, the sale feeds the family's indicators, the facilitator assesses and proposes graduation,
// the district verifier approves, and the program dashboard counts the graduation.

const PROVINCE = { code: "34", name: "Daerah Istimewa Yogyakarta" };
const REGENCY = { code: "34.02", name: "Kabupaten Bantul" };

/** "Oktober 2026": a month as the pages write it. */
function monthLabel(month: string): string {
  const [year, m] = month.split("-").map(Number);
  return new Date(Date.UTC(year!, m! - 1, 15)).toLocaleString("id-ID", { month: "long", year: "numeric", timeZone: "UTC" });
}

/** The calendar month before the current one in WIB, "YYYY-MM". */
function previousWibMonth(now = new Date()): string {
  const wib = new Date(now.getTime() + 7 * 3_600_000);
  const previous = new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth() - 1, 1));
  return previous.toISOString().slice(0, 7);
}

test("onboard a family and its store, sell, assess, propose; the verifier approves and the program dashboard counts it", async ({ page, browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const facilitator = await createUser({ roles: ["FACILITATOR"] });
  // The district social office of Bantul: the verifier sees only that regency.
  const verifier = await createUser({ roles: ["VERIFIER"] });
  await db.user.update({ where: { id: verifier.id }, data: { scopeRegionCode: REGENCY.code } });
  const id = unique().slice(-6);
  const family = { programRef: `PKH-3402-${id.toUpperCase()}`, headName: `Ibu Painem ${id}` };
  const storeName = `Gerabah Painem ${id}`;
  const sellerEmail = `painem-${id}@contoh.test`;

  // 1. The facilitator registers the family (2 people, rural Bantul) and opens its store and seller account.
  await logIn(page, facilitator);
  await page.goto("/pendamping/rumah-tangga/baru");
  await page.getByLabel("Provinsi").selectOption({ label: PROVINCE.name });
  const showRegencies = page.getByRole("button", { name: "Tampilkan kabupaten/kota" });
  if (await showRegencies.isVisible()) await showRegencies.click();
  await page.getByLabel("Nomor peserta PKH").fill(family.programRef);
  await page.getByLabel("Nama kepala keluarga").fill(family.headName);
  await page.getByLabel("Jumlah anggota keluarga").fill("2");
  await page.getByLabel("Kabupaten/Kota").selectOption({ label: REGENCY.name });
  await page.getByLabel("Perdesaan").check();
  await page.getByRole("button", { name: "Daftarkan keluarga" }).click();
  await expect(page.getByRole("heading", { level: 1, name: family.headName })).toBeVisible();
  const household = await db.household.findUniqueOrThrow({ where: { programRef: family.programRef }, select: { id: true } });

  await page.getByRole("link", { name: "Toko dan akun penjual" }).click();
  await page.getByLabel("Nama toko").fill(storeName);
  await page.getByLabel("Keterangan singkat").fill("Gerabah Kasongan buatan tangan.");
  await page.getByLabel("Nomor WhatsApp toko").fill("0812-2700-3402");
  await page.getByRole("button", { name: "Buat toko" }).click();
  await expect(page.getByRole("status")).toContainText("Toko sudah dibuat.");
  await page.getByLabel("Nama pemilik akun").fill(family.headName);
  await page.getByLabel("Alamat email").fill(sellerEmail);
  await page.getByRole("button", { name: "Buat akun penjual" }).click();
  const notice = page.getByRole("status");
  await expect(notice).toContainText(`Akun ${sellerEmail} sudah dibuat.`);
  const temporaryPassword = (await notice.textContent())?.match(/[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/)?.[0];
  expect(temporaryPassword).toBeDefined();
  await logOut(page);

  // The seller's catalogue and shipping table (each has its own end-to-end tests): one product, Rp50.000, cost Rp25.000.
  const store = await db.store.findFirstOrThrow({ where: { householdId: household.id }, select: { id: true } });
  await db.shippingRate.create({ data: { storeId: store.id, provinceCode: DESTINATION.provinceCode, firstKgIdr: 12_000, additionalKgIdr: 6_000 } });
  const product = await createProduct({ storeId: store.id, categoryId: (await createCategory()).id, title: `Vas Gerabah ${id}`, variants: [{ name: "Sedang", priceIdr: 50_000, stock: 5 }] });
  const variant = await db.productVariant.findFirstOrThrow({ where: { productId: product.id }, select: { id: true } });

  // 2. The store sells: a shopper orders two, cash on delivery; the seller ships and delivers; the buyer confirms.
  const shopper = await playwright.request.newContext({ baseURL });
  expect((await postAddToCart(shopper, variant.id, 2)).status()).toBe(302);
  const orderPath = orderPathOf(await postCheckout(shopper, { paymentMethod: "COD" }));
  await shopper.dispose();
  const number = /PM-[A-Z0-9-]+/.exec(orderPath)![0];

  const seller = await db.user.findUniqueOrThrow({ where: { email: sellerEmail }, select: { id: true, name: true } });
  await logIn(page, { id: seller.id, name: seller.name, email: sellerEmail, password: temporaryPassword! });
  await page.goto("/penjual/pesanan");
  await page.getByRole("link", { name: `Buka pesanan ${number}` }).click();
  await page.getByLabel("Kurir", { exact: true }).fill("JNE");
  await page.getByLabel("Nomor resi", { exact: true }).fill(`JNE34${id}`);
  await page.getByRole("button", { name: "Kirim", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Pesanan dikirim");
  await page.getByRole("button", { name: "Sudah sampai dan dibayar tunai" }).click();
  await expect(page.getByRole("status")).toHaveText("Pesanan ditandai sudah sampai.");
  await logOut(page);

  const buyer = await browser.newPage();
  await buyer.goto(orderPath);
  await buyer.getByRole("button", { name: "Pesanan sudah saya terima" }).click();
  await expect.poll(async () => (await db.storeOrder.findFirstOrThrow({ where: { order: { number } }, select: { status: true } })).status).toBe("COMPLETED");
  await buyer.close();

  // A month passes: the sale becomes part of a month that is over (an assessment freezes only complete months).
  const month = previousWibMonth();
  await db.storeOrder.updateMany({ where: { order: { number } }, data: { completedAt: new Date(`${month}-15T03:00:00.000Z`) } });

  // 3. The facilitator sees the sale in the family's income, with its evidence.
  await logIn(page, facilitator);
  await page.goto(`/pendamping/rumah-tangga/${household.id}`);
  const incomeRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: monthLabel(month), exact: true }) });
  // 2 × 50.000 = 100.000 revenue − 2 × 25.000 cost − 0 commission = 50.000 for 2 people: 25.000 each.
  await expect(incomeRow.getByRole("cell").first()).toHaveText("1");
  await expect(incomeRow).toContainText(rupiah(50_000));
  await expect(incomeRow).toContainText(rupiah(25_000));
  // "How is this computed?" states the formula and the program's thresholds in force.
  await page.getByText("Bagaimana angka ini dihitung?").first().click();
  await expect(page.getByText(/siap graduasi jika rasio paling sedikit 100 % selama 3 bulan berturut-turut/).first()).toBeVisible();
  await incomeRow.getByRole("link", { name: monthLabel(month) }).click();
  await expect(page.getByRole("main")).toContainText(number);
  await expect(page.getByRole("main")).toContainText("545.206");

  // 4. Assess the month (other income Rp1.500.000: (50.000 + 1.500.000) / 2 = 775.000 per person, 142,1 % of
  //    Bantul's rural line of March 2025, Rp545.206), send it, and propose graduation.
  await recordDraft(page, household.id, { status: "Terpenuhi", otherIncome: "1.500.000", notes: "Usaha gerabah berjalan; suami buruh tani." });
  await expect(page.getByRole("region", { name: /^Indikator / })).toContainText(rupiah(775_000));
  await submitAndPropose(page);
  await logOut(page);

  // 5. The verifier sees the proposal on the program dashboard, then approves it.
  await logIn(page, verifier);
  await page.goto("/program");
  const regencyRow = () => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: PROVINCE.name }) });
  // Active, proposed, graduated, total.
  await expect(regencyRow().getByRole("cell")).toHaveText(["0", "1", "0", "1"]);
  await expect(page.getByText("0 keluarga lulus", { exact: true })).toBeVisible();

  await openProposal(page, family);
  await page.getByLabel("Saya sudah memeriksa penilaian dan indikator di atas.").check();
  await page.getByRole("button", { name: `Setujui graduasi ${family.headName}` }).click();
  await expect(page.getByRole("status")).toContainText("Graduasi disetujui.");

  // 6. The program dashboard counts the graduation.
  await page.goto("/program");
  await expect(regencyRow().getByRole("cell")).toHaveText(["0", "0", "1", "1"]);
  await expect(page.getByText("1 keluarga lulus", { exact: true })).toBeVisible();
  const graduated = await db.household.findUniqueOrThrow({ where: { id: household.id }, select: { status: true, graduatedAt: true } });
  expect(graduated.status).toBe("GRADUATED");
  expect(graduated.graduatedAt).not.toBeNull();
});
