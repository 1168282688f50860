import { expect, test } from "@playwright/test";
import { countSessions, countUsersWithEmail, createUser, db, unique } from "./db";
import { accountNav, alertMessagePattern, logIn, submitLogin } from "./helpers";

test("a shopper signs up, lands logged in, logs out and logs in again", async ({ page }) => {
  const id = unique();
  const shopper = { name: `Siti Aminah ${id.slice(-5)}`, email: `daftar-${id}@contoh.test`, password: "kopi-gayo-2026" };

  await page.goto("/daftar");
  await page.getByLabel("Nama lengkap").fill(shopper.name);
  await page.getByLabel("Alamat email").fill(shopper.email);
  await page.getByLabel("Kata sandi", { exact: true }).fill(shopper.password);
  await page.getByRole("button", { name: "Buat akun", exact: true }).click();

  await expect(page).toHaveURL("/");
  const nav = accountNav(page);
  await expect(nav.getByText(shopper.name, { exact: true })).toBeVisible();
  await expect(nav.getByRole("button", { name: "Keluar" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Masuk" })).toHaveCount(0);

  const user = await db.user.findUniqueOrThrow({
    where: { email: shopper.email },
    select: { id: true, roles: { select: { role: true } } },
  });
  // Signing up never grants more than the shopper role.
  expect(user.roles).toEqual([{ role: "SHOPPER" }]);
  expect(await countSessions(user.id)).toBe(1);
  const sessionCookie = (await page.context().cookies()).find((c) => c.name === "__session");
  expect(sessionCookie).toBeDefined();

  await nav.getByRole("button", { name: "Keluar" }).click();
  await expect(nav.getByRole("link", { name: "Masuk" })).toBeVisible();
  await expect(nav.getByText(shopper.name)).toHaveCount(0);
  expect(await countSessions(user.id)).toBe(0);

  // Logging out ends the session on the server: the old cookie, replayed, no longer logs anyone in.
  await page.context().addCookies([sessionCookie!]);
  await page.goto("/");
  await expect(nav.getByRole("link", { name: "Masuk" })).toBeVisible();

  await logIn(page, { id: user.id, ...shopper });
  await expect(nav.getByRole("button", { name: "Keluar" })).toBeVisible();
  expect(await countSessions(user.id)).toBe(1);

  // Logging out is POST only: following a link (or a prefetch) to /keluar logs nobody out.
  await page.goto("/keluar");
  await expect(page).toHaveURL("/");
  await expect(nav.getByText(shopper.name, { exact: true })).toBeVisible();
  expect(await countSessions(user.id)).toBe(1);
});

test("a disabled account cannot log in, and its open session stops working", async ({ page, request }) => {
  const user = await createUser();
  await logIn(page, user);
  await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() }, select: { id: true } });

  await page.reload();
  await expect(accountNav(page).getByRole("link", { name: "Masuk" })).toBeVisible();

  const sessionsBefore = await countSessions(user.id);
  const response = await request.post("/masuk", { form: { email: user.email, password: user.password }, maxRedirects: 0 });
  expect(response.status()).toBe(400);
  expect(await response.text()).toMatch(alertMessagePattern("Akun ini dinonaktifkan. Hubungi admin."));
  expect(await countSessions(user.id)).toBe(sessionsBefore);
});

