import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { genreItems, prefixItems, putItem } from './lib/catalog-writes';
import { raiseDataSourceError } from './lib/errors';
import { CATALOG_PARTITION, movieKey } from './lib/keys';
import { validMovieFields } from './lib/movie-input';
import { toMovie, type MovieItem, type MovieResult } from './lib/movies';
import { imagesBaseUrl } from './lib/images';
import { titlePrefixes } from './lib/search';
import { failedTransactItem, liveSessionCheck } from './lib/session';
import { catalogTable } from './lib/tables';
import type { MutationCreateMovieArgs } from './types/schema';
import type { CreatedItemStash } from './lib/stash';

/** Writes the title, its genre-row items and its search prefixes in one transaction. */
export function request(
  ctx: Context<MutationCreateMovieArgs, CreatedItemStash<MovieItem>>,
): DynamoDBTransactWriteItemsRequest {
  const fields = validMovieFields(ctx.args.input as unknown as Record<string, unknown>);
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
  const transactItems = [liveSessionCheck(ctx), titleItem]
    .concat(genreItems(table, fields.genres, now, id, false))
    .concat(prefixItems(table, titlePrefixes(fields.title), id, false));
  return { operation: 'TransactWriteItems', transactItems } as DynamoDBTransactWriteItemsRequest;
}

export function response(ctx: Context<MutationCreateMovieArgs, CreatedItemStash<MovieItem>>): MovieResult {
  if (ctx.error) failedTransactItem(ctx);
  raiseDataSourceError(ctx.error);
  return toMovie(ctx.stash.created, null, imagesBaseUrl(ctx));
}
