import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMarqueeHarness, admin, createMovie, otherViewer, viewer } from '../support/marquee-fixtures';
import type { ResolverHarness } from '../support/resolver-harness';

let api: ResolverHarness;
beforeAll(async () => {
  api = await createMarqueeHarness();
});
afterAll(async () => {
  await api?.close();
});

type Page<T = { id: string; inMyList: boolean }> = { items: T[]; nextToken: string | null };

describe('My List', () => {
  it('adds and removes titles, newest first, per user', async () => {
    const a = await createMovie(api, { title: 'List A' });
    const b = await createMovie(api, { title: 'List B' });
    expect(await api.data('Mutation', 'addToMyList', { movieId: a.id }, viewer)).toMatchObject({
      id: a.id,
      inMyList: true,
    });
    await api.data('Mutation', 'addToMyList', { movieId: b.id }, viewer);
    await api.data('Mutation', 'addToMyList', { movieId: a.id }, viewer);
    const list = await api.run('Query', 'myList', {}, viewer);
    expect(list.operations).toEqual(['Query', 'BatchGetItem']);
    expect((list.data as Page).items.map((item) => item.id)).toEqual([b.id, a.id]);
    expect((await api.data<Page>('Query', 'myList', {}, otherViewer)).items).toEqual([]);
    expect(await api.data('Mutation', 'removeFromMyList', { movieId: a.id }, viewer)).toMatchObject({
      inMyList: false,
    });
    expect((await api.data<Page>('Query', 'myList', {}, viewer)).items.map((item) => item.id)).toEqual([
      b.id,
    ]);
    expect(await api.data('Mutation', 'removeFromMyList', { movieId: a.id }, viewer)).toMatchObject({
      id: a.id,
    });
  });

  it('refuses a title that does not exist', async () => {
    const outcome = await api.run('Mutation', 'addToMyList', { movieId: 'missing' }, viewer);
    expect(outcome.error?.errorType).toBe('NotFound');
    expect((await api.data<Page>('Query', 'myList', {}, viewer)).items.map((item) => item.id)).not.toContain(
      'missing',
    );
  });
});

describe('search history', () => {
  it('records searches newest first, deduplicated, deletable and clearable', async () => {
    await createMovie(api, { title: 'History Lesson' });
    await api.data('Query', 'searchMovies', { query: 'Hist' }, viewer);
    await api.data('Query', 'searchMovies', { query: 'lesson' }, viewer);
    await api.data('Query', 'searchMovies', { query: 'HIST' }, viewer);
    await api.data('Query', 'searchMovies', { query: 'typing', recordInHistory: false }, viewer);
    const history = await api.data<Page<{ id: string; query: string }>>('Query', 'searchHistory', {}, viewer);
    expect(history.items.map((entry) => entry.query)).toEqual(['HIST', 'lesson']);
    expect((await api.data<Page>('Query', 'searchHistory', {}, otherViewer)).items).toEqual([]);
    const deleted = await api.data<{ id: string }>(
      'Mutation',
      'deleteSearchHistoryEntry',
      { id: 'lesson' },
      viewer,
    );
    expect(deleted.id).toBe('lesson');
    expect(await api.data('Mutation', 'deleteSearchHistoryEntry', { id: 'lesson' }, viewer)).toBeNull();
    expect(await api.data('Mutation', 'clearSearchHistory', {}, viewer)).toBe(true);
    expect((await api.data<Page>('Query', 'searchHistory', {}, viewer)).items).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await api.data('Query', 'searchMovies', { query: 'again' }, viewer);
    const afterClear = await api.data<Page<{ query: string }>>('Query', 'searchHistory', {}, viewer);
    expect(afterClear.items.map((entry) => entry.query)).toEqual(['again']);
  });

  it('rejects empty and oversized searches', async () => {
    expect((await api.run('Query', 'searchMovies', { query: '   ' }, viewer)).error?.errorType).toBe(
      'BadRequest',
    );
    expect((await api.run('Query', 'searchMovies', { query: '!!!' }, viewer)).error?.errorType).toBe(
      'BadRequest',
    );
    expect(
      (await api.run('Query', 'searchMovies', { query: 'x'.repeat(101) }, viewer)).error?.errorType,
    ).toBe('BadRequest');
  });
});

describe('profile and identity', () => {
  it('returns the caller profile with admin membership', async () => {
    expect(await api.data('Query', 'me', {}, viewer)).toMatchObject({
      id: viewer.sub,
      email: `${viewer.sub}@example.com`,
      isAdmin: false,
    });
    expect(await api.data('Query', 'me', {}, admin)).toMatchObject({ isAdmin: true });
  });

  it('refuses every per-user field to a caller without a Cognito identity', async () => {
    for (const [type, field, args] of [
      ['Query', 'me', {}],
      ['Query', 'myList', {}],
      ['Query', 'continueWatching', {}],
      ['Query', 'searchHistory', {}],
      ['Mutation', 'clearSearchHistory', {}],
      ['Mutation', 'addToMyList', { movieId: 'x' }],
    ] as const) {
      const outcome = await api.run(type, field, args, null);
      expect(outcome.error?.errorType, `${type}.${field}`).toBe('Unauthorized');
    }
  });
});
