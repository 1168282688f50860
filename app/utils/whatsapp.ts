import { normalizeIndonesianPhone } from "./phone";

/**
 * A wa.me link (WhatsApp's click-to-chat format, which wants the number in international form
 * without "+") with a prefilled message. Local numbers as sellers type them ("0812-…") are
 * converted; anything else keeps only its digits.
 */
export function whatsappLink(number: string, message: string): string {
  const digits = normalizeIndonesianPhone(number) ?? number.replace(/\D/g, "");
  return `https://wa.me/${digits}?text=${encodeURIComponent(message)}`;
}
