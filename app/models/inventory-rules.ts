/** At or below this many units a variant is marked "stok menipis" for its seller. */
export const LOW_STOCK_THRESHOLD = 5;
