/**
 * Every resolver of the API and the data source it talks to, in one reviewable table. Code lives in
 * `resolvers/<Type>.<field>.ts`; pipeline steps in `resolvers/functions/<name>.ts`.
 */
export type DataSourceName = 'catalog' | 'users' | 'media' | 'account' | 'search' | 'none';

export interface ResolverSpec {
  readonly typeName: 'Query' | 'Mutation' | 'Subscription' | 'Movie' | 'Collection';
  readonly fieldName: string;
  /** Unit resolver: the data source its code talks to. */
  readonly dataSource?: DataSourceName;
  /** Pipeline resolver: the steps, in order (names of `PIPELINE_FUNCTIONS`). */
  readonly pipeline?: readonly PipelineFunctionName[];
  /** Lambda BatchInvoke: how many sibling fields one invocation may carry. */
  readonly maxBatchSize?: number;
  /**
   * How the caller's session is checked (resolvers/lib/session.ts). Absent: a `checkSession` step runs first.
   * `in-code`: a call the resolver makes anyway carries the check (a folded-in profile read or a transaction's
   * ConditionCheck). `parent`: a nested field, resolved only under a root field that checked. `iam`: only IAM
   * callers (this stack's own functions) may call the field; they have no Cognito session to check.
   */
  readonly session?: 'in-code' | 'parent' | 'iam';
  /**
   * AppSync's server-side cache for this field (the API runs per-resolver caching). Only for results that are
   * the same for every viewer: root fields carry the viewer's session check and per-viewer fields (`myPosition`,
   * `inMyList`), so only `session: 'parent'` fields may cache. Mutations that change the result evict it.
   */
  readonly caching?: {
    readonly ttlSeconds: number;
    /** `$context.source.<field>` / `$context.arguments.<name>` keys, in order (`extensions.evictFromApiCache`). */
    readonly keys: readonly string[];
  };
}

export const PIPELINE_FUNCTIONS = {
  checkSession: 'users',
  revokeSessions: 'users',
  revokeRefreshTokens: 'account',
  deleteAccountData: 'account',
  loadMoviesForViewer: 'catalog',
  listCatalog: 'catalog',
  queryGenre: 'catalog',
  searchCatalog: 'search',
  indexForSearch: 'search',
  createMovieTransaction: 'catalog',
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
  signPlayback: 'media',
  readLibraryUsage: 'users',
  reserveLibraryItem: 'users',
  presignLibraryUpload: 'media',
  getLibraryItem: 'users',
  getLibraryItems: 'users',
  queryLibraryForSearch: 'users',
  deleteLibraryItemsTransaction: 'users',
  deleteLibraryObjects: 'account',
  presignLibraryDownload: 'media',
  signLibraryAccess: 'media',
  writeLibraryPosition: 'users',
  readLibraryPosition: 'users',
  putCollection: 'users',
  updateCollectionRecord: 'users',
  getCollection: 'users',
  deleteCollectionRecord: 'users',
} as const satisfies Record<string, DataSourceName>;

export type PipelineFunctionName = keyof typeof PIPELINE_FUNCTIONS;

/**
 * Query pages (1 MB each) searchMyLibrary may read: with the session check, the 10 functions a pipeline may
 * have. 500 items of Latin text at every field's limit (with their stored search words) are about 4 MB; only
 * 500 maximum-size items in a 3-byte script could pass 9 MB (the search then fails as `LibraryTooLarge`).
 * Steps after the last page return at once, so a typical library costs one Query.
 */
export const LIBRARY_READ_PAGES = 9;

