import { extensions } from '@aws-appsync/utils';
import type { Trailer } from '../types/schema';
import { toMediaFile, toStream, type StoredMedia, type StoredStream } from './media-file';

export interface TrailerItem {
  id: string;
  movieId: string;
  title: string;
  durationSeconds: number;
  media?: StoredMedia | null;
  stream?: StoredStream | null;
  createdAt: string;
}

export function toTrailer(item: TrailerItem): Trailer {
  return {
    id: item.id,
    movieId: item.movieId,
    title: item.title,
    durationSeconds: item.durationSeconds,
    video: toMediaFile(item.media?.video),
    stream: toStream(item.stream),
    createdAt: item.createdAt,
  };
}

export const TRAILER_MAX_SECONDS = 3600;

/**
 * Drops the cached `Movie.trailers` of one title (its caching key is `$context.source.id`, see
 * infra/lib/appsync/resolver-table.ts), so the next read after an admin change runs fresh. Mutations only.
 */
export function evictCachedTrailers(movieId: string): void {
  extensions.evictFromApiCache('Movie', 'trailers', { 'context.source.id': movieId });
}
