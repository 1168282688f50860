import { useRevalidator } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import type { UploadResult } from "~/models/photo-uploads.server";
import type { UploadRefusal } from "~/utils/image-upload.server";
import { useTranslation } from "~/utils/i18n-react";
import { PHOTO_UPLOAD_FIELD } from "~/utils/images";

type Props = {
  /** Where the plain form posts (the page itself). */
  action: string;
  /** The same upload answered as JSON, for XMLHttpRequest with progress. */
  uploadEndpoint: string;
  /** How many more photos fit, of at most maxPhotos. */
  left: number;
  maxPhotos: number;
  maxFileBytes: number;
  /** The answer to a form sent without JavaScript. */
  serverResult: UploadResult | null;
};

/**
 * The photo upload: a plain multipart form that works without JavaScript. With JavaScript the files
 * go by XMLHttpRequest (fetch cannot report upload progress) with a progress bar, files that are too
 * large or beyond the limit are refused before a byte is sent (slow networks), and the page reloads
 * its data afterwards. The server checks everything again.
 */
export function PhotoUploadForm({ action, uploadEndpoint, left, maxPhotos, maxFileBytes, serverResult }: Props) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const [progress, setProgress] = useState<number | null>(null);
  const [clientResult, setClientResult] = useState<UploadResult | null>(null);
  const result = clientResult ?? serverResult;
  const maxMb = Math.floor(maxFileBytes / (1024 * 1024));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const input = form.elements.namedItem(PHOTO_UPLOAD_FIELD);
    if (!(input instanceof HTMLInputElement) || !input.files) return; // the browser sends the form itself
    event.preventDefault();
    const refused: UploadRefusal[] = [];
    const body = new FormData();
    let sending = 0;
    for (const file of Array.from(input.files)) {
      if (file.size > maxFileBytes) refused.push({ fileName: file.name, reason: "too_large" });
      else if (sending >= left) refused.push({ fileName: file.name, reason: "too_many" });
      else {
        body.append(PHOTO_UPLOAD_FIELD, file, file.name);
        sending += 1;
      }
    }
    if (sending === 0) {
      setClientResult({ saved: 0, refused, error: refused.length === 0 ? "photos.errorNoFile" : null });
      return;
    }
    const request = new XMLHttpRequest();
    request.open("POST", uploadEndpoint);
    request.responseType = "json";
    request.upload.onprogress = (progressEvent) => {
      if (progressEvent.lengthComputable) setProgress(Math.round((progressEvent.loaded / progressEvent.total) * 100));
    };
    request.onload = () => {
      setProgress(null);
      const answer = request.response as UploadResult | null;
      if (answer && typeof answer.saved === "number" && Array.isArray(answer.refused)) {
        setClientResult({ saved: answer.saved, refused: [...answer.refused, ...refused], error: answer.error });
      } else {
        setClientResult({ saved: 0, refused, error: "photos.errorNetwork" });
      }
      form.reset();
      revalidator.revalidate();
    };
    request.onerror = () => {
      setProgress(null);
      setClientResult({ saved: 0, refused, error: "photos.errorNetwork" });
    };
    setClientResult(null);
    setProgress(0);
    request.send(body);
  }

  const busy = progress !== null;
  return (
    <section className="stack card" aria-labelledby="add-photos">
      <h2 id="add-photos">{t("photos.addTitle")}</h2>
      {result ? <UploadResultMessages result={result} /> : null}
      {left > 0 ? (
        <form method="post" action={action} encType="multipart/form-data" className="stack" onSubmit={onSubmit}>
          <div className="field">
            <label htmlFor="photo-files">{t("photos.chooseLabel")}</label>
            <input id="photo-files" name={PHOTO_UPLOAD_FIELD} type="file" accept="image/*" multiple required disabled={busy} aria-describedby="photo-files-hint" />
            <p id="photo-files-hint" className="field__hint">
              {t("photos.chooseHint", { mb: maxMb, left })}
            </p>
          </div>
          {busy ? (
            <div className="upload-progress" role="status">
              <progress max={100} value={progress} aria-label={t("photos.uploading")} />
              <span>{progress < 100 ? t("photos.uploadingPercent", { percent: progress }) : t("photos.processing")}</span>
            </div>
          ) : null}
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("photos.upload")}
          </button>
        </form>
      ) : (
        <p>{t("photos.full", { max: maxPhotos })}</p>
      )}
    </section>
  );
}

/** How an upload went: photos saved, files refused (each with its reason), or why nothing was read. */
export function UploadResultMessages({ result, savedKey = "photos.saved" }: { result: UploadResult; savedKey?: string }) {
  const { t } = useTranslation();
  return (
    <>
      {result.saved > 0 ? (
        <p className="notice" role="status">
          {t(savedKey, { count: result.saved })}
        </p>
      ) : null}
      {result.error || result.refused.length > 0 ? (
        <div className="form-errors" role="alert">
          {result.error ? <p>{t(result.error)}</p> : null}
          {result.refused.length > 0 ? (
            <>
              <p>{t("photos.notSaved")}</p>
              <ul>
                {result.refused.map((refusal, index) => (
                  <li key={index}>{t(`photos.refused.${refusal.reason}`, { file: refusal.fileName })}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
