import type { MovieResult } from './movies';

/** A connection page from the list built by `loadMoviesForViewer` and the token the listing step kept. */
export function moviePage(
  items: unknown,
  pageToken: unknown,
): { items: MovieResult[]; nextToken: string | null } {
  return {
    items: (items as MovieResult[] | null) ?? [],
    nextToken: (pageToken as string | null | undefined) ?? null,
  };
}
