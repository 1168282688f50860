import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import Papa from "papaparse";
import { startOfLocalDate } from "../../app/utils/dates";
import { formatRupiah } from "../../app/utils/money";
import { db } from "./db";
import { logIn, submitLogin } from "./helpers";

// Reads the demo seed's six months of orders (SEED_REFERENCE_DATE 2026-11-15 in playwright.config.ts).
const DEMO_SELLER = { email: "penjual01@pasarmandiri.test", password: "pasar-mandiri-demo" };
const FROM = "2026-05-01";
const TO = "2026-11-15";

/** What the page must show, computed straight from the order records of the seller's store. */
async function expectedSales() {
  const user = await db.user.findUniqueOrThrow({
    where: { email: DEMO_SELLER.email },
    select: { id: true, name: true, storeMemberships: { select: { store: { select: { id: true, name: true, regency: { select: { parent: { select: { timeZone: true } } } } } } } } },
  });
  const store = user.storeMemberships.map((m) => m.store).sort((a, b) => a.name.localeCompare(b.name))[0]!;
  const timeZone = store.regency.parent!.timeZone!;
  const sales = await db.storeOrder.findMany({
    where: { storeId: store.id, completedAt: { gte: startOfLocalDate(FROM, timeZone), lt: startOfLocalDate("2026-11-16", timeZone) } },
    select: { subtotalIdr: true },
  });
  return { user: { ...user, ...DEMO_SELLER }, store, orders: sales.length, revenueIdr: sales.reduce((sum, s) => sum + s.subtotalIdr, 0) };
}

test("a demo seller sees the sales dashboard with its chart, downloads the CSV and opens the statement", async ({ page }) => {
  const expected = await expectedSales();
  expect(expected.orders, "completed demo orders of the store").toBeGreaterThan(10);

  await logIn(page, expected.user);
  await page.goto("/penjual");
  await page.getByRole("link", { name: "Penjualan", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Penjualan");
  await expect(page.getByRole("link", { name: "Bulan ini" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("link", { name: "Pilih tanggal" }).click();
  await page.getByLabel("Dari tanggal").fill(FROM);
  await page.getByLabel("Sampai tanggal").fill(TO);
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${FROM}&to=${TO}`));

  const revenueCard = page.getByRole("listitem").filter({ hasText: "Omzet (penjualan barang)" });
  await expect(revenueCard).toContainText(formatRupiah(expected.revenueIdr));
  await expect(page.getByRole("listitem").filter({ hasText: "Pesanan selesai" })).toContainText(String(expected.orders));

  // 199 days: one point per week, drawn on the server.
  const chart = page.getByRole("img", { name: "Omzet per minggu" });
  await expect(chart).toBeVisible();
  await expect(chart.locator("path.sales-chart__current")).toHaveAttribute("d", /^M[\d.]+,[\d.]+/);
  // The same figures as a table for screen readers: 29 weeks (the last one shorter) and a header row.
  await page.getByText("Lihat angka grafik").click();
  await expect(page.getByRole("table", { name: "Omzet per minggu" }).getByRole("row")).toHaveCount(1 + 29);
  await expect(page.getByRole("heading", { name: "Paling laris" })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh per pesanan" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^penjualan-.+-${FROM}-${TO}-pesanan\\.csv$`));
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data[0]![0]).toBe("Nomor pesanan");
  expect(parsed.data).toHaveLength(expected.orders + 1);
  expect(parsed.data.slice(1).reduce((sum, row) => sum + Number(row[5]), 0)).toBe(expected.revenueIdr);

  await page.getByRole("link", { name: "Laporan penjualan untuk dicetak" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Laporan penjualan" })).toBeVisible();
  await expect(page.getByText(expected.store.name, { exact: true })).toBeVisible();
  const table = page.getByRole("table", { name: "Laporan penjualan" });
  await expect(table.getByRole("row")).toHaveCount(1 + 7 + 1); // header, May to November, total
  const total = table.getByRole("row").filter({ hasText: "Jumlah" });
  await expect(total).toContainText(formatRupiah(expected.revenueIdr));
  await expect(page.getByRole("button", { name: "Cetak" })).toBeVisible();
  await expect(page.getByText("hanya menghitung pesanan yang sudah selesai")).toBeVisible();
});

test("without JavaScript the dashboard's chart is there and a wrong date range is explained", async ({ browser }) => {
  const expected = await expectedSales();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await submitLogin(page, expected.user, "/masuk?redirectTo=%2Fpenjual%2Fpenjualan%3Fperiode%3Dpilih-tanggal");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Penjualan");
  await page.getByLabel("Dari tanggal").fill("2026-11-15");
  await page.getByLabel("Sampai tanggal").fill("2026-10-01");
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page.getByRole("alert")).toHaveText("Tanggal awal harus sebelum atau sama dengan tanggal akhir.");
  await page.getByLabel("Dari tanggal").fill("2026-10-01");
  await page.getByLabel("Sampai tanggal").fill("2026-11-15");
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page.getByRole("img", { name: "Omzet per hari" })).toBeVisible();
  await context.close();
});
