import type { SearchHighlight, SearchResult } from '../types/schema';
import type { MovieResult } from './movies';
import { matchingWords, SEARCH_FIELDS } from './search';

/** A search result whose movie is a `MovieResult` (its `trailers` resolve per title). */
export type SearchResultItem = Omit<SearchResult, 'movie'> & { movie: MovieResult };

function fieldTexts(movie: MovieResult): string[][] {
  return [[movie.title], movie.tags, movie.cast.concat(movie.directors), [movie.synopsis]];
}

/**
 * The fields that the search words matched, with the matching words as written. `texts` holds each field's
 * texts in `SEARCH_FIELDS` order (empty for a field a document lacks).
 */
export function highlightsOfFields(texts: string[][], searchWords: string[]): SearchHighlight[] {
  const highlights: SearchHighlight[] = [];
  texts.forEach((fieldTexts, rank) => {
    const words = matchingWords(fieldTexts, rank, searchWords);
    if (words.length > 0) highlights.push({ field: SEARCH_FIELDS[rank] as SearchHighlight['field'], words });
  });
  return highlights;
}

/** The fields of the title that the search words matched, with the matching words as written. */
export function highlightsOf(movie: MovieResult, searchWords: string[]): SearchHighlight[] {
  return highlightsOfFields(fieldTexts(movie), searchWords);
}

export function searchResult(movie: MovieResult, rank: number, searchWords: string[]): SearchResultItem {
  return {
    movie,
    matchedField: SEARCH_FIELDS[rank] as SearchResult['matchedField'],
    highlights: highlightsOf(movie, searchWords),
  };
}
