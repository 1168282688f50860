import { expect, test } from "@playwright/test";
import { db } from "./db";
import { accountNav, logIn } from "./helpers";

// The one spec that relies on the demo seed (prisma/seed.ts): what a person trying the demo sees first.

const DEMO_PASSWORD = "pasar-mandiri-demo";

/** Seeded rows only: the other specs' stores and products have slugs starting with "e2e-". */
const seededVisibleProducts = {
  status: "ACTIVE",
  store: { status: "ACTIVE" },
  NOT: { slug: { startsWith: "e2e-" } },
} as const;

function rupiahToNumber(text: string): number {
  return Number(text.replace(/^Rp\u00a0/, "").replace(/\./g, ""));
}

test("the home page lists seeded products with their Rupiah prices and photos", async ({ page }) => {
  const seeded = await db.product.findMany({
    where: seededVisibleProducts,
    select: { title: true, store: { select: { name: true } }, variants: { select: { priceIdr: true } } },
  });
  expect(seeded.length, "visible seeded products").toBeGreaterThanOrEqual(24);
  const byTitle = new Map(seeded.map((p) => [p.title, p]));

  await page.goto("/");
  const cards = page.getByRole("region", { name: "Produk terbaru" }).getByRole("listitem");
  await expect(cards.first()).toBeVisible();
  const count = await cards.count();
  let seededCards = 0;
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    const title = (await card.getByRole("heading").textContent())?.trim() ?? "";
    const product = byTitle.get(title);
    if (!product) continue;
    seededCards++;
    await expect(card).toContainText(`dari ${product.store.name}`);
    const text = (await card.textContent()) ?? "";
    const prices = text.match(/Rp\u00a0\d{1,3}(?:\.\d{3})*/g) ?? [];
    expect(prices.length, `a Rupiah price on "${title}"`).toBeGreaterThan(0);
    expect(rupiahToNumber(prices[0]!), `lowest price of "${title}"`).toBe(Math.min(...product.variants.map((v) => v.priceIdr)));
    // Seeded products have photos, and each one is served.
    const image = card.getByRole("img");
    await expect(image).toHaveAttribute("src", /^\/gambar\/[a-f0-9]{32}\/\d+\.webp$/);
  }
  expect(seededCards, "seeded products on the home page").toBeGreaterThanOrEqual(12);

  const firstImage = page.getByRole("region", { name: "Produk terbaru" }).getByRole("img").first();
  await firstImage.scrollIntoViewIfNeeded();
  await expect.poll(() => firstImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
});

test("a seeded product page shows each variant's name, price and stock", async ({ page }) => {
  const product = await db.product.findFirstOrThrow({
    where: { ...seededVisibleProducts, variants: { some: {} } },
    select: {
      slug: true,
      title: true,
      variants: { select: { name: true, priceIdr: true, stock: true }, orderBy: { position: "asc" } },
    },
    orderBy: { variants: { _count: "desc" } },
  });
  expect(product.variants.length, "the seed has products with several variants").toBeGreaterThan(1);

  const response = await page.goto(`/produk/${product.slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: product.title })).toBeVisible();
  for (const variant of product.variants) {
    const row = page.getByRole("listitem").filter({ hasText: variant.name });
    const price = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 }).format(variant.priceIdr);
    await expect(row.first()).toContainText(`Rp ${price}`);
    await expect(row.first()).toContainText(variant.stock > 0 ? `Stok: ${variant.stock}` : "Stok habis");
  }
});

test("the demo seller logs in with the demo password and sees their store", async ({ page }) => {
  const seller = await db.user.findUniqueOrThrow({
    where: { email: "penjual01@pasarmandiri.test" },
    select: { id: true, email: true, name: true, storeMemberships: { select: { store: { select: { name: true } } } } },
  });
  expect(seller.storeMemberships.length, "penjual01 runs a store").toBeGreaterThan(0);

  await logIn(page, { ...seller, password: DEMO_PASSWORD });
  await accountNav(page).getByRole("link", { name: "Toko saya" }).click();
  await expect(page).toHaveURL("/penjual");
  await expect(page.getByRole("heading", { level: 1, name: seller.storeMemberships[0]!.store.name })).toBeVisible();
});

test("every demo account logs in and reaches its area", async ({ playwright, baseURL }) => {
  const accounts = [
    { email: "admin@pasarmandiri.test", area: "/admin" },
    { email: "verifikator@pasarmandiri.test", area: "/verifikasi" },
    { email: "pendamping.sari@pasarmandiri.test", area: "/pendamping" },
    { email: "pendamping.budi@pasarmandiri.test", area: "/pendamping" },
    { email: "penjual01@pasarmandiri.test", area: "/penjual" },
    { email: "pembeli@pasarmandiri.test", area: "/" },
  ];
  for (const { email, area } of accounts) {
    const client = await playwright.request.newContext({ baseURL });
    const login = await client.post("/masuk", { form: { email, password: DEMO_PASSWORD, redirectTo: area }, maxRedirects: 0 });
    expect(login.status(), email).toBe(302);
    expect(login.headers()["location"], email).toBe(area);
    const page = await client.get(area);
    expect(page.status(), `${email} on ${area}`).toBe(200);
    await client.dispose();
  }

  // Each demo facilitator coaches some households.
  for (const email of ["pendamping.sari@pasarmandiri.test", "pendamping.budi@pasarmandiri.test"]) {
    const households = await db.household.count({ where: { facilitator: { email } } });
    expect(households, email).toBeGreaterThan(0);
  }
});

test("the demo verifier finds the seeded proposal waiting, and the graduated household among the decisions", async ({ page }) => {
  const verifier = await db.user.findUniqueOrThrow({ where: { email: "verifikator@pasarmandiri.test" }, select: { id: true, email: true, name: true } });
  const pending = await db.graduationProposal.findFirstOrThrow({
    where: { status: "PENDING", NOT: { household: { programRef: { startsWith: "PKH-E2E-" } } } },
    select: { household: { select: { headName: true, programRef: true } } },
    orderBy: { createdAt: "asc" },
  });
  const graduated = await db.household.findFirstOrThrow({ where: { status: "GRADUATED", NOT: { programRef: { startsWith: "PKH-E2E-" } } }, select: { headName: true } });

  await logIn(page, { ...verifier, password: DEMO_PASSWORD });
  await accountNav(page).getByRole("link", { name: "Verifikasi" }).click();
  await expect(page).toHaveURL("/verifikasi");
  const queue = page.getByRole("region", { name: /Menunggu keputusan/ });
  await expect(queue.getByRole("link", { name: `${pending.household.headName} (${pending.household.programRef})` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Keputusan terakhir" }).getByText(graduated.headName).first()).toBeVisible();
});
