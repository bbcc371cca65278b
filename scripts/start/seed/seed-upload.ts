/** PUTs a seed file to a presigned `UploadTarget` the API returned (catalog media and library items alike). */
export async function putSeedFile(
  target: { readonly url: string; readonly headers: unknown },
  contentType: string,
  body: Buffer,
  what: string,
): Promise<void> {
  const response = await fetch(target.url, {
    method: 'PUT',
    headers: uploadHeaders(target.headers, contentType),
    body,
  });
  if (!response.ok) {
    throw new Error(`Uploading ${what} failed: HTTP ${response.status} ${await response.text()}`);
  }
}

/** `UploadTarget.headers` is AWSJSON: a JSON object, serialized as a string on the wire. */
function uploadHeaders(headers: unknown, contentType: string): Record<string, string> {
  const parsed: unknown = typeof headers === 'string' ? JSON.parse(headers) : headers;
  const result: Record<string, string> = {};
  if (typeof parsed === 'object' && parsed !== null) {
    for (const [name, value] of Object.entries(parsed)) if (typeof value === 'string') result[name] = value;
  }
  if (!Object.keys(result).some((name) => name.toLowerCase() === 'content-type'))
    result['content-type'] = contentType;
  return result;
}
