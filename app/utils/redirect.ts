/**
 * Only same-site paths are followed after login; anything else (other hosts, protocol-relative
 * "//evil.example", backslash tricks, javascript:) falls back to the default.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2000) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if (to.includes("\\") || [...to].some((c) => c.charCodeAt(0) < 0x20)) return fallback;
  return to;
}
