import { util } from '@aws-appsync/utils';
import { invalidNextToken } from './errors';
import type { StoredLibraryItem } from './library-item';
import { toLibraryItem } from './library-item';
import { SEARCH_FIELDS, searchWordReaches, wordsOf } from './search';
import { highlightsOfFields } from './search-results';
import type { LibrarySearchResult } from '../types/schema';

/**
 * Library search ranks in the resolver: a library holds at most 500 items, all in the caller's partition, so the
 * pipeline reads them (queryLibraryForSearch) and this module ranks and pages them with the catalog's words.
 */

/** Where a page ends: the last result's rank and item id (pages continue strictly after it). */
interface PagePosition {
  rank: number;
  itemId: string;
}

interface RankedItem extends PagePosition {
  item: StoredLibraryItem;
}

function itemTexts(item: StoredLibraryItem): string[][] {
  return [[item.title], item.tags, [], [item.description]];
}

/** The item's folded words per `SEARCH_FIELDS` rank, space-joined: stored with the item, or folded now. */
function foldedFields(item: StoredLibraryItem): string[] {
  const folded = (stored: string | undefined, texts: string[]) =>
    typeof stored === 'string' ? stored : wordsOf(texts.join(' ')).join(' ');
  return [
    folded(item.searchTitle, [item.title]),
    folded(item.searchTags, item.tags),
    '',
    folded(item.searchDescription, [item.description]),
  ];
}

/** Whether the search word is a prefix of a word of the field: `fieldMatches` on space-joined words. */
function foldedFieldMatches(foldedWords: string, rank: number, searchWord: string): boolean {
  if (foldedWords.length === 0) return false;
  if (!searchWordReaches(rank, searchWord)) return false;
  return ` ${foldedWords}`.indexOf(` ${searchWord}`) >= 0;
}

/**
 * The item's rank (the best field any search word matched), or -1 unless every word matches some field: the
 * earliest field where a word matched, once every word matched somewhere.
 */
export function libraryRank(item: StoredLibraryItem, searchWords: string[]): number {
  let rank = -1;
  let unmatched = searchWords;
  foldedFields(item).forEach((foldedWords, fieldRank) => {
    if (unmatched.length === 0) return;
    const stillUnmatched = unmatched.filter((word) => !foldedFieldMatches(foldedWords, fieldRank, word));
    if (rank < 0 && stillUnmatched.length < unmatched.length) rank = fieldRank;
    unmatched = stillUnmatched;
  });
  return unmatched.length === 0 ? rank : -1;
}

/**
 * Matching items, best rank first, then newest first. `newestFirst` comes from the Query (item ids are ULIDs, read
 * in descending order), so bucketing by rank keeps recency without sorting.
 */
export function rankItems(newestFirst: StoredLibraryItem[], searchWords: string[]): RankedItem[] {
  // One bucket per SEARCH_FIELDS rank.
  const buckets: RankedItem[][] = [[], [], [], []];
  for (const item of newestFirst) {
    const rank = libraryRank(item, searchWords);
    if (rank >= 0) buckets[rank]?.push({ rank, itemId: item.itemId, item });
  }
  let ranked: RankedItem[] = [];
  for (const bucket of buckets) ranked = ranked.concat(bucket);
  return ranked;
}

function isAfter(ranked: PagePosition, position: PagePosition): boolean {
  return ranked.rank > position.rank || (ranked.rank === position.rank && ranked.itemId < position.itemId);
}

export function encodePagePosition(position: PagePosition): string {
  return util.base64Encode(`library-search:${position.rank}:${position.itemId}`);
}

/** The position a `nextToken` of this search names; any other text is refused as a named error. */
export function decodePagePosition(nextToken: string): PagePosition {
  const parts = util.base64Decode(nextToken).split(':');
  const rank = Number(parts[1]);
  const itemId = parts[2] ?? '';
  const wellFormed =
    parts.length === 3 &&
    parts[0] === 'library-search' &&
    util.matches('[0-9]', parts[1] ?? '') &&
    rank < SEARCH_FIELDS.length &&
    util.matches('[A-Za-z0-9_-]{1,64}', itemId);
  if (!wellFormed) invalidNextToken();
  return { rank, itemId };
}

/** One page after `after` (from the start when null): full unless it is the last. */
export function libraryPage(
  ranked: RankedItem[],
  after: PagePosition | null,
  limit: number,
  searchWords: string[],
): { items: LibrarySearchResult[]; nextToken: string | null } {
  const rest = after ? ranked.filter((entry) => isAfter(entry, after)) : ranked;
  const page = rest.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((entry) => ({
      item: toLibraryItem(entry.item),
      matchedField: SEARCH_FIELDS[entry.rank] as LibrarySearchResult['matchedField'],
      highlights: highlightsOfFields(itemTexts(entry.item), searchWords),
    })),
    nextToken: rest.length > limit && last ? encodePagePosition(last) : null,
  };
}
