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

const instances = new Map<Locale, ReturnType<typeof createI18n>>();

/** Translates with the catalog the root loader sent (meta functions run in the browser too). */
function translator(matches: MatchLike[]) {
  const locale = localeFromMatches(matches);
  const catalog = rootData(matches)?.catalog;
  if (!catalog) return null;
  let i18n = instances.get(locale);
  if (!i18n) {
    i18n = createI18n(locale, catalog);
    instances.set(locale, i18n);
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

const workspaceInstances = new Map<Locale, ReturnType<typeof createI18n>>();

/**
 * A <title> from a workspace namespace (graduation, indicators, …): those strings are not in the root
 * catalog but in the workspace layout route's data, so this translator merges both.
 */
export function workspaceTitle(matches: MatchLike[], key: string, values?: Record<string, string>): string {
  const locale = localeFromMatches(matches);
  const catalog = rootData(matches)?.catalog;
  const workspace = matches.map((m) => (m.data as { catalog?: Partial<Catalog> } | undefined)?.catalog).find((c, i) => c && matches[i]!.id !== "root");
  if (!catalog || !workspace) return pageTitle(matches, key, values);
  let i18n = workspaceInstances.get(locale);
  if (!i18n) {
    i18n = createI18n(locale, { ...catalog, ...workspace });
    workspaceInstances.set(locale, i18n);
  }
  const text = i18n.t(key, values);
  return `${text} | Pasar Mandiri`;
}
