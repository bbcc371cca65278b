import { util } from '@aws-appsync/utils';
import { badRequest } from './errors';
import { LIBRARY_IMAGE_VARIANTS, LIBRARY_LIMITS, type LibraryKind, type LibrarySlot } from './library';
import { wordsOf } from './search';
import { toMediaFile, type StoredMediaState, type StoredStream } from './media-file';
import type { LibraryItem, LibraryItemPosition, MediaFile } from '../types/schema';

/** A library item as the user table stores it (`USER#<sub>` / `LIBRARY#<itemId>`). */
export interface StoredLibraryItem {
  itemId: string;
  kind: LibraryKind;
  title: string;
  description: string;
  tags: string[];
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadId: string;
  /** Processing state, written by the pipeline (functions/media) in the same shape as catalog media. */
  media: Partial<Record<LibrarySlot, StoredMediaState>>;
  /** Video and audio, once READY. */
  stream?: StoredStream | null;
  /**
   * Image, once READY: the large WebP variant (the thumbnail is next to it). Video: its poster frame's, set
   * while the stream is encoded (offered once READY).
   */
  imageKey?: string | null;
  durationSeconds?: number | null;
  /** Video and audio: the owner's place in it (`saveLibraryItemPosition`), absent before any save. */
  position?: StoredLibraryPosition;
  createdAt: string;
  updatedAt: string;
  /**
   * The searchable fields' words as search folds them (`wordsOf`, joined by spaces), written with the fields so
   * `searchMyLibrary` does not fold 500 descriptions per search. Absent on items written before; search folds
   * those itself.
   */
  searchTitle?: string;
  searchTags?: string;
  searchDescription?: string;
}

/** The folded words to store next to the searchable fields being written (only those given). */
export function searchableWords(fields: {
  title?: string;
  tags?: string[];
  description?: string;
}): Pick<StoredLibraryItem, 'searchTitle' | 'searchTags' | 'searchDescription'> {
  const words: Pick<StoredLibraryItem, 'searchTitle' | 'searchTags' | 'searchDescription'> = {};
  if (fields.title !== undefined) words.searchTitle = wordsOf(fields.title).join(' ');
  if (fields.tags !== undefined) words.searchTags = wordsOf(fields.tags.join(' ')).join(' ');
  if (fields.description !== undefined) words.searchDescription = wordsOf(fields.description).join(' ');
  return words;
}

/** The `position` map of a library item. */
export interface StoredLibraryPosition {
  positionSeconds: number;
  watched: boolean;
  clientTime: string;
  /** `clientTime` as a number, the value saves are ordered by. */
  clientTimeMs: number;
  updatedAt: string;
}

export interface StoredLibraryUsage {
  itemCount?: number;
  byteCount?: number;
}

export function toLibraryItem(item: StoredLibraryItem): LibraryItem {
  const state = libraryMediaState(item);
  return {
    id: item.itemId,
    kind: item.kind,
    title: item.title,
    description: item.description,
    tags: item.tags,
    fileName: item.fileName,
    contentType: item.contentType,
    sizeBytes: item.sizeBytes,
    media: toMediaFile(state) as MediaFile,
    durationSeconds: item.stream ? item.stream.durationSeconds : null,
    position: toLibraryItemPosition(item.position),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

export function toLibraryItemPosition(
  position: StoredLibraryPosition | null | undefined,
): LibraryItemPosition | null {
  if (!position) return null;
  return {
    positionSeconds: position.positionSeconds,
    watched: position.watched,
    clientTime: position.clientTime,
    updatedAt: position.updatedAt,
  };
}

/** errorType of playing or showing what is not READY yet (as `playback`). */
const MEDIA_NOT_READY = 'MediaNotReady';

/** Refuses a request that needs a READY item, saying why it is not (still processing, or failed and why). */
/** The processing state of the item's one upload (a library item has a single slot). */
export function libraryMediaState(item: StoredLibraryItem): StoredMediaState | undefined {
  return Object.values(item.media ?? {})[0];
}

export function refuseNotReady(item: StoredLibraryItem): never {
  const state = libraryMediaState(item);
  const reason = state && state.status === 'FAILED' && state.reason ? ` (${state.reason})` : '';
  return util.error(
    state && state.status === 'FAILED'
      ? `The file could not be processed${reason}. Delete the item and upload the file again.`
      : `The item is not ready yet: it is ${state ? state.status : 'UPLOADED'}.`,
    MEDIA_NOT_READY,
  );
}

export function requireTitle(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length < 1 || text.length > LIBRARY_LIMITS.maxTitleLength) {
    badRequest(`title must be 1–${LIBRARY_LIMITS.maxTitleLength} characters.`);
  }
  return text;
}

export function requireDescription(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length > LIBRARY_LIMITS.maxDescriptionLength) {
    badRequest(`description must be at most ${LIBRARY_LIMITS.maxDescriptionLength} characters.`);
  }
  return text;
}

/** Lower-cased, trimmed, repeats dropped; too many or too long is refused (never silently cut). */
export function requireTags(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const raw = value as string[];
  if (raw.length > LIBRARY_LIMITS.maxTags) badRequest(`At most ${LIBRARY_LIMITS.maxTags} tags are allowed.`);
  const tags: string[] = [];
  raw.forEach((tag) => {
    const text = typeof tag === 'string' ? tag.trim().toLowerCase() : '';
    if (text.length < 1 || text.length > LIBRARY_LIMITS.maxTagLength) {
      badRequest(`Each tag must be 1–${LIBRARY_LIMITS.maxTagLength} characters.`);
    }
    if (tags.indexOf(text) < 0) tags.push(text);
  });
  return tags;
}

export function requireFileName(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (
    text.length < 1 ||
    text.length > LIBRARY_LIMITS.maxFileNameLength ||
    text.indexOf('/') >= 0 ||
    text.indexOf('\\') >= 0
  ) {
    badRequest(`fileName must be 1–${LIBRARY_LIMITS.maxFileNameLength} characters without '/' or '\\'.`);
  }
  return text;
}

/** The variants of a READY photo or video frame: `imageKey` is the large one; the thumbnail is next to it. */
export function libraryImageKeys(imageKey: string): { thumbnailKey: string; largeKey: string } {
  const folder = imageKey.slice(0, imageKey.lastIndexOf('/') + 1);
  return { thumbnailKey: `${folder}${LIBRARY_IMAGE_VARIANTS.thumbnail}.webp`, largeKey: imageKey };
}
