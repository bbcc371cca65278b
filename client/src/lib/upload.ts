export interface UploadProgress {
  readonly loaded: number;
  readonly total: number;
}

/**
 * PUTs a file to a presigned S3 URL. XMLHttpRequest rather than fetch: only it reports upload progress.
 * Resolves on 2xx; rejects with S3's status and message otherwise.
 */
export function putToPresignedUrl(
  url: string,
  file: Blob,
  contentType: string,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
  headers: Readonly<Record<string, string>> = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    request.setRequestHeader('content-type', contentType);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress({ loaded: file.size, total: file.size });
        resolve();
      } else {
        reject(new Error(`Upload failed (HTTP ${request.status}): ${s3Message(request.responseText)}`));
      }
    };
    request.onerror = () => reject(new Error('Upload failed: network error'));
    request.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}

function s3Message(body: string): string {
  const match = /<Message>([^<]*)<\/Message>/.exec(body);
  return match?.[1] ?? (body.slice(0, 200) || 'no details');
}
