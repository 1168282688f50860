import { Outlet, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import type { WorkspaceCatalog } from "~/locales/catalogs";
import type { Catalog } from "~/locales/id";
import { createI18n, type Locale, type Translator } from "~/utils/i18n";
import { I18nProvider, useTranslation } from "~/utils/i18n-react";

type RootData = { locale: Locale; catalog: Catalog };

// One translator per language for the process (server) or the page (browser), as in root.tsx.
const translators = new Map<Locale, Translator>();

/**
 * The seller and admin areas: the storefront's strings plus the workspace namespaces, which the layout
 * route's loader sends once (it is not revalidated on navigation within the area).
 */
export function WorkspaceLayout() {
  const root = useRouteLoaderData<RootData>("root");
  const { catalog } = useLoaderData<{ catalog: WorkspaceCatalog }>();
  const { i18n: fallback } = useTranslation();
  let i18n: Translator = fallback;
  if (root) {
    i18n = translators.get(root.locale) ?? createI18n(root.locale, { ...root.catalog, ...catalog });
    translators.set(root.locale, i18n);
  }
  return (
    <I18nProvider value={i18n}>
      <Outlet />
    </I18nProvider>
  );
}
