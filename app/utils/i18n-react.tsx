import { createContext, useContext } from "react";
import type { Translator } from "./i18n";

const I18nContext = createContext<Translator | null>(null);

/** Gives every component below it the page's translator (set once in root.tsx). */
export const I18nProvider = I18nContext.Provider;

/** `const { t, i18n } = useTranslation()`: `t(key, values)` and `i18n.language`. */
export function useTranslation(): { t: Translator["t"]; i18n: Translator } {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useTranslation needs <I18nProvider> (root.tsx)");
  return { t: i18n.t, i18n };
}
