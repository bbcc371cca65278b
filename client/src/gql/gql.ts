/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Profile {\n    me {\n      id\n      email\n      displayName\n      isAdmin\n      createdAt\n    }\n  }\n": typeof types.ProfileDocument,
    "\n  mutation DeleteMyAccount {\n    deleteMyAccount\n  }\n": typeof types.DeleteMyAccountDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": typeof types.SignOutEverywhereDocument,
    "\n  query AdminMovies($limit: Int, $nextToken: String) {\n    movies(limit: $limit, nextToken: $nextToken) {\n      items {\n        id\n        title\n        year\n        genres\n        posterUrl\n        video {\n          contentType\n        }\n        updatedAt\n      }\n      nextToken\n    }\n  }\n": typeof types.AdminMoviesDocument,
    "\n  fragment AdminMediaFile on MediaFile {\n    uploadId\n    contentType\n    sizeBytes\n    status\n    reason\n    chunksDone\n    chunksTotal\n    updatedAt\n  }\n": typeof types.AdminMediaFileFragmentDoc,
    "\n  fragment AdminStream on Stream {\n    uploadId\n    durationSeconds\n    readyAt\n    renditions {\n      height\n    }\n  }\n": typeof types.AdminStreamFragmentDoc,
    "\n  query AdminMovie($id: ID!) {\n    movie(id: $id) {\n      id\n      title\n      synopsis\n      year\n      genres\n      maturityRating\n      durationSeconds\n      tags\n      cast\n      directors\n      posterUrl\n      backdropUrl\n      video {\n        ...AdminMediaFile\n      }\n      poster {\n        ...AdminMediaFile\n      }\n      backdrop {\n        ...AdminMediaFile\n      }\n      stream {\n        ...AdminStream\n      }\n      trailers {\n        id\n        movieId\n        title\n        durationSeconds\n        video {\n          ...AdminMediaFile\n        }\n        stream {\n          ...AdminStream\n        }\n      }\n    }\n  }\n": typeof types.AdminMovieDocument,
    "\n  mutation CreateMovie($input: CreateMovieInput!) {\n    createMovie(input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.CreateMovieDocument,
    "\n  mutation UpdateMovie($input: UpdateMovieInput!) {\n    updateMovie(input: $input) {\n      id\n      title\n      synopsis\n      year\n      genres\n      maturityRating\n      durationSeconds\n      tags\n      cast\n      directors\n      updatedAt\n    }\n  }\n": typeof types.UpdateMovieDocument,
    "\n  mutation DeleteMovie($id: ID!) {\n    deleteMovie(id: $id) {\n      id\n    }\n  }\n": typeof types.DeleteMovieDocument,
    "\n  mutation CreateTrailer($input: CreateTrailerInput!) {\n    createTrailer(input: $input) {\n      id\n      movieId\n      title\n      durationSeconds\n    }\n  }\n": typeof types.CreateTrailerDocument,
    "\n  mutation UpdateTrailer($input: UpdateTrailerInput!) {\n    updateTrailer(input: $input) {\n      id\n      movieId\n      title\n      durationSeconds\n    }\n  }\n": typeof types.UpdateTrailerDocument,
    "\n  mutation DeleteTrailer($movieId: ID!, $id: ID!) {\n    deleteTrailer(movieId: $movieId, id: $id) {\n      id\n    }\n  }\n": typeof types.DeleteTrailerDocument,
    "\n  mutation RequestUploadUrl($input: RequestUploadUrlInput!) {\n    requestUploadUrl(input: $input) {\n      url\n      key\n      headers\n      uploadId\n      maxBytes\n      expiresAt\n    }\n  }\n": typeof types.RequestUploadUrlDocument,
    "\n  subscription MediaStatusChanged($movieId: ID) {\n    onMediaStatusChanged(movieId: $movieId) {\n      movieId\n      trailerId\n      kind\n      media {\n        ...AdminMediaFile\n      }\n    }\n  }\n": typeof types.MediaStatusChangedDocument,
    "\n  fragment CollectionItemFields on LibraryItem {\n    id\n    title\n    kind\n    media {\n      uploadId\n      status\n    }\n  }\n": typeof types.CollectionItemFieldsFragmentDoc,
    "\n  query MyCollections($limit: Int, $nextToken: String) {\n    myCollections(limit: $limit, nextToken: $nextToken) {\n      items {\n        id\n        name\n        updatedAt\n        items {\n          id\n          title\n        }\n      }\n      nextToken\n    }\n  }\n": typeof types.MyCollectionsDocument,
    "\n  query CollectionDetails($id: ID!) {\n    collection(id: $id) {\n      id\n      name\n      updatedAt\n      items {\n        ...CollectionItemFields\n      }\n    }\n  }\n": typeof types.CollectionDetailsDocument,
    "\n  query LibraryPicker($limit: Int, $nextToken: String) {\n    myLibrary(limit: $limit, nextToken: $nextToken) {\n      items {\n        ...CollectionItemFields\n      }\n      nextToken\n    }\n  }\n": typeof types.LibraryPickerDocument,
    "\n  mutation CreateCollection($input: CreateCollectionInput!) {\n    createCollection(input: $input) {\n      id\n      name\n      updatedAt\n      items {\n        id\n        title\n      }\n    }\n  }\n": typeof types.CreateCollectionDocument,
    "\n  mutation UpdateCollection($id: ID!, $input: UpdateCollectionInput!) {\n    updateCollection(id: $id, input: $input) {\n      id\n      name\n      updatedAt\n      items {\n        ...CollectionItemFields\n      }\n    }\n  }\n": typeof types.UpdateCollectionDocument,
    "\n  mutation DeleteCollection($id: ID!, $deleteItems: Boolean!) {\n    deleteCollection(id: $id, deleteItems: $deleteItems)\n  }\n": typeof types.DeleteCollectionDocument,
    "\n  fragment PlaybackCredentialFields on PlaybackCredential {\n    cookies {\n      name\n      value\n    }\n    domain\n    path\n    secure\n  }\n": typeof types.PlaybackCredentialFieldsFragmentDoc,
    "\n  query Hero {\n    movies(limit: 5) {\n      items {\n        ...MovieCard\n        synopsis\n      }\n    }\n  }\n": typeof types.HeroDocument,
    "\n  query ContinueWatching($limit: Int, $nextToken: String) {\n    continueWatching(limit: $limit, nextToken: $nextToken) {\n      items {\n        ...MovieCard\n      }\n      nextToken\n    }\n  }\n": typeof types.ContinueWatchingDocument,
    "\n  query MyList($limit: Int, $nextToken: String) {\n    myList(limit: $limit, nextToken: $nextToken) {\n      items {\n        ...MovieCard\n      }\n      nextToken\n    }\n  }\n": typeof types.MyListDocument,
    "\n  query GenreRow($genre: Genre!, $limit: Int, $nextToken: String) {\n    moviesByGenre(genre: $genre, limit: $limit, nextToken: $nextToken) {\n      items {\n        ...MovieCard\n      }\n      nextToken\n    }\n  }\n": typeof types.GenreRowDocument,
    "\n  fragment LibraryItemFields on LibraryItem {\n    id\n    kind\n    title\n    description\n    tags\n    fileName\n    contentType\n    sizeBytes\n    durationSeconds\n    createdAt\n    updatedAt\n    media {\n      uploadId\n      status\n      reason\n      chunksDone\n      chunksTotal\n      updatedAt\n    }\n  }\n": typeof types.LibraryItemFieldsFragmentDoc,
    "\n  query MyLibrary($filter: LibraryFilter, $limit: Int, $nextToken: String) {\n    myLibrary(filter: $filter, limit: $limit, nextToken: $nextToken) {\n      items {\n        ...LibraryItemFields\n      }\n      nextToken\n    }\n  }\n": typeof types.MyLibraryDocument,
    "\n  query SearchMyLibrary($query: String!, $kind: LibraryItemKind, $limit: Int, $nextToken: String) {\n    searchMyLibrary(query: $query, kind: $kind, limit: $limit, nextToken: $nextToken) {\n      items {\n        item {\n          ...LibraryItemFields\n        }\n        matchedField\n        highlights {\n          field\n          words\n        }\n      }\n      nextToken\n    }\n  }\n": typeof types.SearchMyLibraryDocument,
    "\n  query LibraryItem($id: ID!) {\n    libraryItem(id: $id) {\n      ...LibraryItemFields\n    }\n  }\n": typeof types.LibraryItemDocument,
    "\n  query LibraryUsage {\n    libraryUsage {\n      items\n      bytes\n      maxItems\n      maxBytes\n    }\n  }\n": typeof types.LibraryUsageDocument,
    "\n  query LibraryImage($id: ID!) {\n    libraryImage(id: $id) {\n      thumbnailUrl\n      largeUrl\n      expiresAt\n      credential {\n        ...PlaybackCredentialFields\n      }\n    }\n  }\n": typeof types.LibraryImageDocument,
    "\n  query LibraryItemDownload($id: ID!) {\n    libraryItemDownload(id: $id) {\n      url\n      fileName\n      expiresAt\n    }\n  }\n": typeof types.LibraryItemDownloadDocument,
    "\n  mutation RequestLibraryUpload($input: RequestLibraryUploadInput!) {\n    requestLibraryUpload(input: $input) {\n      item {\n        ...LibraryItemFields\n      }\n      upload {\n        url\n        headers\n        maxBytes\n      }\n    }\n  }\n": typeof types.RequestLibraryUploadDocument,
    "\n  mutation UpdateLibraryItem($id: ID!, $input: UpdateLibraryItemInput!) {\n    updateLibraryItem(id: $id, input: $input) {\n      ...LibraryItemFields\n    }\n  }\n": typeof types.UpdateLibraryItemDocument,
    "\n  mutation DeleteLibraryItems($ids: [ID!]!) {\n    deleteLibraryItems(ids: $ids)\n  }\n": typeof types.DeleteLibraryItemsDocument,
    "\n  fragment PositionFields on PlaybackPosition {\n    ownerId\n    movieId\n    positionSeconds\n    durationSeconds\n    watched\n    hiddenFromContinueWatching\n    clientTime\n    deviceId\n    savedAt\n  }\n": typeof types.PositionFieldsFragmentDoc,
    "\n  fragment MovieCard on Movie {\n    id\n    title\n    year\n    genres\n    maturityRating\n    durationSeconds\n    posterUrl\n    backdropUrl\n    inMyList\n    myPosition {\n      ...PositionFields\n    }\n  }\n": typeof types.MovieCardFragmentDoc,
    "\n  query Player($id: ID!) {\n    movie(id: $id) {\n      id\n      title\n      durationSeconds\n      posterUrl\n      myPosition {\n        ...PositionFields\n      }\n    }\n    playback(movieId: $id) {\n      ...StreamSourceFields\n      trickplayVttUrl\n    }\n  }\n": typeof types.PlayerDocument,
    "\n  query RenewPlayback($id: ID!) {\n    playback(movieId: $id) {\n      ...StreamSourceFields\n    }\n  }\n": typeof types.RenewPlaybackDocument,
    "\n  fragment StreamSourceFields on Playback {\n    masterPlaylistUrl\n    expiresAt\n    durationSeconds\n    credential {\n      ...PlaybackCredentialFields\n    }\n  }\n": typeof types.StreamSourceFieldsFragmentDoc,
    "\n  mutation SavePosition($input: SavePlaybackPositionInput!) {\n    savePlaybackPosition(input: $input) {\n      ...PositionFields\n    }\n  }\n": typeof types.SavePositionDocument,
    "\n  mutation MarkWatched($input: MarkWatchedInput!) {\n    markWatched(input: $input) {\n      ...PositionFields\n    }\n  }\n": typeof types.MarkWatchedDocument,
    "\n  subscription PositionChanged {\n    onMyPlaybackPositionChanged {\n      ...PositionFields\n    }\n  }\n": typeof types.PositionChangedDocument,
    "\n  query BannerTitle($id: ID!) {\n    movie(id: $id) {\n      id\n      title\n    }\n  }\n": typeof types.BannerTitleDocument,
    "\n  query LibraryPlayer($id: ID!) {\n    libraryItem(id: $id) {\n      id\n      kind\n      title\n      durationSeconds\n      position {\n        ...LibraryPositionFields\n      }\n    }\n    libraryPlayback(id: $id) {\n      ...StreamSourceFields\n      trickplayVttUrl\n    }\n  }\n": typeof types.LibraryPlayerDocument,
    "\n  query RenewLibraryPlayback($id: ID!) {\n    libraryPlayback(id: $id) {\n      ...StreamSourceFields\n    }\n  }\n": typeof types.RenewLibraryPlaybackDocument,
    "\n  fragment LibraryPositionFields on LibraryItemPosition {\n    positionSeconds\n    watched\n    clientTime\n    updatedAt\n  }\n": typeof types.LibraryPositionFieldsFragmentDoc,
    "\n  mutation SaveLibraryPosition($input: SaveLibraryItemPositionInput!) {\n    saveLibraryItemPosition(input: $input) {\n      ...LibraryPositionFields\n    }\n  }\n": typeof types.SaveLibraryPositionDocument,
    "\n  query Search($query: String!, $filter: SearchFilter, $limit: Int, $nextToken: String) {\n    searchMovies(query: $query, filter: $filter, limit: $limit, nextToken: $nextToken) {\n      items {\n        movie {\n          ...MovieCard\n        }\n        matchedField\n        highlights {\n          field\n          words\n        }\n      }\n      nextToken\n    }\n  }\n": typeof types.SearchDocument,
    "\n  mutation RecordSearch($query: String!) {\n    recordSearch(query: $query) {\n      id\n      query\n      searchedAt\n    }\n  }\n": typeof types.RecordSearchDocument,
    "\n  query SearchHistory($limit: Int, $nextToken: String) {\n    searchHistory(limit: $limit, nextToken: $nextToken) {\n      items {\n        id\n        query\n        searchedAt\n      }\n      nextToken\n    }\n  }\n": typeof types.SearchHistoryDocument,
    "\n  mutation DeleteSearchHistoryEntry($id: ID!) {\n    deleteSearchHistoryEntry(id: $id) {\n      id\n    }\n  }\n": typeof types.DeleteSearchHistoryEntryDocument,
    "\n  mutation ClearSearchHistory {\n    clearSearchHistory\n  }\n": typeof types.ClearSearchHistoryDocument,
    "\n  query Title($id: ID!) {\n    movie(id: $id) {\n      ...MovieCard\n      synopsis\n      backdropUrl\n      createdAt\n      video {\n        ...MediaStatusFields\n      }\n      stream {\n        durationSeconds\n      }\n      trailers {\n        id\n        movieId\n        title\n        durationSeconds\n        video {\n          ...MediaStatusFields\n        }\n        stream {\n          durationSeconds\n        }\n      }\n    }\n  }\n": typeof types.TitleDocument,
    "\n  fragment MediaStatusFields on MediaFile {\n    uploadId\n    status\n    reason\n    chunksDone\n    chunksTotal\n  }\n": typeof types.MediaStatusFieldsFragmentDoc,
    "\n  query TrailerUrl($movieId: ID!, $trailerId: ID) {\n    playback(movieId: $movieId, trailerId: $trailerId) {\n      ...StreamSourceFields\n    }\n  }\n": typeof types.TrailerUrlDocument,
    "\n  mutation AddToMyList($movieId: ID!) {\n    addToMyList(movieId: $movieId) {\n      id\n      inMyList\n    }\n  }\n": typeof types.AddToMyListDocument,
    "\n  mutation RemoveFromMyList($movieId: ID!) {\n    removeFromMyList(movieId: $movieId) {\n      id\n      inMyList\n    }\n  }\n": typeof types.RemoveFromMyListDocument,
    "\n  mutation SetWatched($input: MarkWatchedInput!) {\n    markWatched(input: $input) {\n      ...PositionFields\n    }\n  }\n": typeof types.SetWatchedDocument,
    "\n  mutation RemoveFromContinueWatching($movieId: ID!) {\n    removeFromContinueWatching(movieId: $movieId) {\n      ...PositionFields\n    }\n  }\n": typeof types.RemoveFromContinueWatchingDocument,
};
const documents: Documents = {
    "\n  query Profile {\n    me {\n      id\n      email\n      displayName\n      isAdmin\n      createdAt\n    }\n  }\n": types.ProfileDocument,
    "\n  mutation DeleteMyAccount {\n    deleteMyAccount\n  }\n": types.DeleteMyAccountDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": types.SignOutEverywhereDocument,
    "\n  query AdminMovies($limit: Int, $nextToken: String) {\n    movies(limit: $limit, nextToken: $nextToken) {\n      items {\n        id\n        title\n        year\n        genres\n        posterUrl\n        video {\n          contentType\n        }\n        updatedAt\n      }\n      nextToken\n    }\n  }\n": types.AdminMoviesDocument,
    "\n  fragment AdminMediaFile on MediaFile {\n    uploadId\n    contentType\n    sizeBytes\n    status\n    reason\n    chunksDone\n    chunksTotal\n    updatedAt\n  }\n": types.AdminMediaFileFragmentDoc,
    "\n  fragment AdminStream on Stream {\n    uploadId\n    durationSeconds\n    readyAt\n    renditions {\n      height\n    }\n  }\n": types.AdminStreamFragmentDoc,
    "\n  query AdminMovie($id: ID!) {\n    movie(id: $id) {\n      id\n      title\n      synopsis\n      year\n      genres\n      maturityRating\n      durationSeconds\n      tags\n      cast\n      directors\n      posterUrl\n      backdropUrl\n      video {\n        ...AdminMediaFile\n      }\n      poster {\n        ...AdminMediaFile\n      }\n      backdrop {\n        ...AdminMediaFile\n      }\n      stream {\n        ...AdminStream\n      }\n      trailers {\n        id\n        movieId\n        title\n        durationSeconds\n        video {\n          ...AdminMediaFile\n        }\n        stream {\n          ...AdminStream\n        }\n      }\n    }\n  }\n": types.AdminMovieDocument,
    "\n  mutation CreateMovie($input: CreateMovieInput!) {\n    createMovie(input: $input) {\n      id\n      title\n    }\n  }\n": types.CreateMovieDocument,
    "\n  mutation UpdateMovie($input: UpdateMovieInput!) {\n    updateMovie(input: $input) {\n      id\n      title\n      synopsis\n      year\n      genres\n      maturityRating\n      durationSeconds\n      tags\n      cast\n      directors\n      updatedAt\n    }\n  }\n": types.UpdateMovieDocument,
    "\n  mutation DeleteMovie($id: ID!) {\n    deleteMovie(id: $id) {\n      id\n    }\n  }\n": types.DeleteMovieDocument,
    "\n  mutation CreateTrailer($input: CreateTrailerInput!) {\n    createTrailer(input: $input) {\n      id\n      movieId\n      title\n      durationSeconds\n    }\n  }\n": types.CreateTrailerDocument,
    "\n  mutation UpdateTrailer($input: UpdateTrailerInput!) {\n    updateTrailer(input: $input) {\n      id\n      movieId\n      title\n      durationSeconds\n    }\n  }\n": types.UpdateTrailerDocument,
    "\n  mutation DeleteTrailer($movieId: ID!, $id: ID!) {\n    deleteTrailer(movieId: $movieId, id: $id) {\n      id\n    }\n  }\n": types.DeleteTrailerDocument,
    "\n  mutation RequestUploadUrl($input: RequestUploadUrlInput!) {\n    requestUploadUrl(input: $input) {\n      url\n      key\n      headers\n      uploadId\n      maxBytes\n      expiresAt\n    }\n  }\n": types.RequestUploadUrlDocument,
    "\n  subscription MediaStatusChanged($movieId: ID) {\n    onMediaStatusChanged(movieId: $movieId) {\n      movieId\n      trailerId\n      kind\n      media {\n        ...AdminMediaFile\n      }\n    }\n  }\n": types.MediaStatusChangedDocument,
    "\n  fragment CollectionItemFields on LibraryItem {\n    id\n    title\n    kind\n    media {\n      uploadId\n      status\n    }\n  }\n": types.CollectionItemFieldsFragmentDoc,
    "\n  query MyCollections($limit: Int, $nextToken: String) {\n    myCollections(limit: $limit, nextToken: $nextToken) {\n      items {\n        id\n        name\n        updatedAt\n        items {\n          id\n          title\n        }\n      }\n      nextToken\n    }\n  }\n": types.MyCollectionsDocument,
    "\n  query CollectionDetails($id: ID!) {\n    collection(id: $id) {\n      id\n      name\n      updatedAt\n      items {\n        ...CollectionItemFields\n      }\n    }\n  }\n": types.CollectionDetailsDocument,
    "\n  query LibraryPicker($limit: Int, $nextToken: String) {\n    myLibrary(limit: $limit, nextToken: $nextToken) {\n      items {\n        ...CollectionItemFields\n      }\n      nextToken\n    }\n  }\n": types.LibraryPickerDocument,
    "\n  mutation CreateCollection($input: CreateCollectionInput!) {\n    createCollection(input: $input) {\n      id\n      name\n      updatedAt\n      items {\n        id\n        title\n      }\n    }\n  }\n": types.CreateCollectionDocument,
    "\n  mutation UpdateCollection($id: ID!, $input: UpdateCollectionInput!) {\n    updateCollection(id: $id, input: $input) {\n      id\n      name\n      updatedAt\n      items {\n        ...CollectionItemFields\n      }\n    }\n  }\n": types.UpdateCollectionDocument,
    "\n  mutation DeleteCollection($id: ID!, $deleteItems: Boolean!) {\n    deleteCollection(id: $id, deleteItems: $deleteItems)\n  }\n": types.DeleteCollectionDocument,
    "\n  fragment PlaybackCredentialFields on PlaybackCredential {\n    cookies {\n      name\n      value\n    }\n    domain\n    path\n    secure\n  }\n": types.PlaybackCredentialFieldsFragmentDoc,
    "\n  query Hero {\n    movies(limit: 5) {\n      items {\n        ...MovieCard\n        synopsis\n      }\n    }\n  }\n": types.HeroDocument,
    "\n  query ContinueWatching($limit: Int, $nextToken: String) {\n    continueWatching(limit: $limit, nextToken: $nextToken) {\n      items {\n        ...MovieCard\n      }\n      nextToken\n    }\n  }\n": types.ContinueWatchingDocument,
    "\n  query MyList($limit: Int, $nextToken: String) {\n    myList(limit: $limit, nextToken: $nextToken) {\n      items {\n        ...MovieCard\n      }\n      nextToken\n    }\n  }\n": types.MyListDocument,
    "\n  query GenreRow($genre: Genre!, $limit: Int, $nextToken: String) {\n    moviesByGenre(genre: $genre, limit: $limit, nextToken: $nextToken) {\n      items {\n        ...MovieCard\n      }\n      nextToken\n    }\n  }\n": types.GenreRowDocument,
    "\n  fragment LibraryItemFields on LibraryItem {\n    id\n    kind\n    title\n    description\n    tags\n    fileName\n    contentType\n    sizeBytes\n    durationSeconds\n    createdAt\n    updatedAt\n    media {\n      uploadId\n      status\n      reason\n      chunksDone\n      chunksTotal\n      updatedAt\n    }\n  }\n": types.LibraryItemFieldsFragmentDoc,
    "\n  query MyLibrary($filter: LibraryFilter, $limit: Int, $nextToken: String) {\n    myLibrary(filter: $filter, limit: $limit, nextToken: $nextToken) {\n      items {\n        ...LibraryItemFields\n      }\n      nextToken\n    }\n  }\n": types.MyLibraryDocument,
    "\n  query SearchMyLibrary($query: String!, $kind: LibraryItemKind, $limit: Int, $nextToken: String) {\n    searchMyLibrary(query: $query, kind: $kind, limit: $limit, nextToken: $nextToken) {\n      items {\n        item {\n          ...LibraryItemFields\n        }\n        matchedField\n        highlights {\n          field\n          words\n        }\n      }\n      nextToken\n    }\n  }\n": types.SearchMyLibraryDocument,
    "\n  query LibraryItem($id: ID!) {\n    libraryItem(id: $id) {\n      ...LibraryItemFields\n    }\n  }\n": types.LibraryItemDocument,
    "\n  query LibraryUsage {\n    libraryUsage {\n      items\n      bytes\n      maxItems\n      maxBytes\n    }\n  }\n": types.LibraryUsageDocument,
    "\n  query LibraryImage($id: ID!) {\n    libraryImage(id: $id) {\n      thumbnailUrl\n      largeUrl\n      expiresAt\n      credential {\n        ...PlaybackCredentialFields\n      }\n    }\n  }\n": types.LibraryImageDocument,
    "\n  query LibraryItemDownload($id: ID!) {\n    libraryItemDownload(id: $id) {\n      url\n      fileName\n      expiresAt\n    }\n  }\n": types.LibraryItemDownloadDocument,
    "\n  mutation RequestLibraryUpload($input: RequestLibraryUploadInput!) {\n    requestLibraryUpload(input: $input) {\n      item {\n        ...LibraryItemFields\n      }\n      upload {\n        url\n        headers\n        maxBytes\n      }\n    }\n  }\n": types.RequestLibraryUploadDocument,
    "\n  mutation UpdateLibraryItem($id: ID!, $input: UpdateLibraryItemInput!) {\n    updateLibraryItem(id: $id, input: $input) {\n      ...LibraryItemFields\n    }\n  }\n": types.UpdateLibraryItemDocument,
    "\n  mutation DeleteLibraryItems($ids: [ID!]!) {\n    deleteLibraryItems(ids: $ids)\n  }\n": types.DeleteLibraryItemsDocument,
    "\n  fragment PositionFields on PlaybackPosition {\n    ownerId\n    movieId\n    positionSeconds\n    durationSeconds\n    watched\n    hiddenFromContinueWatching\n    clientTime\n    deviceId\n    savedAt\n  }\n": types.PositionFieldsFragmentDoc,
    "\n  fragment MovieCard on Movie {\n    id\n    title\n    year\n    genres\n    maturityRating\n    durationSeconds\n    posterUrl\n    backdropUrl\n    inMyList\n    myPosition {\n      ...PositionFields\n    }\n  }\n": types.MovieCardFragmentDoc,
    "\n  query Player($id: ID!) {\n    movie(id: $id) {\n      id\n      title\n      durationSeconds\n      posterUrl\n      myPosition {\n        ...PositionFields\n      }\n    }\n    playback(movieId: $id) {\n      ...StreamSourceFields\n      trickplayVttUrl\n    }\n  }\n": types.PlayerDocument,
    "\n  query RenewPlayback($id: ID!) {\n    playback(movieId: $id) {\n      ...StreamSourceFields\n    }\n  }\n": types.RenewPlaybackDocument,
    "\n  fragment StreamSourceFields on Playback {\n    masterPlaylistUrl\n    expiresAt\n    durationSeconds\n    credential {\n      ...PlaybackCredentialFields\n    }\n  }\n": types.StreamSourceFieldsFragmentDoc,
    "\n  mutation SavePosition($input: SavePlaybackPositionInput!) {\n    savePlaybackPosition(input: $input) {\n      ...PositionFields\n    }\n  }\n": types.SavePositionDocument,
    "\n  mutation MarkWatched($input: MarkWatchedInput!) {\n    markWatched(input: $input) {\n      ...PositionFields\n    }\n  }\n": types.MarkWatchedDocument,
    "\n  subscription PositionChanged {\n    onMyPlaybackPositionChanged {\n      ...PositionFields\n    }\n  }\n": types.PositionChangedDocument,
    "\n  query BannerTitle($id: ID!) {\n    movie(id: $id) {\n      id\n      title\n    }\n  }\n": types.BannerTitleDocument,
    "\n  query LibraryPlayer($id: ID!) {\n    libraryItem(id: $id) {\n      id\n      kind\n      title\n      durationSeconds\n      position {\n        ...LibraryPositionFields\n      }\n    }\n    libraryPlayback(id: $id) {\n      ...StreamSourceFields\n      trickplayVttUrl\n    }\n  }\n": types.LibraryPlayerDocument,
    "\n  query RenewLibraryPlayback($id: ID!) {\n    libraryPlayback(id: $id) {\n      ...StreamSourceFields\n    }\n  }\n": types.RenewLibraryPlaybackDocument,
    "\n  fragment LibraryPositionFields on LibraryItemPosition {\n    positionSeconds\n    watched\n    clientTime\n    updatedAt\n  }\n": types.LibraryPositionFieldsFragmentDoc,
    "\n  mutation SaveLibraryPosition($input: SaveLibraryItemPositionInput!) {\n    saveLibraryItemPosition(input: $input) {\n      ...LibraryPositionFields\n    }\n  }\n": types.SaveLibraryPositionDocument,
    "\n  query Search($query: String!, $filter: SearchFilter, $limit: Int, $nextToken: String) {\n    searchMovies(query: $query, filter: $filter, limit: $limit, nextToken: $nextToken) {\n      items {\n        movie {\n          ...MovieCard\n        }\n        matchedField\n        highlights {\n          field\n          words\n        }\n      }\n      nextToken\n    }\n  }\n": types.SearchDocument,
    "\n  mutation RecordSearch($query: String!) {\n    recordSearch(query: $query) {\n      id\n      query\n      searchedAt\n    }\n  }\n": types.RecordSearchDocument,
    "\n  query SearchHistory($limit: Int, $nextToken: String) {\n    searchHistory(limit: $limit, nextToken: $nextToken) {\n      items {\n        id\n        query\n        searchedAt\n      }\n      nextToken\n    }\n  }\n": types.SearchHistoryDocument,
    "\n  mutation DeleteSearchHistoryEntry($id: ID!) {\n    deleteSearchHistoryEntry(id: $id) {\n      id\n    }\n  }\n": types.DeleteSearchHistoryEntryDocument,
    "\n  mutation ClearSearchHistory {\n    clearSearchHistory\n  }\n": types.ClearSearchHistoryDocument,
    "\n  query Title($id: ID!) {\n    movie(id: $id) {\n      ...MovieCard\n      synopsis\n      backdropUrl\n      createdAt\n      video {\n        ...MediaStatusFields\n      }\n      stream {\n        durationSeconds\n      }\n      trailers {\n        id\n        movieId\n        title\n        durationSeconds\n        video {\n          ...MediaStatusFields\n        }\n        stream {\n          durationSeconds\n        }\n      }\n    }\n  }\n": types.TitleDocument,
    "\n  fragment MediaStatusFields on MediaFile {\n    uploadId\n    status\n    reason\n    chunksDone\n    chunksTotal\n  }\n": types.MediaStatusFieldsFragmentDoc,
    "\n  query TrailerUrl($movieId: ID!, $trailerId: ID) {\n    playback(movieId: $movieId, trailerId: $trailerId) {\n      ...StreamSourceFields\n    }\n  }\n": types.TrailerUrlDocument,
    "\n  mutation AddToMyList($movieId: ID!) {\n    addToMyList(movieId: $movieId) {\n      id\n      inMyList\n    }\n  }\n": types.AddToMyListDocument,
    "\n  mutation RemoveFromMyList($movieId: ID!) {\n    removeFromMyList(movieId: $movieId) {\n      id\n      inMyList\n    }\n  }\n": types.RemoveFromMyListDocument,
    "\n  mutation SetWatched($input: MarkWatchedInput!) {\n    markWatched(input: $input) {\n      ...PositionFields\n    }\n  }\n": types.SetWatchedDocument,
    "\n  mutation RemoveFromContinueWatching($movieId: ID!) {\n    removeFromContinueWatching(movieId: $movieId) {\n      ...PositionFields\n    }\n  }\n": types.RemoveFromContinueWatchingDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Profile {\n    me {\n      id\n      email\n      displayName\n      isAdmin\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query Profile {\n    me {\n      id\n      email\n      displayName\n      isAdmin\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMyAccount {\n    deleteMyAccount\n  }\n"): (typeof documents)["\n  mutation DeleteMyAccount {\n    deleteMyAccount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n"): (typeof documents)["\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminMovies($limit: Int, $nextToken: String) {\n    movies(limit: $limit, nextToken: $nextToken) {\n      items {\n        id\n        title\n        year\n        genres\n        posterUrl\n        video {\n          contentType\n        }\n        updatedAt\n      }\n      nextToken\n    }\n  }\n"): (typeof documents)["\n  query AdminMovies($limit: Int, $nextToken: String) {\n    movies(limit: $limit, nextToken: $nextToken) {\n      items {\n        id\n        title\n        year\n        genres\n        posterUrl\n        video {\n          contentType\n        }\n        updatedAt\n      }\n      nextToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminMediaFile on MediaFile {\n    uploadId\n    contentType\n    sizeBytes\n    status\n    reason\n    chunksDone\n    chunksTotal\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment AdminMediaFile on MediaFile {\n    uploadId\n    contentType\n    sizeBytes\n    status\n    reason\n    chunksDone\n    chunksTotal\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminStream on Stream {\n    uploadId\n    durationSeconds\n    readyAt\n    renditions {\n      height\n    }\n  }\n"): (typeof documents)["\n  fragment AdminStream on Stream {\n    uploadId\n    durationSeconds\n    readyAt\n    renditions {\n      height\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminMovie($id: ID!) {\n    movie(id: $id) {\n      id\n      title\n      synopsis\n      year\n      genres\n      maturityRating\n      durationSeconds\n      tags\n      cast\n      directors\n      posterUrl\n      backdropUrl\n      video {\n        ...AdminMediaFile\n      }\n      poster {\n        ...AdminMediaFile\n      }\n      backdrop {\n        ...AdminMediaFile\n      }\n      stream {\n        ...AdminStream\n      }\n      trailers {\n        id\n        movieId\n        title\n        durationSeconds\n        video {\n          ...AdminMediaFile\n        }\n        stream {\n          ...AdminStream\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminMovie($id: ID!) {\n    movie(id: $id) {\n      id\n      title\n      synopsis\n      year\n      genres\n      maturityRating\n      durationSeconds\n      tags\n      cast\n      directors\n      posterUrl\n      backdropUrl\n      video {\n        ...AdminMediaFile\n      }\n      poster {\n        ...AdminMediaFile\n      }\n      backdrop {\n        ...AdminMediaFile\n      }\n      stream {\n        ...AdminStream\n      }\n      trailers {\n        id\n        movieId\n        title\n        durationSeconds\n        video {\n          ...AdminMediaFile\n        }\n        stream {\n          ...AdminStream\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMovie($input: CreateMovieInput!) {\n    createMovie(input: $input) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMovie($input: CreateMovieInput!) {\n    createMovie(input: $input) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMovie($input: UpdateMovieInput!) {\n    updateMovie(input: $input) {\n      id\n      title\n      synopsis\n      year\n      genres\n      maturityRating\n      durationSeconds\n      tags\n      cast\n      directors\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMovie($input: UpdateMovieInput!) {\n    updateMovie(input: $input) {\n      id\n      title\n      synopsis\n      year\n      genres\n      maturityRating\n      durationSeconds\n      tags\n      cast\n      directors\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMovie($id: ID!) {\n    deleteMovie(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteMovie($id: ID!) {\n    deleteMovie(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTrailer($input: CreateTrailerInput!) {\n    createTrailer(input: $input) {\n      id\n      movieId\n      title\n      durationSeconds\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTrailer($input: CreateTrailerInput!) {\n    createTrailer(input: $input) {\n      id\n      movieId\n      title\n      durationSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTrailer($input: UpdateTrailerInput!) {\n    updateTrailer(input: $input) {\n      id\n      movieId\n      title\n      durationSeconds\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTrailer($input: UpdateTrailerInput!) {\n    updateTrailer(input: $input) {\n      id\n      movieId\n      title\n      durationSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTrailer($movieId: ID!, $id: ID!) {\n    deleteTrailer(movieId: $movieId, id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteTrailer($movieId: ID!, $id: ID!) {\n    deleteTrailer(movieId: $movieId, id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestUploadUrl($input: RequestUploadUrlInput!) {\n    requestUploadUrl(input: $input) {\n      url\n      key\n      headers\n      uploadId\n      maxBytes\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation RequestUploadUrl($input: RequestUploadUrlInput!) {\n    requestUploadUrl(input: $input) {\n      url\n      key\n      headers\n      uploadId\n      maxBytes\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MediaStatusChanged($movieId: ID) {\n    onMediaStatusChanged(movieId: $movieId) {\n      movieId\n      trailerId\n      kind\n      media {\n        ...AdminMediaFile\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MediaStatusChanged($movieId: ID) {\n    onMediaStatusChanged(movieId: $movieId) {\n      movieId\n      trailerId\n      kind\n      media {\n        ...AdminMediaFile\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CollectionItemFields on LibraryItem {\n    id\n    title\n    kind\n    media {\n      uploadId\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment CollectionItemFields on LibraryItem {\n    id\n    title\n    kind\n    media {\n      uploadId\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCollections($limit: Int, $nextToken: String) {\n    myCollections(limit: $limit, nextToken: $nextToken) {\n      items {\n        id\n        name\n        updatedAt\n        items {\n          id\n          title\n        }\n      }\n      nextToken\n    }\n  }\n"): (typeof documents)["\n  query MyCollections($limit: Int, $nextToken: String) {\n    myCollections(limit: $limit, nextToken: $nextToken) {\n      items {\n        id\n        name\n        updatedAt\n        items {\n          id\n          title\n        }\n      }\n      nextToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CollectionDetails($id: ID!) {\n    collection(id: $id) {\n      id\n      name\n      updatedAt\n      items {\n        ...CollectionItemFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query CollectionDetails($id: ID!) {\n    collection(id: $id) {\n      id\n      name\n      updatedAt\n      items {\n        ...CollectionItemFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LibraryPicker($limit: Int, $nextToken: String) {\n    myLibrary(limit: $limit, nextToken: $nextToken) {\n      items {\n        ...CollectionItemFields\n      }\n      nextToken\n    }\n  }\n"): (typeof documents)["\n  query LibraryPicker($limit: Int, $nextToken: String) {\n    myLibrary(limit: $limit, nextToken: $nextToken) {\n      items {\n        ...CollectionItemFields\n      }\n      nextToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCollection($input: CreateCollectionInput!) {\n    createCollection(input: $input) {\n      id\n      name\n      updatedAt\n      items {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCollection($input: CreateCollectionInput!) {\n    createCollection(input: $input) {\n      id\n      name\n      updatedAt\n      items {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCollection($id: ID!, $input: UpdateCollectionInput!) {\n    updateCollection(id: $id, input: $input) {\n      id\n      name\n      updatedAt\n      items {\n        ...CollectionItemFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCollection($id: ID!, $input: UpdateCollectionInput!) {\n    updateCollection(id: $id, input: $input) {\n      id\n      name\n      updatedAt\n      items {\n        ...CollectionItemFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCollection($id: ID!, $deleteItems: Boolean!) {\n    deleteCollection(id: $id, deleteItems: $deleteItems)\n  }\n"): (typeof documents)["\n  mutation DeleteCollection($id: ID!, $deleteItems: Boolean!) {\n    deleteCollection(id: $id, deleteItems: $deleteItems)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlaybackCredentialFields on PlaybackCredential {\n    cookies {\n      name\n      value\n    }\n    domain\n    path\n    secure\n  }\n"): (typeof documents)["\n  fragment PlaybackCredentialFields on PlaybackCredential {\n    cookies {\n      name\n      value\n    }\n    domain\n    path\n    secure\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Hero {\n    movies(limit: 5) {\n      items {\n        ...MovieCard\n        synopsis\n      }\n    }\n  }\n"): (typeof documents)["\n  query Hero {\n    movies(limit: 5) {\n      items {\n        ...MovieCard\n        synopsis\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContinueWatching($limit: Int, $nextToken: String) {\n    continueWatching(limit: $limit, nextToken: $nextToken) {\n      items {\n        ...MovieCard\n      }\n      nextToken\n    }\n  }\n"): (typeof documents)["\n  query ContinueWatching($limit: Int, $nextToken: String) {\n    continueWatching(limit: $limit, nextToken: $nextToken) {\n      items {\n        ...MovieCard\n      }\n      nextToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyList($limit: Int, $nextToken: String) {\n    myList(limit: $limit, nextToken: $nextToken) {\n      items {\n        ...MovieCard\n      }\n      nextToken\n    }\n  }\n"): (typeof documents)["\n  query MyList($limit: Int, $nextToken: String) {\n    myList(limit: $limit, nextToken: $nextToken) {\n      items {\n        ...MovieCard\n      }\n      nextToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GenreRow($genre: Genre!, $limit: Int, $nextToken: String) {\n    moviesByGenre(genre: $genre, limit: $limit, nextToken: $nextToken) {\n      items {\n        ...MovieCard\n      }\n      nextToken\n    }\n  }\n"): (typeof documents)["\n  query GenreRow($genre: Genre!, $limit: Int, $nextToken: String) {\n    moviesByGenre(genre: $genre, limit: $limit, nextToken: $nextToken) {\n      items {\n        ...MovieCard\n      }\n      nextToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LibraryItemFields on LibraryItem {\n    id\n    kind\n    title\n    description\n    tags\n    fileName\n    contentType\n    sizeBytes\n    durationSeconds\n    createdAt\n    updatedAt\n    media {\n      uploadId\n      status\n      reason\n      chunksDone\n      chunksTotal\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  fragment LibraryItemFields on LibraryItem {\n    id\n    kind\n    title\n    description\n    tags\n    fileName\n    contentType\n    sizeBytes\n    durationSeconds\n    createdAt\n    updatedAt\n    media {\n      uploadId\n      status\n      reason\n      chunksDone\n      chunksTotal\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyLibrary($filter: LibraryFilter, $limit: Int, $nextToken: String) {\n    myLibrary(filter: $filter, limit: $limit, nextToken: $nextToken) {\n      items {\n        ...LibraryItemFields\n      }\n      nextToken\n    }\n  }\n"): (typeof documents)["\n  query MyLibrary($filter: LibraryFilter, $limit: Int, $nextToken: String) {\n    myLibrary(filter: $filter, limit: $limit, nextToken: $nextToken) {\n      items {\n        ...LibraryItemFields\n      }\n      nextToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchMyLibrary($query: String!, $kind: LibraryItemKind, $limit: Int, $nextToken: String) {\n    searchMyLibrary(query: $query, kind: $kind, limit: $limit, nextToken: $nextToken) {\n      items {\n        item {\n          ...LibraryItemFields\n        }\n        matchedField\n        highlights {\n          field\n          words\n        }\n      }\n      nextToken\n    }\n  }\n"): (typeof documents)["\n  query SearchMyLibrary($query: String!, $kind: LibraryItemKind, $limit: Int, $nextToken: String) {\n    searchMyLibrary(query: $query, kind: $kind, limit: $limit, nextToken: $nextToken) {\n      items {\n        item {\n          ...LibraryItemFields\n        }\n        matchedField\n        highlights {\n          field\n          words\n        }\n      }\n      nextToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LibraryItem($id: ID!) {\n    libraryItem(id: $id) {\n      ...LibraryItemFields\n    }\n  }\n"): (typeof documents)["\n  query LibraryItem($id: ID!) {\n    libraryItem(id: $id) {\n      ...LibraryItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LibraryUsage {\n    libraryUsage {\n      items\n      bytes\n      maxItems\n      maxBytes\n    }\n  }\n"): (typeof documents)["\n  query LibraryUsage {\n    libraryUsage {\n      items\n      bytes\n      maxItems\n      maxBytes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LibraryImage($id: ID!) {\n    libraryImage(id: $id) {\n      thumbnailUrl\n      largeUrl\n      expiresAt\n      credential {\n        ...PlaybackCredentialFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query LibraryImage($id: ID!) {\n    libraryImage(id: $id) {\n      thumbnailUrl\n      largeUrl\n      expiresAt\n      credential {\n        ...PlaybackCredentialFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LibraryItemDownload($id: ID!) {\n    libraryItemDownload(id: $id) {\n      url\n      fileName\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query LibraryItemDownload($id: ID!) {\n    libraryItemDownload(id: $id) {\n      url\n      fileName\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestLibraryUpload($input: RequestLibraryUploadInput!) {\n    requestLibraryUpload(input: $input) {\n      item {\n        ...LibraryItemFields\n      }\n      upload {\n        url\n        headers\n        maxBytes\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestLibraryUpload($input: RequestLibraryUploadInput!) {\n    requestLibraryUpload(input: $input) {\n      item {\n        ...LibraryItemFields\n      }\n      upload {\n        url\n        headers\n        maxBytes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLibraryItem($id: ID!, $input: UpdateLibraryItemInput!) {\n    updateLibraryItem(id: $id, input: $input) {\n      ...LibraryItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLibraryItem($id: ID!, $input: UpdateLibraryItemInput!) {\n    updateLibraryItem(id: $id, input: $input) {\n      ...LibraryItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteLibraryItems($ids: [ID!]!) {\n    deleteLibraryItems(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation DeleteLibraryItems($ids: [ID!]!) {\n    deleteLibraryItems(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PositionFields on PlaybackPosition {\n    ownerId\n    movieId\n    positionSeconds\n    durationSeconds\n    watched\n    hiddenFromContinueWatching\n    clientTime\n    deviceId\n    savedAt\n  }\n"): (typeof documents)["\n  fragment PositionFields on PlaybackPosition {\n    ownerId\n    movieId\n    positionSeconds\n    durationSeconds\n    watched\n    hiddenFromContinueWatching\n    clientTime\n    deviceId\n    savedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MovieCard on Movie {\n    id\n    title\n    year\n    genres\n    maturityRating\n    durationSeconds\n    posterUrl\n    backdropUrl\n    inMyList\n    myPosition {\n      ...PositionFields\n    }\n  }\n"): (typeof documents)["\n  fragment MovieCard on Movie {\n    id\n    title\n    year\n    genres\n    maturityRating\n    durationSeconds\n    posterUrl\n    backdropUrl\n    inMyList\n    myPosition {\n      ...PositionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Player($id: ID!) {\n    movie(id: $id) {\n      id\n      title\n      durationSeconds\n      posterUrl\n      myPosition {\n        ...PositionFields\n      }\n    }\n    playback(movieId: $id) {\n      ...StreamSourceFields\n      trickplayVttUrl\n    }\n  }\n"): (typeof documents)["\n  query Player($id: ID!) {\n    movie(id: $id) {\n      id\n      title\n      durationSeconds\n      posterUrl\n      myPosition {\n        ...PositionFields\n      }\n    }\n    playback(movieId: $id) {\n      ...StreamSourceFields\n      trickplayVttUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RenewPlayback($id: ID!) {\n    playback(movieId: $id) {\n      ...StreamSourceFields\n    }\n  }\n"): (typeof documents)["\n  query RenewPlayback($id: ID!) {\n    playback(movieId: $id) {\n      ...StreamSourceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StreamSourceFields on Playback {\n    masterPlaylistUrl\n    expiresAt\n    durationSeconds\n    credential {\n      ...PlaybackCredentialFields\n    }\n  }\n"): (typeof documents)["\n  fragment StreamSourceFields on Playback {\n    masterPlaylistUrl\n    expiresAt\n    durationSeconds\n    credential {\n      ...PlaybackCredentialFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SavePosition($input: SavePlaybackPositionInput!) {\n    savePlaybackPosition(input: $input) {\n      ...PositionFields\n    }\n  }\n"): (typeof documents)["\n  mutation SavePosition($input: SavePlaybackPositionInput!) {\n    savePlaybackPosition(input: $input) {\n      ...PositionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkWatched($input: MarkWatchedInput!) {\n    markWatched(input: $input) {\n      ...PositionFields\n    }\n  }\n"): (typeof documents)["\n  mutation MarkWatched($input: MarkWatchedInput!) {\n    markWatched(input: $input) {\n      ...PositionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PositionChanged {\n    onMyPlaybackPositionChanged {\n      ...PositionFields\n    }\n  }\n"): (typeof documents)["\n  subscription PositionChanged {\n    onMyPlaybackPositionChanged {\n      ...PositionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BannerTitle($id: ID!) {\n    movie(id: $id) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  query BannerTitle($id: ID!) {\n    movie(id: $id) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LibraryPlayer($id: ID!) {\n    libraryItem(id: $id) {\n      id\n      kind\n      title\n      durationSeconds\n      position {\n        ...LibraryPositionFields\n      }\n    }\n    libraryPlayback(id: $id) {\n      ...StreamSourceFields\n      trickplayVttUrl\n    }\n  }\n"): (typeof documents)["\n  query LibraryPlayer($id: ID!) {\n    libraryItem(id: $id) {\n      id\n      kind\n      title\n      durationSeconds\n      position {\n        ...LibraryPositionFields\n      }\n    }\n    libraryPlayback(id: $id) {\n      ...StreamSourceFields\n      trickplayVttUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RenewLibraryPlayback($id: ID!) {\n    libraryPlayback(id: $id) {\n      ...StreamSourceFields\n    }\n  }\n"): (typeof documents)["\n  query RenewLibraryPlayback($id: ID!) {\n    libraryPlayback(id: $id) {\n      ...StreamSourceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LibraryPositionFields on LibraryItemPosition {\n    positionSeconds\n    watched\n    clientTime\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment LibraryPositionFields on LibraryItemPosition {\n    positionSeconds\n    watched\n    clientTime\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveLibraryPosition($input: SaveLibraryItemPositionInput!) {\n    saveLibraryItemPosition(input: $input) {\n      ...LibraryPositionFields\n    }\n  }\n"): (typeof documents)["\n  mutation SaveLibraryPosition($input: SaveLibraryItemPositionInput!) {\n    saveLibraryItemPosition(input: $input) {\n      ...LibraryPositionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($query: String!, $filter: SearchFilter, $limit: Int, $nextToken: String) {\n    searchMovies(query: $query, filter: $filter, limit: $limit, nextToken: $nextToken) {\n      items {\n        movie {\n          ...MovieCard\n        }\n        matchedField\n        highlights {\n          field\n          words\n        }\n      }\n      nextToken\n    }\n  }\n"): (typeof documents)["\n  query Search($query: String!, $filter: SearchFilter, $limit: Int, $nextToken: String) {\n    searchMovies(query: $query, filter: $filter, limit: $limit, nextToken: $nextToken) {\n      items {\n        movie {\n          ...MovieCard\n        }\n        matchedField\n        highlights {\n          field\n          words\n        }\n      }\n      nextToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordSearch($query: String!) {\n    recordSearch(query: $query) {\n      id\n      query\n      searchedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RecordSearch($query: String!) {\n    recordSearch(query: $query) {\n      id\n      query\n      searchedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchHistory($limit: Int, $nextToken: String) {\n    searchHistory(limit: $limit, nextToken: $nextToken) {\n      items {\n        id\n        query\n        searchedAt\n      }\n      nextToken\n    }\n  }\n"): (typeof documents)["\n  query SearchHistory($limit: Int, $nextToken: String) {\n    searchHistory(limit: $limit, nextToken: $nextToken) {\n      items {\n        id\n        query\n        searchedAt\n      }\n      nextToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSearchHistoryEntry($id: ID!) {\n    deleteSearchHistoryEntry(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteSearchHistoryEntry($id: ID!) {\n    deleteSearchHistoryEntry(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClearSearchHistory {\n    clearSearchHistory\n  }\n"): (typeof documents)["\n  mutation ClearSearchHistory {\n    clearSearchHistory\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Title($id: ID!) {\n    movie(id: $id) {\n      ...MovieCard\n      synopsis\n      backdropUrl\n      createdAt\n      video {\n        ...MediaStatusFields\n      }\n      stream {\n        durationSeconds\n      }\n      trailers {\n        id\n        movieId\n        title\n        durationSeconds\n        video {\n          ...MediaStatusFields\n        }\n        stream {\n          durationSeconds\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Title($id: ID!) {\n    movie(id: $id) {\n      ...MovieCard\n      synopsis\n      backdropUrl\n      createdAt\n      video {\n        ...MediaStatusFields\n      }\n      stream {\n        durationSeconds\n      }\n      trailers {\n        id\n        movieId\n        title\n        durationSeconds\n        video {\n          ...MediaStatusFields\n        }\n        stream {\n          durationSeconds\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MediaStatusFields on MediaFile {\n    uploadId\n    status\n    reason\n    chunksDone\n    chunksTotal\n  }\n"): (typeof documents)["\n  fragment MediaStatusFields on MediaFile {\n    uploadId\n    status\n    reason\n    chunksDone\n    chunksTotal\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrailerUrl($movieId: ID!, $trailerId: ID) {\n    playback(movieId: $movieId, trailerId: $trailerId) {\n      ...StreamSourceFields\n    }\n  }\n"): (typeof documents)["\n  query TrailerUrl($movieId: ID!, $trailerId: ID) {\n    playback(movieId: $movieId, trailerId: $trailerId) {\n      ...StreamSourceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddToMyList($movieId: ID!) {\n    addToMyList(movieId: $movieId) {\n      id\n      inMyList\n    }\n  }\n"): (typeof documents)["\n  mutation AddToMyList($movieId: ID!) {\n    addToMyList(movieId: $movieId) {\n      id\n      inMyList\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveFromMyList($movieId: ID!) {\n    removeFromMyList(movieId: $movieId) {\n      id\n      inMyList\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveFromMyList($movieId: ID!) {\n    removeFromMyList(movieId: $movieId) {\n      id\n      inMyList\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWatched($input: MarkWatchedInput!) {\n    markWatched(input: $input) {\n      ...PositionFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetWatched($input: MarkWatchedInput!) {\n    markWatched(input: $input) {\n      ...PositionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveFromContinueWatching($movieId: ID!) {\n    removeFromContinueWatching(movieId: $movieId) {\n      ...PositionFields\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveFromContinueWatching($movieId: ID!) {\n    removeFromContinueWatching(movieId: $movieId) {\n      ...PositionFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;