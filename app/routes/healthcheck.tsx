import { prisma } from "~/utils/db.server";

/** For load balancers and the test harness: 200 when the app can read its database. */
export async function loader() {
  await prisma.user.count({ take: 1 });
  return new Response("OK", { headers: { "Cache-Control": "no-store" } });
}
