import type { PeriodKind } from "~/models/sales-period";

/**
 * The sales pages' query strings: /penjual/penjualan?store=…&periode=bulan-ini,
 * /penjual/penjualan/ekspor?store=…&from=2026-11-01&to=2026-11-29&jenis=pesanan, /penjual/laporan?store=…&from=…&to=….
 */
export const PERIOD_PARAM: Record<PeriodKind, string> = { today: "hari-ini", week: "minggu-ini", month: "bulan-ini", range: "pilih-tanggal" };

export type ExportKind = "orders" | "items";
export const EXPORT_PARAM: Record<ExportKind, string> = { orders: "pesanan", items: "barang" };

/** A sales page's address with its parameters, leaving out empty ones. */
export function salesHref(path: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
