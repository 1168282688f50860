import { createCookie } from "@remix-run/node";
import { catalogs } from "~/locales/catalogs";
import { createI18n, DEFAULT_LOCALE, isLocale, type Locale } from "./i18n";

export const localeCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** The visitor's language: their choice (cookie), else Bahasa Indonesia. */
export async function getLocale(request: Request): Promise<Locale> {
  const value: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

const translators = new Map<Locale, ReturnType<typeof createI18n>>();

/** A translate function for loaders and actions (page titles, messages built on the server). */
export async function getTranslator(request: Request) {
  const locale = await getLocale(request);
  let instance = translators.get(locale);
  if (!instance) {
    instance = createI18n(locale, catalogs[locale]);
    translators.set(locale, instance);
  }
  return { locale, t: instance.t.bind(instance) };
}
