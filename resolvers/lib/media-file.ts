import type { MediaFile } from '../types/schema';

/** An uploaded file's metadata as items store it (movie items also keep the S3 key). */
export interface StoredMediaFile {
  contentType: string;
  sizeBytes: number;
  updatedAt: string;
}

/** The API's `MediaFile`: only the public metadata, never the object key. */
export function toMediaFile(file: StoredMediaFile | null | undefined): MediaFile | null {
  return file
    ? { contentType: file.contentType, sizeBytes: file.sizeBytes, updatedAt: file.updatedAt }
    : null;
}
