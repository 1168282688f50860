import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { UploadResultMessages } from "~/components/photo-upload-form";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { MAX_IMAGE_BYTES } from "~/models/image-pipeline.server";
import { logoActionSchema } from "~/models/photo-forms.server";
import { receiveStoreLogo, type UploadResult } from "~/models/photo-uploads.server";
import { getStoreLogoForSeller, removeStoreLogo, StoreLogoError } from "~/models/store-logo.server";
import { getImageStorage } from "~/services/image-storage.server";
import photosStylesHref from "~/styles/photos.css";
import { requireSeller } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { useTranslation } from "~/utils/i18n-react";
import { isMultipart } from "~/utils/image-upload.server";
import { LOGO_UPLOAD_FIELD, logoUrl } from "~/utils/images";
import { pageTitle } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: photosStylesHref }];

type ActionResult = { upload: UploadResult | null; error: string | null };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const store = await getStoreLogoForSeller(prisma, user.id, params.storeId ?? "");
  // Another seller's store looks exactly like one that does not exist.
  if (!store) throw new Response("Not found", { status: 404 });
  return { store, maxFileBytes: MAX_IMAGE_BYTES };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireSeller(request);
  const storeId = params.storeId ?? "";
  const page = `/penjual/toko/${storeId}/logo`;

  if (isMultipart(request)) {
    const answer = await receiveStoreLogo(prisma, getImageStorage(), { request, userId: user.id, storeId });
    if (!answer) throw new Response("Not found", { status: 404 });
    if (answer.status === 200) return redirect(`${page}?ok=simpan`);
    return data<ActionResult>({ upload: answer.result, error: null }, { status: answer.status });
  }

  const submission = parseWithZod(await readFormData(request), { schema: logoActionSchema });
  if (submission.status !== "success") return data<ActionResult>({ upload: null, error: "photos.errorBadRequest" }, { status: 400 });
  try {
    await removeStoreLogo(prisma, getImageStorage(), { userId: user.id, storeId });
  } catch (error) {
    if (error instanceof StoreLogoError) throw new Response("Not found", { status: 404 });
    throw error;
  }
  return redirect(`${page}?ok=hapus`);
}

export default function StoreLogoPage() {
  const { t } = useTranslation();
  const { store, maxFileBytes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const done = actionData ? null : searchParams.get("ok");
  const sending = navigation.state === "submitting";

  return (
    <section className="narrow">
      <p>
        <Link to="/penjual">{t("seller.title")}</Link> · <Link to={`/toko/${store.slug}`}>{t("photos.viewStore")}</Link>
      </p>
      <h1>{t("photos.logoTitle", { store: store.name })}</h1>
      {done === "simpan" ? (
        <p className="notice" role="status">
          {t("photos.logoSaved")}
        </p>
      ) : null}
      {done === "hapus" ? (
        <p className="notice" role="status">
          {t("photos.logoRemoved")}
        </p>
      ) : null}
      {actionData?.error ? (
        <div className="form-errors" role="alert">
          <p>{t(actionData.error)}</p>
        </div>
      ) : null}
      {actionData?.upload ? <UploadResultMessages result={actionData.upload} savedKey="photos.logoSaved" /> : null}

      <h2>{t("photos.logoCurrent")}</h2>
      {store.logoKey ? (
        <img className="logo-preview" src={logoUrl(store.logoKey)} alt={t("store.logoAlt", { store: store.name })} width={128} height={128} />
      ) : (
        <p className="muted">{t("photos.logoNone")}</p>
      )}

      <Form method="post" encType="multipart/form-data" className="stack card">
        <div className="field">
          <label htmlFor="logo-file">{t("photos.logoChoose")}</label>
          <input id="logo-file" name={LOGO_UPLOAD_FIELD} type="file" accept="image/*" required aria-describedby="logo-file-hint" />
          <p id="logo-file-hint" className="field__hint">
            {t("photos.logoHint", { mb: Math.floor(maxFileBytes / (1024 * 1024)) })}
          </p>
        </div>
        {sending ? (
          <p role="status" className="muted">
            {t("photos.uploading")}
          </p>
        ) : null}
        <button type="submit" className="button button--primary" disabled={sending}>
          {t("photos.logoUpload")}
        </button>
      </Form>

      {store.logoKey ? (
        <details className="photo-item__delete">
          <summary className="button button--quiet">{t("photos.logoRemove")}</summary>
          <Form method="post" className="stack">
            <p>{t("photos.logoRemoveConfirm")}</p>
            <button type="submit" name="intent" value="remove" className="button button--danger">
              {t("photos.logoRemoveYes")}
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, "photos.logoTitle", { store: data.store.name }) : pageTitle(matches, "errors.notFoundTitle") },
];

export const ErrorBoundary = RouteErrorBoundary;
