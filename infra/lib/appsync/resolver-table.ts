/**
 * Every resolver of the API and the data source it talks to, in one reviewable table. Code lives in
 * `resolvers/<Type>.<field>.ts`; pipeline steps in `resolvers/functions/<name>.ts`.
 */
export type DataSourceName = 'catalog' | 'users' | 'media' | 'account' | 'none';

export interface ResolverSpec {
  readonly typeName: 'Query' | 'Mutation' | 'Subscription' | 'Movie';
  readonly fieldName: string;
  /** Unit resolver: the data source its code talks to. */
  readonly dataSource?: DataSourceName;
  /** Pipeline resolver: the steps, in order (names of `PIPELINE_FUNCTIONS`). */
  readonly pipeline?: readonly PipelineFunctionName[];
  /** Lambda BatchInvoke: how many sibling fields one invocation may carry. */
  readonly maxBatchSize?: number;
}

export const PIPELINE_FUNCTIONS = {
  loadMoviesForViewer: 'catalog',
  listCatalog: 'catalog',
  queryGenre: 'catalog',
  searchTitles: 'catalog',
  getCatalogItem: 'catalog',
  queryTrailers: 'catalog',
  updateMovieTransaction: 'catalog',
  deleteMovieTransaction: 'catalog',
  putListEntry: 'catalog',
  recordMediaFile: 'catalog',
  recordSearch: 'users',
  queryUserIndex: 'users',
  getProfile: 'users',
  writeProgress: 'users',
  readProgress: 'users',
  deleteListEntry: 'users',
  presignGet: 'media',
  presignPut: 'media',
} as const satisfies Record<string, DataSourceName>;

export type PipelineFunctionName = keyof typeof PIPELINE_FUNCTIONS;

export const RESOLVERS: readonly ResolverSpec[] = [
  { typeName: 'Query', fieldName: 'me', dataSource: 'users' },
  { typeName: 'Query', fieldName: 'movies', pipeline: ['listCatalog', 'loadMoviesForViewer'] },
  { typeName: 'Query', fieldName: 'moviesByGenre', pipeline: ['queryGenre', 'loadMoviesForViewer'] },
  { typeName: 'Query', fieldName: 'movie', pipeline: ['loadMoviesForViewer'] },
  {
    typeName: 'Query',
    fieldName: 'searchMovies',
    pipeline: ['recordSearch', 'searchTitles', 'loadMoviesForViewer'],
  },
  { typeName: 'Query', fieldName: 'searchHistory', pipeline: ['getProfile', 'queryUserIndex'] },
  { typeName: 'Query', fieldName: 'continueWatching', pipeline: ['queryUserIndex', 'loadMoviesForViewer'] },
  { typeName: 'Query', fieldName: 'myList', pipeline: ['queryUserIndex', 'loadMoviesForViewer'] },
  { typeName: 'Query', fieldName: 'playbackUrl', pipeline: ['getCatalogItem', 'presignGet'] },
  { typeName: 'Movie', fieldName: 'trailers', dataSource: 'catalog' },
  {
    typeName: 'Mutation',
    fieldName: 'savePlaybackPosition',
    pipeline: ['getCatalogItem', 'writeProgress', 'readProgress'],
  },
  {
    typeName: 'Mutation',
    fieldName: 'markWatched',
    pipeline: ['getCatalogItem', 'writeProgress', 'readProgress'],
  },
  { typeName: 'Mutation', fieldName: 'removeFromContinueWatching', dataSource: 'users' },
  { typeName: 'Mutation', fieldName: 'addToMyList', pipeline: ['putListEntry', 'loadMoviesForViewer'] },
  {
    typeName: 'Mutation',
    fieldName: 'removeFromMyList',
    pipeline: ['deleteListEntry', 'loadMoviesForViewer'],
  },
  { typeName: 'Mutation', fieldName: 'deleteSearchHistoryEntry', dataSource: 'users' },
  { typeName: 'Mutation', fieldName: 'clearSearchHistory', dataSource: 'users' },
  { typeName: 'Mutation', fieldName: 'deleteMyAccount', dataSource: 'account' },
  { typeName: 'Mutation', fieldName: 'createMovie', dataSource: 'catalog' },
  { typeName: 'Mutation', fieldName: 'updateMovie', pipeline: ['getCatalogItem', 'updateMovieTransaction'] },
  {
    typeName: 'Mutation',
    fieldName: 'deleteMovie',
    pipeline: ['getCatalogItem', 'queryTrailers', 'deleteMovieTransaction'],
  },
  { typeName: 'Mutation', fieldName: 'createTrailer', dataSource: 'catalog' },
  { typeName: 'Mutation', fieldName: 'updateTrailer', dataSource: 'catalog' },
  { typeName: 'Mutation', fieldName: 'deleteTrailer', dataSource: 'catalog' },
  {
    typeName: 'Mutation',
    fieldName: 'requestUploadUrl',
    pipeline: ['getCatalogItem', 'presignPut', 'recordMediaFile'],
  },
  { typeName: 'Subscription', fieldName: 'onMyPlaybackPositionChanged', dataSource: 'none' },
];
