/** Reads the uploaded CSV of an admin's reference-data form (poverty lines, minimum wages). */

export const MAX_REFERENCE_CSV_BYTES = 1_000_000;

export type UploadedCsv = { ok: true; text: string; fileName: string } | { ok: false; error: "program.errorNoFile" | "program.errorFileTooLarge" | "program.errorNotText" };

export async function readUploadedCsv(form: FormData, field = "file"): Promise<UploadedCsv> {
  const file = form.get(field);
  if (!(file instanceof File) || file.size === 0) return { ok: false, error: "program.errorNoFile" };
  if (file.size > MAX_REFERENCE_CSV_BYTES) return { ok: false, error: "program.errorFileTooLarge" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { ok: true, text, fileName: file.name.slice(0, 120) };
  } catch {
    return { ok: false, error: "program.errorNotText" };
  }
}

export type ReferenceLoadCounts = { inserted: number; updated: number; unchanged: number };

export type ReferenceUploadOutcome =
  | { ok: true; counts: ReferenceLoadCounts }
  | { ok: false; refusal: { error: Extract<UploadedCsv, { ok: false }>["error"] | "program.uploadRefused"; problems: string[] } };

/**
 * Reads the uploaded file and hands it to `load`; a file the loader refuses (it throws
 * `refusalError`, naming every bad line in `problems`) comes back as a refusal, nothing written.
 */
export async function uploadReferenceCsv(
  form: FormData,
  load: (text: string, fileName: string) => Promise<ReferenceLoadCounts>,
  refusalError: abstract new (...args: never[]) => Error & { problems: string[] },
): Promise<ReferenceUploadOutcome> {
  const upload = await readUploadedCsv(form);
  if (!upload.ok) return { ok: false, refusal: { error: upload.error, problems: [] } };
  try {
    return { ok: true, counts: await load(upload.text, upload.fileName) };
  } catch (error) {
    if (error instanceof refusalError) return { ok: false, refusal: { error: "program.uploadRefused", problems: error.problems } };
    throw error;
  }
}

/** The `hasil` search parameter the page reads back after the redirect. */
export function referenceUploadResultParam(counts: ReferenceLoadCounts): string {
  return `${counts.inserted}.${counts.updated}.${counts.unchanged}`;
}
