import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { PhotoUploadForm } from "~/components/photo-upload-form";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { MAX_IMAGE_BYTES } from "~/models/image-pipeline.server";
import { photoActionSchema } from "~/models/photo-forms.server";
import { receiveProductPhotos, type UploadResult } from "~/models/photo-uploads.server";
import {
  deleteProductPhoto,
  getProductPhotosForSeller,
  MAX_ALT_LENGTH,
  MAX_PHOTOS_PER_PRODUCT,
  moveProductPhoto,
  ProductPhotoError,
  setProductPhotoAlt,
} from "~/models/product-photos.server";
import { syncProductInSearch } from "~/models/product-search.server";
import { getImageStorage } from "~/services/image-storage.server";
import photosStylesHref from "~/styles/photos.css";
import { requireSeller } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { useTranslation } from "~/utils/i18n-react";
import { isMultipart } from "~/utils/image-upload.server";
import { bestRendition, imageSrcSet, imageUrl } from "~/utils/images";
import { pageTitle } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: photosStylesHref }];

/** What the page says after a change (?ok=...), by the form's intent. */
const DONE = { first: "main", up: "order", down: "order", alt: "alt", delete: "deleted" } as const;
const DONE_KEYS: ReadonlySet<string> = new Set(Object.values(DONE));

type ActionResult = { upload: UploadResult | null; error: string | null };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const product = await getProductPhotosForSeller(prisma, user.id, params.productId ?? "");
  // Another seller's product looks exactly like one that does not exist.
  if (!product) throw new Response("Not found", { status: 404 });
  return { product, maxPhotos: MAX_PHOTOS_PER_PRODUCT, maxFileBytes: MAX_IMAGE_BYTES, maxAltLength: MAX_ALT_LENGTH };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireSeller(request);
  const productId = params.productId ?? "";
  const page = `/penjual/produk/${productId}/foto`;

  if (isMultipart(request)) {
    const answer = await receiveProductPhotos(prisma, getImageStorage(), { request, userId: user.id, productId });
    if (!answer) throw new Response("Not found", { status: 404 });
    if (answer.result.saved > 0) await syncProductInSearch(productId);
    if (answer.status === 200) return redirect(`${page}?diunggah=${answer.result.saved}`);
    return data<ActionResult>({ upload: answer.result, error: null }, { status: answer.status });
  }

  const submission = parseWithZod(await readFormData(request), { schema: photoActionSchema });
  if (submission.status !== "success") {
    const first = Object.values(submission.error ?? {}).flat()[0] ?? "photos.errorBadRequest";
    return data<ActionResult>({ upload: null, error: first }, { status: 400 });
  }
  const input = submission.value;
  const target = { userId: user.id, productId, imageId: input.imageId };
  try {
    if (input.intent === "delete") await deleteProductPhoto(prisma, getImageStorage(), target);
    else if (input.intent === "alt") await setProductPhotoAlt(prisma, { ...target, alt: input.alt });
    else await moveProductPhoto(prisma, { ...target, move: input.intent });
  } catch (error) {
    if (error instanceof ProductPhotoError) return data<ActionResult>({ upload: null, error: "photos.errorNotFound" }, { status: 404 });
    throw error;
  }
  await syncProductInSearch(productId);
  const anchor = input.intent === "delete" ? "#daftar-foto" : `#foto-${input.imageId}`;
  return redirect(`${page}?ok=${DONE[input.intent]}${anchor}`);
}

