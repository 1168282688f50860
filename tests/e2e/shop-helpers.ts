import { expect, type APIRequestContext, type APIResponse, type Locator, type Page } from "@playwright/test";
import { e2eEnv } from "../../playwright.config";
import { createProduct, createStoreWithProduct, db, type VariantInput } from "./db";

/** Factories and steps for the shopper specs: stores that ship, the cart, checkout and the order page. */

/** The delivery address every shopper spec uses; the regions come from the seed's dataset. */
export const DESTINATION = {
  provinceCode: "32",
  provinceName: "Jawa Barat",
  regencyCode: "32.04",
  regencyName: "Kabupaten Bandung",
  districtCode: "32.04.05",
  districtName: "Cileunyi",
} as const;

/** A province the specs' stores never ship to unless a spec says so. */
export const OTHER_PROVINCE = { code: "33", name: "Jawa Tengah" } as const;

/** The checkout URL once the address is picked: the checkout form posts to it. */
export const CHECKOUT_AT_DESTINATION = `/checkout?provinsi=${DESTINATION.provinceCode}&kabupaten=${DESTINATION.regencyCode}&kecamatan=${DESTINATION.districtCode}`;

export type RateInput = { provinceCode: string; firstKgIdr: number; additionalKgIdr: number };

/** A store (own household and facilitator) with one product and a shipping rate per given province. */
export async function createShippingStore({
  storeName,
  productTitle,
  variants,
  rates = [{ provinceCode: DESTINATION.provinceCode, firstKgIdr: 9_000, additionalKgIdr: 4_000 }],
}: {
  storeName?: string;
  productTitle?: string;
  variants: VariantInput[];
  rates?: RateInput[];
}) {
  const created = await createStoreWithProduct({ storeName, productTitle, variants });
  await db.shippingRate.createMany({ data: rates.map((rate) => ({ storeId: created.store.id, ...rate })) });
  return { ...created, rates, variants: await variantsOf(created.product.id) };
}

/** Another product in an existing store. */
export async function addProduct(storeId: string, categoryId: string, variants: VariantInput[]) {
  const product = await createProduct({ storeId, categoryId, variants });
  return { ...product, variants: await variantsOf(product.id) };
}

async function variantsOf(productId: string) {
  return db.productVariant.findMany({
    where: { productId },
    select: { id: true, name: true, priceIdr: true, stock: true, weightGrams: true },
    orderBy: { position: "asc" },
  });
}

export function stockOf(variantId: string): Promise<number> {
  return db.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } }).then((v) => v.stock);
}

/** Couriers bill per started kilogram, the first one at its own price: the rule a store's table is read with. */
export function expectedShippingIdr(rate: RateInput, weightGrams: number): number {
  const kilograms = Math.max(1, Math.ceil(weightGrams / 1000));
  return rate.firstKgIdr + (kilograms - 1) * rate.additionalKgIdr;
}

const rupiahFormat = new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0 });

