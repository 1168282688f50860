import type { Locale } from "~/utils/i18n";
import en from "./en";
import id, { type Catalog } from "./id";

/** Every language's catalog, keyed by locale. Bahasa Indonesia is the reference. */
export const catalogs: Record<Locale, Catalog> = { id, en };

/**
 * Strings only the seller and admin workspaces use. They travel with those pages (the `penjual`,
 * `admin`, `pendamping`, `verifikasi` and `program` layout routes), not with every storefront page: the catalog is serialised into each page's
 * data, and its size is part of every request's cost (decision 4).
 */
export const WORKSPACE_NAMESPACES = [
  "seller",
  "admin",
  "money",
  "photos",
  "sales",
  "sellerOrders",
  "storeProfile",
  "facilitator",
  "households",
  "graduation",
  "program",
  "indicators",
] as const satisfies readonly (keyof Catalog)[];
export type WorkspaceCatalog = Pick<Catalog, (typeof WORKSPACE_NAMESPACES)[number]>;

const publicCache = new Map<Locale, Catalog>();
const workspaceCache = new Map<Locale, WorkspaceCatalog>();

/** The catalog every page gets: everything but the workspace namespaces (their keys are absent, not empty). */
export function publicCatalog(locale: Locale): Catalog {
  let catalog = publicCache.get(locale);
  if (!catalog) {
    const copy: Record<string, unknown> = { ...catalogs[locale] };
    for (const ns of WORKSPACE_NAMESPACES) delete copy[ns];
    catalog = copy as Catalog;
    publicCache.set(locale, catalog);
  }
  return catalog;
}

export function workspaceCatalog(locale: Locale): WorkspaceCatalog {
  let catalog = workspaceCache.get(locale);
  if (!catalog) {
    const full = catalogs[locale];
    catalog = Object.fromEntries(WORKSPACE_NAMESPACES.map((ns) => [ns, full[ns]])) as WorkspaceCatalog;
    workspaceCache.set(locale, catalog);
  }
  return catalog;
}