export default function ProductPhotosPage() {
  const { t } = useTranslation();
  const { product, maxPhotos, maxFileBytes, maxAltLength } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("ok");
  const uploaded = Number(searchParams.get("diunggah") ?? 0);
  const count = product.images.length;
  const page = `/penjual/produk/${product.id}/foto`;

  return (
    <section className="narrow photos-page">
      <p>
        <Link to="/penjual">{t("seller.title")}</Link> · <Link to={`/penjual/produk/${product.id}/ubah`}>{t("seller.editProduct")}</Link> ·{" "}
        <Link to={`/produk/${product.slug}`}>{t("seller.viewInStore")}</Link>
      </p>
      <h1>{t("photos.title", { product: product.title })}</h1>
      {searchParams.get("baru") ? (
        <p className="notice" role="status">
          {t("photos.productCreated")}
        </p>
      ) : null}
      {done && DONE_KEYS.has(done) && !actionData ? (
        <p className="notice" role="status">
          {t(`photos.done.${done}`)}
        </p>
      ) : null}
      {Number.isInteger(uploaded) && uploaded > 0 && !actionData ? (
        <p className="notice" role="status">
          {t("photos.saved", { count: uploaded })}
        </p>
      ) : null}
      {actionData?.error ? (
        <div className="form-errors" role="alert">
          <p>{t(actionData.error)}</p>
        </div>
      ) : null}

      <PhotoUploadForm
        action={page}
        uploadEndpoint={`${page}/unggah`}
        left={maxPhotos - count}
        maxPhotos={maxPhotos}
        maxFileBytes={maxFileBytes}
        serverResult={actionData?.upload ?? null}
      />

      <h2 id="daftar-foto">{t("photos.count", { count, max: maxPhotos })}</h2>
      {count === 0 ? <p className="muted">{t("photos.empty")}</p> : <p className="muted">{t("photos.mainHint")}</p>}
      <ol className="photo-list">
        {product.images.map((image, index) => {
          const number = index + 1;
          return (
            <li key={image.id} id={`foto-${image.id}`} className="card photo-item">
              <img
                className="photo-item__image"
                src={imageUrl(image.storageKey, bestRendition(image.width, 320))}
                srcSet={imageSrcSet(image.storageKey, image.width)}
                sizes="12rem"
                width={image.width}
                height={image.height}
                alt={image.alt}
                loading={index < 2 ? "eager" : "lazy"}
                decoding="async"
                style={{ backgroundImage: `url("${image.placeholder}")` }}
              />
              <p className="photo-item__label">
                <strong>{t("photos.photoLabel", { number })}</strong> {index === 0 ? <span className="badge">{t("photos.mainBadge")}</span> : null}
              </p>
              {count > 1 ? (
                <Form method="post" className="photo-item__actions">
                  <input type="hidden" name="imageId" value={image.id} />
                  {index > 0 ? (
                    <button type="submit" name="intent" value="first" className="button" aria-label={t("photos.makeMainLabel", { number })}>
                      {t("photos.makeMain")}
                    </button>
                  ) : null}
                  {index > 0 ? (
                    <button type="submit" name="intent" value="up" className="button" aria-label={t("photos.moveUpLabel", { number })}>
                      {t("photos.moveUp")}
                    </button>
                  ) : null}
                  {index < count - 1 ? (
                    <button type="submit" name="intent" value="down" className="button" aria-label={t("photos.moveDownLabel", { number })}>
                      {t("photos.moveDown")}
                    </button>
                  ) : null}
                </Form>
              ) : null}
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="alt" />
                <input type="hidden" name="imageId" value={image.id} />
                <div className="field">
                  <label htmlFor={`alt-${image.id}`}>{t("photos.altLabel", { number })}</label>
                  <input id={`alt-${image.id}`} name="alt" defaultValue={image.alt} maxLength={maxAltLength} aria-describedby={`alt-hint-${image.id}`} />
                  <p id={`alt-hint-${image.id}`} className="field__hint">
                    {t("photos.altHint")}
                  </p>
                </div>
                <button type="submit" className="button">
                  {t("photos.saveAlt")}
                </button>
              </Form>
              <details className="photo-item__delete">
                <summary className="button button--quiet" aria-label={t("photos.deleteLabel", { number })}>
                  {t("photos.delete")}
                </summary>
                <Form method="post" className="stack">
                  <p>{t("photos.deleteConfirm")}</p>
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="imageId" value={image.id} />
                  <button type="submit" className="button button--danger">
                    {t("photos.deleteYes", { number })}
                  </button>
                </Form>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, "photos.title", { product: data.product.title }) : pageTitle(matches, "errors.notFoundTitle") },
];

export const ErrorBoundary = RouteErrorBoundary;
