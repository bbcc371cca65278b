import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOVIE_SELECTION, createMovie, startMarqueeApi, type MarqueeApi } from '../support/marquee-fixtures';

let api: MarqueeApi;
beforeAll(async () => {
  api = await startMarqueeApi();
});
afterAll(async () => {
  await api?.stop();
});

type Page<T = { id: string; inMyList: boolean }> = { items: T[]; nextToken: string | null };

const MY_LIST = `query { myList { items { ${MOVIE_SELECTION} } nextToken } }`;
const ADD = 'mutation ($movieId: ID!) { addToMyList(movieId: $movieId) { id inMyList } }';
const REMOVE = 'mutation ($movieId: ID!) { removeFromMyList(movieId: $movieId) { id inMyList } }';
const SEARCH = 'query ($query: String!) { searchMovies(query: $query) { items { movie { id } } } }';
const RECORD = 'mutation ($query: String!) { recordSearch(query: $query) { id query searchedAt } }';
const HISTORY = 'query { searchHistory { items { id query } nextToken } }';
const DELETE_ENTRY = 'mutation ($id: ID!) { deleteSearchHistoryEntry(id: $id) { id } }';
const CLEAR = 'mutation { clearSearchHistory }';

describe('My List', () => {
  it('adds and removes titles, newest first, per user', async () => {
    const a = await createMovie(api, { title: 'List A' });
    const b = await createMovie(api, { title: 'List B' });
    expect(await api.data(api.viewer, ADD, { movieId: a.id })).toMatchObject({ id: a.id, inMyList: true });
    await api.data(api.viewer, ADD, { movieId: b.id });
    await api.data(api.viewer, ADD, { movieId: a.id });
    const list = await api.run<Page>(api.viewer, MY_LIST);
    expect(list.operations).toEqual(['Query', 'BatchGetItem']);
    expect((list.data as Page).items.map((item) => item.id)).toEqual([b.id, a.id]);
    expect((await api.data<Page>(api.otherViewer, MY_LIST)).items).toEqual([]);
    expect(await api.data(api.viewer, REMOVE, { movieId: a.id })).toMatchObject({ inMyList: false });
    expect((await api.data<Page>(api.viewer, MY_LIST)).items.map((item) => item.id)).toEqual([b.id]);
    expect(await api.data(api.viewer, REMOVE, { movieId: a.id })).toMatchObject({ id: a.id });
  });

  it('refuses a title that does not exist', async () => {
    const outcome = await api.run(api.viewer, ADD, { movieId: 'missing' });
    expect(outcome.error?.errorType).toBe('NotFound');
    expect((await api.data<Page>(api.viewer, MY_LIST)).items.map((item) => item.id)).not.toContain('missing');
  });
});

describe('search history', () => {
  it('records searches newest first, deduplicated, deletable and clearable', async () => {
    await createMovie(api, { title: 'History Lesson' });
    await api.data(api.viewer, RECORD, { query: 'Hist' });
    await api.data(api.viewer, RECORD, { query: 'lesson' });
    const latest = await api.data(api.viewer, RECORD, { query: 'HIST' });
    expect(latest).toMatchObject({ id: 'hist', query: 'HIST', searchedAt: expect.any(String) });
    // Searching (as the client does while the user types) records nothing.
    await api.data(api.viewer, SEARCH, { query: 'typing' });
    const history = await api.data<Page<{ id: string; query: string }>>(api.viewer, HISTORY);
    expect(history.items.map((entry) => entry.query)).toEqual(['HIST', 'lesson']);
    expect((await api.data<Page>(api.otherViewer, HISTORY)).items).toEqual([]);
    const deleted = await api.data<{ id: string }>(api.viewer, DELETE_ENTRY, { id: 'lesson' });
    expect(deleted.id).toBe('lesson');
    expect(await api.data(api.viewer, DELETE_ENTRY, { id: 'lesson' })).toBeNull();
    expect(await api.data(api.viewer, CLEAR)).toBe(true);
    expect((await api.data<Page>(api.viewer, HISTORY)).items).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await api.data(api.viewer, RECORD, { query: 'again' });
    const afterClear = await api.data<Page<{ query: string }>>(api.viewer, HISTORY);
    expect(afterClear.items.map((entry) => entry.query)).toEqual(['again']);
  });

  it('rejects empty and oversized searches, to search and to record', async () => {
    for (const query of ['   ', '!!!', 'x'.repeat(101)]) {
      expect((await api.run(api.viewer, SEARCH, { query })).error?.errorType, query).toBe('BadRequest');
      expect((await api.run(api.viewer, RECORD, { query })).error?.errorType, query).toBe('BadRequest');
    }
  });
});

describe('profile and identity', () => {
  it('returns the caller profile with admin membership', async () => {
    const ME = 'query { me { id email isAdmin } }';
    expect(await api.data(api.viewer, ME)).toMatchObject({
      id: api.viewer.sub,
      email: api.viewer.email,
      isAdmin: false,
    });
    expect(await api.data(api.admin, ME)).toMatchObject({ isAdmin: true });
  });

  it('refuses every per-user field to a caller without a Cognito identity, running nothing', async () => {
    for (const [field, document] of [
      ['me', 'query { me { id } }'],
      ['myList', MY_LIST],
      ['continueWatching', 'query { continueWatching { items { id } } }'],
      ['searchHistory', HISTORY],
      ['clearSearchHistory', CLEAR],
      ['addToMyList', 'mutation { addToMyList(movieId: "x") { id } }'],
    ] as const) {
      // The API's only auth mode is the user pool: AppSync refuses the request before any resolver runs.
      const outcome = await api.run(null, document);
      expect(outcome.error?.errorType, field).toBe('UnauthorizedException');
      expect(outcome.data, field).toBeNull();
      expect(outcome.operations, field).toEqual([]);
    }
  });
});
