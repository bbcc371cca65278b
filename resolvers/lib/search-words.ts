import { util } from '@aws-appsync/utils';
import { badRequest } from './errors';
import { wordsOf } from './search';
import { requireText } from './validate';

/** Java regex (util.matches): a word with at least one letter or digit of any script. */
const HAS_LETTER_OR_DIGIT = '.*[\\p{L}\\p{N}].*';

/**
 * The words of search text that can match: emoji and symbols alone are dropped (`zorblat 🎬` searches `zorblat`).
 * Refuses text that leaves none.
 */
export function searchWords(query: unknown): string[] {
  const text = requireText(query, 'query', 100);
  const words = wordsOf(text).filter((word) => util.matches(HAS_LETTER_OR_DIGIT, word));
  if (words.length === 0) badRequest('query must contain at least one letter or digit.');
  return words;
}

/** Search words beyond this many are refused (each is one index partition to merge in catalog search). */
export const MAX_SEARCH_WORDS = 8;

/** The words of a search query (`searchMovies`, `searchMyLibrary`): as `searchWords`, at most `MAX_SEARCH_WORDS`. */
export function searchQueryWords(query: unknown): string[] {
  const words = searchWords(query);
  if (words.length > MAX_SEARCH_WORDS) badRequest(`query must have at most ${MAX_SEARCH_WORDS} words.`);
  return words;
}
