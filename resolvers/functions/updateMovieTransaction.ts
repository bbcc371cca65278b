import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { genreItems, type TransactItem } from '../lib/catalog-writes';
import { CONFLICT, isTransactionCancelled, raiseDataSourceError } from '../lib/errors';
import { movieKey } from '../lib/keys';
import { added, validMovieFields } from '../lib/movie-input';
import type { MovieItem } from '../lib/movies';
import { indexedTitle } from '../lib/search-index';
import { catalogTable } from '../lib/tables';
import type { CatalogItemStash } from './getCatalogItem';
import type { SearchIndexStash } from './indexForSearch';

export interface MovieChangesStash extends CatalogItemStash, SearchIndexStash {
  /** The fields the update gives (validated again here with the current item). */
  changes: Record<string, unknown>;
  /** The item as written. */
  updated?: MovieItem;
}

/**
 * Applies an update to a title and keeps its genre rows in step (the search index follows in `indexForSearch`), in one transaction guarded by
 * the title's version (a concurrent change makes it fail with Conflict instead of losing an index entry).
 */
export function request(ctx: Context<unknown, MovieChangesStash>): DynamoDBTransactWriteItemsRequest {
  const table = catalogTable(ctx);
  const current = ctx.stash.catalogItem as MovieItem;
  const changes = ctx.stash.changes;
  const next = validMovieFields({ ...current, ...changes });
  const updatedAt = util.time.nowISO8601();
  const movieUpdate: TransactItem = {
    table,
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(movieKey(current.id)),
    update: {
      expression:
        'SET #title = :title, #synopsis = :synopsis, #year = :year, #genres = :genres, #rating = :rating, #duration = :duration, #tags = :tags, #cast = :cast, #directors = :directors, #updatedAt = :updatedAt, #version = :nextVersion',
      expressionNames: {
        '#title': 'title',
        '#synopsis': 'synopsis',
        '#year': 'year',
        '#genres': 'genres',
        '#rating': 'maturityRating',
        '#duration': 'durationSeconds',
        '#tags': 'tags',
        '#cast': 'cast',
        '#directors': 'directors',
        '#updatedAt': 'updatedAt',
        '#version': 'version',
      },
      expressionValues: util.dynamodb.toMapValues({
        ':title': next.title,
        ':synopsis': next.synopsis,
        ':year': next.year,
        ':genres': next.genres,
        ':rating': next.maturityRating,
        ':duration': next.durationSeconds,
        ':tags': next.tags,
        ':cast': next.cast,
        ':directors': next.directors,
        ':updatedAt': updatedAt,
        ':nextVersion': current.version + 1,
      }),
    },
    condition: {
      expression: '#version = :version',
      expressionNames: { '#version': 'version' },
      expressionValues: util.dynamodb.toMapValues({ ':version': current.version }),
    },
  };
  const transactItems = [movieUpdate]
    .concat(genreItems(table, added(next.genres, current.genres), current.createdAt, current.id, true))
    .concat(genreItems(table, added(current.genres, next.genres), current.createdAt, current.id, false));
  ctx.stash.updated = { ...current, ...next, updatedAt, version: current.version + 1 };
  return { operation: 'TransactWriteItems', transactItems } as DynamoDBTransactWriteItemsRequest;
}

export function response(ctx: Context<unknown, MovieChangesStash>): MovieItem {
  if (isTransactionCancelled(ctx.error))
    util.error('The title was changed at the same time; read it and try again.', CONFLICT);
  raiseDataSourceError(ctx.error);
  const updated = ctx.stash.updated as MovieItem;
  ctx.stash.searchIndex = {
    movieId: updated.id,
    before: indexedTitle(ctx.stash.catalogItem as MovieItem),
    after: indexedTitle(updated),
  };
  return updated;
}
