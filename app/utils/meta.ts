import type { Catalog } from "~/locales/id";
import { createI18n, DEFAULT_LOCALE, isLocale, type Locale } from "./i18n";

type MatchLike = { id: string; data?: unknown };
type RootData = { locale?: unknown; catalog?: Catalog } | undefined;

function rootData(matches: MatchLike[]): RootData {
  return matches.find((m) => m.id === "root")?.data as RootData;
}

export function localeFromMatches(matches: MatchLike[]): Locale {
  const locale = rootData(matches)?.locale;
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

const instances = new Map<string, ReturnType<typeof createI18n>>();

/** The workspace strings a layout route (admin, penjual, pendamping, verifikasi, program) sent, if any. */
function workspaceCatalog(matches: MatchLike[]): Partial<Catalog> | null {
  for (const match of matches) {
    if (match.id === "root") continue;
    const catalog = (match.data as { catalog?: unknown } | undefined)?.catalog;
    if (catalog && typeof catalog === "object") return catalog as Partial<Catalog>;
  }
  return null;
}

/** Translates with the catalog the root loader sent, plus a workspace layout's strings (meta functions run in the browser too). */
function translator(matches: MatchLike[]) {
  const locale = localeFromMatches(matches);
  const catalog = rootData(matches)?.catalog;
  if (!catalog) return null;
  const workspace = workspaceCatalog(matches);
  const key = workspace ? `${locale}:workspace` : locale;
  let i18n = instances.get(key);
  if (!i18n) {
    i18n = createI18n(locale, workspace ? { ...catalog, ...workspace } : catalog);
    instances.set(key, i18n);
  }
  return i18n;
}

export function pageDescription(matches: MatchLike[], key: string): string {
  return translator(matches)?.t(key) ?? "";
}

/** A translated <title>: "Page | Pasar Mandiri", in the language of the page. */
export function pageTitle(matches: MatchLike[], key: string, values?: Record<string, string>): string {
  const text = translator(matches)?.t(key, values);
  return text ? `${text} | Pasar Mandiri` : "Pasar Mandiri";
}
