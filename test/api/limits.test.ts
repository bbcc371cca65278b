import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOLVER_COUNT_LIMIT } from '../../infra/lib/constructs/api';
import type { CostTraceSummary } from 'appsync-twin';
import {
  createMovieOverApi,
  startMarqueeTwin,
  type GraphQLResponse,
  type MarqueeTwin,
  type SignedInUser,
} from '../support/marquee-twin';

/**
 * The API's limits through the twin over HTTP: refused page tokens on every paginated query, and the
 * resolver-count limit the stack sets. After each refusal the API still answers a normal request.
 */
let twin: MarqueeTwin;
let viewer: SignedInUser;
let otherViewer: SignedInUser;
let movieIds: string[];

/** The largest `limit` a list accepts (resolvers/lib/validate.ts). */
const MAX_PAGE = 50;

beforeAll(async () => {
  twin = await startMarqueeTwin();
  const admin = await twin.signUp('limits-admin@example.com', { admin: true });
  [viewer, otherViewer] = await Promise.all([
    twin.signUp('limits-viewer@example.com'),
    twin.signUp('limits-other@example.com'),
  ]);
  // One at a time: concurrent transactions time out on DynamoDB Local's locks when the machine is busy.
  movieIds = [];
  for (let i = 0; i < MAX_PAGE; i += 1)
    movieIds.push(await createMovieOverApi(twin, admin.idToken, `Limit Title ${i}`));
  for (const movieId of movieIds.slice(0, 2)) {
    await twin.gql(viewer.idToken, 'mutation ($id: ID!) { addToMyList(movieId: $id) { id } }', {
      id: movieId,
    });
  }
}, 300_000);

afterAll(async () => {
  await twin?.stop();
});

async function expectStillServing(): Promise<void> {
  const response = await twin.gql<{ me: { email: string } }>(viewer.idToken, '{ me { email } }');
  expect(response).toEqual({ data: { me: { email: viewer.email } } });
}

/** A first page of one item; its `nextToken` continues that list only. */
async function firstPageToken(token: string, field: string, document: string): Promise<string> {
  const response = await twin.gql<Record<string, { nextToken: string | null }>>(token, document, {
    limit: 1,
  });
  const nextToken = response.data?.[field]?.nextToken;
  if (!nextToken) throw new Error(`${field} gave no nextToken: ${JSON.stringify(response)}`);
  return nextToken;
}

function expectNextTokenRefused(response: GraphQLResponse): void {
  // Every list field is non-null, so the refusal nulls `data`.
  expect(response.data).toBeNull();
  expect(response.errors).toHaveLength(1);
  const [error] = response.errors ?? [];
  expect(error?.errorType).toBe('BadRequest');
  expect(error?.message).toMatch(/^nextToken is not valid for this list/);
  expect(error?.message).not.toMatch(/com\.amazonaws|Exception|Request ID|Status Code|\n\s+at /);
}

const PAGED = {
  movies: 'query ($t: String, $limit: Int) { movies(nextToken: $t, limit: $limit) { nextToken } }',
  moviesByGenre:
    'query ($t: String, $limit: Int) { moviesByGenre(genre: DRAMA, nextToken: $t, limit: $limit) { nextToken } }',
  searchMovies:
    'query ($t: String, $limit: Int) { searchMovies(query: "limit", nextToken: $t, limit: $limit) { nextToken } }',
  continueWatching:
    'query ($t: String, $limit: Int) { continueWatching(nextToken: $t, limit: $limit) { nextToken } }',
  myList: 'query ($t: String, $limit: Int) { myList(nextToken: $t, limit: $limit) { nextToken } }',
  searchHistory:
    'query ($t: String, $limit: Int) { searchHistory(nextToken: $t, limit: $limit) { nextToken } }',
} as const;

describe('an invalid nextToken', () => {
  const forged = Buffer.from(
    JSON.stringify({ version: 1, token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }),
  ).toString('base64');
  const garbage = ['garbage', 'not base64 at all!', forged, 'x'.repeat(5_000)];

  it.each(Object.entries(PAGED))(
    '%s: garbage tokens are a BadRequest naming nextToken',
    async (_field, document) => {
      for (const t of garbage) {
        expectNextTokenRefused(await twin.gql(viewer.idToken, document, { t }));
        await expectStillServing();
      }
    },
  );

  it.each(Object.entries(PAGED))(
    '%s: a token of another list is refused the same way',
    async (field, document) => {
      const other = field === 'movies' ? 'moviesByGenre' : 'movies';
      const foreign = await firstPageToken(viewer.idToken, other, PAGED[other]);
      expectNextTokenRefused(await twin.gql(viewer.idToken, document, { t: foreign }));
      await expectStillServing();
    },
  );

  it("refuses another viewer's My List token and shows nothing of that list", async () => {
    const token = await firstPageToken(viewer.idToken, 'myList', PAGED.myList);
    const own = await twin.gql<{ myList: { nextToken: string | null } }>(viewer.idToken, PAGED.myList, {
      t: token,
      limit: 1,
    });
    expect(own.errors).toBeUndefined();
    expectNextTokenRefused(await twin.gql(otherViewer.idToken, PAGED.myList, { t: token }));
    await expectStillServing();
  });

  it('records no search for a refused page of searchMovies', async () => {
    expectNextTokenRefused(await twin.gql(otherViewer.idToken, PAGED.searchMovies, { t: 'garbage' }));
    const history = await twin.gql<{ searchHistory: { items: unknown[] } }>(
      otherViewer.idToken,
      '{ searchHistory { items { query } } }',
    );
    expect(history.data?.searchHistory.items).toEqual([]);
  });
});

describe('the resolver-count limit', () => {
  const trace = { 'x-twin-trace': '1' };
  const callsOf = (response: GraphQLResponse) =>
    (response.extensions?.twinCostTrace as CostTraceSummary).dataSourceCalls;

  it('admits the widest request without aliases: a full page of titles, each with its trailers', async () => {
    const response = await twin.gql<{ movies: { items: unknown[] } }>(
      viewer.idToken,
      `{ movies(limit: ${MAX_PAGE}) { items { id trailers { id } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.movies.items).toHaveLength(MAX_PAGE);
  });

  it(`refuses resolvers past ${RESOLVER_COUNT_LIMIT} in one aliased request; the refused ones cost nothing`, async () => {
    const one = await twin.gql(viewer.idToken, `{ movie(id: "${movieIds[0]}") { id } }`, {}, trace);
    const aliases = Array.from(
      { length: RESOLVER_COUNT_LIMIT + 1 },
      (_, i) => `m${i}: movie(id: "${movieIds[0]}") { id }`,
    );
    const response = await twin.gql<Record<string, { id: string } | null>>(
      viewer.idToken,
      `{ ${aliases.join('\n')} }`,
      {},
      trace,
    );
    const last = `m${RESOLVER_COUNT_LIMIT}`;
    expect(response.errors).toEqual([
      {
        path: [last],
        data: null,
        errorType: 'ResolverCountLimitExceeded',
        errorInfo: null,
        locations: [{ line: RESOLVER_COUNT_LIMIT + 1, column: 1, sourceName: null }],
        message: `The request exceeded the API's limit of ${RESOLVER_COUNT_LIMIT} resolvers`,
      },
    ]);
    expect(response.data?.[last]).toBeNull();
    expect(response.data?.m0).toEqual({ id: movieIds[0] });
    expect(callsOf(response)).toBe(RESOLVER_COUNT_LIMIT * callsOf(one));
    await expectStillServing();
  });
});
