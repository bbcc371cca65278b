import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMovie, startMarqueeApi, type Caller, type MarqueeApi } from '../support/marquee-fixtures';

/*
 * Catalog search through the engine (real resolvers, the real search function, DynamoDB Local). Every test uses
 * made-up words of its own, so titles created by other tests of this file never match its searches.
 */

let api: MarqueeApi;
beforeAll(async () => {
  api = await startMarqueeApi();
});
afterAll(async () => {
  await api?.stop();
});

const SEARCH = `query ($query: String!, $filter: SearchFilter, $limit: Int, $nextToken: String) {
  searchMovies(query: $query, filter: $filter, limit: $limit, nextToken: $nextToken) {
    items { movie { id title tags cast directors } matchedField highlights { field words } }
    nextToken
  } }`;

interface Hit {
  movie: { id: string; title: string; tags: string[]; cast: string[]; directors: string[] };
  matchedField: string;
  highlights: { field: string; words: string[] }[];
}
interface SearchPage {
  items: Hit[];
  nextToken: string | null;
}

function search(query: string, extra: Record<string, unknown> = {}, caller: Caller = api.viewer) {
  return api.run<SearchPage>(caller, SEARCH, { query, ...extra });
}

async function found(query: string, extra: Record<string, unknown> = {}): Promise<Hit[]> {
  const outcome = await search(query, extra);
  expect(outcome.errors, query).toEqual([]);
  return (outcome.data as SearchPage).items;
}

const ids = (hits: Hit[]) => hits.map((hit) => hit.movie.id);

describe('relevance', () => {
  it('ranks title matches before tags, before cast, before synopsis; then newest first', async () => {
    const bySynopsis = await createMovie(api, { synopsis: 'A story about one zorblat.', year: 2024 });
    const byCast = await createMovie(api, { cast: ['Ann Zorblatt'], year: 2023 });
    const byTag = await createMovie(api, { tags: ['zorblat lore'], year: 2022 });
    const olderTitle = await createMovie(api, { title: 'Zorblat Rising', year: 1999 });
    const newerTitle = await createMovie(api, { title: 'Return of the Zorblat', year: 2010 });
    const byDirector = await createMovie(api, { directors: ['Bo Zorblatov'], year: 2001 });
    const hits = await found('zorblat');
    expect(ids(hits)).toEqual([
      newerTitle.id,
      olderTitle.id,
      byTag.id,
      byCast.id,
      byDirector.id,
      bySynopsis.id,
    ]);
    expect(hits.map((hit) => hit.matchedField)).toEqual([
      'TITLE',
      'TITLE',
      'TAGS',
      'CAST',
      'CAST',
      'DESCRIPTION',
    ]);
    expect(hits[0]?.highlights).toEqual([{ field: 'TITLE', words: ['Zorblat'] }]);
    expect(hits[3]?.highlights).toEqual([{ field: 'CAST', words: ['Zorblatt'] }]);
    expect(hits[5]?.highlights).toEqual([{ field: 'DESCRIPTION', words: ['zorblat'] }]);
  });

  it('ignores case and accents, in titles and in credits', async () => {
    const amelie = await createMovie(api, { title: "Le Destin d'Amélie Quenfrow" });
    const zoe = await createMovie(api, { cast: ['Zoë Quenfrow'] });
    for (const query of ['amelie quenfrow', 'AMÉLIE', 'amél'])
      expect(ids(await found(query)), query).toContain(amelie.id);
    const byCast = await found('zoe quenf');
    expect(ids(byCast)).toEqual([zoe.id]);
    expect(byCast[0]?.highlights).toEqual([{ field: 'CAST', words: ['Zoë', 'Quenfrow'] }]);
  });

  it('needs every word, in any field, and ranks by the best field a word matched', async () => {
    const both = await createMovie(api, { title: 'Brimble Nights', synopsis: 'The frondle returns.' });
    const inSynopsis = await createMovie(api, { synopsis: 'A brimble meets a frondle.' });
    await createMovie(api, { title: 'Brimble Alone' });
    const hits = await found('frondle brimble');
    expect(ids(hits)).toEqual([both.id, inSynopsis.id]);
    expect(hits[0]).toMatchObject({
      matchedField: 'TITLE',
      highlights: [
        { field: 'TITLE', words: ['Brimble'] },
        { field: 'DESCRIPTION', words: ['frondle'] },
      ],
    });
    expect(hits[1]?.matchedField).toBe('DESCRIPTION');
    expect(await found('brimble nosuchword')).toEqual([]);
  });

  it('finds tags by word and prefix, and follows an edit of the tags', async () => {
    const movie = await createMovie(api, { tags: ['Heist', 'Glimmerfold caper'] });
    expect(ids(await found('glimmerf'))).toEqual([movie.id]);
    const UPDATE = 'mutation ($input: UpdateMovieInput!) { updateMovie(input: $input) { id tags } }';
    const updated = await api.data<{ tags: string[] }>(api.admin, UPDATE, {
      input: { id: movie.id, tags: ['Shimmerwold'] },
    });
    expect(updated.tags).toEqual(['Shimmerwold']);
    expect(await found('glimmerf')).toEqual([]);
    expect(ids(await found('shimmerw'))).toEqual([movie.id]);
  });

  it('matches 1–2 letter words in titles and credits only, not in synopses', async () => {
    const titled = await createMovie(api, { title: 'Qv Marks the Spot' });
    const described = await createMovie(api, { synopsis: 'Qvixel writes a letter.' });
    expect(ids(await found('qv'))).toEqual([titled.id]);
    expect(ids(await found('qvi'))).toEqual([described.id]);
  });
});

