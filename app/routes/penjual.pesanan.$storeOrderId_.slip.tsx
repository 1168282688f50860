import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PackingSlipCard, PrintButton } from "~/components/packing-slip";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { getPackingSlips } from "~/models/seller-orders.server";
import slipStylesHref from "~/styles/slip.css";
import { requireSeller } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: slipStylesHref }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const slips = await getPackingSlips(prisma, user.id, [params.storeOrderId ?? ""]);
  // Another seller's store order looks exactly like one that does not exist.
  if (!slips) throw new Response("Not found", { status: 404 });
  return { slip: slips[0]! };
}

export default function PackingSlipPage() {
  const { t } = useTranslation();
  const { slip } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="slip-toolbar">
        <Link to={`/penjual/pesanan/${slip.id}`}>{t("common.back")}</Link>
        <h1>{t("sellerOrders.slipTitle", { number: slip.number })}</h1>
        <PrintButton />
      </div>
      <PackingSlipCard slip={slip} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, "sellerOrders.slipTitle", { number: data.slip.number }) : pageTitle(matches, "errors.notFoundTitle") },
  { name: "robots", content: "noindex" },
];

export const ErrorBoundary = RouteErrorBoundary;
