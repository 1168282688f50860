import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { SiteHeader } from "~/components/site-header";
import stylesHref from "~/styles/app.css";
import { countCartUnits } from "~/models/cart.server";
import { getOptionalUser } from "~/utils/auth.server";
import { findCurrentCartId } from "~/utils/cart-session.server";
import { prisma } from "~/utils/db.server";
import { publicCatalog } from "~/locales/catalogs";
import errorStrings from "~/locales/errors";
import type { Catalog } from "~/locales/id";
import { createI18n, DEFAULT_LOCALE, type Locale } from "~/utils/i18n";
import { getLocale } from "~/utils/i18n.server";
import { I18nProvider } from "~/utils/i18n-react";
import { useNonce } from "~/utils/nonce-provider";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, user, cartId] = await Promise.all([getLocale(request), getOptionalUser(request), findCurrentCartId(request)]);
  return {
    locale,
    // Only the visitor's language travels to the browser, with the page data, not in the JavaScript.
    catalog: publicCatalog(locale),
    cartCount: cartId ? await countCartUnits(prisma, cartId) : 0,
    user: user ? { name: user.name, roles: user.roles } : null,
  };
}

// One translator per language for the process (server) or the page (browser): creating one per render
// cost about a millisecond of every request.
const translators = new Map<Locale, ReturnType<typeof createI18n>>();
function translatorFor(locale: Locale, catalog: Catalog) {
  let instance = translators.get(locale);
  if (!instance) {
    instance = createI18n(locale, catalog);
    translators.set(locale, instance);
  }
  return instance;
}

/** When the root loader itself failed there is no catalog: the error page's own strings still are. */
function fallbackTranslator(locale: Locale) {
  return createI18n(locale, { errors: errorStrings[locale] } as unknown as Catalog);
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const locale: Locale = data?.locale ?? DEFAULT_LOCALE;
  const i18n = data ? translatorFor(locale, data.catalog) : fallbackTranslator(locale);

  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0f5132" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nProvider value={i18n}>
          {data ? <SiteHeader user={data.user} locale={locale} cartCount={data.cartCount} /> : null}
          <main id="isi" className="page">
            {children}
          </main>
        </I18nProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export const meta: MetaFunction = () => [
  { title: "Pasar Mandiri" },
  { name: "description", content: "Produk usaha keluarga penerima PKH dan KUBE dari seluruh Indonesia." },
];

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return <ErrorPage status={status} />;
}
