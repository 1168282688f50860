import { publicCatalog, workspaceCatalog } from "~/locales/catalogs";
import { pageTitle } from "~/utils/meta";

describe("page titles", () => {
  const root = { id: "root", data: { locale: "id", catalog: publicCatalog("id") } };

  it("translates storefront keys with the root catalog", () => {
    expect(pageTitle([root, { id: "routes/_index", data: {} }], "home.title")).toBe("Belanja produk keluarga mandiri | Pasar Mandiri");
  });

  it("translates a workspace page's key with the strings its layout route sent", () => {
    const layout = { id: "routes/program", data: { catalog: workspaceCatalog("id") } };
    expect(pageTitle([root, layout, { id: "routes/program._index", data: {} }], "program.title")).toBe("Dasbor program | Pasar Mandiri");
    const english = { id: "root", data: { locale: "en", catalog: publicCatalog("en") } };
    const englishLayout = { id: "routes/admin", data: { catalog: workspaceCatalog("en") } };
    expect(pageTitle([english, englishLayout], "program.tokensTitle")).toBe("Data exchange API tokens | Pasar Mandiri");
    // The storefront's own strings still work under a workspace layout.
    expect(pageTitle([root, layout], "home.title")).toBe("Belanja produk keluarga mandiri | Pasar Mandiri");
  });
});
