import type { Trailer } from '../types/schema';
import { toMediaFile, type StoredMediaFile } from './media-file';

export interface TrailerItem {
  id: string;
  movieId: string;
  title: string;
  durationSeconds: number;
  video?: StoredMediaFile | null;
  createdAt: string;
}

export function toTrailer(item: TrailerItem): Trailer {
  return {
    id: item.id,
    movieId: item.movieId,
    title: item.title,
    durationSeconds: item.durationSeconds,
    video: toMediaFile(item.video),
    createdAt: item.createdAt,
  };
}

export const TRAILER_MAX_SECONDS = 3600;
