/** Most a shopper may put on one line; more than this is a wholesale order, arranged with the seller. */
export const MAX_LINE_QUANTITY = 99;
