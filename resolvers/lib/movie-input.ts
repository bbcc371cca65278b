import { badRequest } from './errors';
import { requireInt, requireText } from './validate';

export const MAX_GENRES = 5;
export const TITLE_MAX = 200;
export const SYNOPSIS_MAX = 2000;

export interface MovieFields {
  title: string;
  synopsis: string;
  year: number;
  genres: string[];
  maturityRating: string;
  durationSeconds: number;
}

export function validGenres(genres: unknown): string[] {
  const list = Array.isArray(genres) ? (genres as string[]) : [];
  if (list.length < 1 || list.length > MAX_GENRES) badRequest(`genres must list 1–${MAX_GENRES} genres.`);
  const distinct: string[] = [];
  for (const genre of list) {
    if (distinct.indexOf(genre) >= 0) badRequest(`genres must not repeat ${genre}.`);
    distinct.push(genre);
  }
  return distinct;
}

/** Validates a full set of movie fields (create, or update merged over the stored title). */
export function validMovieFields(input: Record<string, unknown>): MovieFields {
  return {
    title: requireText(input.title, 'title', TITLE_MAX),
    synopsis: requireText(input.synopsis, 'synopsis', SYNOPSIS_MAX),
    year: requireInt(input.year, 'year', 1888, 2100),
    genres: validGenres(input.genres),
    maturityRating: String(input.maturityRating),
    durationSeconds: requireInt(input.durationSeconds, 'durationSeconds', 1, 86400),
  };
}

/** Values of `next` missing from `previous`. */
export function added(previous: string[], next: string[]): string[] {
  return next.filter((value) => previous.indexOf(value) < 0);
}
