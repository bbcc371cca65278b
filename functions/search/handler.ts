import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SearchAnswer, SearchFunctionEvent } from '../../resolvers/lib/search-index';
import { indexTitle } from './index-title';
import { searchIndex } from './search';

const dynamodb = new DynamoDBClient({});

function catalogTable(): string {
  const table = process.env.CATALOG_TABLE;
  if (!table) throw new Error('CATALOG_TABLE must be set.');
  return table;
}

function parse(event: unknown): SearchFunctionEvent {
  const value = event as Partial<SearchFunctionEvent> | null;
  if (value?.action === 'index' && typeof value.movieId === 'string') return value as SearchFunctionEvent;
  if (
    value?.action === 'search' &&
    Array.isArray(value.words) &&
    value.words.every((word) => typeof word === 'string' && word.length > 0) &&
    typeof value.limit === 'number'
  )
    return { ...value, filter: value.filter ?? {} } as SearchFunctionEvent;
  throw new Error(
    "Expected { action: 'index', movieId, before, after } or { action: 'search', words, limit }.",
  );
}

/** The catalog's search index: kept by the title mutations (`index`), read by `searchMovies` (`search`). */
export async function handler(event: unknown): Promise<SearchAnswer | { written: number }> {
  const request = parse(event);
  const deps = { dynamodb, table: catalogTable() };
  if (request.action === 'index') return { written: await indexTitle(deps, request) };
  return searchIndex(deps, request);
}
