import { publicCatalog, workspaceCatalog } from "~/locales/catalogs";
import { pageTitle } from "~/utils/meta";

// The graduation pages' titles come from the `graduation` namespace, which travels with the workspace
// layout's data (pendamping, verifikasi), not the root's: the tab must show the words, not the key.

const matchesFor = (locale: "id" | "en") => [
  { id: "root", data: { locale, catalog: publicCatalog(locale) } },
  { id: "routes/verifikasi", data: { catalog: workspaceCatalog(locale) } },
  { id: "routes/verifikasi.$proposalId", data: { proposal: {} } },
];

describe("graduation page titles", () => {
  it("are translated with the layout's strings, in the page's language", () => {
    expect(pageTitle(matchesFor("id"), "graduation.proposalTitle", { name: "Ibu Sari" })).toBe("Usulan graduasi: Ibu Sari | Pasar Mandiri");
    expect(pageTitle(matchesFor("en"), "graduation.queueTitle")).toBe("Graduation verification | Pasar Mandiri");
    expect(pageTitle(matchesFor("id"), "graduation.newTitle")).toBe("Penilaian graduasi baru | Pasar Mandiri");
  });
});
