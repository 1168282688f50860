import { expect, test } from "@playwright/test";
import { createStoreWithProduct, createUser, db } from "./db";
import { logIn } from "./helpers";

test("HTML responses carry a nonce-based Content-Security-Policy and refuse framing", async ({ request }) => {
  const { product } = await createStoreWithProduct();
  const nonces: string[] = [];

  for (const { path, status } of [
    { path: "/", status: 200 },
    { path: `/produk/${product.slug}`, status: 200 },
    { path: "/masuk", status: 200 },
    { path: "/tidak-ada", status: 404 },
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    const headers = response.headers();
    expect(headers["content-type"], path).toContain("text/html");
    expect(headers["x-frame-options"], path).toBe("DENY");

    const csp = headers["content-security-policy"] ?? "";
    const nonce = csp.match(/script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
    expect(nonce, `${path}: script-src with a nonce in "${csp}"`).toBeDefined();
    expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");

    // Every inline script the page needs carries this response's nonce.
    const html = await response.text();
    const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
    // Data blocks (JSON-LD) do not execute, so they need no nonce.
    const inlineScripts = scriptTags.filter((tag) => !/\bsrc=/.test(tag) && !/type="application\/(ld\+)?json"/.test(tag));
    expect(inlineScripts.length, `${path}: inline scripts`).toBeGreaterThan(0);
    for (const tag of inlineScripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    nonces.push(nonce!);
  }
  // A nonce that repeats is no protection.
  expect(new Set(nonces).size).toBe(nonces.length);
});

test("pages run under their policy with no blocked script and no script error", async ({ page }) => {
  const problems: string[] = [];
  // CSP violations and React hydration mismatches both end up here.
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  const { product } = await createStoreWithProduct();
  const user = await createUser();

  await page.goto(`/produk/${product.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: product.title })).toBeVisible();
  await logIn(page, user);
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Shop from self-reliant families" })).toBeVisible();
  expect(problems).toEqual([]);
});

test("the language switch does not redirect to other sites", async ({ request }) => {
  for (const target of ["//evil.example", "https://evil.example", "/\\evil.example"]) {
    const response = await request.post("/bahasa", { form: { lang: "en", redirectTo: target }, maxRedirects: 0 });
    expect(response.status(), target).toBe(302);
    expect(response.headers()["location"], target).toBe("/");
  }
  const sameSite = await request.post("/bahasa", { form: { lang: "en", redirectTo: "/toko/contoh?x=1" }, maxRedirects: 0 });
  expect(sameSite.headers()["location"]).toBe("/toko/contoh?x=1");
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, request }) => {
  const user = await createUser();

  const response = await request.post("/masuk", { form: { email: user.email, password: user.password }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
  const setCookie = response.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("__session="));
  expect(setCookie, "Set-Cookie for __session").toBeDefined();
  expect(setCookie!.value).toMatch(/;\s*HttpOnly/i);
  expect(setCookie!.value).toMatch(/;\s*SameSite=Lax/i);
  expect(setCookie!.value).toMatch(/;\s*Path=\//i);

  await logIn(page, user);
  const cookie = (await page.context().cookies()).find((c) => c.name === "__session");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  // Scripts on the page cannot read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain("__session");
});

test("photo renditions are cached for a year and path tricks get a 404", async ({ page, request }) => {
  // A photo of a seeded product, as its product page shows it (products made by other tests have none).
  const withPhoto = await db.product.findFirstOrThrow({ where: { status: "ACTIVE", images: { some: {} } }, select: { slug: true } });
  await page.goto(`/produk/${withPhoto.slug}`);
  const src = await page.getByRole("main").getByRole("img").first().getAttribute("src");
  const match = src?.match(/^\/gambar\/([a-f0-9]{32})\/(\d+)\.webp$/);
  expect(match, `image src ${src}`).toBeTruthy();
  const key = match![1]!;

  const image = await request.get(src!);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/webp");
  const cacheControl = image.headers()["cache-control"] ?? "";
  expect(cacheControl).toContain("immutable");
  expect(cacheControl).toContain("max-age=31536000");
  expect(cacheControl).toContain("public");
  const body = await image.body();
  expect(body.subarray(0, 4).toString("latin1")).toBe("RIFF");
  expect(body.subarray(8, 12).toString("latin1")).toBe("WEBP");

  for (const path of [
    `/gambar/${key}/..%2F..%2F..%2Fpackage.json`,
    `/gambar/..%2F..%2F..%2F/package.json`,
    `/gambar/%2E%2E/%2E%2E%2Fapp.db`,
    `/gambar/${key}%2F..%2F..%2F..%2Fpackage.json/320.webp`,
    `/gambar/${key}/..%5C..%5Cpackage.json`,
    `/gambar/${key}/123.webp`,
    `/gambar/${key.toUpperCase()}/320.webp`,
    `/gambar/${"0".repeat(32)}/320.webp`,
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain('"name": "pasar-mandiri"');
  }
});
