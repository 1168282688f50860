import { expect, test, type Page } from "@playwright/test";
import { createStoreWithProduct, unique } from "./db";

/** A made-up word of letters only, so these products are the only ones it finds. */
function madeUpWord(): string {
  return `kriya${unique().replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;
}

/** The search page's own field (the header has a plain search box with the same label). */
const searchField = (page: Page) => page.getByRole("combobox", { name: "Cari produk" });

/**
 * Products are written straight to the database, as another process would; the server's embedded index
 * notices within SEARCH_FRESHNESS_MS. Wait until the search page shows them.
 */
async function waitUntilIndexed(page: Page, word: string, title: string) {
  await expect(async () => {
    await page.goto(`/cari?q=${word}`);
    await expect(page.getByRole("heading", { name: title })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a shopper searches, sees facets with counts, and narrows the results with links and the filter form", async ({ page }) => {
    const word = madeUpWord();
    const chips = await createStoreWithProduct({
      productTitle: `Keripik ${word} Pedas`,
      variants: [{ name: "250 g", priceIdr: 15_000, stock: 5 }],
    });
    const sambal = await createStoreWithProduct({
      productTitle: `Sambel ${word} Bawang`,
      variants: [{ name: "Botol", priceIdr: 60_000, stock: 0 }],
    });
    await waitUntilIndexed(page, word, chips.product.title);

    await page.goto("/cari");
    await searchField(page).fill(word);
    await searchField(page).press("Enter");
    await expect(page).toHaveURL(new RegExp(`/cari\\?q=${word}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hasil pencarian “${word}”`);
    await expect(page.getByText("2 produk", { exact: true })).toBeVisible();

    const chipsCard = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: chips.product.title }) });
    const sambalCard = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: sambal.product.title }) });
    await expect(chipsCard).toContainText("Rp 15.000");
    await expect(sambalCard).toContainText("Stok habis");
    // The word that matched is marked in the title.
    await expect(chipsCard.getByRole("heading").locator("mark")).toHaveText(new RegExp(word, "i"));

    const categories = page.getByRole("navigation", { name: "Kategori" });
    await expect(categories.getByRole("link", { name: `${chips.category.nameId} (1)` })).toBeVisible();
    await expect(categories.getByRole("link", { name: `${sambal.category.nameId} (1)` })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Provinsi" }).getByRole("link", { name: "Jawa Barat (2)" })).toBeVisible();

    // A facet link narrows to one category; the other category still shows its count.
    await categories.getByRole("link", { name: `${chips.category.nameId} (1)` }).click();
    await expect(page).toHaveURL(new RegExp(`kategori=${chips.category.slug}`));
    await expect(page.getByText("1 produk", { exact: true })).toBeVisible();
    await expect(sambalCard).toHaveCount(0);
    await expect(categories.getByRole("link", { name: `${sambal.category.nameId} (1)` })).toBeVisible();

    await page.getByRole("link", { name: `Hapus filter ${chips.category.nameId}` }).click();
    await expect(page.getByText("2 produk", { exact: true })).toBeVisible();

    // The GET filter form: in stock only, cheapest first.
    await page.getByLabel("Hanya yang ada stok (1)").check();
    await page.getByLabel("Urutkan").selectOption({ label: "Harga terendah" });
    await page.getByRole("button", { name: "Terapkan" }).click();
    await expect(page).toHaveURL(/tersedia=1/);
    await expect(page).toHaveURL(/urut=termurah/);
    await expect(page.getByText("1 produk", { exact: true })).toBeVisible();
    await expect(chipsCard).toBeVisible();
    await expect(sambalCard).toHaveCount(0);
  });

  test("a bad request gets an explanation, never an error page", async ({ page }) => {
    const response = await page.goto(`/cari?q=${"sambal".repeat(900)}&kategori=tidak-ada&harga_min=murah&halaman=-3`);
    expect(response?.status()).toBe(200);
    const notices = page.getByRole("status");
    await expect(notices).toContainText("Kata kunci terlalu panjang");
    await expect(notices).toContainText("Kategori “tidak-ada” tidak ada");
    await expect(notices).toContainText("Harga “murah” tidak bisa dibaca");
    await expect(notices).toContainText("Nomor halaman tidak berlaku");
  });
});

test.describe("with JavaScript", () => {
  test("suggestions appear while the shopper types, and one opens the product", async ({ page }) => {
    const word = madeUpWord();
    const { product } = await createStoreWithProduct({ productTitle: `Tas Anyaman ${word}` });
    await waitUntilIndexed(page, word, product.title);

    await page.goto("/cari");
    await searchField(page).pressSequentially(word, { delay: 30 });
    const suggestions = page.getByRole("listbox", { name: "Saran produk" });
    const option = suggestions.getByRole("option", { name: product.title });
    await expect(option).toBeVisible();
    await expect(searchField(page)).toHaveAttribute("aria-expanded", "true");

    await searchField(page).press("ArrowDown");
    await expect(option).toHaveAttribute("aria-selected", "true");
    await searchField(page).press("Enter");
    await expect(page).toHaveURL(`/produk/${product.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: product.title })).toBeVisible();
  });
});
