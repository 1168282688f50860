/**
 * The submitted form. A body that is not a form (JSON, garbage, a wrong content type) is the
 * client's mistake: answered 415, never a server error.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("Send the form as application/x-www-form-urlencoded or multipart/form-data", { status: 415 });
  }
}
