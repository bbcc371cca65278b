/**
 * What an admin may upload, per media kind. Shared by the resolver (checks before anything is written) and the
 * presign function (checks again and signs the content type and length into the URL).
 */
export interface UploadRule {
  readonly contentTypes: readonly string[];
  readonly maxBytes: number;
}

/**
 * Videos up to 5 GiB: the largest object one presigned PUT can create
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/upload-objects.html). Processing re-checks the real
 * size from the S3 event and the content with ffprobe; the declared type only picks the rule.
 */
const VIDEO: UploadRule = { contentTypes: ['video/mp4', 'video/quicktime'], maxBytes: 5 * 1024 ** 3 };
const IMAGE: UploadRule = {
  contentTypes: ['image/jpeg', 'image/png', 'image/webp'],
  maxBytes: 10 * 1024 * 1024,
};

export const UPLOAD_RULES: Readonly<Record<string, UploadRule>> = {
  VIDEO,
  TRAILER_VIDEO: VIDEO,
  POSTER: IMAGE,
  BACKDROP: IMAGE,
};

/** A problem with the upload request, or null when it is acceptable. */
export function uploadProblem(kind: string, contentType: string, sizeBytes: number): string | null {
  const rule = UPLOAD_RULES[kind];
  if (!rule) return `Unknown media kind ${kind}.`;
  return uploadRuleProblem(rule, kind, contentType, sizeBytes);
}

/** A problem with a file's declared type and size under `rule` (named `kind` in the message), or null. */
export function uploadRuleProblem(
  rule: UploadRule,
  kind: string,
  contentType: string,
  sizeBytes: number,
): string | null {
  if (rule.contentTypes.indexOf(contentType) < 0) {
    return `contentType must be one of ${rule.contentTypes.join(', ')} for ${kind}.`;
  }
  if (Math.floor(sizeBytes) !== sizeBytes || sizeBytes < 1 || sizeBytes > rule.maxBytes) {
    return `sizeBytes must be from 1 to ${rule.maxBytes} for ${kind}.`;
  }
  return null;
}

/** Where uploads land: a private prefix that only the processing pipeline reads. */
export const SOURCES_PREFIX = 'sources/';

/** Which `media.<kind>` entry of a catalog item an upload of this kind updates. */
export function mediaSlot(kind: string): 'video' | 'poster' | 'backdrop' {
  if (kind === 'POSTER') return 'poster';
  if (kind === 'BACKDROP') return 'backdrop';
  return 'video';
}

/**
 * The server-chosen source key (docs/api.md, "Media pipeline"): `sources/<movieId>/<kind>/<uploadId>` or
 * `sources/<movieId>/trailers/<trailerId>/<uploadId>` for a trailer's video. No extension: the content decides.
 */
export function sourceKey(kind: string, movieId: string, trailerId: string | null, uploadId: string): string {
  const owner = trailerId ? `${movieId}/trailers/${trailerId}` : `${movieId}/${mediaSlot(kind)}`;
  return `${SOURCES_PREFIX}${owner}/${uploadId}`;
}
