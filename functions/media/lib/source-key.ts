import { SOURCES_PREFIX } from '../../../resolvers/lib/upload-rules';

export type MediaSlot = 'video' | 'poster' | 'backdrop';

/** What a source key names (the inverse of `sourceKey` in resolvers/lib/upload-rules). */
export interface SourceRef {
  readonly key: string;
  readonly movieId: string;
  readonly trailerId: string | null;
  readonly slot: MediaSlot;
  readonly uploadId: string;
}

const SEGMENT = '[A-Za-z0-9_-]{1,128}';
const TITLE_MEDIA = new RegExp(`^${SOURCES_PREFIX}(${SEGMENT})/(video|poster|backdrop)/(${SEGMENT})$`);
const TRAILER_VIDEO = new RegExp(`^${SOURCES_PREFIX}(${SEGMENT})/trailers/(${SEGMENT})/(${SEGMENT})$`);

/** The source a key names, or null for any other key (logged and skipped by the caller). */
export function parseSourceKey(key: string): SourceRef | null {
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

/** Where a source's outputs go (docs/api.md, "Media pipeline"). */
export function streamPrefix(ref: Pick<SourceRef, 'movieId' | 'trailerId' | 'uploadId'>): string {
  const owner = ref.trailerId ? `${ref.movieId}/trailers/${ref.trailerId}` : ref.movieId;
  return `streams/${owner}/${ref.uploadId}/`;
}

/** Intermediate chunk and audio files: private, expired by a lifecycle rule, deleted after assembly. */
export function workPrefix(ref: Pick<SourceRef, 'movieId' | 'trailerId' | 'uploadId'>): string {
  const owner = ref.trailerId ? `${ref.movieId}/trailers/${ref.trailerId}` : ref.movieId;
  return `work/${owner}/${ref.uploadId}/`;
}

export function imageVariantPrefix(movieId: string, slot: MediaSlot, uploadId: string): string {
  return `catalog/${movieId}/${slot}/${uploadId}/`;
}
