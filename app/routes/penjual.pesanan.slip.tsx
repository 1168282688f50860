import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PackingSlipCard, PrintButton } from "~/components/packing-slip";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { getPackingSlips, MAX_SLIPS, type PackingSlip } from "~/models/seller-orders.server";
import slipStylesHref from "~/styles/slip.css";
import { requireSeller } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: slipStylesHref }];

/** Slips of several store orders ticked in the inbox: `?id=…&id=…`, one printed page per slip. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const ids = [...new Set(new URL(request.url).searchParams.getAll("id").map((id) => id.trim()).filter((id) => id.length > 0))];
  if (ids.length === 0) return data({ error: "sellerOrders.errorNoSlips", slips: [] as PackingSlip[], max: MAX_SLIPS }, { status: 400 });
  if (ids.length > MAX_SLIPS) return data({ error: "sellerOrders.errorTooManySlips", slips: [] as PackingSlip[], max: MAX_SLIPS }, { status: 400 });
  const slips = ids.some((id) => id.length > 64) ? null : await getPackingSlips(prisma, user.id, ids);
  // One unknown or foreign id and nothing is shown: a slip run never silently leaves an order out.
  if (!slips) throw new Response("Not found", { status: 404 });
  return { error: null, slips, max: MAX_SLIPS };
}

export default function PackingSlipsPage() {
  const { t } = useTranslation();
  const { error, slips, max } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="slip-toolbar">
        <Link to="/penjual/pesanan">{t("sellerOrders.backToInbox")}</Link>
        <h1>{t("sellerOrders.slipsTitle", { count: slips.length })}</h1>
        {error ? (
          <div className="form-errors" role="alert">
            <p>{t(error, { max })}</p>
          </div>
        ) : (
          <PrintButton />
        )}
      </div>
      {slips.map((slip) => (
        <PackingSlipCard key={slip.id} slip={slip} />
      ))}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "sellerOrders.printSlip") }, { name: "robots", content: "noindex" }];

export const ErrorBoundary = RouteErrorBoundary;
