/**
 * Indonesian phone numbers as people write them: "0812-3456-7890", "+62 812 3456 7890",
 * "62812...". Normalised to the international form without "+" ("6281234567890"), which is also
 * what wa.me links use. The national significant number (after 0 / 62) has 8 to 12 digits and does
 * not start with 0 or 1 (country code +62, ITU-T E.164 numbering).
 */
export function normalizeIndonesianPhone(input: string): string | null {
  const compact = input.trim().replace(/[\s().-]/g, "");
  let national: string;
  if (compact.startsWith("+62")) national = compact.slice(3);
  else if (compact.startsWith("62")) national = compact.slice(2);
  else if (compact.startsWith("0")) national = compact.slice(1);
  else return null;
  if (!/^[2-9][0-9]{7,11}$/.test(national)) return null;
  return `62${national}`;
}

/** "6281234567890" → "0812-3456-7890", how Indonesians read their numbers. */
export function formatIndonesianPhone(normalized: string): string {
  const national = `0${normalized.replace(/^62/, "")}`;
  return national.replace(/^(\d{4})(\d{4})(\d+)$/, "$1-$2-$3");
}