describe('filters', () => {
  it('filters by genre, year range and maturity rating', async () => {
    const comedy = await createMovie(api, {
      title: 'Plonkit One',
      genres: ['COMEDY'],
      year: 1990,
      maturityRating: 'ALL',
    });
    const horror = await createMovie(api, {
      title: 'Plonkit Two',
      genres: ['HORROR', 'DRAMA'],
      year: 2005,
      maturityRating: 'AGE_18',
    });
    const drama = await createMovie(api, {
      title: 'Plonkit Three',
      genres: ['DRAMA'],
      year: 2015,
      maturityRating: 'AGE_13',
    });
    expect(ids(await found('plonkit'))).toEqual([drama.id, horror.id, comedy.id]);
    expect(ids(await found('plonkit', { filter: { genres: ['DRAMA'] } }))).toEqual([drama.id, horror.id]);
    expect(ids(await found('plonkit', { filter: { yearFrom: 2000, yearTo: 2010 } }))).toEqual([horror.id]);
    expect(ids(await found('plonkit', { filter: { yearTo: 2005 } }))).toEqual([horror.id, comedy.id]);
    expect(ids(await found('plonkit', { filter: { maturityRatings: ['ALL', 'AGE_13'] } }))).toEqual([
      drama.id,
      comedy.id,
    ]);
    expect(await found('plonkit', { filter: { genres: ['COMEDY'], maturityRatings: ['AGE_18'] } })).toEqual(
      [],
    );
  });

  it('refuses a year range that ends before it starts', async () => {
    const outcome = await search('plonkit', { filter: { yearFrom: 2010, yearTo: 2000 } });
    expect(outcome.error).toMatchObject({
      errorType: 'BadRequest',
      message: 'filter.yearFrom must not be after filter.yearTo.',
    });
    expect(outcome.operations).toEqual([]);
  });
});

describe('pagination', () => {
  it('returns full pages in rank order, without duplicates or gaps', async () => {
    const created: string[] = [];
    for (const [index, field] of [
      'title',
      'tags',
      'cast',
      'synopsis',
      'title',
      'tags',
      'synopsis',
    ].entries()) {
      const word = field === 'synopsis' ? 'pagrix' : 'Pagrix';
      const value = field === 'title' ? `${word} ${index}` : field === 'synopsis' ? `About ${word}.` : [word];
      const key = field === 'synopsis' ? 'synopsis' : field;
      created.push((await createMovie(api, { [key]: value, year: 2000 + index })).id);
    }
    // Titles under the same 3-letter prefix that do not match: a page must be filled past them.
    for (const index of [1, 2, 3, 4, 5]) await createMovie(api, { title: `Pagraxo ${index}`, year: 2030 });
    const whole = ids(await found('pagrix', { limit: 50 }));
    expect([...whole].sort()).toEqual([...created].sort());
    const pages: string[][] = [];
    let nextToken: string | null = null;
    do {
      const outcome = await search('pagrix', { limit: 3, ...(nextToken ? { nextToken } : {}) });
      const page = outcome.data as SearchPage;
      pages.push(ids(page.items));
      nextToken = page.nextToken;
    } while (nextToken && pages.length < 10);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(whole);
  });

  it('refuses a token of another search, and a token that is not one', async () => {
    await createMovie(api, { title: 'Tokkel One' });
    await createMovie(api, { title: 'Tokkel Two' });
    const first = (await search('tokkel', { limit: 1 })).data as SearchPage;
    expect(first.nextToken).toEqual(expect.any(String));
    for (const [query, extra] of [
      ['tokkel', { filter: { genres: ['WESTERN'] } }],
      ['tokkel two', {}],
    ] as const) {
      const outcome = await search(query, { ...extra, nextToken: first.nextToken });
      expect(outcome.error?.errorType, query).toBe('BadRequest');
      expect(outcome.error?.message).toMatch(/^nextToken is not valid for this list/);
    }
    expect((await search('tokkel', { nextToken: 'garbage' })).error?.errorType).toBe('BadRequest');
  });
});

describe('side effects and access', () => {
  it('records nothing in the history: a search is one index call and one read', async () => {
    await createMovie(api, { title: 'Quietude Nook' });
    const outcome = await search('quietude', {}, api.otherViewer);
    expect(ids((outcome.data as SearchPage).items)).toHaveLength(1);
    expect(outcome.operations).toEqual(['Invoke', 'BatchGetItem']);
    const history = await api.data<{ items: unknown[] }>(
      api.otherViewer,
      'query { searchHistory { items { id } } }',
    );
    expect(history.items).toEqual([]);
  });

  it('refuses anonymous callers before anything runs', async () => {
    for (const document of [SEARCH, 'mutation ($query: String!) { recordSearch(query: $query) { id } }']) {
      const outcome = await api.run(null, document, { query: 'anything' });
      expect(outcome.error?.errorType).toBe('UnauthorizedException');
      expect(outcome.operations).toEqual([]);
    }
  });

  it('refuses too many words, and emoji-only text, with a clear error', async () => {
    const many = await search('a b c d e f g h i');
    expect(many.error).toMatchObject({
      errorType: 'BadRequest',
      message: 'query must have at most 8 words.',
    });
    const emoji = await search('🎬🍿');
    expect(emoji.error?.errorType).toBe('BadRequest');
    expect(ids(await found('zorblat 🎬'))).toEqual(ids(await found('zorblat')));
  });

  it('the search function refuses an event that is neither an index change nor a search', async () => {
    const { handler } = await import('../../functions/search/handler');
    for (const event of [null, { action: 'search', words: [''], limit: 5 }, { action: 'index' }])
      await expect(handler(event)).rejects.toThrow('Expected {');
  });
});
