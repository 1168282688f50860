import { expect, test } from "@playwright/test";
import { createHousehold, createUser, db } from "./db";
import { DOMAINS, demoUser, logOut, openProposal, recordDraft, submitAndPropose } from "./graduation-steps";
import { logIn } from "./helpers";

// The graduation workflow in the browser: a facilitator assesses and proposes, a verifier returns the
// proposal with a reason, the facilitator assesses again, the verifier approves, and the household shows
// "Graduasi sejahtera mandiri" with the date. Then the same with JavaScript turned off.

test("a facilitator assesses and proposes; the verifier returns it with a reason, then approves the next proposal", async ({ page }) => {
  test.setTimeout(90_000);
  const facilitator = await demoUser("pendamping.sari@pasarmandiri.test");
  const verifier = await demoUser("verifikator@pasarmandiri.test");
  // Household 3 of the demo (Sari's), which the seed leaves without assessments.
  const seller = await db.user.findUniqueOrThrow({
    where: { email: "penjual03@pasarmandiri.test" },
    select: { household: { select: { id: true, headName: true, programRef: true, status: true, facilitatorId: true } } },
  });
  const household = seller.household!;
  expect(household.facilitatorId).toBe(facilitator.id);
  expect(household.status).toBe("ACTIVE");

  await logIn(page, facilitator);
  await recordDraft(page, household.id, { status: "Terpenuhi", otherIncome: "1.250.000", notes: "Suami bekerja sebagai buruh bangunan." });
  const firstAssessmentUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("region", { name: /^Indikator / })).toContainText("Rp 1.250.000");
  await submitAndPropose(page);
  await logOut(page);

  const reason = "Catatan rumah dan sanitasi belum diisi dari kunjungan langsung. Mohon dinilai ulang.";
  await logIn(page, verifier);
  await openProposal(page, household);
  await expect(page.getByRole("region", { name: "Keluarga", exact: true })).toContainText(household.programRef);
  // Each month of the series opens its evidence: the orders and refunds counted.
  await page.getByRole("region", { name: "Indikator saat penilaian dikirim" }).getByRole("link", { name: "Lihat bukti" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^Bukti .*: ${household.headName}$`) })).toBeVisible();
  await expect(page.getByRole("region", { name: "Pesanan dan pengembalian dana" })).toBeVisible();
  await page.getByRole("link", { name: `← Kembali ke usulan ${household.headName}` }).click();
  await page.getByLabel("Alasan dikembalikan").fill(reason);
  await page.getByRole("button", { name: "Kembalikan usulan" }).click();
  await expect(page.getByRole("status")).toContainText("Usulan dikembalikan ke pendamping");
  await logOut(page);

  await logIn(page, facilitator);
  await page.goto(firstAssessmentUrl);
  const history = page.getByRole("region", { name: "Usulan dan keputusan" });
  await expect(history).toContainText("Dikembalikan");
  await expect(history).toContainText(reason);
  await expect(page.getByText("Penilaian ini sudah pernah diusulkan. Untuk mengusulkan lagi, buat penilaian baru.")).toBeVisible();
  await page.getByRole("link", { name: "Buat penilaian baru" }).click();
  await expect(page).toHaveURL(`/pendamping/rumah-tangga/${household.id}/penilaian/baru`);
  await recordDraft(page, household.id, { status: "Terpenuhi", otherIncome: "1.400.000", notes: "Sudah dikunjungi: rumah layak, sumur dan jamban sendiri." });
  await submitAndPropose(page);
  await logOut(page);

  await logIn(page, verifier);
  await openProposal(page, household);
  await page.getByLabel("Saya sudah memeriksa penilaian dan indikator di atas.").check();
  await page.getByRole("button", { name: `Setujui graduasi ${household.headName}` }).click();
  await expect(page.getByRole("status")).toContainText("Graduasi disetujui.");
  await logOut(page);

  await logIn(page, facilitator);
  await page.goto(firstAssessmentUrl);
  await expect(page.getByRole("region", { name: household.headName })).toContainText(/Graduasi sejahtera mandiri sejak \d{1,2} \w{3} \d{4} \d{2}\.\d{2} WIB/);
  await expect(page.getByRole("link", { name: "Buat penilaian baru" })).toHaveCount(0);
  const row = await db.household.findUniqueOrThrow({ where: { id: household.id }, select: { status: true, graduatedAt: true } });
  expect(row.status).toBe("GRADUATED");
  expect(row.graduatedAt).not.toBeNull();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("assess, propose and approve with plain forms", async ({ page }) => {
    test.setTimeout(60_000);
    const facilitator = await createUser({ roles: ["FACILITATOR"] });
    const verifier = await createUser({ roles: ["VERIFIER"] });
    const household = await createHousehold({ facilitatorId: facilitator.id });

    await logIn(page, facilitator);
    // A refused form keeps what was typed and says why.
    await page.goto(`/pendamping/rumah-tangga/${household.id}/penilaian/baru`);
    for (const domain of DOMAINS) await page.getByRole("group", { name: domain, exact: true }).getByLabel("Belum dinilai", { exact: true }).check();
    await page.getByLabel("Pendapatan lain per bulan (Rupiah)").fill("satu juta");
    await page.getByLabel("Catatan", { exact: true }).fill("Kunjungan pertama");
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await expect(page.getByText("Tulis pendapatan dalam Rupiah tanpa koma")).toBeVisible();
    await expect(page.getByLabel("Catatan", { exact: true })).toHaveValue("Kunjungan pertama");
    expect(await db.graduationAssessment.count({ where: { householdId: household.id } })).toBe(0);

    await recordDraft(page, household.id, { status: "Terpenuhi", otherIncome: "2500000", notes: "Usaha warung dan upah harian." });
    await submitAndPropose(page);
    await logOut(page);

    await logIn(page, verifier);
    await openProposal(page, household);
    // Approving needs the confirmation ticked: without it the browser refuses the form, nothing is sent.
    await page.getByRole("button", { name: `Setujui graduasi ${household.headName}` }).click();
    await expect(page).toHaveURL(/\/verifikasi\/[^/?]+$/);
    await page.getByLabel("Saya sudah memeriksa penilaian dan indikator di atas.").check();
    await page.getByRole("button", { name: `Setujui graduasi ${household.headName}` }).click();
    await expect(page.getByRole("status")).toContainText("Graduasi disetujui.");
    await expect(page.getByRole("region", { name: "Keluarga", exact: true })).toContainText(/Graduasi sejahtera mandiri sejak/);
    expect((await db.household.findUniqueOrThrow({ where: { id: household.id }, select: { status: true } })).status).toBe("GRADUATED");
  });
});
