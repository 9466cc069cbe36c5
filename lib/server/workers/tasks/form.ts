// Parsing a multipart upload body in a worker: a 10 MB body keeps the
// parser busy for a noticeable while, which the request thread must not be.

export type FormJob = { body: Uint8Array; contentType: string };
export type FormResult =
  { ok: true; files: Array<{ name: string; bytes: Uint8Array }>; fields: Record<string, string> } | { ok: false };

export async function parseFormJob(job: FormJob): Promise<FormResult> {
  let form: FormData;
  try {
    form = await new Response(job.body as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": job.contentType },
    }).formData();
  } catch {
    return { ok: false };
  }
  const files: Array<{ name: string; bytes: Uint8Array }> = [];
  const fields: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") fields[key] = value;
    else if (key === "files")
      files.push({ name: value.name || "upload", bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return { ok: true, files, fields };
}
