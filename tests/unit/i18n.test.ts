import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { publicCatalog, workspaceCatalog, WORKSPACE_NAMESPACES } from "~/locales/catalogs";
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

describe("workspace strings travel only with workspace pages", () => {
  it("the public catalog leaves out the workspace namespaces, and the two together are the whole catalog", () => {
    for (const locale of ["id", "en"] as const) {
      const pub = publicCatalog(locale) as Record<string, unknown>;
      const ws = workspaceCatalog(locale) as Record<string, unknown>;
      for (const ns of WORKSPACE_NAMESPACES) {
        expect(pub[ns], ns).toBeUndefined();
        expect(ws[ns], ns).toBeDefined();
      }
      expect({ ...pub, ...ws }).toEqual(locale === "id" ? id : en);
    }
  });

  it("no storefront route asks for a workspace string (it would show its key)", async () => {
    const routes = path.resolve(__dirname, "../../app/routes");
    const files = (await readdir(routes)).filter((f) => !/^(penjual|admin|pendamping|verifikasi|program)[._]/.test(f) && /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(15);
    const pattern = new RegExp(`["'\`](${WORKSPACE_NAMESPACES.join("|")})\\.`);
    for (const file of files) {
      const text = await readFile(path.join(routes, file), "utf8");
      expect(pattern.exec(text)?.[0] ?? null, file).toBeNull();
    }
  });
});
