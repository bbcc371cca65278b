export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  AWSDate: { input: string; output: string; }
  AWSDateTime: { input: string; output: string; }
  AWSEmail: { input: string; output: string; }
  AWSIPAddress: { input: string; output: string; }
  AWSJSON: { input: string; output: string; }
  AWSPhone: { input: string; output: string; }
  AWSTime: { input: string; output: string; }
  AWSTimestamp: { input: number; output: number; }
  AWSURL: { input: string; output: string; }
};

/**
 * An album of the caller's library items, in the order the owner chose. An item can be in several collections;
 * deleting an item takes it out of every collection.
 */
export type Collection = {
  __typename?: 'Collection';
  /** When the collection was created. */
  createdAt: Scalars['AWSDateTime']['output'];
  /** Unique id of the collection. */
  id: Scalars['ID']['output'];
  /**
   * The items, in the owner's order (at most 20). Resolved per collection: ask for it on one collection (or a
   * short page of them), not on a long list.
   */
  items: Array<LibraryItem>;
  /** The collection's name (1–200 characters). */
  name: Scalars['String']['output'];
  /** When the collection was last renamed or reordered. */
  updatedAt: Scalars['AWSDateTime']['output'];
};

/** A page of the caller's collections, newest first. */
export type CollectionConnection = {
  __typename?: 'CollectionConnection';
  /** The collections on this page. */
  items: Array<Collection>;
  /** Pass this to the same query to get the next page; null on the last page. */
  nextToken: Maybe<Scalars['String']['output']>;
};

/** Input of `createCollection`. */
export type CreateCollectionInput = {
  /** The caller's library items to put in it, in order (0–20 ids, no repeats); another user's ids are refused. */
  itemIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The collection's name (1–200 characters). */
  name: Scalars['String']['input'];
};

/** Input of `createMovie`. */
export type CreateMovieInput = {
  /** The cast (up to 30 names, each 1–100 characters); default none. */
  cast?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The directors (up to 5 names, each 1–100 characters); default none. */
  directors?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Running time in seconds (1–86,400). */
  durationSeconds: Scalars['Int']['input'];
  /** One to five genres, no repeats. */
  genres: Array<Genre>;
  /** The audience the title is suitable for. */
  maturityRating: MaturityRating;
  /** A short description (1–2,000 characters). */
  synopsis: Scalars['String']['input'];
  /** Tags (up to 20, each 1–40 characters, no repeats ignoring case); default none. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The title's name (1–200 characters). */
  title: Scalars['String']['input'];
  /** The release year (1888–2100). */
  year: Scalars['Int']['input'];
};

/** Input of `createTrailer`. */
export type CreateTrailerInput = {
  /** Running time in seconds (1–3,600). */
  durationSeconds: Scalars['Int']['input'];
  /** The title the trailer belongs to. */
  movieId: Scalars['ID']['input'];
  /** The trailer's name (1–200 characters). */
  title: Scalars['String']['input'];
};

/** A genre a title can belong to. A title has between one and five genres. */
export type Genre =
  /** Action. */
  | 'ACTION'
  /** Adventure. */
  | 'ADVENTURE'
  /** Animation. */
  | 'ANIMATION'
  /** Comedy. */
  | 'COMEDY'
  /** Crime. */
  | 'CRIME'
  /** Documentary. */
  | 'DOCUMENTARY'
  /** Drama. */
  | 'DRAMA'
  /** Family. */
  | 'FAMILY'
  /** Fantasy. */
  | 'FANTASY'
  /** Horror. */
  | 'HORROR'
  /** Mystery. */
  | 'MYSTERY'
  /** Romance. */
  | 'ROMANCE'
  /** Science fiction. */
  | 'SCIENCE_FICTION'
  /** Thriller. */
  | 'THRILLER'
  /** Western. */
  | 'WESTERN';

/** A short-lived link to download a library item's original file. */
export type LibraryDownload = {
  __typename?: 'LibraryDownload';
  /** When the URL stops working. */
  expiresAt: Scalars['AWSDateTime']['output'];
  /** The file name the original was uploaded with. */
  fileName: Scalars['String']['output'];
  /** The presigned GET URL (valid until `expiresAt`); the browser saves the file under `fileName`. */
  url: Scalars['AWSURL']['output'];
};

/** A filter of `myLibrary`; both parts must match when both are given. */
export type LibraryFilter = {
  /** Only items of this kind. */
  kind?: InputMaybe<LibraryItemKind>;
  /** Only items with this tag (matched ignoring case). */
  tag?: InputMaybe<Scalars['String']['input']>;
};

/** A library photo's (or video frame's) resized variants and the credential to fetch them (the same private delivery as streams). */
export type LibraryImage = {
  __typename?: 'LibraryImage';
  /** The credential both requests must carry (valid until `expiresAt`), scoped to this item's folder. */
  credential: PlaybackCredential;
  /** When the credential stops working: ask `libraryImage` again. */
  expiresAt: Scalars['AWSDateTime']['output'];
  /** The large variant (WebP, at most 1,920 pixels wide). */
  largeUrl: Scalars['AWSURL']['output'];
  /** The thumbnail variant (WebP, at most 400 pixels wide). */
  thumbnailUrl: Scalars['AWSURL']['output'];
};

/**
 * A media file the caller uploaded to their own library (My Library). Only its owner can list, read, play, download,
 * edit or delete it; every other caller, admins included, gets nothing (as if it did not exist).
 */
