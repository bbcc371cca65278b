import { readFile } from 'node:fs/promises';
import type { SeedTitle } from './catalog';
import { graphqlRequest } from './graphql-client';
import { backdropFile, featureClipFile, posterFile, trailerClipFile } from './media-files';
import { putSeedFile } from './seed-upload';

type MediaKind = 'VIDEO' | 'POSTER' | 'BACKDROP' | 'TRAILER_VIDEO';

interface ListedMovie {
  readonly id: string;
  readonly title: string;
  readonly year: number;
}

/** An upload's processing status (`MediaFile`): null before any upload. */
type UploadState = { readonly status: string } | null;

/** A title's files and their processing states. */
interface MediaStates {
  readonly video: UploadState;
  readonly poster: UploadState;
  readonly backdrop: UploadState;
  readonly trailers: ReadonlyArray<{ readonly video: UploadState }>;
}

interface MovieMedia extends MediaStates {
  readonly id: string;
  readonly trailers: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly video: UploadState;
  }>;
}

/**
 * Whether a file still has to be uploaded: never uploaded, or refused by the pipeline. An upload that is
 * UPLOADED or PROCESSING is left to finish (the pipeline works in the background), so a restart never
 * uploads the same source twice.
 */
const needsUpload = (state: UploadState): boolean => !state || state.status === 'FAILED';

export interface CatalogSeedReport {
  titlesCreated: number;
  trailersCreated: number;
  filesUploaded: number;
}

const LIST_MOVIES = /* GraphQL */ `
  query SeedListMovies($nextToken: String) {
    movies(limit: 50, nextToken: $nextToken) {
      items {
        id
        title
        year
      }
      nextToken
    }
  }
`;

/** A title's files and their states: what `MediaStates` holds. */
const MEDIA_STATES = /* GraphQL */ `
  fragment SeedMediaStates on Movie {
    video {
      status
    }
    poster {
      status
    }
    backdrop {
      status
    }
    trailers {
      id
      title
      video {
        status
      }
    }
  }
`;

const MOVIE_MEDIA = /* GraphQL */ `
  query SeedMovieMedia($id: ID!) {
    movie(id: $id) {
      id
      ...SeedMediaStates
    }
  }
  ${MEDIA_STATES}
`;

const LIST_MEDIA = /* GraphQL */ `
  query SeedListMedia($nextToken: String) {
    movies(limit: 50, nextToken: $nextToken) {
      items {
        ...SeedMediaStates
      }
      nextToken
    }
  }
  ${MEDIA_STATES}
`;

/** How many of the catalog's uploaded files are READY, FAILED, or still to be processed. */
export interface MediaTally {
  readonly ready: number;
  readonly failed: number;
  readonly pending: number;
}

function tallyOf(states: readonly UploadState[]): MediaTally {
  const uploaded = states.filter((state) => state !== null);
  const ready = uploaded.filter((state) => state.status === 'READY').length;
  const failed = uploaded.filter((state) => state.status === 'FAILED').length;
  return { ready, failed, pending: uploaded.length - ready - failed };
}

const CREATE_MOVIE = /* GraphQL */ `
  mutation SeedCreateMovie($input: CreateMovieInput!) {
    createMovie(input: $input) {
      id
    }
  }
`;

const CREATE_TRAILER = /* GraphQL */ `
  mutation SeedCreateTrailer($input: CreateTrailerInput!) {
    createTrailer(input: $input) {
      id
    }
  }
`;

const REQUEST_UPLOAD = /* GraphQL */ `
  mutation SeedRequestUploadUrl($input: RequestUploadUrlInput!) {
    requestUploadUrl(input: $input) {
      url
      headers
    }
  }
`;

/**
 * Seeds the catalog through the admin API, so every index and derived field is written as in production. The
 * files go in as sources: the media pipeline (S3 → SQS → Lambdas with ffmpeg) makes the HLS streams and the
 * image variants in the background, and each title shows its status until READY.
 */
export class CatalogSeeder {
  readonly report: CatalogSeedReport = { titlesCreated: 0, trailersCreated: 0, filesUploaded: 0 };

  constructor(
    private readonly graphqlUrl: string,
    private readonly adminIdToken: string,
  ) {}

