import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import Papa from "papaparse";
import { costOfGoods, type SaleRecord } from "~/models/sales-report.server";
import type { ExportKind } from "~/utils/sales-url";

/**
 * The sales of a period as CSV for a spreadsheet. Only what a sales report needs: no buyer name,
 * phone or address. A UTF-8 byte order mark makes Excel read the text as UTF-8; text cells that
 * start with = + - @ tab or CR get a leading apostrophe so a spreadsheet never runs them as a formula
 * (product titles are typed by sellers). Amounts are plain integers of Rupiah.
 */

const BOM = "\uFEFF";
/** CSV injection: the characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

type Translate = (key: string) => string;

function localDateTime(instant: Date | null, timeZone: string): string {
  return instant ? format(new TZDate(instant, timeZone), "yyyy-MM-dd HH:mm") : "";
}

/** One CSV document: header row, then rows; numbers stay numbers, text is guarded. */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  return BOM + Papa.unparse({ fields: header, data: rows }, { escapeFormulae: FORMULA_START, newline: "\r\n" });
}

function orderRows(records: SaleRecord[], timeZone: string, t: Translate): { header: string[]; rows: (string | number)[][] } {
  const header = [
    "sales.csv.number",
    "sales.csv.placedAt",
    "sales.csv.completedAt",
    "sales.csv.status",
    "sales.csv.paymentMethod",
    "sales.csv.subtotal",
    "sales.csv.shipping",
    "sales.csv.commission",
    "sales.csv.costOfGoods",
    "sales.csv.grossProfit",
    "sales.csv.refunded",
    "sales.csv.refundedAt",
  ].map(t);
  const rows = records.map((record) => {
    const cost = costOfGoods(record);
    const refunded = record.status === "REFUNDED" ? record.subtotalIdr + record.shippingIdr : 0;
    return [
      record.number,
      localDateTime(record.placedAt, timeZone),
      localDateTime(record.completedAt, timeZone),
      t(`orderStatus.${record.status}`),
      t(`paymentMethod.${record.paymentMethod}`),
      record.subtotalIdr,
      record.shippingIdr,
      record.commissionIdr,
      cost,
      record.subtotalIdr - cost,
      refunded,
      record.status === "REFUNDED" ? localDateTime(record.refundedAt, timeZone) : "",
    ];
  });
  return { header, rows };
}

function itemRows(records: SaleRecord[], timeZone: string, t: Translate): { header: string[]; rows: (string | number)[][] } {
  const header = [
    "sales.csv.number",
    "sales.csv.completedAt",
    "sales.csv.product",
    "sales.csv.variant",
    "sales.csv.quantity",
    "sales.csv.unitPrice",
    "sales.csv.unitCost",
    "sales.csv.lineRevenue",
    "sales.csv.lineCost",
    "sales.csv.lineGrossProfit",
    "sales.csv.status",
  ].map(t);
  const rows = records.flatMap((record) =>
    record.items.map((item) => [
      record.number,
      localDateTime(record.completedAt, timeZone),
      item.productTitle,
      item.variantName,
      item.quantity,
      item.unitPriceIdr,
      item.unitCostIdr,
      item.unitPriceIdr * item.quantity,
      item.unitCostIdr * item.quantity,
      (item.unitPriceIdr - item.unitCostIdr) * item.quantity,
      t(`orderStatus.${record.status}`),
    ]),
  );
  return { header, rows };
}

export function salesCsv(kind: ExportKind, records: SaleRecord[], timeZone: string, t: Translate): string {
  const { header, rows } = kind === "orders" ? orderRows(records, timeZone, t) : itemRows(records, timeZone, t);
  return toCsv(header, rows);
}