export type LibraryItem = {
  __typename?: 'LibraryItem';
  /** The content type declared at upload. */
  contentType: Scalars['String']['output'];
  /** When the item was created. */
  createdAt: Scalars['AWSDateTime']['output'];
  /** The owner's description (at most 2,000 characters; empty when none). */
  description: Scalars['String']['output'];
  /** Video and audio: the measured duration in seconds once READY, else null. */
  durationSeconds: Maybe<Scalars['Float']['output']>;
  /** The file name the owner uploaded (for downloads). */
  fileName: Scalars['String']['output'];
  /** Unique id of the item. */
  id: Scalars['ID']['output'];
  /** What the item holds. */
  kind: LibraryItemKind;
  /** The latest upload of the original and where it is in processing. */
  media: MediaFile;
  /** Video and audio: where the caller is in the item (`saveLibraryItemPosition`); null before any save. */
  position: Maybe<LibraryItemPosition>;
  /** The original's size in bytes (a `Float`: see `MediaFile.sizeBytes`). */
  sizeBytes: Scalars['Float']['output'];
  /** The owner's tags (at most 20, each 1–40 characters, lower-cased, no repeats). */
  tags: Array<Scalars['String']['output']>;
  /** The item's name (1–200 characters). */
  title: Scalars['String']['output'];
  /** When the item's details or status last changed (saving a position does not change it). */
  updatedAt: Scalars['AWSDateTime']['output'];
};

/** A page of the caller's library items, newest first. */
export type LibraryItemConnection = {
  __typename?: 'LibraryItemConnection';
  /** The items on this page (a page can be shorter than the limit while `nextToken` is set, when a filter applies). */
  items: Array<LibraryItem>;
  /** Pass this to the same query to get the next page; null on the last page. */
  nextToken: Maybe<Scalars['String']['output']>;
};

/** What a My Library item holds. */
export type LibraryItemKind =
  /** A sound file (MP3, AAC/M4A, WAV, FLAC or Ogg): its duration is measured and it is converted to an AAC stream. */
  | 'AUDIO'
  /** A photo (JPEG, PNG or WebP): resized to WebP variants (a thumbnail and a large view). */
  | 'IMAGE'
  /** A video (MP4, MOV, MKV or WebM): processed to an HLS stream with scrub previews, played like the catalog. */
  | 'VIDEO';

/**
 * The owner's place in one of their library videos or sounds, stored with the item (deleting the item or the
 * account removes it). Saves are ordered by `clientTime` as in `PlaybackPosition`: an older save never replaces
 * a newer one.
 */
export type LibraryItemPosition = {
  __typename?: 'LibraryItemPosition';
  /** The device clock time of the save that won; later saves must carry a later time. */
  clientTime: Scalars['AWSDateTime']['output'];
  /** Seconds from the start of the item. */
  positionSeconds: Scalars['Int']['output'];
  /** When the server stored the save that won. */
  updatedAt: Scalars['AWSDateTime']['output'];
  /** Whether the owner reached the end (the last 5%, or the last two minutes of an item of 20 minutes or more). */
  watched: Scalars['Boolean']['output'];
};

/** A page of library search results, best first. */
export type LibrarySearchConnection = {
  __typename?: 'LibrarySearchConnection';
  /** The results on this page. */
  items: Array<LibrarySearchResult>;
  /** Pass this to the same query (same text and kind) to get the next page; null on the last page. */
  nextToken: Maybe<Scalars['String']['output']>;
};

/** A library item a search found, and why. */
export type LibrarySearchResult = {
  __typename?: 'LibrarySearchResult';
  /** Every field a search word matched, best-ranked first, with the matching words as written (for highlighting). */
  highlights: Array<SearchHighlight>;
  /** The item. */
  item: LibraryItem;
  /** The best-ranked field that a search word matched (`TITLE`, `TAGS` or `DESCRIPTION`): the result is ranked by it. */
  matchedField: SearchField;
};

/** A new library item and where to upload its file. */
export type LibraryUpload = {
  __typename?: 'LibraryUpload';
  /** The item, with status UPLOADED until its file arrives and processing starts. */
  item: LibraryItem;
  /** The presigned PUT for the original. */
  upload: UploadTarget;
};

/** How much of their library quota the caller uses (the limits are per user). */
export type LibraryUsage = {
  __typename?: 'LibraryUsage';
  /** Bytes of originals in the library (the declared sizes). */
  bytes: Scalars['Float']['output'];
  /** Items in the library (uploads requested count at once, whether or not their file arrived). */
  items: Scalars['Int']['output'];
  /** The most bytes of originals a library may hold. */
  maxBytes: Scalars['Float']['output'];
  /** The most items a library may hold. */
  maxItems: Scalars['Int']['output'];
};

/** Input of `markWatched`. */
export type MarkWatchedInput = {
  /** The device clock time of this change; ordered with the saves of `savePlaybackPosition`. */
  clientTime: Scalars['AWSDateTime']['input'];
  /** An id for the device (at most 64 characters). */
  deviceId?: InputMaybe<Scalars['String']['input']>;
  /** The title's id. */
  movieId: Scalars['ID']['input'];
  /** True to mark the title watched (the position moves to the end), false to mark it unwatched (back to the start). */
  watched: Scalars['Boolean']['input'];
};

/** The audience a title is suitable for. */
export type MaturityRating =
  /** Suitable from 7 years. */
  | 'AGE_7'
  /** Suitable from 13 years. */
  | 'AGE_13'
  /** Suitable from 16 years. */
  | 'AGE_16'
  /** Adults only. */
  | 'AGE_18'
  /** Suitable for all ages. */
  | 'ALL';

/**
 * The latest uploaded source file of one media kind of a title or trailer, and where it is in processing.
 * Its storage key is chosen by the server and never exposed.
 */