test("signing up with an e-mail that is already registered shows a clear error and adds no user", async ({ page, request }) => {
  const existing = await createUser();
  // The same address in capitals is still the same address.
  const sameAddress = existing.email.toUpperCase();

  await page.goto("/daftar");
  await page.getByLabel("Nama lengkap").fill("Orang Lain");
  await page.getByLabel("Alamat email").fill(sameAddress);
  await page.getByLabel("Kata sandi", { exact: true }).fill("kata-sandi-lain-1");
  await page.getByRole("button", { name: "Buat akun", exact: true }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Email ini sudah terdaftar. Silakan masuk." })).toBeVisible();
  await expect(page).toHaveURL("/daftar");
  await expect(accountNav(page).getByRole("link", { name: "Masuk" })).toBeVisible();

  const response = await request.post("/daftar", {
    form: { name: "Orang Lain", email: sameAddress, password: "kata-sandi-lain-1" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(400);
  expect(response.headers()["set-cookie"]).toBeUndefined();
  expect(await response.text()).toMatch(alertMessagePattern("Email ini sudah terdaftar. Silakan masuk."));

  expect(await countUsersWithEmail(existing.email)).toBe(1);
  const stored = await db.user.findUniqueOrThrow({ where: { email: existing.email }, select: { name: true } });
  expect(stored.name).toBe(existing.name);
  expect(await countSessions(existing.id)).toBe(0);
});

test("bad login input gets a 400 with a message in the form, and no session is written", async ({ page, request }) => {
  const user = await createUser();
  const cases = [
    { what: "empty form", form: { email: "", password: "" }, message: "Wajib diisi." },
    {
      what: "malformed e-mail",
      form: { email: "budi@", password: "apa-saja-123" },
      message: "Tulis alamat email yang benar, misalnya nama@contoh.com.",
    },
    { what: "wrong password", form: { email: user.email, password: "bukan-kata-sandinya" }, message: "Email atau kata sandi salah." },
  ];

  for (const { what, form, message } of cases) {
    const sessionsBefore = await countSessions();
    const response = await request.post("/masuk", { form, maxRedirects: 0 });
    expect(response.status(), what).toBe(400);
    expect(response.headers()["set-cookie"], what).toBeUndefined();
    expect(await response.text(), what).toMatch(alertMessagePattern(message));
    expect(await countSessions(), what).toBe(sessionsBefore);
  }

  // The same in the browser: the message appears in the form and the visitor stays logged out.
  await submitLogin(page, { email: user.email, password: "masih-salah-juga" });
  await expect(page.getByRole("alert").filter({ hasText: "Email atau kata sandi salah." })).toBeVisible();
  await expect(page).toHaveURL("/masuk");
  await expect(accountNav(page).getByRole("link", { name: "Masuk" })).toBeVisible();
  expect(await countSessions(user.id)).toBe(0);
});

test("after five failed logins the address is locked with a 429, even for the right password", async ({ page, request }) => {
  const user = await createUser();

  for (let attempt = 1; attempt <= 5; attempt++) {
    const response = await request.post("/masuk", { form: { email: user.email, password: `salah-${attempt}` }, maxRedirects: 0 });
    expect(response.status(), `failed attempt ${attempt}`).toBe(400);
  }

  const locked = await request.post("/masuk", { form: { email: user.email, password: user.password }, maxRedirects: 0 });
  expect(locked.status()).toBe(429);
  // Soft, so the checks below still run when only the header is missing.
  expect.soft(Number(locked.headers()["retry-after"]), "Retry-After header (seconds)").toBeGreaterThan(0);
  expect(locked.headers()["set-cookie"]).toBeUndefined();
  expect(await locked.text()).toMatch(alertMessagePattern("Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit."));

  // In the browser too, and whatever the capitals of the address.
  await submitLogin(page, { email: user.email.toUpperCase(), password: user.password });
  await expect(page.getByRole("alert").filter({ hasText: "Terlalu banyak percobaan masuk." })).toBeVisible();
  await expect(accountNav(page).getByRole("link", { name: "Masuk" })).toBeVisible();
  expect(await countSessions(user.id)).toBe(0);
});

test("login follows a same-site redirectTo and ignores other sites", async ({ page, playwright, baseURL }) => {
  const seller = await createUser({ roles: ["SELLER"] });

  await submitLogin(page, seller, `/masuk?redirectTo=${encodeURIComponent("//evil.example")}`);
  await expect(page).toHaveURL("/");
  await expect(accountNav(page).getByText(seller.name, { exact: true })).toBeVisible();
  await accountNav(page).getByRole("button", { name: "Keluar" }).click();
  await expect(accountNav(page).getByRole("link", { name: "Masuk" })).toBeVisible();

  await logIn(page, seller, `/masuk?redirectTo=${encodeURIComponent("/penjual")}`);
  await expect(page).toHaveURL("/penjual");
  await expect(page.getByRole("heading", { level: 1, name: "Toko saya" })).toBeVisible();

  for (const target of ["//evil.example", "https://evil.example", "/\\evil.example", "/penjual"]) {
    // A fresh client each time: a logged-in client would be sent home whatever it asked for.
    const client = await playwright.request.newContext({ baseURL });
    const response = await client.post("/masuk", {
      form: { email: seller.email, password: seller.password, redirectTo: target },
      maxRedirects: 0,
    });
    expect(response.status(), target).toBe(302);
    expect(response.headers()["location"], target).toBe(target === "/penjual" ? "/penjual" : "/");
    await client.dispose();
  }
});
