import { util, type Context, type DynamoDBBatchGetItemRequest } from '@aws-appsync/utils';
import { callerSub } from '../lib/identity';
import { movieKey, profileKey, viewerTitleKey } from '../lib/keys';
import { toMovie, type MovieItem, type MovieResult, type ViewerTitleItem } from '../lib/movies';
import { imagesBaseUrl } from '../lib/images';
import { raiseDataSourceError } from '../lib/errors';
import { requireLiveSession } from '../lib/session';
import { catalogTable, userTable } from '../lib/tables';

export interface ViewerMoviesStash {
  /** The titles to return, in order. */
  movieIds: string[];
  /** Titles already read by an earlier step (not read again). */
  knownMovies?: MovieItem[];
  /** Viewer items already read by an earlier step (not read again). */
  knownViewerItems?: ViewerTitleItem[];
}

function moviesById(items: (MovieItem | null)[]): Record<string, MovieItem> {
  const map: Record<string, MovieItem> = {};
  for (const item of items) if (item) map[item.id] = item;
  return map;
}

function viewerItemsById(items: (ViewerTitleItem | null)[]): Record<string, ViewerTitleItem> {
  const map: Record<string, ViewerTitleItem> = {};
  for (const item of items) if (item) map[item.movieId] = item;
  return map;
}

/**
 * One BatchGetItem for a whole page: the titles not yet read plus the caller's state for each (position,
 * My List), from both tables at once, so a row costs at most this call and the one that listed its ids. The
 * caller's profile rides along (always first among the user-table keys, read consistently): it is the session
 * check of every query that ends here.
 */
export function request(ctx: Context<unknown, ViewerMoviesStash>): DynamoDBBatchGetItemRequest {
  const sub = callerSub(ctx);
  const ids = ctx.stash.movieIds;
  const knownMovies = moviesById(ctx.stash.knownMovies ?? []);
  const knownViewer = viewerItemsById(ctx.stash.knownViewerItems ?? []);
  const movieKeys = ids.filter((id) => !knownMovies[id]).map((id) => util.dynamodb.toMapValues(movieKey(id)));
  const viewerKeys = [util.dynamodb.toMapValues(profileKey(sub))].concat(
    ids.filter((id) => !knownViewer[id]).map((id) => util.dynamodb.toMapValues(viewerTitleKey(sub, id))),
  );
  const tables: DynamoDBBatchGetItemRequest['tables'] = {};
  if (movieKeys.length > 0) tables[catalogTable(ctx)] = { keys: movieKeys, consistentRead: false };
  tables[userTable(ctx)] = { keys: viewerKeys, consistentRead: true };
  return { operation: 'BatchGetItem', tables };
}

function assemble(
  ctx: Context<unknown, ViewerMoviesStash>,
  loadedMovies: (MovieItem | null)[],
  loadedViewer: (ViewerTitleItem | null)[],
): MovieResult[] {
  const movies = moviesById(((ctx.stash.knownMovies ?? []) as (MovieItem | null)[]).concat(loadedMovies));
  const viewer = viewerItemsById(
    ((ctx.stash.knownViewerItems ?? []) as (ViewerTitleItem | null)[]).concat(loadedViewer),
  );
  // Titles deleted since they were listed are left out.
  return ctx.stash.movieIds
    .filter((id) => !!movies[id])
    .map((id) => toMovie(movies[id] as MovieItem, viewer[id], imagesBaseUrl(ctx)));
}

export function response(ctx: Context<unknown, ViewerMoviesStash>): MovieResult[] {
  raiseDataSourceError(ctx.error);
  const result = ctx.result as {
    data: Record<string, (MovieItem | ViewerTitleItem | null)[]>;
    unprocessedKeys?: Record<string, unknown[]>;
  };
  const unprocessed = Object.values(result.unprocessedKeys ?? {}).reduce(
    (count, keys) => count + keys.length,
    0,
  );
  // BatchGetItem answers each table's items in the order of its keys, null where an item is missing.
  const [profile, ...viewerItems] = (result.data[userTable(ctx)] ?? [null]) as (ViewerTitleItem | null)[];
  const profileUnread = ((result.unprocessedKeys ?? {})[userTable(ctx)] ?? []).some(
    (key) => (key as { sk?: string }).sk === 'PROFILE',
  );
  if (profileUnread) util.error('The session could not be checked under load; try again.', 'Throttled');
  requireLiveSession(ctx, profile);
  if (unprocessed > 0) util.appendError('Some titles could not be read; try again.', 'PartialResult');
  return assemble(ctx, (result.data[catalogTable(ctx)] ?? []) as (MovieItem | null)[], viewerItems);
}
