import { getEnv } from "./env.server";

/** Where forms may send the browser: our pages, and the card provider's hosted checkout after "Buat pesanan". */
function formTargets(): string {
  const targets = ["'self'", "https://checkout.stripe.com"];
  const apiBase = getEnv().STRIPE_API_BASE;
  if (apiBase) targets.push(new URL(apiBase).origin); // a local stand-in for Stripe in tests
  return targets.join(" ");
}

/** Headers for every HTML response. Scripts only from our origin or with this render's nonce. */
export function securityHeaders(nonce: string, headers: Headers): void {
  headers.set(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'", // style attributes only (image placeholders); no inline scripts
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      `form-action ${formTargets()}`,
      "frame-ancestors 'none'",
    ].join("; "),
  );
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
}
