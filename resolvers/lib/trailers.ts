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
