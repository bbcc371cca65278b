import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CREATE_MOVIE,
  MOVIE_SELECTION,
  createMovie,
  movieInput,
  startMarqueeApi,
  type MarqueeApi,
} from '../support/marquee-fixtures';
import { stackLambdaOf } from '../support/marquee-twin';

let api: MarqueeApi;
beforeAll(async () => {
  api = await startMarqueeApi();
});
afterAll(async () => {
  await api?.stop();
});

interface SearchPage {
  items: { movie: { id: string; title: string } }[];
}

async function searchIds(query: string): Promise<string[]> {
  const page = await api.data<SearchPage>(api.viewer, SEARCH, { query });
  return page.items.map((item) => item.movie.id);
}

interface Page {
  items: { id: string; title: string; genres: string[]; inMyList: boolean; myPosition: unknown }[];
  nextToken: string | null;
}

const PAGE = `items { ${MOVIE_SELECTION} } nextToken`;
const MOVIES = `query ($limit: Int, $nextToken: String) { movies(limit: $limit, nextToken: $nextToken) { ${PAGE} } }`;
const BY_GENRE = `query ($genre: Genre!, $limit: Int, $nextToken: String) {
  moviesByGenre(genre: $genre, limit: $limit, nextToken: $nextToken) { ${PAGE} } }`;
const SEARCH = `query ($query: String!) { searchMovies(query: $query) { items { movie { id title } } nextToken } }`;
const MOVIE = `query ($id: ID!) { movie(id: $id) { ${MOVIE_SELECTION} } }`;

async function partitionSize(pk: string): Promise<number> {
  const result = await api.client.send(
    new QueryCommand({
      TableName: api.tables.catalog,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: pk } },
    }),
  );
  return result.Count ?? 0;
}

