import i18next, { type i18n as I18n } from "i18next";
import type { Catalog } from "~/locales/id";

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** BCP 47 tags for Intl formatting. */
export const INTL_LOCALE: Record<Locale, string> = { id: "id-ID", en: "en-ID" };

/**
 * A synchronous i18next instance for one request (server) or one page load (browser).
 * Only the active language's catalog is given, so the browser never downloads the others.
 */
export function createI18n(locale: Locale, catalog: Catalog): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: false,
    resources: { [locale]: { translation: catalog } },
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
  });
  return instance;
}
