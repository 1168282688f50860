import { useEffect, useState } from "react";
import type { PackingSlip } from "~/models/seller-orders.server";
import { useTranslation } from "~/utils/i18n-react";
import { formatRupiah } from "~/utils/money";
import { formatIndonesianPhone, normalizeIndonesianPhone } from "~/utils/phone";

/** A phone number as Indonesians read it, or as typed when it is not a usable Indonesian number. */
function readablePhone(raw: string): string {
  const normalized = normalizeIndonesianPhone(raw);
  return normalized ? formatIndonesianPhone(normalized) : raw;
}

/** One packing slip: who it goes to (large), who sends it, the order and what is in the parcel. No prices, but the amount to collect on cash on delivery. */
export function PackingSlipCard({ slip }: { slip: PackingSlip }) {
  const { t } = useTranslation();
  const { recipient, sender } = slip;
  return (
    <section className="slip" aria-labelledby={`slip-${slip.id}`}>
      <div className="slip__to">
        <p className="slip__label">{t("sellerOrders.to")}</p>
        <p className="slip__name" id={`slip-${slip.id}`}>
          {recipient.name}
        </p>
        <p className="slip__phone">{readablePhone(recipient.phone)}</p>
        <p>
          {recipient.addressLine}
          <br />
          {[recipient.district, recipient.regency, recipient.province].filter(Boolean).join(", ")}
          {recipient.postalCode ? ` ${recipient.postalCode}` : ""}
        </p>
      </div>
      <div className="slip__from">
        <p className="slip__label">{t("sellerOrders.from")}</p>
        <p>
          <strong>{sender.storeName}</strong>
          <br />
          {sender.regency} · WA {readablePhone(sender.whatsapp)}
        </p>
      </div>
      <dl className="slip__facts">
        <dt>{t("sellerOrders.orderNumber")}</dt>
        <dd className="mono">{slip.number}</dd>
        {slip.waybill ? (
          <>
            <dt>{t("sellerOrders.courier")}</dt>
            <dd>{slip.courier}</dd>
            <dt>{t("sellerOrders.waybill")}</dt>
            <dd className="mono">{slip.waybill}</dd>
          </>
        ) : null}
      </dl>
      {slip.cashOnDelivery ? (
        <p className="slip__cod">
          {t("sellerOrders.cod")}
          {slip.collectIdr !== null ? <> · {t("sellerOrders.codCollect", { amount: formatRupiah(slip.collectIdr) })}</> : null}
        </p>
      ) : null}
      <p className="slip__label">{t("sellerOrders.slipItems")}</p>
      <ul className="slip__items">
        {slip.items.map((item) => (
          <li key={item.id}>
            <strong>{item.quantity} ×</strong> {item.productTitle} ({item.variantName})
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * "Cetak": progressive enhancement. Without JavaScript the button would do nothing, so it appears only
 * once the page runs scripts; until then a hint points to the browser's own print menu, which prints
 * the page just the same (the print style sheet does the layout).
 */
export function PrintButton() {
  const { t } = useTranslation();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  if (!canPrint) return <p className="field__hint">{t("sellerOrders.printHint")}</p>;
  return (
    <button type="button" className="button button--primary" onClick={() => window.print()}>
      {t("sellerOrders.print")}
    </button>
  );
}
