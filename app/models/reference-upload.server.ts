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