  private request<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    return graphqlRequest<T>(this.graphqlUrl, this.adminIdToken, query, variables);
  }

  async existingTitles(): Promise<Map<string, string>> {
    const byKey = new Map<string, string>();
    let nextToken: string | null = null;
    do {
      const page: { movies: { items: ListedMovie[]; nextToken: string | null } } = await this.request(
        LIST_MOVIES,
        {
          nextToken,
        },
      );
      for (const movie of page.movies.items) byKey.set(titleKey(movie.title, movie.year), movie.id);
      nextToken = page.movies.nextToken;
    } while (nextToken);
    return byKey;
  }

  /** Creates what is missing of one title (details, trailers, files); leaves what exists alone. */
  async seedTitle(title: SeedTitle, existingId: string | undefined): Promise<void> {
    let movieId = existingId;
    if (!movieId) {
      const created = await this.request<{ createMovie: { id: string } }>(CREATE_MOVIE, {
        input: {
          title: title.title,
          synopsis: title.synopsis,
          year: title.year,
          genres: title.genres,
          maturityRating: title.maturityRating,
          durationSeconds: title.durationSeconds,
          tags: title.tags,
          cast: title.cast,
          directors: title.directors,
        },
      });
      movieId = created.createMovie.id;
      this.report.titlesCreated += 1;
    }
    const media = await this.movieMedia(movieId);
    if (needsUpload(media.video))
      await this.upload(movieId, 'VIDEO', featureClipFile(title.slug), 'video/mp4');
    if (needsUpload(media.poster)) await this.upload(movieId, 'POSTER', posterFile(title.slug), 'image/jpeg');
    if (needsUpload(media.backdrop))
      await this.upload(movieId, 'BACKDROP', backdropFile(title.slug), 'image/jpeg');
    for (const [index, trailer] of title.trailers.entries()) {
      let existing = media.trailers.find((t) => t.title === trailer.title);
      if (!existing) {
        const created = await this.request<{ createTrailer: { id: string } }>(CREATE_TRAILER, {
          input: { movieId, title: trailer.title, durationSeconds: trailer.durationSeconds },
        });
        existing = { id: created.createTrailer.id, title: trailer.title, video: null };
        this.report.trailersCreated += 1;
      }
      if (needsUpload(existing.video))
        await this.upload(
          movieId,
          'TRAILER_VIDEO',
          trailerClipFile(title.slug, index),
          'video/mp4',
          existing.id,
        );
    }
  }

  /** The processing state of every file uploaded to the catalog (never-uploaded slots are not counted). */
  async mediaTally(): Promise<MediaTally> {
    const states: UploadState[] = [];
    let nextToken: string | null = null;
    do {
      const page: { movies: { items: MediaStates[]; nextToken: string | null } } = await this.request(
        LIST_MEDIA,
        { nextToken },
      );
      for (const movie of page.movies.items) {
        states.push(movie.video, movie.poster, movie.backdrop, ...movie.trailers.map((t) => t.video));
      }
      nextToken = page.movies.nextToken;
    } while (nextToken);
    return tallyOf(states);
  }

  private async movieMedia(movieId: string): Promise<MovieMedia> {
    const { movie } = await this.request<{ movie: MovieMedia | null }>(MOVIE_MEDIA, { id: movieId });
    if (!movie) throw new Error(`Title ${movieId} vanished while seeding`);
    return movie;
  }

  /** Uploads a file the way the admin screens do: ask for a presigned PUT, then PUT with the given headers. */
  private async upload(
    movieId: string,
    kind: MediaKind,
    file: string,
    contentType: string,
    trailerId?: string,
  ): Promise<void> {
    const body = await readFile(file);
    const { requestUploadUrl } = await this.request<{ requestUploadUrl: { url: string; headers: unknown } }>(
      REQUEST_UPLOAD,
      { input: { movieId, kind, trailerId, contentType, sizeBytes: body.length } },
    );
    await putSeedFile(requestUploadUrl, contentType, body, `${file} (${kind})`);
    this.report.filesUploaded += 1;
  }
}

function titleKey(title: string, year: number): string {
  return `${title.toLowerCase()}|${year}`;
}

export function seedTitleKey(title: SeedTitle): string {
  return titleKey(title.title, title.year);
}
