import { DeleteObjectsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { LIBRARY_OBJECT_PREFIXES, libraryItemFolder } from '../../resolvers/lib/library';

/** Locally the twin sets AWS_ENDPOINT_URL_S3 (s3rver), which only understands path-style addressing. */
const s3 = new S3Client({
  requestChecksumCalculation: 'WHEN_REQUIRED',
  forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3),
});

function mediaBucket(): string {
  const name = process.env.MEDIA_BUCKET;
  if (!name) throw new Error('MEDIA_BUCKET must be set.');
  return name;
}

/** Deletes every object under a prefix, a listing page (up to 1,000 keys, one DeleteObjects) at a time. */
async function deletePrefix(bucket: string, prefix: string): Promise<number> {
  let deleted = 0;
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    const objects = (page.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
    if (objects.length > 0) {
      const result = await s3.send(
        new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }),
      );
      if ((result.Errors ?? []).length > 0) {
        throw new Error(`Could not delete ${result.Errors?.length} objects under ${prefix}.`);
      }
      deleted += objects.length;
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return deleted;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

function requireSafeId(value: string): string {
  if (!SAFE_ID.test(value)) throw new Error('Expected an id of letters, digits, - or _.');
  return value;
}

/** Originals, renditions and intermediate files of some of an owner's library items. Safe to repeat. */
export async function deleteLibraryItemObjects(sub: string, itemIds: readonly string[]): Promise<number> {
  const bucket = mediaBucket();
  let deleted = 0;
  for (const itemId of itemIds) {
    const folder = libraryItemFolder(requireSafeId(sub), requireSafeId(itemId));
    for (const prefix of LIBRARY_OBJECT_PREFIXES) {
      deleted += await deletePrefix(bucket, prefix + folder.slice('library/'.length));
    }
  }
  return deleted;
}

/** Everything of an owner's library in S3 (account deletion). Safe to repeat. */
export async function deleteAllLibraryObjects(sub: string): Promise<number> {
  const bucket = mediaBucket();
  let deleted = 0;
  for (const prefix of LIBRARY_OBJECT_PREFIXES)
    deleted += await deletePrefix(bucket, `${prefix}${requireSafeId(sub)}/`);
  return deleted;
}
