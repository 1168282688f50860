import { useTranslation } from "~/utils/i18n-react";

export function TemporaryPasswordNotice({ email, temporaryPassword }: { email: string; temporaryPassword: string }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--success" role="status">
      <p>{t("account.created", { email })}</p>
      <p>
        {t("account.temporaryPassword")}: <strong className="mono">{temporaryPassword}</strong>
      </p>
      <p>{t("account.temporaryPasswordNote")}</p>
    </div>
  );
}
