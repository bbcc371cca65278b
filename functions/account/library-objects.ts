import { LIBRARY_OBJECT_PREFIXES, libraryItemFolder } from '../../resolvers/lib/library';
import { deletePrefix } from '../media/lib/storage';

function mediaBucket(): string {
  const name = process.env.MEDIA_BUCKET;
  if (!name) throw new Error('MEDIA_BUCKET must be set.');
  return name;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

function requireSafeId(value: string): string {
  if (!SAFE_ID.test(value)) throw new Error('Expected an id of letters, digits, - or _.');
  return value;
}

/** Originals, renditions and intermediate files of some of an owner's library items. Safe to repeat. */
export async function deleteLibraryItemObjects(sub: string, itemIds: readonly string[]): Promise<void> {
  const bucket = mediaBucket();
  for (const itemId of itemIds) {
    const folder = libraryItemFolder(requireSafeId(sub), requireSafeId(itemId));
    for (const prefix of LIBRARY_OBJECT_PREFIXES) {
      await deletePrefix(bucket, prefix + folder.slice('library/'.length));
    }
  }
}

/** Everything of an owner's library in S3 (account deletion). Safe to repeat. */
export async function deleteAllLibraryObjects(sub: string): Promise<void> {
  const bucket = mediaBucket();
  for (const prefix of LIBRARY_OBJECT_PREFIXES) await deletePrefix(bucket, `${prefix}${requireSafeId(sub)}/`);
}
