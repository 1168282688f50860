import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { createHousehold, createUser, db, unique } from "./db";
import { logIn } from "./helpers";

const ADMIN = {
  id: "",
  email: "admin@pasarmandiri.test",
  name: "",
  password: "pasar-mandiri-demo",
};

async function demoAdmin() {
  const row = await db.user.findUniqueOrThrow({
    where: { email: ADMIN.email },
    select: { id: true, name: true },
  });
  return { ...ADMIN, ...row };
}

test("an admin creates an API token, the API answers with it, and the call is in the access log", async ({ page, request }) => {
  await logIn(page, await demoAdmin());
  await page.goto("/admin");
  await page.getByRole("link", { name: "Token API pertukaran data" }).click();
  const name = `Kemenperin uji ${unique()}`;
  await page.getByLabel("Nama pemakai token").fill(name);
  await page.getByRole("button", { name: "Buat token" }).click();
  await expect(page.getByText(`Token untuk ${name} sudah dibuat:`)).toBeVisible();
  const token = (await page.locator(".token-value").textContent())!.trim();
  expect(token).toMatch(/^pm_[A-Za-z0-9_-]{43}$/);

  const refused = await request.get("/api/v1/households");
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toContain("Bearer");

  const answer = await request.get("/api/v1/households?limit=5", {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(answer.status()).toBe(200);
  expect(answer.headers()["cache-control"]).toBe("no-store");
  expect(answer.headers()["set-cookie"]).toBeUndefined();
  const body = (await answer.json()) as {
    page: { limit: number; total: number; hasMore: boolean };
    data: Record<string, unknown>[];
  };
  expect(body.page.limit).toBe(5);
  expect(body.page.total).toBeGreaterThanOrEqual(13);
  expect(body.data).toHaveLength(5);
  expect(Object.keys(body.data[0]!)).toContain("programRef");
  expect(Object.keys(body.data[0]!)).not.toContain("headName");

  await page.goto("/admin/token");
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(row.getByRole("cell", { name: `${token.slice(0, 8)}…`, exact: true })).toBeVisible();
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: `Token ${name}` })
      .filter({ hasText: "households · JSON" })
      .first()
  ).toBeVisible();

  // Revoke it (with a confirmation step): the API refuses it from then on.
  await row.getByRole("link", { name: `Cabut token ${name}` }).click();
  await page.getByRole("button", { name: "Ya, cabut token" }).click();
  await expect(page.getByText("Token sudah dicabut.")).toBeVisible();
  expect(
    (
      await request.get("/api/v1/households", {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).status()
  ).toBe(401);
});

test("an admin uploads the poverty lines of a new period and sees it listed", async ({ page }) => {
  await logIn(page, await demoAdmin());
  await page.goto("/admin/garis-kemiskinan");
  const header = "province_code,bps_province_code,province_name,period,total_idr,urban_idr,rural_idr,source";

  // A file with a bad line is refused whole, naming the line.
  await page.getByLabel("Berkas CSV").setInputFiles({
    name: "salah.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${header}\n00,00,INDONESIA,2031-03,700000,,,BPS uji\n77,77,ENTAH,2031-03,1,,,BPS uji\n`),
  });
  await page.getByRole("button", { name: "Unggah" }).click();
  await expect(page.getByRole("alert")).toContainText('line 3: unknown province_code "77"');
  await expect(page.getByRole("link", { name: "Maret 2031" })).toHaveCount(0);

  await page.getByLabel("Berkas CSV").setInputFiles({
    name: "gk-2031-03.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${header}\n00,00,INDONESIA,2031-03,712345,730000,690000,BPS uji e2e\n`),
  });
  await page.getByRole("button", { name: "Unggah" }).click();
  await expect(page.getByRole("status")).toContainText("3 angka baru");
  const periodRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Maret 2031" }) });
  await expect(periodRow).toContainText(/Rp\s?712\.345/);
  await expect(periodRow).toContainText("BPS uji e2e");
  await db.povertyLine.deleteMany({ where: { period: "2031-03" } });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a verifier opens the program dashboard and sees the counts of their area", async ({ page }) => {
    const regency = await db.region.findFirstOrThrow({
      where: { level: "REGENCY", parentCode: "81" },
      orderBy: { code: "asc" },
      select: { code: true, name: true },
    });
    const province = await db.region.findUniqueOrThrow({
      where: { code: "81" },
      select: { name: true },
    });
    const facilitator = await createUser({ roles: ["FACILITATOR"] });
    const made = [
      { status: "ACTIVE" as const, graduatedAt: null },
      { status: "ACTIVE" as const, graduatedAt: null },
      { status: "GRADUATED" as const, graduatedAt: new Date() },
    ];
    for (const household of made) {
      await db.household.create({
        data: {
          programRef: `PKH-E2E-${unique()}`,
          headName: "Keluarga Uji",
          memberCount: 4,
          regencyCode: regency.code,
          facilitatorId: facilitator.id,
          ...household,
        },
      });
    }
    const verifier = await createUser({ roles: ["VERIFIER"] });
    await db.user.update({
      where: { id: verifier.id },
      data: { scopeRegionCode: regency.code },
    });

    await logIn(page, verifier);
    await page.getByRole("link", { name: "Program", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Dasbor program", level: 1 })).toBeVisible();
    await expect(page.getByText(`Data wilayah Anda: ${regency.name}.`)).toBeVisible();
    const provinceRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: province.name }) });
    await expect(provinceRow.getByRole("cell")).toHaveText(["2", "0", "1", "3"]);
    await expect(page.getByText("1 keluarga lulus", { exact: true })).toBeVisible();

    // Drill down to the regencies with a plain link.
    await provinceRow.getByRole("link").click();
    await expect(page).toHaveURL(/provinsi=81/);
    const regencyRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: regency.name }) });
    await expect(regencyRow.getByRole("cell")).toHaveText(["2", "0", "1", "3"]);

    // Another year with a plain GET form: 2019 has the national target the seed ships; 2020 has none.
    await page.getByLabel("Tahun").selectOption("2019");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await expect(page.getByRole("heading", { name: "Graduasi sejahtera mandiri 2019" })).toBeVisible();
    // A verifier's area is compared with no national percentage.
    await expect(page.getByText("Target nasional 2019: 800.000 keluarga.")).toBeVisible();
    await expect(page.getByText(/Tercapai/)).toHaveCount(0);
    await expect(page.getByText(/^Sumber target: Kementerian Sosial/)).toBeVisible();
    await page.getByLabel("Tahun").selectOption("2020");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await expect(
      page.getByText("Belum ada target graduasi untuk tahun 2020.", {
        exact: false,
      })
    ).toBeVisible();
    // The drill-down is kept while the year changes.
    await expect(regencyRow).toBeVisible();
  });
});

test("a facilitator downloads the CSV of their own households only", async ({ page }) => {
  const facilitator = await createUser({ roles: ["FACILITATOR"] });
  const other = await createUser({ roles: ["FACILITATOR"] });
  const mine = await createHousehold({ facilitatorId: facilitator.id });
  const theirs = await createHousehold({ facilitatorId: other.id });

  await logIn(page, facilitator);
  await page.goto("/pendamping/ekspor");
  await expect(page.getByRole("heading", { name: "Unduh data keluarga dampingan" })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Unduh indikator keluarga (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^pendampingan-households-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await download.path())!, "utf8");
  const lines = text
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toMatch(/^programRef,provinceCode,provinceName,regencyCode,regencyName,/);
  expect(lines).toHaveLength(2);
  expect(text).toContain(mine.programRef);
  expect(text).not.toContain(theirs.programRef);
  expect(text).not.toContain(mine.headName);
});
