import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMarqueeHarness, admin, createMovie, viewer } from '../support/marquee-fixtures';
import type { ResolverHarness } from '../support/resolver-harness';

let api: ResolverHarness;
beforeAll(async () => {
  api = await createMarqueeHarness();
});
afterAll(async () => {
  await api?.close();
});

interface Page {
  items: { id: string; title: string; genres: string[]; inMyList: boolean; myPosition: unknown }[];
  nextToken: string | null;
}

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
  it('creates a title with its genre rows and search prefixes in one transaction', async () => {
    const movie = await createMovie(api, { title: 'Zebra Crossing', genres: ['COMEDY', 'FAMILY'] });
    expect(movie).toMatchObject({ title: 'Zebra Crossing', inMyList: false, myPosition: null });
    const outcome = await api.run(
      'Mutation',
      'createMovie',
      { input: { ...validInput(), title: 'Another' } },
      admin,
    );
    expect(outcome.operations).toEqual(['TransactWriteItems']);
    const byGenre = await api.data<Page>('Query', 'moviesByGenre', { genre: 'FAMILY' }, viewer);
    expect(byGenre.items.map((item) => item.id)).toContain(movie.id);
    const search = await api.data<Page>('Query', 'searchMovies', { query: 'zeb cros' }, viewer);
    expect(search.items.map((item) => item.title)).toEqual(['Zebra Crossing']);
  });

  it('lists the catalog newest first, paginated, each row in at most 2 DynamoDB calls', async () => {
    for (const title of ['Paging One', 'Paging Two', 'Paging Three'])
      await createMovie(api, { title, genres: ['WESTERN'] });
    const first = await api.run('Query', 'moviesByGenre', { genre: 'WESTERN', limit: 2 }, viewer);
    expect(first.operations).toEqual(['Query', 'BatchGetItem']);
    const page1 = first.data as Page;
    expect(page1.items.map((item) => item.title)).toEqual(['Paging Three', 'Paging Two']);
    expect(page1.nextToken).toEqual(expect.any(String));
    const page2 = await api.data<Page>(
      'Query',
      'moviesByGenre',
      { genre: 'WESTERN', limit: 2, nextToken: page1.nextToken },
      viewer,
    );
    expect(page2.items.map((item) => item.title)).toEqual(['Paging One']);
    expect(page2.nextToken).toBeNull();
    const all = await api.run('Query', 'movies', { limit: 50 }, viewer);
    expect(all.operations).toEqual(['Query', 'BatchGetItem']);
    expect((all.data as Page).items.length).toBeGreaterThanOrEqual(3);
  });

  it('matches words ignoring case and accents', async () => {
    const movie = await createMovie(api, { title: "L'Été d'Amélie" });
    for (const query of ['amel', 'AMÉLIE', 'ete', "l'été"]) {
      const found = await api.data<Page>('Query', 'searchMovies', { query, recordInHistory: false }, viewer);
      expect(
        found.items.map((item) => item.id),
        query,
      ).toEqual([movie.id]);
    }
  });

  it('caps limit and rejects bad input without touching data', async () => {
    const tooMany = await api.run('Query', 'movies', { limit: 100000 }, viewer);
    expect(tooMany.error).toMatchObject({
      errorType: 'BadRequest',
      message: 'limit must be a whole number from 1 to 50.',
    });
    expect(tooMany.operations).toEqual([]);
    const badId = await api.run('Query', 'movie', { id: 'MOVIE#x' }, viewer);
    expect(badId.error?.errorType).toBe('BadRequest');
    const longTitle = await api.run(
      'Mutation',
      'createMovie',
      { input: { ...validInput(), title: 'x'.repeat(201) } },
      admin,
    );
    expect(longTitle.error?.errorType).toBe('BadRequest');
    expect(longTitle.operations).toEqual([]);
    const repeated = await api.run(
      'Mutation',
      'createMovie',
      { input: { ...validInput(), genres: ['DRAMA', 'DRAMA'] } },
      admin,
    );
    expect(repeated.error?.message).toBe('genres must not repeat DRAMA.');
  });

  it('renames a title: the search index follows and stale prefixes are removed', async () => {
    const movie = await createMovie(api, { title: 'Quokka Dreams', genres: ['ANIMATION'] });
    const updated = await api.data<{ title: string; genres: string[] }>(
      'Mutation',
      'updateMovie',
      { input: { id: movie.id, title: 'Wombat Dreams', genres: ['ANIMATION', 'HORROR'] } },
      admin,
    );
    expect(updated).toMatchObject({ title: 'Wombat Dreams', genres: ['ANIMATION', 'HORROR'] });
    expect(await partitionSize('PREFIX#quokka')).toBe(0);
    expect(await partitionSize('PREFIX#wombat')).toBe(1);
    const found = await api.data<Page>(
      'Query',
      'searchMovies',
      { query: 'womb', recordInHistory: false },
      viewer,
    );
    expect(found.items.map((item) => item.id)).toEqual([movie.id]);
    const horror = await api.data<Page>('Query', 'moviesByGenre', { genre: 'HORROR' }, viewer);
    expect(horror.items.map((item) => item.id)).toContain(movie.id);
  });

  it('deletes a title with its trailers and index items; deleting again returns null', async () => {
    const movie = await createMovie(api, { title: 'Vanishing Yak', genres: ['MYSTERY'] });
    const trailer = await api.data<{ id: string }>(
      'Mutation',
      'createTrailer',
      { input: { movieId: movie.id, title: 'Teaser', durationSeconds: 60 } },
      admin,
    );
    const trailers = await api.run('Movie', 'trailers', {}, viewer, { id: movie.id });
    expect(trailers.data).toEqual([expect.objectContaining({ id: trailer.id, title: 'Teaser' })]);
    const deleted = await api.data<{ id: string }>('Mutation', 'deleteMovie', { id: movie.id }, admin);
    expect(deleted.id).toBe(movie.id);
    expect(await partitionSize(`MOVIE#${movie.id}`)).toBe(0);
    expect(await partitionSize('PREFIX#yak')).toBe(0);
    expect(await api.data('Mutation', 'deleteMovie', { id: movie.id }, admin)).toBeNull();
    expect(await api.data('Query', 'movie', { id: movie.id }, viewer)).toBeNull();
  });

  it('rejects a trailer for a missing title and an update of a missing trailer', async () => {
    const missing = await api.run(
      'Mutation',
      'createTrailer',
      { input: { movieId: 'nope', title: 'T', durationSeconds: 5 } },
      admin,
    );
    expect(missing.error?.errorType).toBe('NotFound');
    const movie = await createMovie(api);
    const update = await api.run(
      'Mutation',
      'updateTrailer',
      { input: { movieId: movie.id, id: 'nope', title: 'X' } },
      admin,
    );
    expect(update.error?.errorType).toBe('NotFound');
  });
});

function validInput() {
  return {
    title: 'Valid Title',
    synopsis: 'Synopsis.',
    year: 2001,
    genres: ['DRAMA'],
    maturityRating: 'ALL',
    durationSeconds: 100,
  };
}
