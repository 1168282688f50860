/** "Keripik Singkong Pedas Bu Sari!" → "keripik-singkong-pedas-bu-sari": lower-case ASCII words joined by "-". */
export function slugify(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/g, "") || "produk"
  );
}
