import type { MediaFile, MediaStatus, Stream } from '../types/schema';

/**
 * The processing state of the latest upload of one media kind, as catalog items store it under `media.<kind>`
 * (written by `requestUploadUrl` and by the processing functions in functions/media).
 */
export interface StoredMediaState {
  uploadId: string;
  status: MediaStatus;
  reason?: string | null;
  chunksDone?: number;
  chunksTotal?: number;
  sizeBytes: number;
  contentType: string;
  /** The S3 event sequencer of the source object that was processed (idempotency), once it arrived. */
  sequencer?: string | null;
  updatedAt: string;
}

/** The state a new upload starts in: UPLOADED, nothing processed yet (its S3 event has not arrived). */
export function uploadedState(
  uploadId: string,
  file: { sizeBytes: number; contentType: string },
  now: string,
): StoredMediaState {
  return {
    uploadId,
    status: 'UPLOADED',
    reason: null,
    chunksDone: 0,
    chunksTotal: 0,
    sizeBytes: file.sizeBytes,
    contentType: file.contentType,
    sequencer: null,
    updatedAt: now,
  };
}

/** `media` of a catalog item: one state per kind (`video` only on trailer items). */
export interface StoredMedia {
  video?: StoredMediaState | null;
  poster?: StoredMediaState | null;
  backdrop?: StoredMediaState | null;
}

/** The currently playable stream, written only on READY (the contract in docs/api.md). */
export type StoredStream = Omit<Stream, '__typename'>;

/** The API's `MediaFile`: the status and public metadata, never the storage key. */
export function toMediaFile(state: StoredMediaState | null | undefined): MediaFile | null {
  return state
    ? {
        uploadId: state.uploadId,
        contentType: state.contentType,
        sizeBytes: state.sizeBytes,
        status: state.status,
        reason: state.reason ?? null,
        chunksDone: state.chunksDone ?? 0,
        chunksTotal: state.chunksTotal ?? 0,
        updatedAt: state.updatedAt,
      }
    : null;
}

export function toStream(stream: StoredStream | null | undefined): Stream | null {
  return stream ?? null;
}
