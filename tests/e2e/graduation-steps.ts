import { expect, type Page } from "@playwright/test";
import { db, type TestUser } from "./db";
import { accountNav } from "./helpers";

/** Steps of the graduation workflow in the browser, shared by the graduation specs. */

export const DEMO_PASSWORD = "pasar-mandiri-demo";
export const DOMAINS = ["Kesehatan", "Pendidikan", "Rumah layak huni", "Air bersih dan sanitasi", "Sosial"];

export async function demoUser(email: string): Promise<TestUser> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true } });
  return { ...user, password: DEMO_PASSWORD };
}

export async function logOut(page: Page) {
  await accountNav(page).getByRole("button", { name: "Keluar" }).click();
  await expect(accountNav(page).getByRole("link", { name: "Masuk" })).toBeVisible();
}

/** Fills the assessment form: every domain with `status`, the other income and a note, then saves the draft. */
export async function recordDraft(page: Page, householdId: string, { status, otherIncome, notes }: { status: string; otherIncome: string; notes: string }) {
  await page.goto(`/pendamping/rumah-tangga/${householdId}/penilaian/baru`);
  await expect(page.getByRole("heading", { level: 1, name: "Penilaian graduasi baru" })).toBeVisible();
  // The preview of the computed indicators is there before anything is saved.
  await expect(page.getByRole("region", { name: /^Indikator / })).toContainText("Pendapatan bersih usaha");
  for (const domain of DOMAINS) {
    await page.getByRole("group", { name: domain, exact: true }).getByLabel(status, { exact: true }).check();
  }
  await page.getByLabel("Pendapatan lain per bulan (Rupiah)").fill(otherIncome);
  await page.getByLabel("Catatan", { exact: true }).fill(notes);
  await page.getByRole("button", { name: "Simpan draf" }).click();
  await expect(page).toHaveURL(/\/pendamping\/penilaian\/[^/?]+\?selesai=create$/);
  await expect(page.getByRole("status")).toContainText("Draf penilaian disimpan");
}

/** Sends the draft on the page (after reading the warning) and proposes graduation. */
export async function submitAndPropose(page: Page) {
  await expect(page.getByText("Setelah dikirim, penilaian ini tidak dapat diubah lagi.")).toBeVisible();
  await page.getByRole("button", { name: "Kirim penilaian" }).click();
  await expect(page.getByRole("status")).toContainText("Penilaian dikirim dan sekarang tidak dapat diubah.");
  await expect(page.getByText("Sudah dikirim, tidak dapat diubah")).toBeVisible();
  await expect(page.getByRole("button", { name: "Simpan perubahan draf" })).toHaveCount(0);
  const propose = page.getByRole("region", { name: "Usulkan graduasi" });
  // Unless the indicators say "ready", the facilitator must confirm explicitly.
  const confirm = propose.getByLabel("Saya tetap mengusulkan graduasi dan sudah memeriksa keadaan keluarga secara langsung.");
  if ((await confirm.count()) > 0) await confirm.check();
  await propose.getByRole("button", { name: "Usulkan graduasi" }).click();
  await expect(page.getByRole("status")).toContainText("Graduasi diusulkan.");
  await expect(page.getByText(/Diusulkan graduasi pada /)).toBeVisible();
}

export async function openProposal(page: Page, household: { headName: string; programRef: string }) {
  await accountNav(page).getByRole("link", { name: "Verifikasi" }).click();
  await expect(page).toHaveURL("/verifikasi");
  await page.getByRole("region", { name: /Menunggu keputusan/ }).getByRole("link", { name: `${household.headName} (${household.programRef})` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Usulan graduasi: ${household.headName}` })).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible();
}
