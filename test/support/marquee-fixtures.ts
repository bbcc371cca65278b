import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  stackDynamoDbClient,
  stackTableName,
  startMarqueeTwin,
  type MarqueeTwin,
  type SignedInUser,
} from './marquee-twin';

/**
 * Marquee's API tests run through the server's own engine: the whole synthesized stack in the twin (the
 * resolvers as the CDK app bundles them, its tables, its Cognito pool and triggers), called in-process with
 * the caller's real Cognito ID token, as the HTTP server would call it, but without a socket in between.
 */
export interface ApiError {
  readonly message: string;
  readonly errorType?: string;
  readonly path?: readonly unknown[];
}

export interface ApiOutcome<T> {
  /** The value of the operation's one root field; null when it failed. */
  readonly data: T | null;
  /** The first error of the response, if any. */
  readonly error?: ApiError;
  readonly errors: readonly ApiError[];
  /** The data-source operations the request ran, in order (the twin's cost trace). */
  readonly operations: readonly string[];
}

/** A caller: a signed-in user, or null for a request without an Authorization header. */
export type Caller = SignedInUser | null;

export interface MarqueeApi {
  readonly twin: MarqueeTwin;
  readonly admin: SignedInUser;
  readonly viewer: SignedInUser;
  readonly otherViewer: SignedInUser;
  readonly tables: { readonly catalog: string; readonly users: string };
  /** A DynamoDB client on the twin's DynamoDB Local, to look at what the resolvers stored. */
  readonly client: DynamoDBClient;
  /** Runs one operation with one root field. */
  run<T = unknown>(
    caller: Caller,
    document: string,
    variables?: Record<string, unknown>,
  ): Promise<ApiOutcome<T>>;
  /** Like `run`, but fails the test with the errors when the request errs. */
  data<T = unknown>(caller: Caller, document: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/** The twin with three users signed up through Cognito: an admin, a viewer and another viewer. */
export async function startMarqueeApi(): Promise<MarqueeApi> {
  const twin = await startMarqueeTwin();
  try {
    const [admin, viewer, otherViewer] = await Promise.all([
      twin.signUp('admin@example.com', { admin: true }),
      twin.signUp('viewer@example.com'),
      twin.signUp('other-viewer@example.com'),
    ]);
    const client = stackDynamoDbClient(twin.stack);

    async function run<T>(
      caller: Caller,
      document: string,
      variables: Record<string, unknown> = {},
    ): Promise<ApiOutcome<T>> {
      const response = await twin.stack.engine.execute({
        body: { query: document, variables },
        headers: caller ? { authorization: caller.idToken } : {},
        sourceIp: ['127.0.0.1'],
      });
      const body = response.body as { data?: Record<string, unknown> | null; errors?: ApiError[] };
      const errors = body.errors ?? [];
      const values = Object.values(body.data ?? {});
      if (values.length > 1) throw new Error(`run() takes one root field; the document has ${values.length}`);
      return {
        data: (values[0] ?? null) as T | null,
        ...(errors[0] ? { error: errors[0] } : {}),
        errors,
        operations: (response.trace?.entries ?? []).map((entry) => entry.operation),
      };
    }

    return {
      twin,
      admin,
      viewer,
      otherViewer,
      tables: {
        catalog: stackTableName(twin.stack, 'CatalogTable'),
        users: stackTableName(twin.stack, 'UserTable'),
      },
      client,
      run,
      async data<T>(caller: Caller, document: string, variables?: Record<string, unknown>) {
        const outcome = await run<T>(caller, document, variables);
        if (outcome.errors.length > 0)
          throw new Error(`${document} failed: ${JSON.stringify(outcome.errors, null, 2)}`);
        return outcome.data as T;
      },
      async stop() {
        client.destroy();
        await twin.stop();
      },
    };
  } catch (error) {
    await twin.stop();
    throw error;
  }
}

export const MOVIE_SELECTION =
  'id title genres durationSeconds createdAt inMyList myPosition { ownerId positionSeconds watched }';

export interface CreatedMovie {
  id: string;
  title: string;
  genres: string[];
  durationSeconds: number;
  createdAt: string;
  inMyList: boolean;
  myPosition: unknown;
}

export const CREATE_MOVIE = `mutation ($input: CreateMovieInput!) { createMovie(input: $input) { ${MOVIE_SELECTION} } }`;

let counter = 0;

/** A valid `CreateMovieInput`, with overrides. */
export function movieInput(
  overrides: Partial<{
    title: string;
    synopsis: string;
    genres: string[];
    durationSeconds: number;
    year: number;
    maturityRating: string;
    tags: string[];
    cast: string[];
    directors: string[];
  }> = {},
) {
  counter += 1;
  return {
    title: overrides.title ?? `Test Title ${counter}`,
    synopsis: overrides.synopsis ?? 'A test synopsis.',
    year: overrides.year ?? 2020,
    genres: overrides.genres ?? ['DRAMA'],
    maturityRating: overrides.maturityRating ?? 'AGE_13',
    durationSeconds: overrides.durationSeconds ?? 6000,
    ...(overrides.tags ? { tags: overrides.tags } : {}),
    ...(overrides.cast ? { cast: overrides.cast } : {}),
    ...(overrides.directors ? { directors: overrides.directors } : {}),
  };
}

/** Creates a title through the API as the admin. */
export function createMovie(
  api: MarqueeApi,
  overrides: Parameters<typeof movieInput>[0] = {},
): Promise<CreatedMovie> {
  return api.data<CreatedMovie>(api.admin, CREATE_MOVIE, { input: movieInput(overrides) });
}

/**
 * Device clock times for one test, all relative to one instant taken once: their order is the order of the
 * offsets, however long the requests between them take (a clock read between awaits would not be).
 */
export function deviceClock(): (offsetMs: number) => string {
  const base = Date.now();
  return (offsetMs) => new Date(base + offsetMs).toISOString();
}
