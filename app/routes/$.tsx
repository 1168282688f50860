import type { MetaFunction } from "@remix-run/node";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { pageTitle } from "~/utils/meta";

/** Every unknown address: a real 404 status with the helpful page. */
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "errors.notFoundTitle") }];

export const ErrorBoundary = RouteErrorBoundary;
