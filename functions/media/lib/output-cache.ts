import {
  CopyObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import type { StoredStream } from '../../../resolvers/lib/media-file';
import { CACHE_MANIFEST, cacheEntryPrefix } from './cache-key';
import type { MediaConfig } from './config';
import { imageVariantPrefix, streamPrefix } from './source-key';
import type { ReadyOutput, Upload } from './state';
import { IMMUTABLE, contentTypeFor, s3 } from './storage';

/** A READY output with its keys relative to where it lives, so it can be put in place for any upload. */
type PortableOutput =
  | {
      readonly kind: 'stream';
      readonly stream: Omit<StoredStream, 'uploadId' | 'readyAt'>;
    }
  | { readonly kind: 'image'; readonly key: string };

/** A cache entry's index: the files it holds (relative keys) and the output they make. */
export interface CacheManifest {
  readonly files: readonly string[];
  readonly output: PortableOutput;
}

/** Where an upload's outputs go, and in which bucket. */
function outputPlace(config: MediaConfig, upload: Upload): { bucket: string; prefix: string } {
  return upload.slot === 'video'
    ? { bucket: config.mediaBucket, prefix: streamPrefix(upload) }
    : {
        bucket: config.imagesBucket,
        prefix: imageVariantPrefix(upload.movieId, upload.slot, upload.uploadId),
      };
}

function relativeTo(prefix: string, key: string): string {
  if (!key.startsWith(prefix)) throw new Error(`${key} is not under ${prefix}`);
  return key.slice(prefix.length);
}

function portable(output: ReadyOutput, prefix: string): PortableOutput {
  if (output.kind === 'image') return { kind: 'image', key: relativeTo(prefix, output.key) };
  const { uploadId: _uploadId, readyAt: _readyAt, ...stream } = output.stream;
  return {
    kind: 'stream',
    stream: {
      ...stream,
      masterKey: relativeTo(prefix, stream.masterKey),
      trickplayVttKey: relativeTo(prefix, stream.trickplayVttKey),
    },
  };
}

function placed(output: PortableOutput, prefix: string, upload: Upload, readyAt: string): ReadyOutput {
  if (output.kind === 'image') return { kind: 'image', key: prefix + output.key };
  const { stream } = output;
  return {
    kind: 'stream',
    stream: {
      ...stream,
      uploadId: upload.uploadId,
      masterKey: prefix + stream.masterKey,
      trickplayVttKey: prefix + stream.trickplayVttKey,
      readyAt,
    },
  };
}

async function copy(fromBucket: string, fromKey: string, toBucket: string, toKey: string): Promise<void> {
  await s3.send(
    new CopyObjectCommand({
      CopySource: `${fromBucket}/${fromKey.split('/').map(encodeURIComponent).join('/')}`,
      Bucket: toBucket,
      Key: toKey,
      MetadataDirective: 'REPLACE',
      ContentType: contentTypeFor(toKey),
      CacheControl: IMMUTABLE,
    }),
  );
}

/** Copies keys a few at a time (server-side copies: no bytes pass through the function). */
async function copyAll(
  files: readonly string[],
  from: { bucket: string; prefix: string },
  to: { bucket: string; prefix: string },
): Promise<void> {
  const queue = [...files];
  const worker = async (): Promise<void> => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      await copy(from.bucket, from.prefix + file, to.bucket, to.prefix + file);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

async function readManifest(bucket: string, entry: string): Promise<CacheManifest | null> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: entry + CACHE_MANIFEST }));
    return JSON.parse((await object.Body?.transformToString()) ?? 'null') as CacheManifest | null;
  } catch (error) {
    if (error instanceof NoSuchKey) return null;
    throw error;
  }
}

/**
 * The outputs of an earlier source with the same bytes, put in place for this upload: the READY output to
 * store, or null when there is no complete entry (or it cannot be used), and the source must be processed.
 */
export async function placeCachedOutput(
  config: MediaConfig,
  upload: Upload,
  sourceSha256: string,
  readyAt: string,
): Promise<ReadyOutput | null> {
  const entry = cacheEntryPrefix(upload.slot, sourceSha256);
  try {
    const manifest = await readManifest(config.mediaBucket, entry);
    if (!manifest) return null;
    const target = outputPlace(config, upload);
    await copyAll(manifest.files, { bucket: config.mediaBucket, prefix: entry }, target);
    return placed(manifest.output, target.prefix, upload, readyAt);
  } catch (error) {
    // A broken entry (a file gone, an unreadable index) only costs the processing it would have saved.
    console.warn(`Cached output ${entry} could not be used; processing the source instead`, error);
    return null;
  }
}

async function keysUnder(bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/**
 * Keeps a READY upload's outputs by the source's content (copies, so deleting the title keeps the entry), the
 * index last. A failure is logged, never raised: the upload is READY either way.
 */
export async function cacheOutput(
  config: MediaConfig,
  upload: Upload,
  sourceSha256: string,
  output: ReadyOutput,
): Promise<void> {
  // A library item is its owner's alone: its outputs are never kept where another upload could be given them.
  if (upload.owner) return;
  const entry = cacheEntryPrefix(upload.slot, sourceSha256);
  try {
    const place = outputPlace(config, upload);
    const files = (await keysUnder(place.bucket, place.prefix)).map((key) => relativeTo(place.prefix, key));
    await copyAll(files, place, { bucket: config.mediaBucket, prefix: entry });
    const manifest: CacheManifest = { files, output: portable(output, place.prefix) };
    await s3.send(
      new PutObjectCommand({
        Bucket: config.mediaBucket,
        Key: entry + CACHE_MANIFEST,
        Body: JSON.stringify(manifest),
        ContentType: 'application/json',
      }),
    );
  } catch (error) {
    console.warn(`The outputs of upload ${upload.uploadId} were not cached`, error);
  }
}
