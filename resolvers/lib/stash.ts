import type { SessionStash } from '../functions/checkSession';
import type { CatalogItemStash } from '../functions/getCatalogItem';
import type { ProfileStash } from '../functions/getProfile';
import type { ListCatalogStash } from '../functions/listCatalog';
import type { ViewerMoviesStash } from '../functions/loadMoviesForViewer';
import type { PresignGetStash } from '../functions/presignGet';
import type { UploadStash } from '../functions/presignPut';
import type { ListEntryStash } from '../functions/putListEntry';
import type { LibraryItemsStash } from '../functions/getLibraryItems';
import type { LibraryScanStash } from '../functions/queryLibraryForSearch';
import type { GenreStash } from '../functions/queryGenre';
import type { UserIndexStash } from '../functions/queryUserIndex';
import type { RecordSearchStash } from '../functions/recordSearch';
import type { LibraryReservationStash } from '../functions/reserveLibraryItem';
import type { SearchCatalogStash } from '../functions/searchCatalog';
import type { NewMovieStash } from '../functions/createMovieTransaction';
import type { DeleteMovieTransactionStash } from '../functions/deleteMovieTransaction';
import type { RevokeSessionsStash } from '../functions/revokeSessions';
import type { MovieChangesStash } from '../functions/updateMovieTransaction';
import type { ProgressStash } from '../functions/writeProgress';
import type { LibraryPositionStash } from '../functions/writeLibraryPosition';

/*
 * One stash type per pipeline resolver: the union of what its steps (infra/lib/appsync/resolver-table.ts) read
 * and write, so the root resolver that fills it and the response that reads it agree with the steps.
 */

export type MoviesStash = ListCatalogStash;
export type MoviesByGenreStash = GenreStash;
export type MovieStash = ViewerMoviesStash;
export type SearchMoviesStash = SearchCatalogStash;
export type RecordSearchMutationStash = RecordSearchStash;
export type CreateMovieStash = NewMovieStash;
export type SearchHistoryStash = ProfileStash & UserIndexStash;
/** continueWatching and myList. */
export type ViewerIndexStash = UserIndexStash;
export type PlaybackUrlStash = PresignGetStash;
/** savePlaybackPosition and markWatched. */
export type PlaybackProgressStash = CatalogItemStash & ProgressStash;
/** addToMyList and removeFromMyList. */
export type MyListChangeStash = ListEntryStash;
export type DeleteMyAccountStash = SessionStash;
export type SignOutEverywhereStash = SessionStash & RevokeSessionsStash;
export type UpdateMovieStash = MovieChangesStash;
export type DeleteMovieStash = DeleteMovieTransactionStash;
export type RequestUploadUrlStash = CatalogItemStash & UploadStash;
export type RequestLibraryUploadStash = LibraryReservationStash;
export type DeleteLibraryItemsStash = LibraryItemsStash;
export type SearchMyLibraryStash = LibraryScanStash;
export type SaveLibraryItemPositionStash = LibraryPositionStash;

/** A unit resolver that keeps the item it writes for its response. */
export interface CreatedItemStash<T> {
  created: T;
}
