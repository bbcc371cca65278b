import type { UploadRule } from './upload-rules';
import { SOURCES_PREFIX } from './upload-rules';
import { userPartition, type TableKey } from './keys';

/**
 * My Library: a viewer's own media. Shared by the resolvers, the presign function, the media pipeline and the
 * account function, so keys and limits are defined once (docs/api.md, "My Library").
 */
export type LibraryKind = 'VIDEO' | 'IMAGE' | 'AUDIO';

/** The `media.<slot>` entry of a library item, and the slot segment of its source key. */
export type LibrarySlot = 'video' | 'image' | 'audio';

/** Per-user quota: every limit in one place. */
export const LIBRARY_LIMITS = {
  maxItems: 500,
  maxBytes: 5 * 1024 ** 3,
  maxTags: 20,
  maxTagLength: 40,
  maxTitleLength: 200,
  maxDescriptionLength: 2000,
  maxFileNameLength: 255,
  /** Ids per `deleteLibraryItems`: they and the usage update are one transaction, kept well inside its limit. */
  maxDeleteIds: 20,
  /** Items per collection: deleting a collection with its items is one `deleteLibraryItems`-sized transaction. */
  maxCollectionItems: 20,
  maxCollectionNameLength: 200,
} as const;

export const LIBRARY_RULES: Readonly<Record<LibraryKind, UploadRule>> = {
  VIDEO: {
    contentTypes: ['video/mp4', 'video/quicktime', 'video/x-matroska', 'video/webm'],
    maxBytes: 2 * 1024 ** 3,
  },
  IMAGE: { contentTypes: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: 10 * 1024 * 1024 },
  AUDIO: {
    contentTypes: ['audio/mpeg', 'audio/mp4', 'audio/aac', 'audio/wav', 'audio/flac', 'audio/ogg'],
    maxBytes: 200 * 1024 * 1024,
  },
};

export function librarySlot(kind: LibraryKind): LibrarySlot {
  if (kind === 'IMAGE') return 'image';
  if (kind === 'AUDIO') return 'audio';
  return 'video';
}

export function libraryItemKey(sub: string, itemId: string): TableKey {
  return { pk: userPartition(sub), sk: `LIBRARY#${itemId}` };
}

/** Sort-key prefix of a user's library items (item ids are ULIDs, so the sort key orders them by creation). */
export const LIBRARY_SK_PREFIX = 'LIBRARY#';

/** The running totals the quota is checked against (one item per user, next to the library items). */
export function libraryUsageKey(sub: string): TableKey {
  return { pk: userPartition(sub), sk: 'LIBUSAGE' };
}

/** Everything of one owner's library in S3 is under these prefixes (`<sub>/` follows). */
export const LIBRARY_OBJECT_PREFIXES = ['sources/library/', 'streams/library/', 'work/library/'] as const;

/** The item's folder below a prefix: the credential of its private delivery covers `streams/` + this. */
export function libraryItemFolder(sub: string, itemId: string): string {
  return `library/${sub}/${itemId}/`;
}

/** `sources/library/<sub>/<itemId>/<slot>/<uploadId>`: the pipeline parses it back (functions/media). */
export function librarySourceKey(sub: string, itemId: string, slot: LibrarySlot, uploadId: string): string {
  return `${SOURCES_PREFIX}${libraryItemFolder(sub, itemId)}${slot}/${uploadId}`;
}

/** File names (without `.webp`) of a library photo's variants, written by the pipeline. */
export const LIBRARY_IMAGE_VARIANTS = { thumbnail: 'row', large: 'hero' } as const;

export function collectionKey(sub: string, collectionId: string): TableKey {
  return { pk: userPartition(sub), sk: `COLLECTION#${collectionId}` };
}

export const COLLECTION_SK_PREFIX = 'COLLECTION#';
