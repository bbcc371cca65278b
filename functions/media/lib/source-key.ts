import { libraryItemFolder } from '../../../resolvers/lib/library';
import { SOURCES_PREFIX } from '../../../resolvers/lib/upload-rules';

/** `video`, `poster`, `backdrop` of titles and trailers; `video`, `image`, `audio` of library items. */
export type MediaSlot = 'video' | 'poster' | 'backdrop' | 'image' | 'audio';

/** The slots whose output is a set of WebP variants. */
export type ImageSlot = 'poster' | 'backdrop' | 'image';

/** What a source key names (the inverse of `sourceKey` in resolvers/lib/upload-rules). */
export interface SourceRef {
  readonly key: string;
  readonly movieId: string;
  readonly trailerId: string | null;
  readonly slot: MediaSlot;
  readonly uploadId: string;
  /**
   * A library item's owner (Cognito sub), from the key; then `movieId` holds the item's id and `trailerId` is
   * null. Absent or null for catalog media.
   */
  readonly owner?: string | null;
}

const SEGMENT = '[A-Za-z0-9_-]{1,128}';
const TITLE_MEDIA = new RegExp(`^${SOURCES_PREFIX}(${SEGMENT})/(video|poster|backdrop)/(${SEGMENT})$`);
const TRAILER_VIDEO = new RegExp(`^${SOURCES_PREFIX}(${SEGMENT})/trailers/(${SEGMENT})/(${SEGMENT})$`);
const LIBRARY_MEDIA = new RegExp(
  `^${SOURCES_PREFIX}library/(${SEGMENT})/(${SEGMENT})/(video|image|audio)/(${SEGMENT})$`,
);

/** The source a key names, or null for any other key (logged and skipped by the caller). */
export function parseSourceKey(key: string): SourceRef | null {
  const library = LIBRARY_MEDIA.exec(key);
  if (library) {
    const [, owner, itemId, slot, uploadId] = library as unknown as [
      string,
      string,
      string,
      MediaSlot,
      string,
    ];
    return { key, movieId: itemId, trailerId: null, slot, uploadId, owner };
  }
  const title = TITLE_MEDIA.exec(key);
  if (title) {
    const [, movieId, slot, uploadId] = title as unknown as [string, string, MediaSlot, string];
    return { key, movieId, trailerId: null, slot, uploadId };
  }
  const trailer = TRAILER_VIDEO.exec(key);
  if (trailer) {
    const [, movieId, trailerId, uploadId] = trailer as unknown as [string, string, string, string];
    return { key, movieId, trailerId, slot: 'video', uploadId };
  }
  return null;
}

type OutputRef = Pick<SourceRef, 'movieId' | 'trailerId' | 'uploadId' | 'owner'>;

/** The folder of a source's outputs below `streams/` and `work/`: the title's, or the library item's. */
function outputFolder(ref: OutputRef): string {
  if (ref.owner) return libraryItemFolder(ref.owner, ref.movieId);
  return ref.trailerId ? `${ref.movieId}/trailers/${ref.trailerId}/` : `${ref.movieId}/`;
}

/** Where a source's outputs go (docs/api.md, "Media pipeline" and "My Library"). */
export function streamPrefix(ref: OutputRef): string {
  return `streams/${outputFolder(ref)}${ref.uploadId}/`;
}

/** Intermediate chunk and audio files: private, expired by a lifecycle rule, deleted after assembly. */
export function workPrefix(ref: OutputRef): string {
  return `work/${outputFolder(ref)}${ref.uploadId}/`;
}

export function imageVariantPrefix(movieId: string, slot: MediaSlot, uploadId: string): string {
  return `catalog/${movieId}/${slot}/${uploadId}/`;
}
