import type { Movie, MovieConnection, PlaybackPosition } from '../types/schema';
import { imageUrl } from './images';
import { toMediaFile, toStream, type StoredMedia, type StoredStream } from './media-file';
import type { MovieFields } from './movie-input';

/** A title as stored in the catalog table. */
export interface MovieItem extends Omit<MovieFields, 'tags' | 'cast' | 'directors'> {
  /** Absent on titles stored before credits existed. */
  tags?: string[];
  cast?: string[];
  directors?: string[];
  pk: string;
  sk: string;
  id: string;
  posterKey?: string | null;
  backdropKey?: string | null;
  /** A pre-pipeline upload's file (played by `playbackUrl` until private HLS delivery replaces it). */
  video?: { key: string } | null;
  media?: StoredMedia | null;
  stream?: StoredStream | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A viewer's state for one title, as stored in the user table. */
export interface ViewerTitleItem {
  pk: string;
  sk: string;
  movieId: string;
  ownerId: string;
  positionSeconds?: number;
  durationSeconds?: number;
  watched?: boolean;
  hidden?: boolean;
  clientTime?: string;
  clientTimeMs?: number;
  deviceId?: string;
  savedAt?: string;
  inMyList?: boolean;
}

/** The movie fields resolved from the item; `trailers` has its own resolver. */
export type MovieResult = Omit<Movie, 'trailers'>;

/** A `MovieConnection` whose movies are `MovieResult`s. */
export type MovieConnectionResult = Omit<MovieConnection, 'items'> & { items: MovieResult[] };

export function toPosition(item: ViewerTitleItem | null | undefined): PlaybackPosition | null {
  if (!item || typeof item.clientTimeMs !== 'number') return null;
  return {
    ownerId: item.ownerId,
    movieId: item.movieId,
    positionSeconds: item.positionSeconds ?? 0,
    durationSeconds: item.durationSeconds ?? 0,
    watched: !!item.watched,
    hiddenFromContinueWatching: !!item.hidden,
    clientTime: item.clientTime ?? '',
    deviceId: item.deviceId ? item.deviceId : null,
    savedAt: item.savedAt ?? '',
  };
}

/** `imagesBaseUrl` is where posters and backdrops are served (see `lib/images`). */
export function toMovie(
  item: MovieItem,
  viewer: ViewerTitleItem | null | undefined,
  imagesBaseUrl: string,
): MovieResult {
  return {
    id: item.id,
    title: item.title,
    synopsis: item.synopsis,
    year: item.year,
    genres: item.genres as Movie['genres'],
    maturityRating: item.maturityRating as Movie['maturityRating'],
    durationSeconds: item.durationSeconds,
    // Titles stored before credits existed have none.
    tags: item.tags ?? [],
    cast: item.cast ?? [],
    directors: item.directors ?? [],
    posterUrl: imageUrl(imagesBaseUrl, item.posterKey),
    backdropUrl: imageUrl(imagesBaseUrl, item.backdropKey),
    video: toMediaFile(item.media?.video),
    poster: toMediaFile(item.media?.poster),
    backdrop: toMediaFile(item.media?.backdrop),
    stream: toStream(item.stream),
    myPosition: toPosition(viewer),
    inMyList: !!viewer?.inMyList,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
