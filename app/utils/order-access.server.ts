import type { OrderAccess } from "~/models/order.server";
import { getOptionalUser } from "./auth.server";
import { readGuestOrderTokens } from "./guest-orders.server";

/**
 * How this visitor may see an order: their account, or the secret key of a guest order (from the link
 * they were given, or remembered in this browser). Several keys are tried in order.
 */
export async function orderAccessCandidates(request: Request): Promise<{ accesses: OrderAccess[]; actorId: string | null }> {
  const url = new URL(request.url);
  const [user, remembered] = await Promise.all([getOptionalUser(request), readGuestOrderTokens(request)]);
  const accesses: OrderAccess[] = [];
  if (user) accesses.push({ userId: user.id });
  const key = url.searchParams.get("kunci");
  if (key && key.length <= 64) accesses.push({ guestToken: key });
  for (const token of remembered) accesses.push({ guestToken: token });
  return { accesses, actorId: user?.id ?? null };
}
