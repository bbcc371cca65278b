/**
 * What an admin may upload, per media kind. Shared by the resolver (checks before anything is written) and the
 * presign function (checks again and signs the content type and length into the URL).
 */
export interface UploadRule {
  readonly contentTypes: readonly string[];
  readonly maxBytes: number;
}

const VIDEO: UploadRule = { contentTypes: ['video/mp4'], maxBytes: 2147483647 };
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
  if (rule.contentTypes.indexOf(contentType) < 0) {
    return `contentType must be one of ${rule.contentTypes.join(', ')} for ${kind}.`;
  }
  if (Math.floor(sizeBytes) !== sizeBytes || sizeBytes < 1 || sizeBytes > rule.maxBytes) {
    return `sizeBytes must be from 1 to ${rule.maxBytes} for ${kind}.`;
  }
  return null;
}

/** File extension for a content type, used in server-chosen keys. */
export function extensionFor(contentType: string): string {
  const extensions: Record<string, string> = {
    'video/mp4': 'mp4',
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'image/webp': 'webp',
  };
  return extensions[contentType] ?? 'bin';
}
