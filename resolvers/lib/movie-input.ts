import { badRequest } from './errors';
import { requireInt, requireText } from './validate';

export const MAX_GENRES = 5;
export const TITLE_MAX = 200;
export const SYNOPSIS_MAX = 2000;
export const MAX_TAGS = 20;
export const TAG_MAX = 40;
export const MAX_CAST = 30;
export const MAX_DIRECTORS = 5;
export const NAME_MAX = 100;

export interface MovieFields {
  title: string;
  synopsis: string;
  year: number;
  genres: string[];
  maturityRating: string;
  durationSeconds: number;
  tags: string[];
  cast: string[];
  directors: string[];
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

/**
 * A list of short texts (tags, names): absent means none; each is trimmed, 1–`maxLength` characters, and appears
 * once (ignoring case).
 */
export function validTextList(value: unknown, name: string, maxCount: number, maxLength: number): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? (value as unknown[]) : [];
  if (!Array.isArray(value) || list.length > maxCount)
    badRequest(`${name} must list at most ${maxCount} entries.`);
  const distinct: string[] = [];
  const seen: string[] = [];
  for (const entry of list) {
    const text = requireText(entry, `each of ${name}`, maxLength);
    if (seen.indexOf(text.toLowerCase()) >= 0) badRequest(`${name} must not repeat ${text}.`);
    seen.push(text.toLowerCase());
    distinct.push(text);
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
    tags: validTextList(input.tags, 'tags', MAX_TAGS, TAG_MAX),
    cast: validTextList(input.cast, 'cast', MAX_CAST, NAME_MAX),
    directors: validTextList(input.directors, 'directors', MAX_DIRECTORS, NAME_MAX),
  };
}

/** Values of `next` missing from `previous`. */
export function added(previous: string[], next: string[]): string[] {
  return next.filter((value) => previous.indexOf(value) < 0);
}
