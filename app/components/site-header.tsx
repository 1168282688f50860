import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import type { Role } from "~/generated/prisma/enums";
import type { Locale } from "~/utils/i18n";

type HeaderUser = { name: string; roles: Role[] } | null;

export function SiteHeader({ user, locale, cartCount }: { user: HeaderUser; locale: Locale; cartCount: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const has = (role: Role) => user?.roles.includes(role) ?? false;

  return (
    <header className="site-header">
      <a className="skip-link" href="#isi">
        {t("app.skipToContent")}
      </a>
      <div className="site-header__bar">
        <Link to="/" className="brand" prefetch="intent">
          {t("app.name")}
        </Link>
        <Link to="/keranjang" className="cart-link" aria-label={t("cart.linkLabel", { count: cartCount })}>
          {t("cart.link")}
          {cartCount > 0 ? <span className="cart-link__count">{cartCount}</span> : null}
        </Link>
        <Form method="post" action="/bahasa" className="lang-switch">
          <input type="hidden" name="redirectTo" value={here} />
          <input type="hidden" name="lang" value={locale === "id" ? "en" : "id"} />
          <button type="submit" className="button button--quiet" lang={locale === "id" ? "en" : "id"}>
            {t("nav.switchTo")}
          </button>
        </Form>
      </div>
      <Form method="get" action="/cari" role="search" className="search-box">
        <label htmlFor="site-search" className="visually-hidden">
          {t("search.boxLabel")}
        </label>
        <input id="site-search" type="search" name="q" placeholder={t("search.boxPlaceholder")} maxLength={200} />
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
      </Form>
      <nav aria-label={t("nav.account")} className="site-nav">
        {user ? (
          <>
            <span className="site-nav__user">{user.name}</span>
            <Link to="/pesanan">{t("nav.orders")}</Link>
            {has("SELLER") ? <Link to="/penjual">{t("nav.sellerArea")}</Link> : null}
            {has("FACILITATOR") ? <Link to="/pendamping">{t("nav.facilitatorArea")}</Link> : null}
            {has("VERIFIER") ? <Link to="/verifikasi">{t("nav.verifierArea")}</Link> : null}
            {has("ADMIN") || has("VERIFIER") ? <Link to="/program">{t("nav.programArea")}</Link> : null}
            {has("ADMIN") ? <Link to="/admin">{t("nav.adminArea")}</Link> : null}
            {has("ADMIN") ? <Link to="/admin/transfer">{t("nav.bankTransfers")}</Link> : null}
            <Form method="post" action="/keluar">
              <button type="submit" className="button button--quiet">
                {t("nav.logout")}
              </button>
            </Form>
          </>
        ) : (
          <>
            <Link to={`/masuk?redirectTo=${encodeURIComponent(here)}`}>{t("nav.login")}</Link>
            <Link to="/daftar">{t("nav.signup")}</Link>
            <Link to="/pesanan">{t("nav.orders")}</Link>
          </>
        )}
      </nav>
    </header>
  );
}
