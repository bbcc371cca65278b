import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { MediaRefusal } from './refusal';

/** Locally the twin sets AWS_ENDPOINT_URL_S3 (s3rver), which only understands path-style addressing. */
export const s3 = new S3Client({
  requestChecksumCalculation: 'WHEN_REQUIRED',
  forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3),
});

/** Outputs never change once written: a new upload gets a new prefix. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  vtt: 'text/vtt',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  mp4: 'video/mp4',
  m4a: 'audio/mp4',
};

/** Every PutObject sets the type: S3 does not guess it from the extension. */
export function contentTypeFor(key: string): string {
  return CONTENT_TYPES[key.split('.').pop() ?? ''] ?? 'application/octet-stream';
}

/** Attempts of a transfer whose connection broke mid-body. */
const TRANSFER_ATTEMPTS = 3;

function isBrokenConnection(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT';
}

/**
 * Runs a transfer with a streamed body again when its connection breaks: the SDK retries requests but not
 * streamed bodies ("An error was encountered in a non-retryable streaming request"), and a reset would
 * otherwise cost a whole SQS receive (three of them a FAILED upload). `transfer` must open a fresh stream.
 */
async function retryBrokenConnection(transfer: () => Promise<void>): Promise<void> {
  for (const attempt of Array.from({ length: TRANSFER_ATTEMPTS }, (_, index) => index + 1)) {
    try {
      await transfer();
      return;
    } catch (error) {
      if (!isBrokenConnection(error) || attempt === TRANSFER_ATTEMPTS) throw error;
    }
  }
}

/** Downloads an object to a file; a source that is gone is refused (the upload cannot be processed). */
export async function download(bucket: string, key: string, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  try {
    await retryBrokenConnection(async () => {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      await pipeline(object.Body as Readable, createWriteStream(file));
    });
  } catch (error) {
    if (error instanceof NoSuchKey) {
      throw new MediaRefusal('The file was deleted before it could be processed.');
    }
    throw error;
  }
}

export async function uploadFile(
  bucket: string,
  key: string,
  file: string,
  cacheControl?: string,
): Promise<void> {
  const { size } = await stat(file);
  await retryBrokenConnection(async () => {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: createReadStream(file),
        ContentLength: size,
        ContentType: contentTypeFor(key),
        ...(cacheControl ? { CacheControl: cacheControl } : {}),
      }),
    );
  });
}

export async function uploadText(bucket: string, key: string, text: string): Promise<void> {
  await s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: text, ContentType: contentTypeFor(key) }),
  );
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Uploads a directory tree under a key prefix (paths relative to the directory), a few files at a time. */
export async function uploadTree(
  bucket: string,
  prefix: string,
  dir: string,
  cacheControl?: string,
): Promise<string[]> {
  const files = await filesUnder(dir);
  const keys: string[] = [];
  const queue = [...files];
  const worker = async (): Promise<void> => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const key = prefix + relative(dir, file).split('\\').join('/');
      await uploadFile(bucket, key, file, cacheControl);
      keys.push(key);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return keys.sort();
}

/** Deletes every object under a prefix (intermediate files); a lifecycle rule catches what this misses. */
export async function deletePrefix(bucket: string, prefix: string): Promise<void> {
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    const objects = (page.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
    if (objects.length > 0) {
      await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }));
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}
