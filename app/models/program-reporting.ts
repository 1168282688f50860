/**
 * The program's reporting conventions, shared by the server modules and the pages (not server-only):
 * program figures are counted in WIB (Asia/Jakarta) calendar months and years, and an active seller
 * is a store with a completed sale in the last 30 days.
 */
export const PROGRAM_TIME_ZONE = "Asia/Jakarta";
export const ACTIVE_SELLER_DAYS = 30;
