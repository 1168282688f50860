import type { Locale } from "~/utils/i18n";
import en from "./en";
import id, { type Catalog } from "./id";

/** Every language's catalog, keyed by locale. Bahasa Indonesia is the reference. */
export const catalogs: Record<Locale, Catalog> = { id, en };
