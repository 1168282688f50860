import type { LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { WorkspaceLayout } from "~/components/workspace-layout";
import { workspaceCatalog } from "~/locales/catalogs";
import { getLocale } from "~/utils/i18n.server";

/** The verifikasi area's layout: it only adds the workspace strings; every child route guards itself. */
export async function loader({ request }: LoaderFunctionArgs) {
  return { catalog: workspaceCatalog(await getLocale(request)) };
}

/** The strings change only with the language (a full page load after /bahasa). */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction?.startsWith("/bahasa") ? defaultShouldRevalidate : false;

export default WorkspaceLayout;
