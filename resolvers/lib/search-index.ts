import type { LambdaRequest } from '@aws-appsync/utils';
import type { MovieFields } from './movie-input';
import type { SearchableFields } from './search';

/** What the search function indexes of a title: its searchable text and the fields search filters on. */
export interface IndexedTitle extends SearchableFields {
  year: number;
  maturityRating: string;
  genres: string[];
}

/** A title's index change: `before` null for a new title, `after` null for a deleted one. */
export interface SearchIndexChange {
  movieId: string;
  before: IndexedTitle | null;
  after: IndexedTitle | null;
}

/** Filters of a search, as the search function takes them. */
export interface SearchFilterInput {
  genres?: string[] | null;
  yearFrom?: number | null;
  yearTo?: number | null;
  maturityRatings?: string[] | null;
}

export interface SearchRequest {
  words: string[];
  filter: SearchFilterInput;
  limit: number;
  nextToken?: string;
}

/** One result of the search function: the title and its rank (index into `SEARCH_FIELDS`). */
export interface RankedHit {
  movieId: string;
  rank: number;
}

/** The search function's answer: a page, or the problem with the request (a bad `nextToken`). */
export type SearchAnswer = { hits: RankedHit[]; nextToken: string | null } | { problem: string };

/** The event the search function takes (functions/search/handler.ts). */
export type SearchFunctionEvent =
  ({ action: 'index' } & SearchIndexChange) | ({ action: 'search' } & SearchRequest);

/** Credits are optional on stored titles: those written before credits existed have none. */
type StoredMovieFields = Omit<MovieFields, 'tags' | 'cast' | 'directors'> &
  Partial<Pick<MovieFields, 'tags' | 'cast' | 'directors'>>;

export function indexedTitle(fields: StoredMovieFields): IndexedTitle {
  return {
    title: fields.title,
    synopsis: fields.synopsis,
    tags: fields.tags ?? [],
    cast: fields.cast ?? [],
    directors: fields.directors ?? [],
    year: fields.year,
    maturityRating: fields.maturityRating,
    genres: fields.genres,
  };
}

export function searchFunctionRequest(event: SearchFunctionEvent): LambdaRequest {
  return { operation: 'Invoke', payload: event };
}