/** Rupiah as a shopper reads it ("Rp 15.000", with the no-break space Intl puts after "Rp"). */
export function rupiah(amountIdr: number): string {
  return rupiahFormat.format(amountIdr);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ---------------------------------------------------------------- cart

/** Chooses a variant and a quantity on the product page and puts them in the cart; lands on the cart. */
export async function addToCartFromProductPage(page: Page, { slug, variantName, quantity = 1 }: { slug: string; variantName: string; quantity?: number }) {
  await page.goto(`/produk/${slug}`);
  await page.getByRole("radio", { name: new RegExp(`^${escapeRegExp(variantName)}`) }).check();
  await page.getByLabel("Jumlah", { exact: true }).fill(String(quantity));
  await page.getByRole("button", { name: "Tambah ke keranjang" }).click();
  await expect(page).toHaveURL("/keranjang");
  await expect(page.getByRole("heading", { level: 1, name: "Keranjang belanja" })).toBeVisible();
}

/** The header's cart link, whose accessible name carries the number of units. */
export function cartLink(page: Page, units: number): Locator {
  return page.getByRole("link", { name: `Keranjang belanja, ${units} barang`, exact: true });
}

/** The cart form's contract, as the product page posts it. Redirects are not followed. */
export function postAddToCart(request: APIRequestContext, variantId: string, quantity: string | number): Promise<APIResponse> {
  return request.post("/keranjang", { form: { intent: "add", variantId, quantity: String(quantity) }, maxRedirects: 0 });
}

export function postCartChange(
  request: APIRequestContext,
  form: { intent: "update"; itemId: string; quantity: string } | { intent: "remove"; itemId: string },
): Promise<APIResponse> {
  return request.post("/keranjang", { form, maxRedirects: 0 });
}

// ---------------------------------------------------------------- checkout

/**
 * Picks province, regency and district. With JavaScript a choice reloads the lists at once; without
 * it the shopper presses "Pilih" after each choice.
 */
export async function chooseDestination(page: Page) {
  const choose = page.getByRole("button", { name: "Pilih", exact: true });
  const steps: [string, string][] = [
    ["Provinsi", DESTINATION.provinceName],
    ["Kabupaten/Kota", DESTINATION.regencyName],
    ["Kecamatan", DESTINATION.districtName],
  ];
  for (const [label, option] of steps) {
    await page.getByLabel(label, { exact: true }).selectOption({ label: option });
    if (await choose.isVisible()) await choose.click();
  }
  await expect(page.getByText(`${DESTINATION.districtName}, ${DESTINATION.regencyName}, ${DESTINATION.provinceName}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "2. Penerima dan pembayaran" })).toBeVisible();
}

export type PaymentChoice = "Bayar di tempat (COD)" | "Transfer bank" | "Kartu debit/kredit";

export const RECIPIENT = { name: "Siti Aminah", phone: "0812-3456-7890", address: "Jl. Raya Cileunyi No. 12, RT 03/RW 05, Desa Cibiru Wetan" };

export async function fillRecipientAndPayment(page: Page, payment: PaymentChoice, recipient = RECIPIENT) {
  await page.getByLabel("Nama penerima").fill(recipient.name);
  await page.getByLabel("Nomor HP penerima").fill(recipient.phone);
  await page.getByLabel("Alamat lengkap").fill(recipient.address);
  await page.getByRole("group", { name: "Cara bayar" }).getByRole("radio", { name: new RegExp(`^${escapeRegExp(payment)}`) }).check();
}

/** The checkout form's contract at the spec's destination, as the browser would post it. Redirects are not followed. */
export function postCheckout(request: APIRequestContext, fields: Record<string, string> = {}): Promise<APIResponse> {
  return request.post(CHECKOUT_AT_DESTINATION, {
    form: {
      districtCode: DESTINATION.districtCode,
      recipientName: RECIPIENT.name,
      phone: RECIPIENT.phone,
      addressLine: RECIPIENT.address,
      paymentMethod: "COD",
      ...fields,
    },
    maxRedirects: 0,
  });
}

/** The order number of an order page URL (/pesanan/PM-...?kunci=...). */
export function orderNumberOf(url: string): string {
  const match = /\/pesanan\/(PM-[A-Z0-9-]+)/.exec(url);
  if (!match?.[1]) throw new Error(`Not an order page: ${url}`);
  return match[1];
}

/** Where a checkout posted over HTTP sent the buyer: a guest's order page carries the order's key. */
export function orderPathOf(response: APIResponse): string {
  const location = response.headers()["location"];
  if (!location) throw new Error(`Expected a redirect, got ${response.status()}`);
  return location;
}

// ---------------------------------------------------------------- order page

/** A store's part of the order page: the region named by the store. */
export function storeSection(page: Page, storeName: string): Locator {
  return page.getByRole("region", { name: storeName, exact: true });
}

/** The status badge of a store section: a paragraph that says only the status. */
export function statusBadge(section: Locator, label: string): Locator {
  return section.getByRole("paragraph").filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) });
}

export async function orderRows(number: string) {
  return db.order.findUniqueOrThrow({
    where: { number },
    select: {
      id: true,
      buyerId: true,
      guestToken: true,
      paymentMethod: true,
      subtotalIdr: true,
      shippingIdr: true,
      uniqueCodeIdr: true,
      totalIdr: true,
      payments: { select: { id: true, provider: true, status: true, amountIdr: true, externalId: true, confirmedById: true } },
      storeOrders: {
        select: {
          id: true,
          storeId: true,
          status: true,
          subtotalIdr: true,
          shippingIdr: true,
          items: { select: { variantId: true, quantity: true, unitPriceIdr: true } },
        },
        orderBy: { createdAt: "asc" },
      },
    },
  });
}

// ---------------------------------------------------------------- the Stripe stand-in

export const STRIPE_FAKE = e2eEnv.STRIPE_API_BASE;

export type FakeRecordedRequest = {
  method: string;
  path: string;
  idempotencyKey: string | null;
  form: Record<string, string>;
  status: number;
  replayed: boolean;
};

export async function fakeStripeRequests(request: APIRequestContext): Promise<FakeRecordedRequest[]> {
  const response = await request.get(`${STRIPE_FAKE}/__fake/requests`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { data: FakeRecordedRequest[] }).data;
}

/** The Checkout Sessions the fake holds, as Stripe would have them. */
export async function fakeStripeSessions(request: APIRequestContext): Promise<{ id: string; metadata: Record<string, string> }[]> {
  const response = await request.get(`${STRIPE_FAKE}/__fake/sessions`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { data: { id: string; metadata: Record<string, string> }[] }).data;
}

export type SignedStripeEvent = { event: { id: string; type: string }; payload: string; header: string };

/** Moves a session along at the fake and returns the signed webhook event it would deliver. */
export async function fakeStripeEvent(
  request: APIRequestContext,
  body: { type: "checkout.session.completed" | "checkout.session.expired"; sessionId: string },
): Promise<SignedStripeEvent> {
  const response = await request.post(`${STRIPE_FAKE}/__fake/events`, { data: body });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as SignedStripeEvent;
}

/** Delivers a webhook to the app exactly as Stripe does: the raw body and its signature header. */
export function deliverWebhook(request: APIRequestContext, payload: string, signature: string): Promise<APIResponse> {
  return request.post("/webhooks/stripe", {
    data: payload,
    headers: { "Content-Type": "application/json; charset=utf-8", "Stripe-Signature": signature },
    maxRedirects: 0,
  });
}
