import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { listOrdersForBuyer } from "~/models/order.server";
import { getOptionalUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formatDateTime } from "~/utils/dates";
import { readGuestOrderTokens } from "~/utils/guest-orders.server";
import type { Locale } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";

/** Every order of the account, or the guest orders placed in this browser. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) return { orders: await listOrdersForBuyer(prisma, { userId: user.id }) };
  const guestTokens = await readGuestOrderTokens(request);
  return { orders: guestTokens.length > 0 ? await listOrdersForBuyer(prisma, { guestTokens }) : [] };
}

export default function OrdersPage() {
  const { t, i18n } = useTranslation();
  const { orders } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("shop.ordersTitle")}</h1>
      {orders.length === 0 ? <p>{t("shop.ordersEmpty")}</p> : null}
      <ul className="card-list">
        {orders.map((order) => (
          <li key={order.number} className="card">
            <h2>
              <Link to={`/pesanan/${order.number}${order.guestToken ? `?kunci=${order.guestToken}` : ""}`}>{order.number}</Link>
            </h2>
            <p className="muted">
              {formatDateTime(order.placedAt, "Asia/Jakarta", i18n.language as Locale)} · {t(`paymentMethod.${order.paymentMethod}`)} ·{" "}
              {formatRupiah(order.totalIdr)}
            </p>
            <ul>
              {order.storeOrders.map((so) => (
                <li key={so.store.name}>
                  {so.store.name}: <strong>{t(`orderStatus.${so.status}`)}</strong>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "shop.ordersTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