export type MediaFile = {
  __typename?: 'MediaFile';
  /** Video only: encoding chunks finished so far (0 for images and before encoding starts). */
  chunksDone: Scalars['Int']['output'];
  /** Video only: encoding chunks in total (0 until the source has been split). */
  chunksTotal: Scalars['Int']['output'];
  /** The file's content type as declared at upload, e.g. `video/mp4`. */
  contentType: Scalars['String']['output'];
  /** Why the file was refused or failed, in words an admin understands; null unless `status` is FAILED. */
  reason: Maybe<Scalars['String']['output']>;
  /**
   * The file's size in bytes (a whole number). A `Float` because AppSync's `Int` is a signed 32-bit integer
   * (at most 2,147,483,647, just under 2 GiB) and video sources can be larger; a `Float` holds every whole
   * number up to 2^53 exactly.
   */
  sizeBytes: Scalars['Float']['output'];
  /** Where the file is in processing. */
  status: MediaStatus;
  /** When the status last changed. */
  updatedAt: Scalars['AWSDateTime']['output'];
  /** The upload this status is about (a new `requestUploadUrl` starts a new one). */
  uploadId: Scalars['ID']['output'];
};

/** Which media file of a title an upload URL is for. */
export type MediaKind =
  /** The wide backdrop image shown on the detail page and the hero banner. */
  | 'BACKDROP'
  /** The portrait poster image shown in rows. */
  | 'POSTER'
  /** A trailer's video (MP4); needs `trailerId`. */
  | 'TRAILER_VIDEO'
  /** The title's main video (MP4). */
  | 'VIDEO';

/**
 * Where an uploaded source file is in processing. Uploads go to a private sources area; nothing a viewer can
 * reach changes until processing succeeds, so a title keeps its previous stream and images while a replacement
 * is processed, and keeps them if the replacement fails.
 */
export type MediaStatus =
  /** The file was refused or could not be converted; `reason` says why. The previous result stays in use. */
  | 'FAILED'
  /** The file's content is being checked and converted (streams, thumbnails or image sizes). */
  | 'PROCESSING'
  /** The file was converted; the title plays (or shows) the result. */
  | 'READY'
  /** An upload URL was issued for the file, or the file arrived; processing has not started yet. */
  | 'UPLOADED';

/** A change of a title's (or trailer's) media processing status, pushed to admins. */
export type MediaStatusChange = {
  __typename?: 'MediaStatusChange';
  /** Which media the change is about. */
  kind: MediaKind;
  /** The new state. */
  media: MediaFile;
  /** The title. */
  movieId: Scalars['ID']['output'];
  /** The trailer, when the change is about a trailer's video. */
  trailerId: Maybe<Scalars['ID']['output']>;
};

/** Input of `publishMediaStatus`. */
export type MediaStatusChangeInput = {
  /** Encoding chunks done. */
  chunksDone: Scalars['Int']['input'];
  /** Encoding chunks in total. */
  chunksTotal: Scalars['Int']['input'];
  /** The file's declared content type. */
  contentType: Scalars['String']['input'];
  /** Which media changed. */
  kind: MediaKind;
  /** The title. */
  movieId: Scalars['ID']['input'];
  /** Why it failed (FAILED only). */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** The file's size in bytes. */
  sizeBytes: Scalars['Float']['input'];
  /** The new state. */
  status: MediaStatus;
  /** The trailer, for a trailer's video. */
  trailerId?: InputMaybe<Scalars['ID']['input']>;
  /** When the state changed. */
  updatedAt: Scalars['AWSDateTime']['input'];
  /** The upload. */
  uploadId: Scalars['ID']['input'];
};

/** A title in the catalog, as the caller sees it (with the caller's own progress and list membership). */
export type Movie = {
  __typename?: 'Movie';
  /** The latest upload of the backdrop image and its processing status, or null while none has been uploaded. */
  backdrop: Maybe<MediaFile>;
  /** The backdrop image's URL (public catalog art served by CloudFront), or null while none has been uploaded. */
  backdropUrl: Maybe<Scalars['AWSURL']['output']>;
  /** The cast, billing order first; searchable; up to 30 names. */
  cast: Array<Scalars['String']['output']>;
  /** When the title was added to the catalog. */
  createdAt: Scalars['AWSDateTime']['output'];
  /** The directors; searchable with the cast; up to 5 names. */
  directors: Array<Scalars['String']['output']>;
  /** Running time in seconds: the measured length of the video once one is READY, before that the admin's value. */
  durationSeconds: Scalars['Int']['output'];
  /** The title's genres (one to five, no repeats). */
  genres: Array<Genre>;
  /** Unique id of the title. */
  id: Scalars['ID']['output'];
  /** Whether the title is in the caller's list (My List). */
  inMyList: Scalars['Boolean']['output'];
  /** The audience the title is suitable for. */
  maturityRating: MaturityRating;
  /** The caller's playback position in this title, or null if the caller never played it. */
  myPosition: Maybe<PlaybackPosition>;
  /** The latest upload of the poster image and its processing status, or null while none has been uploaded. */
  poster: Maybe<MediaFile>;
  /** The poster image's URL (public catalog art served by CloudFront), or null while none has been uploaded. */
  posterUrl: Maybe<Scalars['AWSURL']['output']>;
  /** The currently playable stream of the main video (HLS), or null until a video upload is READY. */
  stream: Maybe<Stream>;
  /** A short description of the story (at most 2,000 characters). */
  synopsis: Scalars['String']['output'];
  /** Free-form tags (e.g. `heist`, `based on a true story`), searchable; up to 20. */
  tags: Array<Scalars['String']['output']>;
  /** The title's name. */
  title: Scalars['String']['output'];
  /** The title's trailers, oldest first. Resolved per title: ask for it on one title, not on a list. */
  trailers: Array<Trailer>;
  /** When the title's details last changed. */
  updatedAt: Scalars['AWSDateTime']['output'];
  /** The latest upload of the main video and its processing status, or null while none has been uploaded. */
  video: Maybe<MediaFile>;
  /** The release year. */
  year: Scalars['Int']['output'];
};

