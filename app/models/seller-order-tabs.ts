/**
 * The tabs of the seller's order inbox as they appear in the URL (`?status=`), shared by the server
 * (which filters by them) and the page (which links to them). The first one is where the inbox opens.
 */
export const INBOX_TABS = ["perlu-diproses", "menunggu-pembayaran", "dikirim", "selesai", "batal", "semua"] as const;
export type InboxTab = (typeof INBOX_TABS)[number];
export const DEFAULT_INBOX_TAB: InboxTab = INBOX_TABS[0];

export type InboxQuery = { tab: InboxTab; storeId: string | null; page: number };

export function isInboxTab(value: string | null): value is InboxTab {
  return value !== null && (INBOX_TABS as readonly string[]).includes(value);
}
