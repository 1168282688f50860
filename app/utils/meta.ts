import { catalogs } from "~/locales/catalogs";
import { createI18n, DEFAULT_LOCALE, isLocale, type Locale } from "./i18n";

type MatchLike = { id: string; data?: unknown };

export function localeFromMatches(matches: MatchLike[]): Locale {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
}

const instances = new Map<Locale, ReturnType<typeof createI18n>>();

function translator(matches: MatchLike[]) {
  const locale = localeFromMatches(matches);
  let i18n = instances.get(locale);
  if (!i18n) {
    i18n = createI18n(locale, catalogs[locale]);
    instances.set(locale, i18n);
  }
  return i18n;
}

export function pageDescription(matches: MatchLike[], key: string): string {
  return translator(matches).t(key);
}

/** A translated <title>: "Page | Pasar Mandiri", in the language of the page. */
export function pageTitle(matches: MatchLike[], key: string, values?: Record<string, string>): string {
  return `${translator(matches).t(key, values)} | Pasar Mandiri`;
}