/** A page of titles. */
export type MovieConnection = {
  __typename?: 'MovieConnection';
  /** The titles on this page. */
  items: Array<Movie>;
  /** Pass this to the same query to get the next page; null on the last page. */
  nextToken: Maybe<Scalars['String']['output']>;
};

/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a title to the caller's list; returns the title. */
  addToMyList: Movie;
  /** Clears the caller's search history; returns true. */
  clearSearchHistory: Scalars['Boolean']['output'];
  /** Creates a collection of the caller's library items. */
  createCollection: Collection;
  /** Adds a title to the catalog (admin). */
  createMovie: Movie;
  /** Adds a trailer to a title (admin). */
  createTrailer: Trailer;
  /**
   * Deletes a collection of the caller's. With `deleteItems: false` its items stay in the library (only the
   * album goes); with `deleteItems: true` its items are deleted too, from the library and from every other
   * collection, with their files. Returns the ids of the items deleted (empty with `deleteItems: false`), or
   * null if the caller has no such collection.
   */
  deleteCollection: Maybe<Array<Scalars['ID']['output']>>;
  /**
   * Deletes some of the caller's library items (1–20 ids) with their originals and processed files, and gives their
   * quota back. Returns the ids that were deleted; ids the caller has no item for are left out. Safe to repeat.
   */
  deleteLibraryItems: Array<Scalars['ID']['output']>;
  /** Deletes a title and its trailers from the catalog (admin); returns it, or null if it did not exist. */
  deleteMovie: Maybe<Movie>;
  /**
   * Deletes the caller's account and every item of their data, and ends its sessions on every device at once.
   * Safe to call again after a partial failure.
   */
  deleteMyAccount: Scalars['Boolean']['output'];
  /** Deletes one entry of the caller's search history; returns it, or null if it did not exist. */
  deleteSearchHistoryEntry: Maybe<SearchHistory>;
  /** Deletes a trailer (admin); returns it, or null if it did not exist. */
  deleteTrailer: Maybe<Trailer>;
  /** Marks a title watched or unwatched for the caller; returns the position that won. */
  markWatched: PlaybackPosition;
  /**
   * Announces a media status change to subscribed admins. Called by the media-processing functions with IAM
   * credentials only; it writes nothing (the functions have already stored the state).
   */
  publishMediaStatus: Maybe<MediaStatusChange>;
  /**
   * Adds a search to the caller's history (or moves it to the top): call it when the user settles on a search
   * (submits it or opens a result), not on every keystroke. Returns the entry.
   */
  recordSearch: SearchHistory;
  /** Removes a title from the caller's Continue Watching row, keeping its position and watched state. */
  removeFromContinueWatching: Maybe<PlaybackPosition>;
  /** Removes a title from the caller's list; returns the title, or null if it no longer exists. */
  removeFromMyList: Maybe<Movie>;
  /**
   * Adds an item to the caller's library and returns a presigned PUT for its file. The item counts towards the
   * quota at once (`libraryUsage`): at most 500 items and 5 GiB of originals per user; a request over either limit
   * is refused with `QuotaExceeded` naming it. The file is then checked by content and processed (status UPLOADED →
   * PROCESSING → READY or FAILED with a reason).
   */
  requestLibraryUpload: LibraryUpload;
  /** Issues a presigned PUT URL for a title's video, poster, backdrop or a trailer's video (admin). */
  requestUploadUrl: UploadTarget;
  /**
   * Saves the caller's place in one of their READY library videos or sounds and returns the position that won (this
   * save, or a newer one from another device). `NotFound` if the caller has no such item, `MediaNotReady` before the
   * item is READY, `BadRequest` for a photo or a position beyond the measured duration (never clamped, as in
   * `savePlaybackPosition`).
   */
  saveLibraryItemPosition: LibraryItemPosition;
  /**
   * Saves the caller's place in a title and returns the position that won: a save older than the stored one
   * (by `clientTime`) changes nothing; repeating a save is harmless. Reaching the last 5% (or last two minutes)
   * marks the title watched.
   */
  savePlaybackPosition: PlaybackPosition;
  /**
   * Signs the caller out on every device: tokens from sign-ins before the returned instant are refused from now on
   * and no device can renew them. Sign in again after that instant.
   */
  signOutEverywhere: Scalars['AWSDateTime']['output'];
  /** Renames a collection of the caller's, or replaces its items (reorder, add, remove); NotFound if none. */
  updateCollection: Collection;
  /** Changes the title, description or tags of one of the caller's library items; NotFound if the caller has none. */
  updateLibraryItem: LibraryItem;
  /** Changes a title's details (admin). */
  updateMovie: Movie;
  /** Changes a trailer (admin). */
  updateTrailer: Trailer;
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationAddToMyListArgs = {
  movieId: Scalars['ID']['input'];
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationCreateCollectionArgs = {
  input: CreateCollectionInput;
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationCreateMovieArgs = {
  input: CreateMovieInput;
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationCreateTrailerArgs = {
  input: CreateTrailerInput;
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationDeleteCollectionArgs = {
  deleteItems: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationDeleteLibraryItemsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationDeleteMovieArgs = {
  id: Scalars['ID']['input'];
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationDeleteSearchHistoryEntryArgs = {
  id: Scalars['ID']['input'];
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationDeleteTrailerArgs = {
  id: Scalars['ID']['input'];
  movieId: Scalars['ID']['input'];
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationMarkWatchedArgs = {
  input: MarkWatchedInput;
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationPublishMediaStatusArgs = {
  input: MediaStatusChangeInput;
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationRecordSearchArgs = {
  query: Scalars['String']['input'];
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationRemoveFromContinueWatchingArgs = {
  movieId: Scalars['ID']['input'];
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationRemoveFromMyListArgs = {
  movieId: Scalars['ID']['input'];
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationRequestLibraryUploadArgs = {
  input: RequestLibraryUploadInput;
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationRequestUploadUrlArgs = {
  input: RequestUploadUrlInput;
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationSaveLibraryItemPositionArgs = {
  input: SaveLibraryItemPositionInput;
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationSavePlaybackPositionArgs = {
  input: SavePlaybackPositionInput;
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationUpdateCollectionArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCollectionInput;
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationUpdateLibraryItemArgs = {
  id: Scalars['ID']['input'];
  input: UpdateLibraryItemInput;
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationUpdateMovieArgs = {
  input: UpdateMovieInput;
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationUpdateTrailerArgs = {
  input: UpdateTrailerInput;
};

/** What a player needs to play a title's (or a trailer's) HLS stream. */
export type Playback = {
  __typename?: 'Playback';
  /** The credential every request under the title's stream folder must carry (valid until `expiresAt`). */
  credential: PlaybackCredential;
  /** The stream's measured running time in seconds. */
  durationSeconds: Scalars['Float']['output'];
  /** When the credential stops working: ask `playback` again (e.g. after a 403). */
  expiresAt: Scalars['AWSDateTime']['output'];
  /** The HLS master playlist (`application/vnd.apple.mpegurl`); its URIs are relative. */
  masterPlaylistUrl: Scalars['AWSURL']['output'];
  /** When this stream became playable. */
  readyAt: Scalars['AWSDateTime']['output'];
  /** The stream's renditions, as in the master playlist. */
  renditions: Array<Rendition>;
  /** The WebVTT index of the trickplay sprites (`#xywh=` cues), or null when there is none. */
  trickplayVttUrl: Maybe<Scalars['AWSURL']['output']>;
};

/**
 * What lets a player fetch a stream's files: CloudFront signed cookies over the title's stream folder. Set every
 * cookie for `path` (and `domain` when not null, else for the host of `masterPlaylistUrl`), `Secure` when
 * `secure`, and send credentials with every playlist, segment and thumbnail request.
 */
export type PlaybackCredential = {
  __typename?: 'PlaybackCredential';
  /** The cookies to set. */
  cookies: Array<StreamCookie>;
  /** The cookie domain, or null for a host-only cookie on the streams' host. */
  domain: Maybe<Scalars['String']['output']>;
  /** The mechanism; always `SIGNED_COOKIES` for now. */
  kind: Scalars['String']['output'];
  /** The cookie path: the title's stream folder, so the cookies go with that title's requests only. */
  path: Scalars['String']['output'];
  /** Whether the cookies must be `Secure` (true on AWS; false on the local twin, which speaks HTTP). */
  secure: Scalars['Boolean']['output'];
};

/**
 * The caller's place in a title. Saves from several devices are ordered by `clientTime`: an older save never
 * replaces a newer one, so the value returned by a save is always the position that won.
 */
export type PlaybackPosition = {
  __typename?: 'PlaybackPosition';
  /** The device clock time of the save that won; later saves must carry a later time. */
  clientTime: Scalars['AWSDateTime']['output'];
  /** The device that made the save that won, if it said. */
  deviceId: Maybe<Scalars['String']['output']>;
  /** The title's running time in seconds when the position was saved. */
  durationSeconds: Scalars['Int']['output'];
  /** Whether the viewer removed the title from Continue Watching (the position and watched state are kept). */
  hiddenFromContinueWatching: Scalars['Boolean']['output'];
  /** The id of the title. */
  movieId: Scalars['ID']['output'];
  /** The Cognito user id (`sub`) of the viewer this position belongs to (always the caller). */
  ownerId: Scalars['ID']['output'];
  /** Seconds from the start of the title. */
  positionSeconds: Scalars['Int']['output'];
  /** When the server stored the winning save. */
  savedAt: Scalars['AWSDateTime']['output'];
  /** Whether the viewer finished the title (or marked it watched). */
  watched: Scalars['Boolean']['output'];
};

/** A short-lived URL to play a video. */
export type PlaybackUrl = {
  __typename?: 'PlaybackUrl';
  /** The video's content type. */
  contentType: Scalars['String']['output'];
  /** When the URL stops working. */
  expiresAt: Scalars['AWSDateTime']['output'];
  /** The signed URL (valid until `expiresAt`). */
  url: Scalars['AWSURL']['output'];
};

/** The caller's profile, created when the account is confirmed. */
export type Profile = {
  __typename?: 'Profile';
  /** When the account was confirmed. */
  createdAt: Scalars['AWSDateTime']['output'];
  /** The name shown in the app. */
  displayName: Scalars['String']['output'];
  /** The e-mail address the account signs in with. */
  email: Scalars['AWSEmail']['output'];
  /** The Cognito user id (`sub`). */
  id: Scalars['ID']['output'];
  /** Whether the caller is a member of the `admin` group. */
  isAdmin: Scalars['Boolean']['output'];
};

/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type Query = {
  __typename?: 'Query';
  /** One of the caller's collections, or null if the caller has none with this id. */
  collection: Maybe<Collection>;
  /** Titles the caller started and did not finish, most recently watched first, each with `myPosition`. */
  continueWatching: MovieConnection;
  /**
   * The resized variants of one of the caller's library photos, or the poster frame of one of their videos (taken
   * about 10% in). Fails with `MediaNotReady` until the item is READY, with `NotFound` for a video whose frame
   * could not be taken, and with `BadRequest` for a sound.
   */
  libraryImage: LibraryImage;
  /** One of the caller's library items, or null if the caller has none with this id. */
  libraryItem: Maybe<LibraryItem>;
  /** A short-lived (5-minute) download link to the original file of one of the caller's library items. */
  libraryItemDownload: LibraryDownload;
  /**
   * The HLS stream of one of the caller's library videos or sounds (a sound's stream has no renditions and no
   * trickplay), with a credential scoped to that item. Fails with `MediaNotReady` until the item is READY and
   * with `BadRequest` for a photo (use `libraryImage`).
   */
  libraryPlayback: Playback;
  /** How much of the library quota the caller uses, and the limits. */
  libraryUsage: LibraryUsage;
  /** The caller's profile. */
  me: Profile;
  /** One title, or null if it does not exist. */
  movie: Maybe<Movie>;
  /** The whole catalog, newest first. */
  movies: MovieConnection;
  /** Titles of one genre, newest first. */
  moviesByGenre: MovieConnection;
  /** The caller's collections, newest first. */
  myCollections: CollectionConnection;
  /** The caller's library items, newest first, optionally only one kind and/or one tag. */
  myLibrary: LibraryItemConnection;
  /** The caller's list (My List), most recently added first. */
  myList: MovieConnection;
  /**
   * The HLS stream of a title, or of one of its trailers when `trailerId` is given, with the credential to fetch
   * it. Fails with `MediaNotReady` while the title has no READY stream (never uploaded, processing, or failed).
   */
  playback: Playback;
  /**
   * A short-lived URL to the uploaded MP4 of a title (or of a trailer when `trailerId` is given), played
   * progressively. Prefer `playback`, which returns the processed HLS stream and its credential.
   * @deprecated Media uploaded through the pipeline has no playable MP4 (it is processed into HLS), so this answers NotFound for it; it only plays legacy keys. Use `playback`.
   */
  playbackUrl: PlaybackUrl;
  /** The caller's recent searches, newest first. */
  searchHistory: SearchHistoryConnection;
  /**
   * Titles matching every word of `query` by word prefix, in their title, tags, cast and directors, or synopsis,
   * ignoring case and accents on Latin letters (`amelie` finds `Amélie`, `star wa` finds `Star Wars`). Words of 1–2
   * characters match titles, tags and credits only. Ranked by where the title matched (title, then tags, then
   * credits, then synopsis), then newest release year first. Pages are full (`limit` long) unless they are the last.
   * A query has no side effects: call `recordSearch` when the user settles on a search.
   */
  searchMovies: SearchResultConnection;
  /**
   * The caller's library items matching every word of `query` by word prefix, in their title, tags or description,
   * ignoring case and accents on Latin letters (`cafe` finds `Café`). Words of 1–2 characters match titles and tags
   * only. Ranked by where the item matched (title, then tags, then description), then newest first. Pages are full
   * (`limit` long) unless they are the last. Only the caller's own items are searched; no side effects.
   */
  searchMyLibrary: LibrarySearchConnection;
};


/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type QueryCollectionArgs = {
  id: Scalars['ID']['input'];
};


/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type QueryContinueWatchingArgs = {
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
};


/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type QueryLibraryImageArgs = {
  id: Scalars['ID']['input'];
};


/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type QueryLibraryItemArgs = {
  id: Scalars['ID']['input'];
};


/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type QueryLibraryItemDownloadArgs = {
  id: Scalars['ID']['input'];
};


/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type QueryLibraryPlaybackArgs = {
  id: Scalars['ID']['input'];
};


/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type QueryMovieArgs = {
  id: Scalars['ID']['input'];
};


/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type QueryMoviesArgs = {
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
};


/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type QueryMoviesByGenreArgs = {
  genre: Genre;
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
};


/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type QueryMyCollectionsArgs = {
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
};


/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type QueryMyLibraryArgs = {
  filter: InputMaybe<LibraryFilter>;
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
};


/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type QueryMyListArgs = {
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
};


/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type QueryPlaybackArgs = {
  movieId: Scalars['ID']['input'];
  trailerId: InputMaybe<Scalars['ID']['input']>;
};


/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type QueryPlaybackUrlArgs = {
  movieId: Scalars['ID']['input'];
  trailerId: InputMaybe<Scalars['ID']['input']>;
};


/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type QuerySearchHistoryArgs = {
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
};


/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type QuerySearchMoviesArgs = {
  filter: InputMaybe<SearchFilter>;
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
  query: Scalars['String']['input'];
};


/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type QuerySearchMyLibraryArgs = {
  kind: InputMaybe<LibraryItemKind>;
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
  query: Scalars['String']['input'];
};

/** One quality level (rendition) of an HLS stream, as listed in its master playlist. */
export type Rendition = {
  __typename?: 'Rendition';
  /** Average bits per second of video and audio together (`AVERAGE-BANDWIDTH`). */
  averageBandwidth: Scalars['Int']['output'];
  /** Peak bits per second of video and audio together (`BANDWIDTH` in the master playlist). */
  bandwidth: Scalars['Int']['output'];
  /** The RFC 6381 codec string (`CODECS`), e.g. `avc1.64001f,mp4a.40.2`. */
  codecs: Scalars['String']['output'];
  /** Frame height in pixels (the rendition is named after it, e.g. 720 for `720p`). */
  height: Scalars['Int']['output'];
  /** Frame width in pixels. */
  width: Scalars['Int']['output'];
};

/** Input of `requestLibraryUpload`. */
export type RequestLibraryUploadInput = {
  /**
   * The file's content type. VIDEO: `video/mp4`, `video/quicktime`, `video/x-matroska` or `video/webm`, up to
   * 2 GiB. IMAGE: `image/jpeg`, `image/png` or `image/webp`, up to 10 MiB. AUDIO: `audio/mpeg`, `audio/mp4`,
   * `audio/aac`, `audio/wav`, `audio/flac` or `audio/ogg`, up to 200 MiB.
   */
  contentType: Scalars['String']['input'];
  /** A description (at most 2,000 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The file's name, kept for downloads (1–255 characters, no `/` or `\`). */
  fileName: Scalars['String']['input'];
  /** What the file holds; decides the accepted types and the largest size. */
  kind: LibraryItemKind;
  /** The file's size in bytes, a whole number within the kind's limit and the caller's remaining quota. */
  sizeBytes: Scalars['Float']['input'];
  /** Tags (at most 20, each 1–40 characters; stored lower-cased, repeats dropped). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The item's name (1–200 characters). */
  title: Scalars['String']['input'];
};

/** Input of `requestUploadUrl`. */
export type RequestUploadUrlInput = {
  /** The file's content type: `video/mp4` or `video/quicktime` for videos; `image/jpeg`, `image/png` or `image/webp` for images. */
  contentType: Scalars['String']['input'];
  /** Which file to upload. */
  kind: MediaKind;
  /** The title the file belongs to. */
  movieId: Scalars['ID']['input'];
  /**
   * The file's size in bytes, a whole number: videos up to 5 GiB (the largest single S3 PUT), images up to
   * 10 MiB. A `Float` because AppSync's `Int` stops just under 2 GiB.
   */
  sizeBytes: Scalars['Float']['input'];
  /** The trailer, when `kind` is `TRAILER_VIDEO`. */
  trailerId?: InputMaybe<Scalars['ID']['input']>;
};

/** Input of `saveLibraryItemPosition`. */
export type SaveLibraryItemPositionInput = {
  /** The device clock time of this save; a save older than the stored one loses. At most 5 minutes ahead of the server. */
  clientTime: Scalars['AWSDateTime']['input'];
  /** The id of one of the caller's library videos or sounds. */
  itemId: Scalars['ID']['input'];
  /** Seconds from the start (0 to the item's measured duration, rounded up). */
  positionSeconds: Scalars['Int']['input'];
};

/** Input of `savePlaybackPosition`. */
export type SavePlaybackPositionInput = {
  /** The device clock time of this save; a save older than the stored one loses. At most 5 minutes ahead of the server. */
  clientTime: Scalars['AWSDateTime']['input'];
  /** An id for the device (at most 64 characters), to tell devices apart. */
  deviceId?: InputMaybe<Scalars['String']['input']>;
  /** The title's id. */
  movieId: Scalars['ID']['input'];
  /** Seconds from the start (0 to the title's running time). */
  positionSeconds: Scalars['Int']['input'];
};

/** A part of a title (or of a library item) that search looks in, best-ranked first. */
export type SearchField =
  /** The cast and directors (catalog titles only). */
  | 'CAST'
  /** The synopsis (a library item's description). */
  | 'DESCRIPTION'
  /** The title's tags (a library item's tags). */
  | 'TAGS'
  /** The title's name (a library item's title). */
  | 'TITLE';

/** Narrows a search; every filter given must hold. */
export type SearchFilter = {
  /** Titles with at least one of these genres. */
  genres?: InputMaybe<Array<Genre>>;
  /** Titles with one of these maturity ratings. */
  maturityRatings?: InputMaybe<Array<MaturityRating>>;
  /** Titles released in or after this year. */
  yearFrom?: InputMaybe<Scalars['Int']['input']>;
  /** Titles released in or before this year. */
  yearTo?: InputMaybe<Scalars['Int']['input']>;
};

/** Where a search matched in one field of a title. */
export type SearchHighlight = {
  __typename?: 'SearchHighlight';
  /** The field. */
  field: SearchField;
  /** The field's words (as written, e.g. `Amélie`) that a search word is a prefix of, in the field's order. */
  words: Array<Scalars['String']['output']>;
};

/** A search the caller made. Entries expire after 90 days. */
export type SearchHistory = {
  __typename?: 'SearchHistory';
  /** Id of the entry (stable for the same normalized search text). */
  id: Scalars['ID']['output'];
  /** The search text as the caller typed it. */
  query: Scalars['String']['output'];
  /** When the caller last searched for it. */
  searchedAt: Scalars['AWSDateTime']['output'];
};

/** A page of search-history entries, newest first. */
export type SearchHistoryConnection = {
  __typename?: 'SearchHistoryConnection';
  /** The entries on this page. */
  items: Array<SearchHistory>;
  /** Pass this to the same query to get the next page; null on the last page. */
  nextToken: Maybe<Scalars['String']['output']>;
};

/** A title a search found, and why. */
export type SearchResult = {
  __typename?: 'SearchResult';
  /** Every field a search word matched, best-ranked first, with the matching words. */
  highlights: Array<SearchHighlight>;
  /** The best-ranked field that a search word matched: the result is ranked by it. */
  matchedField: SearchField;
  /** The title. */
  movie: Movie;
};

/** A page of search results, best first. */
export type SearchResultConnection = {
  __typename?: 'SearchResultConnection';
  /** The results on this page. */
  items: Array<SearchResult>;
  /** Pass this to the same query (same text and filter) to get the next page; null on the last page. */
  nextToken: Maybe<Scalars['String']['output']>;
};

/**
 * The currently playable HLS stream of a title or trailer: H.264/AAC in 6-second MPEG-TS segments, one
 * rendition per quality level. The keys are storage keys relative to the private media bucket; playing them
 * needs the playback credential (see docs/api.md).
 */
export type Stream = {
  __typename?: 'Stream';
  /** The measured duration of the media in seconds (fractional). */
  durationSeconds: Scalars['Float']['output'];
  /** Storage key of the master (multivariant) playlist; every URI inside the playlists is relative to it. */
  masterKey: Scalars['String']['output'];
  /** When processing made this stream playable. */
  readyAt: Scalars['AWSDateTime']['output'];
  /** The quality levels, highest first. */
  renditions: Array<Rendition>;
  /** Storage key of the scrub-preview WebVTT index: each cue names a sprite (relative) and a `#xywh=` tile. */
  trickplayVttKey: Scalars['String']['output'];
  /** The upload this stream was made from. */
  uploadId: Scalars['ID']['output'];
};

/** One cookie of a playback credential. */
export type StreamCookie = {
  __typename?: 'StreamCookie';
  /** The cookie's name, e.g. `CloudFront-Policy`. */
  name: Scalars['String']['output'];
  /** The cookie's value, to be set as it is. */
  value: Scalars['String']['output'];
};

/** Real-time updates (over AppSync's WebSocket endpoint). */
export type Subscription = {
  __typename?: 'Subscription';
  /** Media processing status changes (admin): of one title when `movieId` is given, else of every title. */
  onMediaStatusChanged: Maybe<MediaStatusChange>;
  /**
   * The caller's own playback positions as other devices change them. Only the caller's changes are delivered
   * (filtered on the server by the caller's identity). The publishing mutation must select `ownerId`.
   */
  onMyPlaybackPositionChanged: Maybe<PlaybackPosition>;
};


/** Real-time updates (over AppSync's WebSocket endpoint). */
export type SubscriptionOnMediaStatusChangedArgs = {
  movieId: InputMaybe<Scalars['ID']['input']>;
};

/** A trailer of a title. */
export type Trailer = {
  __typename?: 'Trailer';
  /** When the trailer was added. */
  createdAt: Scalars['AWSDateTime']['output'];
  /** Running time in seconds: the measured length of the video once one is READY, before that the admin's value. */
  durationSeconds: Scalars['Int']['output'];
  /** Unique id of the trailer. */
  id: Scalars['ID']['output'];
  /** The id of the title the trailer belongs to. */
  movieId: Scalars['ID']['output'];
  /** The currently playable stream of the trailer (HLS), or null until a video upload is READY. */
  stream: Maybe<Stream>;
  /** The trailer's name, e.g. `Official trailer`. */
  title: Scalars['String']['output'];
  /** The latest upload of the trailer's video and its processing status, or null while none has been uploaded. */
  video: Maybe<MediaFile>;
};

/** Input of `updateCollection`: omitted fields keep their value. */
export type UpdateCollectionInput = {
  /**
   * The collection's items from now on, in order (0–20 of the caller's item ids, no repeats): reorder, add or
   * remove items by sending the whole list. Another user's ids are refused.
   */
  itemIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The new name (1–200 characters). */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Input of `updateLibraryItem`: the fields to change; omitted fields keep their value. */
export type UpdateLibraryItemInput = {
  /** The new description (at most 2,000 characters; empty clears it). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The new tags, replacing the old ones (at most 20, each 1–40 characters). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The new name (1–200 characters). */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Input of `updateMovie`: the id and the fields to change; omitted fields keep their value. */
export type UpdateMovieInput = {
  /** The new cast (replaces the old one). */
  cast?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The new directors (replace the old ones). */
  directors?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The new running time in seconds (1–86,400). */
  durationSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** The new genres (one to five, no repeats). */
  genres?: InputMaybe<Array<Genre>>;
  /** The title's id. */
  id: Scalars['ID']['input'];
  /** The new maturity rating. */
  maturityRating?: InputMaybe<MaturityRating>;
  /** The new description (1–2,000 characters). */
  synopsis?: InputMaybe<Scalars['String']['input']>;
  /** The new tags (replace the old ones; an empty list removes them). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The new name (1–200 characters). */
  title?: InputMaybe<Scalars['String']['input']>;
  /** The new release year (1888–2100). */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** Input of `updateTrailer`: ids and the fields to change. */
export type UpdateTrailerInput = {
  /** The new running time in seconds (1–3,600). */
  durationSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** The trailer's id. */
  id: Scalars['ID']['input'];
  /** The title the trailer belongs to. */
  movieId: Scalars['ID']['input'];
  /** The new name (1–200 characters). */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Where and how to upload a media file: a presigned HTTP PUT. */
export type UploadTarget = {
  __typename?: 'UploadTarget';
  /** When the URL stops working. */
  expiresAt: Scalars['AWSDateTime']['output'];
  /** Headers the PUT must send exactly (as a JSON object), e.g. the content type. */
  headers: Scalars['AWSJSON']['output'];
  /** The storage key the server chose for the file (in the private sources area). */
  key: Scalars['String']['output'];
  /** The largest file the upload may be, in bytes (a `Float`: see `MediaFile.sizeBytes`). */
  maxBytes: Scalars['Float']['output'];
  /** The upload's id: `MediaFile.uploadId` and `onMediaStatusChanged` report its processing. */
  uploadId: Scalars['ID']['output'];
  /** The presigned URL to PUT the file to. */
  url: Scalars['AWSURL']['output'];
};
