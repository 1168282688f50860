import { publicCatalog, workspaceCatalog } from "~/locales/catalogs";
import { pageTitle, workspaceTitle } from "~/utils/meta";

// Workspace strings travel with the workspace layout's data, not the root's: a page title from them
// must look in both, or the tab shows the key.

const matchesFor = (locale: "id" | "en") => [
  { id: "root", data: { locale, catalog: publicCatalog(locale) } },
  { id: "routes/verifikasi", data: { catalog: workspaceCatalog(locale) } },
  { id: "routes/verifikasi.$proposalId", data: { proposal: {} } },
];

describe("page titles", () => {
  it("translate workspace keys with the layout's strings, in the page's language", () => {
    expect(workspaceTitle(matchesFor("id"), "graduation.proposalTitle", { name: "Ibu Sari" })).toBe("Usulan graduasi: Ibu Sari | Pasar Mandiri");
    expect(workspaceTitle(matchesFor("en"), "graduation.queueTitle")).toBe("Graduation verification | Pasar Mandiri");
    // The root catalog alone does not know them.
    expect(pageTitle(matchesFor("id"), "graduation.queueTitle")).toBe("graduation.queueTitle | Pasar Mandiri");
  });

  it("fall back to the root's strings outside a workspace", () => {
    const storefront = [{ id: "root", data: { locale: "id", catalog: publicCatalog("id") } }];
    expect(workspaceTitle(storefront, "nav.verifierArea")).toBe("Verifikasi | Pasar Mandiri");
  });
});
