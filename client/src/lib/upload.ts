export interface UploadProgress {
  readonly loaded: number;
  readonly total: number;
  /** When the browser reported it, in `performance.now()` milliseconds (the event's own time stamp). */
  readonly at: number;
}

/** Why a PUT did not store the file, in the terms the admin can act on. */
export type UploadFailureKind = 'network' | 'expired' | 'refused' | 'cancelled';

/** A failed or cancelled upload; `message` is written for the admin. */
export class UploadFailure extends Error {
  constructor(
    readonly kind: UploadFailureKind,
    message: string,
    readonly status = 0,
  ) {
    super(message);
    this.name = 'UploadFailure';
  }
}

/**
 * PUTs a file to a presigned S3 URL. XMLHttpRequest rather than fetch: only it reports upload progress
 * (`upload.onprogress`). Resolves on 2xx; rejects with an `UploadFailure` otherwise. Aborting `signal`
 * cancels the request.
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
    if (signal?.aborted) {
      reject(new UploadFailure('cancelled', 'Upload cancelled.'));
      return;
    }
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    request.setRequestHeader('content-type', contentType);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      onProgress({
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : file.size,
        at: event.timeStamp,
      });
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress({ loaded: file.size, total: file.size, at: performance.now() });
        resolve();
      } else {
        reject(httpFailure(request.status, request.responseText));
      }
    };
    request.onerror = () =>
      reject(
        new UploadFailure(
          'network',
          'The upload stopped: the connection to the storage service failed. Check the network and try again.',
        ),
      );
    request.onabort = () => reject(new UploadFailure('cancelled', 'Upload cancelled.'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}

/**
 * S3 answers a presigned PUT whose `X-Amz-Expires` has passed with 403 AccessDenied "Request has expired"
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html); other refusals carry
 * their own `<Code>`/`<Message>` (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
 */
function httpFailure(status: number, body: string): UploadFailure {
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1] ?? '';
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1] ?? '';
  if (status === 403 && (/expired/i.test(message) || code === 'ExpiredToken')) {
    return new UploadFailure(
      'expired',
      'The upload link expired before the file was sent. Choose the file again to get a new link.',
      status,
    );
  }
  if (code === 'EntityTooLarge') {
    return new UploadFailure('refused', 'The storage service refused the file: it is too large.', status);
  }
  const detail = message || code || body.slice(0, 200) || 'no details';
  return new UploadFailure(
    'refused',
    `The storage service refused the upload (HTTP ${status}): ${detail}`,
    status,
  );
}

/**
 * The extra headers a presigned PUT must send, from `UploadTarget.headers` (AWSJSON: a JSON object as a
 * string); content-type is left out because `putToPresignedUrl` sets it.
 */
export function uploadHeaders(json: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value === 'string' && name.toLowerCase() !== 'content-type') headers[name] = value;
  }
  return headers;
}