export const RESOLVERS: readonly ResolverSpec[] = [
  { typeName: 'Query', fieldName: 'me', dataSource: 'users', session: 'in-code' },
  {
    typeName: 'Query',
    fieldName: 'movies',
    pipeline: ['listCatalog', 'loadMoviesForViewer'],
    session: 'in-code',
  },
  {
    typeName: 'Query',
    fieldName: 'moviesByGenre',
    pipeline: ['queryGenre', 'loadMoviesForViewer'],
    session: 'in-code',
  },
  { typeName: 'Query', fieldName: 'movie', pipeline: ['loadMoviesForViewer'], session: 'in-code' },
  {
    typeName: 'Query',
    fieldName: 'searchMovies',
    pipeline: ['searchCatalog', 'loadMoviesForViewer'],
    session: 'in-code',
  },
  {
    typeName: 'Query',
    fieldName: 'searchHistory',
    pipeline: ['getProfile', 'queryUserIndex'],
    session: 'in-code',
  },
  {
    typeName: 'Query',
    fieldName: 'continueWatching',
    pipeline: ['queryUserIndex', 'loadMoviesForViewer'],
    session: 'in-code',
  },
  {
    typeName: 'Query',
    fieldName: 'myList',
    pipeline: ['queryUserIndex', 'loadMoviesForViewer'],
    session: 'in-code',
  },
  {
    typeName: 'Query',
    fieldName: 'playbackUrl',
    pipeline: ['getCatalogItem', 'presignGet'],
    session: 'in-code',
  },
  {
    typeName: 'Query',
    fieldName: 'playback',
    pipeline: ['getCatalogItem', 'signPlayback'],
    session: 'in-code',
  },
  {
    typeName: 'Movie',
    fieldName: 'trailers',
    dataSource: 'catalog',
    session: 'parent',
    // Trailer writes evict the title's entry (resolvers/lib/trailers.ts); the TTL bounds what they cannot
    // reach (a trailer deleted straight from the table).
    caching: { ttlSeconds: 300, keys: ['$context.source.id'] },
  },
  {
    typeName: 'Mutation',
    fieldName: 'savePlaybackPosition',
    pipeline: ['getCatalogItem', 'writeProgress', 'readProgress'],
    session: 'in-code',
  },
  {
    typeName: 'Mutation',
    fieldName: 'markWatched',
    pipeline: ['getCatalogItem', 'writeProgress', 'readProgress'],
    session: 'in-code',
  },
  { typeName: 'Mutation', fieldName: 'removeFromContinueWatching', dataSource: 'users' },
  {
    typeName: 'Mutation',
    fieldName: 'addToMyList',
    pipeline: ['putListEntry', 'loadMoviesForViewer'],
    session: 'in-code',
  },
  {
    typeName: 'Mutation',
    fieldName: 'removeFromMyList',
    pipeline: ['deleteListEntry', 'loadMoviesForViewer'],
    session: 'in-code',
  },
  { typeName: 'Mutation', fieldName: 'recordSearch', pipeline: ['recordSearch'], session: 'in-code' },
  { typeName: 'Mutation', fieldName: 'deleteSearchHistoryEntry', dataSource: 'users' },
  { typeName: 'Mutation', fieldName: 'clearSearchHistory', dataSource: 'users', session: 'in-code' },
  { typeName: 'Mutation', fieldName: 'deleteMyAccount', pipeline: ['deleteAccountData'] },
  {
    typeName: 'Mutation',
    fieldName: 'signOutEverywhere',
    pipeline: ['revokeSessions', 'revokeRefreshTokens'],
    session: 'in-code',
  },
  {
    typeName: 'Mutation',
    fieldName: 'createMovie',
    pipeline: ['createMovieTransaction', 'indexForSearch'],
    session: 'in-code',
  },
  {
    typeName: 'Mutation',
    fieldName: 'updateMovie',
    pipeline: ['getCatalogItem', 'updateMovieTransaction', 'indexForSearch'],
    session: 'in-code',
  },
  {
    typeName: 'Mutation',
    fieldName: 'deleteMovie',
    pipeline: ['getCatalogItem', 'queryTrailers', 'deleteMovieTransaction', 'indexForSearch'],
    session: 'in-code',
  },
  { typeName: 'Mutation', fieldName: 'createTrailer', dataSource: 'catalog', session: 'in-code' },
  { typeName: 'Mutation', fieldName: 'updateTrailer', dataSource: 'catalog' },
  { typeName: 'Mutation', fieldName: 'deleteTrailer', dataSource: 'catalog' },
  {
    typeName: 'Mutation',
    fieldName: 'requestUploadUrl',
    pipeline: ['getCatalogItem', 'presignPut', 'recordMediaFile'],
    session: 'in-code',
  },
  // My Library: every key is built from the caller's sub (resolvers/lib/library.ts).
  { typeName: 'Query', fieldName: 'myLibrary', dataSource: 'users' },
  { typeName: 'Query', fieldName: 'libraryItem', dataSource: 'users' },
  {
    typeName: 'Query',
    fieldName: 'searchMyLibrary',
    pipeline: Array<PipelineFunctionName>(LIBRARY_READ_PAGES).fill('queryLibraryForSearch'),
  },
  { typeName: 'Query', fieldName: 'libraryUsage', pipeline: ['readLibraryUsage'], session: 'in-code' },
  {
    typeName: 'Query',
    fieldName: 'libraryItemDownload',
    pipeline: ['getLibraryItem', 'presignLibraryDownload'],
  },
  { typeName: 'Query', fieldName: 'libraryPlayback', pipeline: ['getLibraryItem', 'signLibraryAccess'] },
  { typeName: 'Query', fieldName: 'libraryImage', pipeline: ['getLibraryItem', 'signLibraryAccess'] },
  {
    typeName: 'Mutation',
    fieldName: 'requestLibraryUpload',
    pipeline: ['readLibraryUsage', 'reserveLibraryItem', 'presignLibraryUpload'],
    session: 'in-code',
  },
  { typeName: 'Mutation', fieldName: 'updateLibraryItem', dataSource: 'users' },
  {
    typeName: 'Mutation',
    fieldName: 'saveLibraryItemPosition',
    pipeline: ['getLibraryItem', 'writeLibraryPosition', 'readLibraryPosition'],
  },
  {
    typeName: 'Mutation',
    fieldName: 'deleteLibraryItems',
    pipeline: ['getLibraryItems', 'deleteLibraryItemsTransaction', 'deleteLibraryObjects'],
  },
  { typeName: 'Query', fieldName: 'myCollections', dataSource: 'users' },
  { typeName: 'Query', fieldName: 'collection', dataSource: 'users' },
  { typeName: 'Collection', fieldName: 'items', dataSource: 'users', session: 'parent' },
  {
    typeName: 'Mutation',
    fieldName: 'createCollection',
    pipeline: ['getLibraryItems', 'putCollection'],
    session: 'in-code',
  },
  {
    typeName: 'Mutation',
    fieldName: 'updateCollection',
    pipeline: ['getLibraryItems', 'updateCollectionRecord'],
  },
  {
    typeName: 'Mutation',
    fieldName: 'deleteCollection',
    pipeline: [
      'getCollection',
      'getLibraryItems',
      'deleteCollectionRecord',
      'deleteLibraryItemsTransaction',
      'deleteLibraryObjects',
    ],
  },
  { typeName: 'Mutation', fieldName: 'publishMediaStatus', dataSource: 'none', session: 'iam' },
  { typeName: 'Subscription', fieldName: 'onMediaStatusChanged', dataSource: 'none' },
  {
    typeName: 'Subscription',
    fieldName: 'onMyPlaybackPositionChanged',
    dataSource: 'users',
    session: 'in-code',
  },
];
