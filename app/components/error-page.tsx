import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";

/** The helpful page every route's error boundary shows, in the visitor's language. */
export function ErrorPage({ status, message }: { status: number; message?: string }) {
  const { t } = useTranslation();
  const [title, body] =
    status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFoundBody")]
      : status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbiddenBody")]
        : status >= 400 && status < 500
          ? [t("errors.badRequestTitle"), message ?? ""]
          : [t("errors.serverTitle"), t("errors.serverBody")];
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__status">{status}</p>
      <h1 id="error-title">{title}</h1>
      {body ? <p>{body}</p> : null}
      <Link className="button" to="/">
        {t("errors.backHome")}
      </Link>
    </section>
  );
}
