import { expect, test, type Page } from "@playwright/test";
import { createHousehold, createUser, db, unique, type TestUser } from "./db";
import { accountNav, logIn } from "./helpers";

// The facilitator's workspace: onboarding a household and its store, a KUBE group, the coaching log.

/** A 16-digit number shaped like an NIK; the app must refuse it in the program reference field. */
const NIK_LIKE = "3205 0101 0101 0001";

async function registerHousehold(page: Page, household: { programRef: string; headName: string }) {
  await page.goto("/pendamping");
  await page.getByRole("link", { name: "Daftarkan keluarga" }).click();
  await expect(page).toHaveURL("/pendamping/rumah-tangga/baru");
  await page.getByLabel("Provinsi").selectOption({ label: "Jawa Barat" });
  const showRegencies = page.getByRole("button", { name: "Tampilkan kabupaten/kota" });
  // Without JavaScript the province is sent by its own button; with it, choosing is enough.
  if (await showRegencies.isVisible()) await showRegencies.click();
  await expect(page.getByLabel("Kabupaten/Kota").getByRole("option", { name: "Kabupaten Garut" })).toHaveCount(1);

  await page.getByLabel("Nomor peserta PKH").fill(NIK_LIKE);
  await page.getByLabel("Nama kepala keluarga").fill(household.headName);
  await page.getByLabel("Jumlah anggota keluarga").fill("4");
  await page.getByLabel("Kabupaten/Kota").selectOption({ label: "Kabupaten Garut" });
  await page.getByLabel("Perdesaan").check();
  await page.getByRole("button", { name: "Daftarkan keluarga" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Ini terlihat seperti NIK (16 angka)." })).toBeVisible();
  expect(await db.household.count({ where: { headName: household.headName } })).toBe(0);

  await page.getByLabel("Nomor peserta PKH").fill(household.programRef);
  await page.getByLabel("Perdesaan").check();
  await page.getByRole("button", { name: "Daftarkan keluarga" }).click();
  await expect(page.getByRole("heading", { level: 1, name: household.headName })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Keluarga sudah terdaftar.");
}

test("a facilitator registers a household, opens its store and seller account; the seller logs in with the one-time password", async ({ page }) => {
  const facilitator = await createUser({ roles: ["FACILITATOR"] });
  const id = unique();
  const household = { programRef: `PKH-3205-${id.slice(-8).toUpperCase()}`, headName: `Ibu Onah ${id.slice(-5)}` };
  const storeName = `Dapur Onah ${id.slice(-5)}`;
  const seller = { name: `Onah Penjual ${id.slice(-5)}`, email: `onah-${id}@contoh.test` };

  await logIn(page, facilitator);
  await registerHousehold(page, household);
  const saved = await db.household.findFirstOrThrow({ where: { programRef: household.programRef }, select: { id: true, facilitatorId: true, areaType: true } });
  expect(saved).toMatchObject({ facilitatorId: facilitator.id, areaType: "RURAL" });

  // The same program reference a second time is refused in plain words.
  await page.goto("/pendamping/rumah-tangga/baru?provinsi=32");
  await page.getByLabel("Nomor peserta PKH").fill(household.programRef);
  await page.getByLabel("Nama kepala keluarga").fill("Orang Lain");
  await page.getByLabel("Jumlah anggota keluarga").fill("3");
  await page.getByLabel("Kabupaten/Kota").selectOption({ label: "Kabupaten Garut" });
  await page.getByLabel("Perkotaan").check();
  await page.getByRole("button", { name: "Daftarkan keluarga" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nomor peserta PKH ini sudah terdaftar." })).toBeVisible();

  await page.goto(`/pendamping/rumah-tangga/${saved.id}`);
  await page.getByRole("link", { name: "Toko dan akun penjual" }).click();
  await page.getByLabel("Nama toko").fill(storeName);
  await page.getByLabel("Keterangan singkat").fill("Rengginang dan opak singkong dari Garut.");
  await page.getByLabel("Nomor WhatsApp toko").fill("0812-3456-7000");
  await expect(page.getByLabel("Tempat pengambilan paket")).toHaveValue("32.05");
  await page.getByRole("button", { name: "Buat toko" }).click();
  await expect(page.getByRole("status")).toContainText("Toko sudah dibuat.");
  await expect(page.getByRole("link", { name: storeName })).toBeVisible();

  await page.getByLabel("Nama pemilik akun").fill(seller.name);
  await page.getByLabel("Alamat email").fill(seller.email);
  await page.getByRole("button", { name: "Buat akun penjual" }).click();
  const notice = page.getByRole("status");
  await expect(notice).toContainText(`Akun ${seller.email} sudah dibuat.`);
  const temporaryPassword = (await notice.textContent())?.match(/[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/)?.[0];
  expect(temporaryPassword).toBeDefined();

  await accountNav(page).getByRole("button", { name: "Keluar" }).click();
  await expect(accountNav(page).getByRole("link", { name: "Masuk" })).toBeVisible();
  const sellerId = (await db.user.findUniqueOrThrow({ where: { email: seller.email }, select: { id: true } })).id;
  await logIn(page, { id: sellerId, ...seller, password: temporaryPassword! });
  await page.goto("/penjual");
  await expect(page.getByText(storeName).first()).toBeVisible();
});

test("forming a KUBE: shares that do not add up are refused with the sum, then fixed", async ({ page }) => {
  const facilitator = await createUser({ roles: ["FACILITATOR"] });
  const members = [await createHousehold({ facilitatorId: facilitator.id }), await createHousehold({ facilitatorId: facilitator.id }), await createHousehold({ facilitatorId: facilitator.id })];
  const name = `KUBE Uji ${unique().slice(-5)}`;

  await logIn(page, facilitator);
  await page.goto("/pendamping");
  await page.getByRole("link", { name: "Bentuk KUBE" }).click();
  await page.getByLabel("Nama KUBE").fill(name);
  await page.getByLabel("Kabupaten/Kota").selectOption({ value: "32.04" });
  for (const member of members) {
    await page.getByRole("checkbox", { name: new RegExp(member.headName) }).check();
    await page.getByLabel(`Bagian pendapatan ${member.headName} dalam persen`).fill("33,33");
  }
  await page.getByRole("button", { name: "Bentuk KUBE" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Jumlah bagian harus tepat 100%. Sekarang jumlahnya 99,99%." })).toBeVisible();
  expect(await db.kubeGroup.count({ where: { facilitatorId: facilitator.id } })).toBe(0);

  // The ticks and shares typed are still there; only the last share changes.
  await expect(page.getByLabel(`Bagian pendapatan ${members[0]!.headName} dalam persen`)).toHaveValue("33,33");
  await page.getByLabel(`Bagian pendapatan ${members[2]!.headName} dalam persen`).fill("33,34");
  await page.getByRole("button", { name: "Bentuk KUBE" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: members[2]!.headName })).toContainText("33,34%");
  const group = await db.kubeGroup.findFirstOrThrow({ where: { facilitatorId: facilitator.id }, select: { members: { select: { shareBasisPoints: true } } } });
  expect(group.members.map((m) => m.shareBasisPoints).sort()).toEqual([3333, 3333, 3334]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a facilitator registers a household, choosing the province first, and opens its store", async ({ page }) => {
    const facilitator = await createUser({ roles: ["FACILITATOR"] });
    const id = unique();
    const household = { programRef: `PKH-NOJS-${id.slice(-8).toUpperCase()}`, headName: `Ibu Tanpa Skrip ${id.slice(-5)}` };
    await logIn(page, facilitator);
    await registerHousehold(page, household);
    await page.getByRole("link", { name: "Toko dan akun penjual" }).click();
    await page.getByLabel("Nama toko").fill(`Warung Tanpa Skrip ${id.slice(-5)}`);
    await page.getByLabel("Keterangan singkat").fill("Dodol dan kerupuk kulit dari Garut.");
    // A number that is not an Indonesian phone number is refused with the store settings' own message.
    await page.getByLabel("Nomor WhatsApp toko").fill("12345");
    await page.getByRole("button", { name: "Buat toko" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Tulis nomor WhatsApp Indonesia yang benar" })).toBeVisible();
    expect(await db.store.count({ where: { household: { programRef: household.programRef } } })).toBe(0);
    await page.getByLabel("Nomor WhatsApp toko").fill("0812-3456-7001");
    await page.getByRole("button", { name: "Buat toko" }).click();
    await expect(page.getByRole("status")).toContainText("Toko sudah dibuat.");
    const store = await db.store.findFirstOrThrow({ where: { household: { programRef: household.programRef } }, select: { status: true, whatsapp: true, regencyCode: true } });
    expect(store).toEqual({ status: "ACTIVE", whatsapp: "6281234567001", regencyCode: "32.05" });
  });

  test("a facilitator records a coaching session and sees it on the household's page", async ({ page }) => {
    const facilitator: TestUser = await createUser({ roles: ["FACILITATOR"] });
    const attended = await createHousehold({ facilitatorId: facilitator.id });
    const stayedHome = await createHousehold({ facilitatorId: facilitator.id });
    const topic = `Memotret produk dengan HP ${unique().slice(-5)}`;

    await logIn(page, facilitator);
    await page.goto("/pendamping");
    await page.getByRole("link", { name: "Catatan pendampingan" }).click();
    await page.getByRole("link", { name: "Catat pendampingan" }).click();
    await page.getByLabel("Tanggal").fill("2026-11-10");
    await page.getByLabel("Topik").fill(topic);
    // Nobody ticked: refused, nothing written.
    await page.getByRole("button", { name: "Simpan catatan" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Centang paling sedikit satu keluarga yang hadir." })).toBeVisible();
    expect(await db.coachingSession.count({ where: { facilitatorId: facilitator.id } })).toBe(0);

    await page.getByLabel("Topik").fill(topic);
    await page.getByRole("checkbox", { name: new RegExp(attended.headName) }).check();
    await page.getByRole("button", { name: "Simpan catatan" }).click();
    await expect(page).toHaveURL("/pendamping/pendampingan?tercatat=1");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: topic }) });
    await expect(card).toContainText("10 Nov 2026");
    await expect(card).toContainText("Hadir1 keluarga");
    await expect(card.getByRole("link")).toHaveText([attended.headName]);

    await card.getByRole("link", { name: attended.headName }).click();
    const coaching = page.getByRole("region", { name: "Pendampingan yang diikuti" });
    await expect(coaching).toContainText(topic);
    await expect(page.getByRole("region", { name: "Riwayat" })).toContainText(`Ikut pendampingan: ${topic}`);

    await page.goto(`/pendamping/rumah-tangga/${stayedHome.id}`);
    await expect(page.getByRole("region", { name: "Pendampingan yang diikuti" })).not.toContainText(topic);
  });

  test("a facilitator corrects a household's members after a birth; the change is on its page and in its timeline", async ({ page }) => {
    const facilitator: TestUser = await createUser({ roles: ["FACILITATOR"] });
    const household = await createHousehold({ facilitatorId: facilitator.id });

    await logIn(page, facilitator);
    await page.goto(`/pendamping/rumah-tangga/${household.id}`);
    await page.getByRole("link", { name: "Ubah data keluarga" }).click();
    await expect(page.getByLabel("Jumlah anggota keluarga")).toHaveValue("4");
    // An NIK typed into the name is refused in plain words, and nothing is written.
    await page.getByLabel("Nama kepala keluarga").fill(`${household.headName} 3204011203850001`);
    await page.getByLabel("Jumlah anggota keluarga").fill("5");
    await page.getByRole("button", { name: "Simpan perubahan" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Jangan tulis NIK (16 angka) di sini." })).toBeVisible();
    expect(await db.household.findUniqueOrThrow({ where: { id: household.id }, select: { headName: true, memberCount: true } })).toEqual({ headName: household.headName, memberCount: 4 });

    await page.getByLabel("Nama kepala keluarga").fill(household.headName);
    await page.getByLabel("Jumlah anggota keluarga").fill("5");
    await page.getByRole("button", { name: "Simpan perubahan" }).click();
    await expect(page.getByRole("status")).toContainText("Data keluarga sudah diperbarui.");
    // The household's facts and the indicators' member count (income per person uses it) both say 5.
    await expect(page.getByRole("definition").filter({ hasText: /^5$/ })).toHaveCount(2);
    await expect(page.getByRole("region", { name: "Riwayat" })).toContainText(`Data keluarga diubah oleh ${facilitator.name}`);
  });
});
