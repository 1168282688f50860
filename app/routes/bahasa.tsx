import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/utils/i18n";
import { localeCookie } from "~/utils/i18n.server";
import { safeRedirect } from "~/utils/redirect";
import { readFormData } from "~/utils/form-data.server";

export async function loader() {
  return redirect("/");
}

/** Switches the interface language; a plain form post, so it works without JavaScript. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const lang = form.get("lang");
  if (!isLocale(lang)) {
    throw new Response("Unknown language", { status: 400 });
  }
  return redirect(safeRedirect(form.get("redirectTo"), "/"), {
    headers: { "Set-Cookie": await localeCookie.serialize(lang) },
  });
}
