/**
 * A store's shipping price to a province: a price for the first kilogram and one for each further
 * kilogram started (couriers in Indonesia bill by the started kilogram). Stores set their own table;
 * there is no courier API.
 */
export type ShippingRateRow = { firstKgIdr: number; additionalKgIdr: number };

export function billableKilograms(weightGrams: number): number {
  if (!Number.isInteger(weightGrams) || weightGrams < 0) throw new RangeError(`weight must be whole grams, got ${weightGrams}`);
  return Math.max(1, Math.ceil(weightGrams / 1000));
}

export function shippingCostIdr(rate: ShippingRateRow, weightGrams: number): number {
  return rate.firstKgIdr + (billableKilograms(weightGrams) - 1) * rate.additionalKgIdr;
}
