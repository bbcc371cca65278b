import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { fieldPrefixes, searchDocument, type SearchDocument } from '../../resolvers/lib/search';
import type { IndexedTitle } from '../../resolvers/lib/search-index';

/** Attribute names of a search item's stored words, one per field in SEARCH_FIELDS order. */
export const DOCUMENT_ATTRIBUTES = ['t', 'g', 'c', 'd'] as const;

export interface IndexKey {
  pk: string;
  sk: string;
}

/**
 * Within a partition, items sort by field rank, then newest release year first, then title id: a Query reads them
 * in the order results are ranked, so a page continues from the last key it returned.
 */
export function rankKey(rank: number, year: number, movieId: string): string {
  return `${rank}#${String(9999 - year).padStart(4, '0')}#${movieId}`;
}

export function termPartition(prefix: string): string {
  return `TERM#${prefix}`;
}

/** One key per (prefix, field) of the title: the field's words under that prefix. */
export function indexKeys(movieId: string, title: IndexedTitle): IndexKey[] {
  const keys: IndexKey[] = [];
  searchDocument(title).forEach((fieldWords, rank) => {
    for (const prefix of fieldPrefixes(fieldWords, rank))
      keys.push({ pk: termPartition(prefix), sk: rankKey(rank, title.year, movieId) });
  });
  return keys;
}

const strings = (values: string[]): AttributeValue => ({ L: values.map((value) => ({ S: value })) });

/**
 * Every item of a title carries all its words and filter fields, so one Query answers a search without reading
 * the titles: other search words and the filters are checked on the item itself.
 */
export function indexItems(movieId: string, title: IndexedTitle): Record<string, AttributeValue>[] {
  const doc = searchDocument(title);
  const shared: Record<string, AttributeValue> = {
    movieId: { S: movieId },
    year: { N: String(title.year) },
    rating: { S: title.maturityRating },
    genres: strings(title.genres),
  };
  DOCUMENT_ATTRIBUTES.forEach((name, rank) => {
    shared[name] = strings(doc[rank] as string[]);
  });
  return indexKeys(movieId, title).map((key) => ({ pk: { S: key.pk }, sk: { S: key.sk }, ...shared }));
}

/** A search item as read back. */
export interface StoredSearchItem {
  pk: string;
  sk: string;
  movieId: string;
  year: number;
  rating: string;
  genres: string[];
  doc: SearchDocument;
}

const listOf = (value: AttributeValue | undefined): string[] =>
  (value?.L ?? []).map((entry) => entry.S ?? '');

export function readSearchItem(item: Record<string, AttributeValue>): StoredSearchItem {
  return {
    pk: item.pk?.S ?? '',
    sk: item.sk?.S ?? '',
    movieId: item.movieId?.S ?? '',
    year: Number(item.year?.N ?? '0'),
    rating: item.rating?.S ?? '',
    genres: listOf(item.genres),
    doc: DOCUMENT_ATTRIBUTES.map((name) => listOf(item[name])) as SearchDocument,
  };
}
