import type { Trailer } from '../types/schema';

export interface TrailerItem {
  id: string;
  movieId: string;
  title: string;
  durationSeconds: number;
  video?: { contentType: string; sizeBytes: number; updatedAt: string } | null;
  createdAt: string;
}

export function toTrailer(item: TrailerItem): Trailer {
  return {
    id: item.id,
    movieId: item.movieId,
    title: item.title,
    durationSeconds: item.durationSeconds,
    video: item.video
      ? {
          contentType: item.video.contentType,
          sizeBytes: item.video.sizeBytes,
          updatedAt: item.video.updatedAt,
        }
      : null,
    createdAt: item.createdAt,
  };
}

export const TRAILER_MAX_SECONDS = 3600;
