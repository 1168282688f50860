import { safeRedirect } from "~/utils/redirect";

describe("safeRedirect", () => {
  it.each(["/", "/penjual", "/produk/keripik?x=1#top"])("follows the same-site path %s", (to) => {
    expect(safeRedirect(to)).toBe(to);
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "/ok\\..\\x",
    "/line\nbreak",
    "",
    null,
    undefined,
    "/" + "a".repeat(3000),
  ])("falls back for %j", (to) => {
    expect(safeRedirect(to, "/home")).toBe("/home");
  });
});
