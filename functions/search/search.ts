import { QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { bestFieldRank, indexPrefix } from '../../resolvers/lib/search';
import type {
  RankedHit,
  SearchAnswer,
  SearchFilterInput,
  SearchRequest,
} from '../../resolvers/lib/search-index';
import { readSearchItem, termPartition, type StoredSearchItem } from './index-items';
import { decodePageToken, encodePageToken, searchFingerprint } from './page-token';

/**
 * Items per Query: the first read of a partition is small (most searches fill their page from it), later ones
 * larger, so a search that must read far into a partition makes fewer round trips (400 items of ~400 bytes stay
 * well under Query's 1 MB page).
 */
const FIRST_QUERY_SIZE = 100;
const LATER_QUERY_SIZE = 400;
/**
 * A call stops after reading this many items even if its page is not full (a rare word combined with a filter
 * that almost nothing passes); the page then ends with a `nextToken` that continues where it stopped.
 */
export const MAX_ITEMS_READ = 20_000;

export interface SearchDependencies {
  dynamodb: DynamoDBClient;
  table: string;
}

/** One index partition being read in key order. */
interface PartitionReader {
  prefix: string;
  buffer: StoredSearchItem[];
  startKey?: Record<string, AttributeValue>;
  done: boolean;
  /** The key of the last item taken from this partition. */
  lastKey: string;
}

function passesFilter(item: StoredSearchItem, filter: SearchFilterInput): boolean {
  if (filter.yearFrom !== null && filter.yearFrom !== undefined && item.year < filter.yearFrom) return false;
  if (filter.yearTo !== null && filter.yearTo !== undefined && item.year > filter.yearTo) return false;
  if (filter.maturityRatings && filter.maturityRatings.indexOf(item.rating) < 0) return false;
  if (filter.genres && !filter.genres.some((genre) => item.genres.indexOf(genre) >= 0)) return false;
  return true;
}

/**
 * A title's items appear in every partition of a word it matches, once per field; exactly one of them answers the
 * search: the one in the title's rank (its best-ranked field any word matched), in the partition of the first
 * word that matched there. Every other item of the title is skipped, so each title comes once, at its rank.
 */
export function answeringRank(
  item: StoredSearchItem,
  prefix: string,
  words: string[],
  filter: SearchFilterInput,
): number | null {
  if (!passesFilter(item, filter)) return null;
  const ranks = words.map((word) => bestFieldRank(item.doc, word));
  if (ranks.some((rank) => rank < 0)) return null;
  const rank = Math.min(...ranks);
  if (Number(item.sk.split('#')[0]) !== rank) return null;
  return indexPrefix(words[ranks.indexOf(rank)] as string) === prefix ? rank : null;
}

async function refill(
  deps: SearchDependencies,
  reader: PartitionReader,
  after: string | null,
): Promise<number> {
  if (reader.buffer.length > 0 || reader.done) return 0;
  const continuing = reader.startKey !== undefined || after === null;
  const page = await deps.dynamodb.send(
    new QueryCommand({
      TableName: deps.table,
      KeyConditionExpression: continuing ? 'pk = :pk' : 'pk = :pk AND sk > :after',
      ExpressionAttributeValues: {
        ':pk': { S: termPartition(reader.prefix) },
        ...(continuing ? {} : { ':after': { S: after as string } }),
      },
      Limit: reader.startKey ? LATER_QUERY_SIZE : FIRST_QUERY_SIZE,
      ...(reader.startKey ? { ExclusiveStartKey: reader.startKey } : {}),
    }),
  );
  reader.buffer = (page.Items ?? []).map(readSearchItem);
  reader.startKey = page.LastEvaluatedKey;
  reader.done = !page.LastEvaluatedKey;
  return reader.buffer.length;
}

/**
 * Every result matches every word, so it has an item in each word's partition at or after its answering key.
 * Once any partition is read to its end, and the others have nothing left at or before its last key, no result
 * is left to find.
 */
function finished(readers: PartitionReader[]): boolean {
  const heads = readers.filter((reader) => reader.buffer.length > 0).map((reader) => reader.buffer[0]!.sk);
  return readers.some(
    (reader) => reader.done && reader.buffer.length === 0 && heads.every((head) => head > reader.lastKey),
  );
}

function nextReader(readers: PartitionReader[]): PartitionReader {
  let best = readers[0]!;
  for (const reader of readers) {
    const head = reader.buffer[0];
    const bestHead = best.buffer[0];
    if (head && (!bestHead || head.sk < bestHead.sk)) best = reader;
  }
  return best;
}

/**
 * Merges the words' index partitions in rank-key order until the page plus one more result is found (so a page is
 * full unless it is the last), and continues a later page after the key of the previous page's last result.
 */
export async function searchIndex(deps: SearchDependencies, request: SearchRequest): Promise<SearchAnswer> {
  const fingerprint = searchFingerprint(request.words, request.filter);
  const after = request.nextToken ? decodePageToken(request.nextToken, fingerprint) : null;
  if (request.nextToken && after === null)
    return {
      problem:
        'nextToken is not valid for this list: pass the nextToken of the previous page of the same search (same query and filter), or leave it out to start from the first page.',
    };
  const prefixes = request.words
    .map(indexPrefix)
    .filter((prefix, index, all) => all.indexOf(prefix) === index);
  const readers: PartitionReader[] = prefixes.map((prefix) => ({
    prefix,
    buffer: [],
    done: false,
    lastKey: after ?? '',
  }));
  const found: (RankedHit & { key: string })[] = [];
  let itemsRead = 0;
  let position = after;
  while (found.length <= request.limit && itemsRead < MAX_ITEMS_READ) {
    const counts = await Promise.all(readers.map((reader) => refill(deps, reader, after)));
    itemsRead += counts.reduce((sum, count) => sum + count, 0);
    if (finished(readers)) break;
    const reader = nextReader(readers);
    const item = reader.buffer.shift() as StoredSearchItem;
    reader.lastKey = item.sk;
    position = item.sk;
    const rank = answeringRank(item, reader.prefix, request.words, request.filter);
    if (rank !== null) found.push({ movieId: item.movieId, rank, key: item.sk });
  }
  const page = found.slice(0, request.limit);
  const more = found.length > request.limit || (itemsRead >= MAX_ITEMS_READ && !finished(readers));
  const lastKey = found.length > request.limit ? page[page.length - 1]!.key : position;
  return {
    hits: page.map(({ movieId, rank }) => ({ movieId, rank })),
    nextToken: more && lastKey ? encodePageToken(lastKey, fingerprint) : null,
  };
}
