import { runtime, util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { deleteItem, genreItems, type TransactItem } from '../lib/catalog-writes';
import { CONFLICT, isTransactionCancelled, raiseDataSourceError } from '../lib/errors';
import { movieKey, type TableKey } from '../lib/keys';
import type { MovieItem } from '../lib/movies';
import { indexedTitle } from '../lib/search-index';
import { catalogTable } from '../lib/tables';
import type { SearchIndexStash } from './indexForSearch';
import type { TrailerItemsStash } from './queryTrailers';

export type DeleteMovieTransactionStash = TrailerItemsStash & SearchIndexStash;

/** Deletes a title with its genre rows and trailers in one transaction (its search items go in `indexForSearch`) (version-guarded). */
export function request(
  ctx: Context<unknown, DeleteMovieTransactionStash>,
): DynamoDBTransactWriteItemsRequest {
  const movie = ctx.stash.catalogItem as MovieItem | null;
  if (!movie) runtime.earlyReturn(null);
  const current = movie as MovieItem;
  const table = catalogTable(ctx);
  const titleDelete: TransactItem = {
    table,
    operation: 'DeleteItem',
    key: util.dynamodb.toMapValues(movieKey(current.id)),
    condition: {
      expression: '#version = :version',
      expressionNames: { '#version': 'version' },
      expressionValues: util.dynamodb.toMapValues({ ':version': current.version }),
    },
  };
  // Items read from the table carry their keys, which TrailerItem (the schema's view) leaves out.
  const trailers = (ctx.stash.trailerItems ?? []) as unknown as TableKey[];
  const transactItems = [titleDelete]
    .concat(genreItems(table, current.genres, current.createdAt, current.id, true))
    .concat(trailers.map((trailer) => deleteItem(table, { pk: trailer.pk, sk: trailer.sk })));
  return { operation: 'TransactWriteItems', transactItems } as DynamoDBTransactWriteItemsRequest;
}

export function response(ctx: Context<unknown, DeleteMovieTransactionStash>): MovieItem {
  if (isTransactionCancelled(ctx.error))
    util.error('The title was changed at the same time; try again.', CONFLICT);
  raiseDataSourceError(ctx.error);
  const deleted = ctx.stash.catalogItem as MovieItem;
  ctx.stash.searchIndex = { movieId: deleted.id, before: indexedTitle(deleted), after: null };
  return deleted;
}
