import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { genreItems, putItem } from '../lib/catalog-writes';
import { raiseDataSourceError } from '../lib/errors';
import { CATALOG_PARTITION, movieKey } from '../lib/keys';
import type { MovieFields } from '../lib/movie-input';
import type { MovieItem } from '../lib/movies';
import { indexedTitle } from '../lib/search-index';
import { failedTransactItem, liveSessionCheck } from '../lib/session';
import { catalogTable } from '../lib/tables';
import type { SearchIndexStash } from './indexForSearch';

export interface NewMovieStash extends SearchIndexStash {
  /** The validated fields of the new title. */
  fields: MovieFields;
  created?: MovieItem;
}

/** Writes the title and its genre-row items in one transaction (with the caller's session check). */
export function request(ctx: Context<unknown, NewMovieStash>): DynamoDBTransactWriteItemsRequest {
  const fields = ctx.stash.fields;
  const id = util.autoId();
  const now = util.time.nowISO8601();
  const table = catalogTable(ctx);
  const item: MovieItem = { ...movieKey(id), id, ...fields, createdAt: now, updatedAt: now, version: 1 };
  ctx.stash.created = item;
  const titleItem = putItem(table, movieKey(id), {
    ...item,
    gsi1pk: CATALOG_PARTITION,
    gsi1sk: `${now}#${id}`,
  });
  titleItem.condition = { expression: 'attribute_not_exists(pk)' };
  const transactItems = [liveSessionCheck(ctx), titleItem].concat(
    genreItems(table, fields.genres, now, id, false),
  );
  return { operation: 'TransactWriteItems', transactItems } as DynamoDBTransactWriteItemsRequest;
}

export function response(ctx: Context<unknown, NewMovieStash>): MovieItem {
  if (ctx.error) failedTransactItem(ctx);
  raiseDataSourceError(ctx.error);
  const created = ctx.stash.created as MovieItem;
  ctx.stash.searchIndex = { movieId: created.id, before: null, after: indexedTitle(created) };
  return created;
}
