import en from "~/locales/en";
import id from "~/locales/id";
import { createI18n } from "~/utils/i18n";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("translation catalogs", () => {
  const idKeys = flatten(id as Tree);
  const enKeys = flatten(en as Tree);

  it("have the same keys in every language", () => {
    expect([...enKeys.keys()].sort()).toEqual([...idKeys.keys()].sort());
  });

  it("use the same placeholders in every language", () => {
    for (const [key, text] of idKeys) {
      expect(placeholders(enKeys.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("have no empty strings", () => {
    for (const [key, text] of [...idKeys, ...enKeys]) expect(text.trim(), key).not.toBe("");
  });

  it("translate with interpolation, Bahasa Indonesia by default", () => {
    expect(createI18n("id", id).t("product.by", { store: "Toko Bu Sari" })).toBe("dari Toko Bu Sari");
    expect(createI18n("en", en).t("product.by", { store: "Toko Bu Sari" })).toBe("from Toko Bu Sari");
  });
});
