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

/** Input of `createMovie`. */
export type CreateMovieInput = {
  /** Running time in seconds (1–86,400). */
  durationSeconds: Scalars['Int']['input'];
  /** One to five genres, no repeats. */
  genres: Array<Genre>;
  /** The audience the title is suitable for. */
  maturityRating: MaturityRating;
  /** A short description (1–2,000 characters). */
  synopsis: Scalars['String']['input'];
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
  /** When the title was added to the catalog. */
  createdAt: Scalars['AWSDateTime']['output'];
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
  /** Adds a title to the catalog (admin). */
  createMovie: Movie;
  /** Adds a trailer to a title (admin). */
  createTrailer: Trailer;
  /** Deletes a title and its trailers from the catalog (admin); returns it, or null if it did not exist. */
  deleteMovie: Maybe<Movie>;
  /**
   * Deletes the caller's account and every item of their data, and ends its sessions on every device at once.
   * Safe to call again after a partial failure.
   */
  deleteMyAccount: Scalars['Boolean']['output'];
  /** Deletes one entry of the caller's search history; returns it, or null if it did not exist. */
  deleteSearchHistoryEntry: Maybe<SearchHistoryEntry>;
  /** Deletes a trailer (admin); returns it, or null if it did not exist. */
  deleteTrailer: Maybe<Trailer>;
  /** Marks a title watched or unwatched for the caller; returns the position that won. */
  markWatched: PlaybackPosition;
  /**
   * Announces a media status change to subscribed admins. Called by the media-processing functions with IAM
   * credentials only; it writes nothing (the functions have already stored the state).
   */
  publishMediaStatus: Maybe<MediaStatusChange>;
  /** Removes a title from the caller's Continue Watching row, keeping its position and watched state. */
  removeFromContinueWatching: Maybe<PlaybackPosition>;
  /** Removes a title from the caller's list; returns the title, or null if it no longer exists. */
  removeFromMyList: Maybe<Movie>;
  /** Issues a presigned PUT URL for a title's video, poster, backdrop or a trailer's video (admin). */
  requestUploadUrl: UploadTarget;
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
export type MutationCreateMovieArgs = {
  input: CreateMovieInput;
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationCreateTrailerArgs = {
  input: CreateTrailerInput;
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
export type MutationRemoveFromContinueWatchingArgs = {
  movieId: Scalars['ID']['input'];
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationRemoveFromMyListArgs = {
  movieId: Scalars['ID']['input'];
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationRequestUploadUrlArgs = {
  input: RequestUploadUrlInput;
};


/** Viewer mutations act on the caller's own data; catalog mutations need the `admin` group. */
export type MutationSavePlaybackPositionArgs = {
  input: SavePlaybackPositionInput;
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
  /** Titles the caller started and did not finish, most recently watched first, each with `myPosition`. */
  continueWatching: MovieConnection;
  /** The caller's profile. */
  me: Profile;
  /** One title, or null if it does not exist. */
  movie: Maybe<Movie>;
  /** The whole catalog, newest first. */
  movies: MovieConnection;
  /** Titles of one genre, newest first. */
  moviesByGenre: MovieConnection;
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
   * Titles whose words start with every word of `query`, ignoring case and accents on Latin letters, e.g. `star wa`.
   * Records the search in the caller's history when it starts (no `nextToken`) unless `recordInHistory` is false.
   */
  searchMovies: MovieConnection;
};


/** Viewer queries. Lists return at most 50 items per page (`limit` defaults to 20). */
export type QueryContinueWatchingArgs = {
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
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
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
  query: Scalars['String']['input'];
  recordInHistory: InputMaybe<Scalars['Boolean']['input']>;
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

/** A page of search-history entries, newest first. */
export type SearchHistoryConnection = {
  __typename?: 'SearchHistoryConnection';
  /** The entries on this page. */
  items: Array<SearchHistoryEntry>;
  /** Pass this to the same query to get the next page; null on the last page. */
  nextToken: Maybe<Scalars['String']['output']>;
};

/** A search the caller made. Entries expire after 90 days. */
export type SearchHistoryEntry = {
  __typename?: 'SearchHistoryEntry';
  /** Id of the entry (stable for the same normalized search text). */
  id: Scalars['ID']['output'];
  /** The search text as the caller typed it. */
  query: Scalars['String']['output'];
  /** When the caller last searched for it. */
  searchedAt: Scalars['AWSDateTime']['output'];
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

/** Input of `updateMovie`: the id and the fields to change; omitted fields keep their value. */
export type UpdateMovieInput = {
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
