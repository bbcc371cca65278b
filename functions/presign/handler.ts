import { randomUUID } from 'node:crypto';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { sourceKey, uploadProblem } from '../../resolvers/lib/upload-rules';
import {
  presignLibraryGet,
  presignLibraryPut,
  signLibraryAccess,
  type LibraryAccessRequest,
  type LibraryGetRequest,
  type LibraryPutRequest,
} from './library';
import { signPlayback, type PlaybackRequest } from './playback';
import { uploadTarget } from './upload-target';

const VIDEO_URL_SECONDS = 4 * 3600;
const MEDIA_PREFIX = 'media/';

/** Locally the twin sets AWS_ENDPOINT_URL_S3 (s3rver), which only understands path-style addressing. */
const s3 = new S3Client({
  requestChecksumCalculation: 'WHEN_REQUIRED',
  forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3),
});

function bucket(): string {
  const name = process.env.MEDIA_BUCKET;
  if (!name) throw new Error('MEDIA_BUCKET is not set');
  return name;
}

/** Videos only: posters and backdrops are served by CloudFront with URLs the resolvers build. */
interface GetRequest {
  action: 'get';
  key: string;
}

interface PutRequest {
  action: 'put';
  kind: string;
  movieId: string;
  trailerId?: string | null;
  contentType: string;
  sizeBytes: number;
}

function expiry(seconds: number): string {
  return new Date(Date.now() + seconds * 1000).toISOString();
}

/** Playback of pre-pipeline uploads (`media/`) until private HLS delivery replaces it. */
async function presignGet(request: GetRequest): Promise<{ url: string; expiresAt: string }> {
  if (typeof request.key !== 'string' || !request.key.startsWith(MEDIA_PREFIX)) {
    throw new Error('Only media keys can be presigned.');
  }
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket(), Key: request.key }), {
    expiresIn: VIDEO_URL_SECONDS,
  });
  return { url, expiresAt: expiry(VIDEO_URL_SECONDS) };
}

async function presignPut(request: PutRequest) {
  const problem = uploadProblem(request.kind, request.contentType, request.sizeBytes);
  if (problem) throw new Error(problem);
  const uploadId = randomUUID();
  const key = sourceKey(request.kind, request.movieId, request.trailerId ?? null, uploadId);
  return uploadTarget(s3, { bucket: bucket(), key, uploadId, ...request });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One Invoke request: a playback URL, an upload target, a stream's signed cookies, or a library item's. */
export async function handler(event: unknown): Promise<unknown> {
  if (!isRecord(event)) throw new Error('Expected an object payload.');
  if (event.action === 'get') return presignGet(event as unknown as GetRequest);
  if (event.action === 'put') return presignPut(event as unknown as PutRequest);
  if (event.action === 'playback') return signPlayback(event as unknown as PlaybackRequest);
  if (event.action === 'libraryPut')
    return presignLibraryPut(s3, bucket(), event as unknown as LibraryPutRequest);
  if (event.action === 'libraryGet')
    return presignLibraryGet(s3, bucket(), event as unknown as LibraryGetRequest);
  if (event.action === 'libraryAccess') return signLibraryAccess(event as unknown as LibraryAccessRequest);
  throw new Error(`Unknown action ${String(event.action)}.`);
}
