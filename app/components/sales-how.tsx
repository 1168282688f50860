import { zoneAbbreviation } from "~/utils/dates";
import { useTranslation } from "~/utils/i18n-react";

/**
 * "Cara menghitung": the definitions behind every sales figure, in plain words. Folded away on the
 * dashboard; always visible (and printed) on the statement, which has no comparison or pending orders.
 */
export function SalesHowItIsComputed({ timeZone, variant }: { timeZone: string; variant: "dashboard" | "statement" }) {
  const { t } = useTranslation();
  const lines = [
    t("sales.howSale", { zone: zoneAbbreviation(timeZone) }),
    t("sales.howRevenue"),
    ...(variant === "dashboard" ? [t("sales.howAverage")] : []),
    t("sales.howProfit"),
    t("sales.howRefund"),
    t("sales.howNet"),
    t("sales.howPending"),
    ...(variant === "dashboard" ? [t("sales.howCompare")] : []),
  ];
  const list = (
    <ul>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
  if (variant === "statement") {
    return (
      <section className="sales-how" aria-labelledby="sales-how-heading">
        <h2 id="sales-how-heading">{t("sales.howTitle")}</h2>
        {list}
      </section>
    );
  }
  return (
    <details className="sales-how">
      <summary>{t("sales.howTitle")}</summary>
      {list}
    </details>
  );
}
