import rosetta from "rosetta";
import type { Catalog } from "~/locales/id";

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** BCP 47 tags for Intl formatting. */
export const INTL_LOCALE: Record<Locale, string> = { id: "id-ID", en: "en-ID" };

export type TranslationValues = Record<string, string | number>;

export type Translator = {
  language: Locale;
  /** The catalog string at a dotted key with `{{name}}` placeholders filled; the key itself when missing. */
  t: (key: string, values?: TranslationValues) => string;
};

/**
 * A translator for one language, on the server and in the browser alike. rosetta (a 300-byte
 * library with the same dotted keys and `{{name}}` placeholders as i18next) keeps the storefront's
 * JavaScript within its budget; see docs/decisions/0004-i18n.md.
 */
export function createI18n(locale: Locale, catalog: Catalog): Translator {
  const store = rosetta<Catalog>({ [locale]: catalog });
  store.locale(locale);
  return {
    language: locale,
    t: (key, values) => {
      const text: unknown = store.t(key, values);
      return typeof text === "string" && text !== "" ? text : key;
    },
  };
}
