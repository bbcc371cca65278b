import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  LIBRARY_RULES,
  libraryItemFolder,
  librarySlot,
  librarySourceKey,
  type LibraryKind,
} from '../../resolvers/lib/library';
import { uploadRuleProblem } from '../../resolvers/lib/upload-rules';
import { signFolder, type SignedFolder } from './playback';
import { uploadTarget } from './upload-target';

/** The original's download link is short-lived: it is for one click on "Download". */
export const DOWNLOAD_URL_SECONDS = 300;
const ID = /^[A-Za-z0-9_-]{1,128}$/;

/** The owner's sub comes from the resolver (the caller's identity), never from the client. */
interface LibraryRef {
  sub: string;
  itemId: string;
}

export interface LibraryPutRequest extends LibraryRef {
  action: 'libraryPut';
  kind: LibraryKind;
  uploadId: string;
  contentType: string;
  sizeBytes: number;
}

export interface LibraryGetRequest extends LibraryRef {
  action: 'libraryGet';
  kind: LibraryKind;
  uploadId: string;
  fileName: string;
}

export interface LibraryAccessRequest extends LibraryRef {
  action: 'libraryAccess';
  keys: string[];
}

function requireIds(...values: unknown[]): void {
  if (!values.every((value) => typeof value === 'string' && ID.test(value)))
    throw new Error('Expected ids of letters, digits, - or _.');
}

function expiry(seconds: number): string {
  return new Date(Date.now() + seconds * 1000).toISOString();
}

export async function presignLibraryPut(s3: S3Client, bucket: string, request: LibraryPutRequest) {
  requireIds(request.sub, request.itemId, request.uploadId);
  const rule = LIBRARY_RULES[request.kind];
  if (!rule) throw new Error(`Unknown library item kind ${String(request.kind)}.`);
  const problem = uploadRuleProblem(rule, request.kind, request.contentType, request.sizeBytes);
  if (problem) throw new Error(problem);
  const key = librarySourceKey(request.sub, request.itemId, librarySlot(request.kind), request.uploadId);
  return uploadTarget(s3, { bucket, key, ...request });
}

/** RFC 6266 `attachment` with an ASCII fallback and the UTF-8 name (RFC 5987), so any name survives. */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function presignLibraryGet(s3: S3Client, bucket: string, request: LibraryGetRequest) {
  requireIds(request.sub, request.itemId, request.uploadId);
  const key = librarySourceKey(request.sub, request.itemId, librarySlot(request.kind), request.uploadId);
  const command = new GetObjectCommand({
    Bucket: bucket,
    Key: key,
    ResponseContentDisposition: attachment(String(request.fileName)),
  });
  const url = await getSignedUrl(s3, command, { expiresIn: DOWNLOAD_URL_SECONDS });
  return { url, fileName: request.fileName, expiresAt: expiry(DOWNLOAD_URL_SECONDS) };
}

/** Cookies scoped to the item's own folder: they open nothing of the owner's other items, nor anyone else's. */
export function signLibraryAccess(request: LibraryAccessRequest): Promise<SignedFolder> {
  requireIds(request.sub, request.itemId);
  if (!Array.isArray(request.keys)) throw new Error('Expected keys.');
  return signFolder(`streams/${libraryItemFolder(request.sub, request.itemId)}`, request.keys);
}