describe('catalog', () => {
  it('creates a title with its genre rows in one transaction, then indexes it for search', async () => {
    const movie = await createMovie(api, { title: 'Zebra Crossing', genres: ['COMEDY', 'FAMILY'] });
    expect(movie).toMatchObject({ title: 'Zebra Crossing', inMyList: false, myPosition: null });
    const outcome = await api.run(api.admin, CREATE_MOVIE, { input: { ...validInput(), title: 'Another' } });
    expect(outcome.operations).toEqual(['TransactWriteItems', 'Invoke']);
    const byGenre = await api.data<Page>(api.viewer, BY_GENRE, { genre: 'FAMILY' });
    expect(byGenre.items.map((item) => item.id)).toContain(movie.id);
    expect(await searchIds('zeb cros')).toEqual([movie.id]);
  });

  it('lists the catalog newest first, paginated, each row in at most 2 DynamoDB calls', async () => {
    for (const title of ['Paging One', 'Paging Two', 'Paging Three'])
      await createMovie(api, { title, genres: ['WESTERN'] });
    const first = await api.run<Page>(api.viewer, BY_GENRE, { genre: 'WESTERN', limit: 2 });
    expect(first.operations).toEqual(['Query', 'BatchGetItem']);
    const page1 = first.data as Page;
    expect(page1.items.map((item) => item.title)).toEqual(['Paging Three', 'Paging Two']);
    expect(page1.nextToken).toEqual(expect.any(String));
    const page2 = await api.data<Page>(api.viewer, BY_GENRE, {
      genre: 'WESTERN',
      limit: 2,
      nextToken: page1.nextToken,
    });
    expect(page2.items.map((item) => item.title)).toEqual(['Paging One']);
    expect(page2.nextToken).toBeNull();
    const all = await api.run<Page>(api.viewer, MOVIES, { limit: 50 });
    expect(all.operations).toEqual(['Query', 'BatchGetItem']);
    expect((all.data as Page).items.length).toBeGreaterThanOrEqual(3);
  });

  it('matches words ignoring case and accents', async () => {
    const movie = await createMovie(api, { title: "L'Été d'Amélie" });
    for (const query of ['amel', 'AMÉLIE', 'ete', "l'été"]) {
      expect(await searchIds(query), query).toEqual([movie.id]);
    }
  });

  it('caps limit and rejects bad input without touching data', async () => {
    const tooMany = await api.run(api.viewer, MOVIES, { limit: 100000 });
    expect(tooMany.error).toMatchObject({
      errorType: 'BadRequest',
      message: 'limit must be a whole number from 1 to 50.',
    });
    expect(tooMany.operations).toEqual([]);
    const badId = await api.run(api.viewer, MOVIE, { id: 'MOVIE#x' });
    expect(badId.error?.errorType).toBe('BadRequest');
    const longTitle = await api.run(api.admin, CREATE_MOVIE, {
      input: { ...validInput(), title: 'x'.repeat(201) },
    });
    expect(longTitle.error?.errorType).toBe('BadRequest');
    expect(longTitle.operations).toEqual([]);
    const repeated = await api.run(api.admin, CREATE_MOVIE, {
      input: { ...validInput(), genres: ['DRAMA', 'DRAMA'] },
    });
    expect(repeated.error?.message).toBe('genres must not repeat DRAMA.');
  });

  it('renames a title: the search index follows and stale prefixes are removed', async () => {
    const movie = await createMovie(api, { title: 'Quokka Dreams', genres: ['ANIMATION'] });
    const updated = await api.data<{ title: string; genres: string[] }>(
      api.admin,
      `mutation ($input: UpdateMovieInput!) { updateMovie(input: $input) { title genres } }`,
      { input: { id: movie.id, title: 'Wombat Dreams', genres: ['ANIMATION', 'HORROR'] } },
    );
    expect(updated).toMatchObject({ title: 'Wombat Dreams', genres: ['ANIMATION', 'HORROR'] });
    expect(await partitionSize('TERM#quo')).toBe(0);
    expect(await partitionSize('TERM#wom')).toBe(1);
    expect(await searchIds('womb')).toEqual([movie.id]);
    expect(await searchIds('quokka')).toEqual([]);
    const horror = await api.data<Page>(api.viewer, BY_GENRE, { genre: 'HORROR' });
    expect(horror.items.map((item) => item.id)).toContain(movie.id);
  });

  it('deletes a title with its trailers and index items; deleting again returns null', async () => {
    const movie = await createMovie(api, { title: 'Vanishing Yak', genres: ['MYSTERY'] });
    const trailer = await api.data<{ id: string }>(
      api.admin,
      'mutation ($input: CreateTrailerInput!) { createTrailer(input: $input) { id } }',
      { input: { movieId: movie.id, title: 'Teaser', durationSeconds: 60 } },
    );
    const withTrailers = await api.data<{ trailers: unknown[] }>(
      api.viewer,
      'query ($id: ID!) { movie(id: $id) { trailers { id title } } }',
      { id: movie.id },
    );
    expect(withTrailers.trailers).toEqual([expect.objectContaining({ id: trailer.id, title: 'Teaser' })]);
    const DELETE = 'mutation ($id: ID!) { deleteMovie(id: $id) { id } }';
    const deleted = await api.data<{ id: string }>(api.admin, DELETE, { id: movie.id });
    expect(deleted.id).toBe(movie.id);
    expect(await partitionSize(`MOVIE#${movie.id}`)).toBe(0);
    expect(await partitionSize('TERM#yak')).toBe(0);
    expect(await api.data(api.admin, DELETE, { id: movie.id })).toBeNull();
    expect(await api.data(api.viewer, MOVIE, { id: movie.id })).toBeNull();
  });

  it('keeps a title whose search indexing failed, says so beside it, and saving it again makes it searchable', async () => {
    const search = stackLambdaOf(api.twin.stack, 'indexForSearch');
    api.twin.stack.lambdas.injectFault(search, {
      errorType: 'Error',
      errorMessage: 'the index is unreachable',
    });
    const created = await api.run<{ id: string; title: string }>(api.admin, CREATE_MOVIE, {
      input: movieInput({ title: 'Narwhal Summit' }),
    });
    expect(created.data).toMatchObject({ title: 'Narwhal Summit' });
    expect(created.errors).toEqual([
      expect.objectContaining({
        errorType: 'SearchIndexStale',
        message: expect.stringMatching(/the index is unreachable.*Save the title again/),
      }),
    ]);
    const id = created.data?.id ?? '';
    // Written once, with its genre rows; not found by search yet.
    expect(await api.data(api.viewer, MOVIE, { id })).toMatchObject({ title: 'Narwhal Summit' });
    const listed = await api.data<Page>(api.viewer, MOVIES, { limit: 50 });
    expect(listed.items.filter((item) => item.title === 'Narwhal Summit').map((item) => item.id)).toEqual([
      id,
    ]);
    expect(await searchIds('narwhal')).toEqual([]);
    await api.data(api.admin, `mutation ($input: UpdateMovieInput!) { updateMovie(input: $input) { id } }`, {
      input: { id, title: 'Narwhal Summit' },
    });
    expect(await searchIds('narwhal')).toEqual([id]);

    api.twin.stack.lambdas.injectFault(search, {
      errorType: 'Error',
      errorMessage: 'the index is unreachable',
    });
    const deleted = await api.run<{ id: string }>(
      api.admin,
      'mutation ($id: ID!) { deleteMovie(id: $id) { id } }',
      {
        id,
      },
    );
    expect(deleted.data).toEqual({ id });
    expect(deleted.errors).toEqual([
      expect.objectContaining({
        errorType: 'SearchIndexStale',
        message: expect.stringContaining('Search leaves deleted titles out'),
      }),
    ]);
    expect(await api.data(api.viewer, MOVIE, { id })).toBeNull();
    // Its search entries are still stored, and search leaves the deleted title out, as the warning says.
    expect(await partitionSize('TERM#nar')).toBe(1);
    expect(await searchIds('narwhal')).toEqual([]);
  });

  it('rejects a trailer for a missing title and an update of a missing trailer', async () => {
    const missing = await api.run(
      api.admin,
      'mutation ($input: CreateTrailerInput!) { createTrailer(input: $input) { id } }',
      { input: { movieId: 'nope', title: 'T', durationSeconds: 5 } },
    );
    expect(missing.error?.errorType).toBe('NotFound');
    const movie = await createMovie(api);
    const update = await api.run(
      api.admin,
      'mutation ($input: UpdateTrailerInput!) { updateTrailer(input: $input) { id } }',
      { input: { movieId: movie.id, id: 'nope', title: 'X' } },
    );
    expect(update.error?.errorType).toBe('NotFound');
  });
});

function validInput() {
  return { ...movieInput({ title: 'Valid Title', durationSeconds: 100, year: 2001 }), maturityRating: 'ALL' };
}
