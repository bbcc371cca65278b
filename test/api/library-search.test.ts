import {
  BatchWriteItemCommand,
  GetItemCommand,
  QueryCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CostTraceSummary } from 'appsync-twin';
import { LIBRARY_READ_PAGES } from '../../infra/lib/appsync/resolver-table';
import { LIBRARY_LIMITS } from '../../resolvers/lib/library';
import { searchableWords } from '../../resolvers/lib/library-item';
import {
  stackDynamoDbClient,
  stackTableName,
  startMarqueeTwin,
  type MarqueeTwin,
  type SignedInUser,
} from '../support/marquee-twin';
import { stackTimeout } from '../support/timeouts';

/**
 * searchMyLibrary through the twin over HTTP with real tokens: relevance (title before tags before description,
 * then newest), accents, prefixes, several words, the kind filter, full pages without repeats, owner isolation,
 * named errors, and the DynamoDB calls a search costs (also for a full library of large items).
 */
let twin: MarqueeTwin;
let owner: SignedInUser;
let otherViewer: SignedInUser;

const SEARCH = `query ($query: String!, $kind: LibraryItemKind, $limit: Int, $nextToken: String) {
  searchMyLibrary(query: $query, kind: $kind, limit: $limit, nextToken: $nextToken) {
    items { item { id title kind } matchedField highlights { field words } }
    nextToken } }`;
const REQUEST = `mutation ($input: RequestLibraryUploadInput!) {
  requestLibraryUpload(input: $input) { item { id } } }`;

interface Hit {
  item: { id: string; title: string; kind: string };
  matchedField: string;
  highlights: { field: string; words: string[] }[];
}

interface Page {
  items: Hit[];
  nextToken: string | null;
}

interface Details {
  title: string;
  description?: string;
  tags?: string[];
  kind?: 'IMAGE' | 'AUDIO';
}

/** A library item without its file: the item exists (and is searchable) as soon as the upload is requested. */
async function addItem(user: SignedInUser, details: Details): Promise<string> {
  const kind = details.kind ?? 'IMAGE';
  const response = await twin.gql<{ requestLibraryUpload: { item: { id: string } } }>(user.idToken, REQUEST, {
    input: {
      ...details,
      kind,
      fileName: kind === 'IMAGE' ? 'photo.png' : 'tone.wav',
      contentType: kind === 'IMAGE' ? 'image/png' : 'audio/wav',
      sizeBytes: 1000,
    },
  });
  expect(response.errors).toBeUndefined();
  return response.data?.requestLibraryUpload.item.id as string;
}

async function search(
  user: SignedInUser,
  variables: Record<string, unknown>,
): Promise<{ page: Page | null; errors: string[]; trace: CostTraceSummary }> {
  const response = await twin.gql<{ searchMyLibrary: Page }>(user.idToken, SEARCH, variables, {
    'x-twin-trace': '1',
  });
  return {
    page: response.data?.searchMyLibrary ?? null,
    errors: (response.errors ?? []).map((error) => `${error.errorType}: ${error.message}`),
    trace: response.extensions?.twinCostTrace as CostTraceSummary,
  };
}

async function hits(user: SignedInUser, query: string, extra: Record<string, unknown> = {}): Promise<Hit[]> {
  const result = await search(user, { query, ...extra });
  expect(result.errors).toEqual([]);
  return (result.page as Page).items;
}

function titles(found: Hit[]): string[] {
  return found.map((hit) => hit.item.title);
}

let ids: Record<string, string>;

beforeAll(async () => {
  twin = await startMarqueeTwin();
  [owner, otherViewer] = await Promise.all([
    twin.signUp('library-search-owner@example.com'),
    twin.signUp('library-search-other@example.com'),
  ]);
  // One after another, so item ids (ULIDs) follow this order: the last is the newest.
  ids = {};
  ids.lisbonTitle = await addItem(owner, { title: 'Lisbon at dawn' });
  ids.lisbonTag = await addItem(owner, { title: 'Tram 28', tags: ['lisbon'] });
  ids.lisbonDescription = await addItem(owner, {
    title: 'Old tiles',
    description: 'Found on a walk in Lisbon',
  });
  ids.cafe = await addItem(owner, { title: 'Café de Flore', description: 'Morning coffee' });
  ids.beachSummer = await addItem(owner, { title: 'Beach day', tags: ['summer'] });
  ids.beachOnly = await addItem(owner, { title: 'Beach at night' });
  ids.zanzibar = await addItem(owner, { title: 'Spice market', tags: ['zanzibar', 'travel'] });
  ids.song = await addItem(owner, { title: 'Pebble song', kind: 'AUDIO' });
  for (let n = 1; n <= 7; n += 1) ids[`pebble${n}`] = await addItem(owner, { title: `Pebble ${n}` });
  ids.theirs = await addItem(otherViewer, { title: 'Lisbon from the river', tags: ['pebble'] });
}, stackTimeout());

afterAll(async () => {
  await twin?.stop();
});

describe('searchMyLibrary relevance', () => {
  it('ranks a title match before a tag match before a description match, whatever their age', async () => {
    const found = await hits(owner, 'lisbon');
    expect(titles(found)).toEqual(['Lisbon at dawn', 'Tram 28', 'Old tiles']);
    expect(found.map((hit) => hit.matchedField)).toEqual(['TITLE', 'TAGS', 'DESCRIPTION']);
    expect(found[2]?.highlights).toEqual([{ field: 'DESCRIPTION', words: ['Lisbon'] }]);
  });

  it('ignores accents and case, and says which written word matched', async () => {
    const found = await hits(owner, 'CAFE');
    expect(titles(found)).toEqual(['Café de Flore']);
    expect(found[0]?.highlights).toEqual([{ field: 'TITLE', words: ['Café'] }]);
  });

  it('matches word prefixes, in tags too', async () => {
    expect(titles(await hits(owner, 'lis'))).toEqual(['Lisbon at dawn', 'Tram 28', 'Old tiles']);
    const found = await hits(owner, 'zanz');
    expect(titles(found)).toEqual(['Spice market']);
    expect(found[0]).toMatchObject({
      matchedField: 'TAGS',
      highlights: [{ field: 'TAGS', words: ['zanzibar'] }],
    });
  });

  it('needs every word to match, each in any field', async () => {
    const found = await hits(owner, 'beach summer');
    expect(titles(found)).toEqual(['Beach day']);
    expect(found[0]?.highlights).toEqual([
      { field: 'TITLE', words: ['Beach'] },
      { field: 'TAGS', words: ['summer'] },
    ]);
    expect(titles(await hits(owner, 'beach'))).toEqual(['Beach at night', 'Beach day']);
  });

  it('filters by kind', async () => {
    expect(titles(await hits(owner, 'pebble', { kind: 'AUDIO' }))).toEqual(['Pebble song']);
    expect(titles(await hits(owner, 'pebble', { kind: 'IMAGE' }))).not.toContain('Pebble song');
  });

  it('works with emoji in the text', async () => {
    expect(titles(await hits(owner, '🎬 café'))).toEqual(['Café de Flore']);
  });
});

describe('searchMyLibrary paging and isolation', () => {
  it('gives full pages, newest first, without repeats, until the last', async () => {
    const pages: Page[] = [];
    let nextToken: string | null = null;
    do {
      const result = await search(owner, { query: 'pebble', kind: 'IMAGE', limit: 3, nextToken });
      expect(result.errors).toEqual([]);
      pages.push(result.page as Page);
      nextToken = (result.page as Page).nextToken;
    } while (nextToken);
    expect(pages.map((page) => page.items.length)).toEqual([3, 3, 1]);
    const order = pages.flatMap((page) => titles(page.items));
    expect(order).toEqual([
      'Pebble 7',
      'Pebble 6',
      'Pebble 5',
      'Pebble 4',
      'Pebble 3',
      'Pebble 2',
      'Pebble 1',
    ]);
  });

  it("never shows another viewer's items, either way", async () => {
    const mine = await hits(owner, 'lisbon');
    expect(mine.map((hit) => hit.item.id)).not.toContain(ids.theirs);
    const theirs = await hits(otherViewer, 'lisbon');
    expect(theirs.map((hit) => hit.item.id)).toEqual([ids.theirs]);
    expect(titles(await hits(otherViewer, 'pebble'))).toEqual(['Lisbon from the river']);
  });

  it('costs the session check and one Query for a small library, and never scans', async () => {
    const { trace } = await search(owner, { query: 'lisbon' });
    expect(trace.scans).toEqual([]);
    expect(trace.operations).toEqual({ GetItem: 1, Query: 1 });
  });
});

describe('searchMyLibrary after edits', () => {
  const UPDATE = `mutation ($id: ID!, $input: UpdateLibraryItemInput!) {
    updateLibraryItem(id: $id, input: $input) { id } }`;

  it('finds an item by its edited words, and no longer by its old ones', async () => {
    const id = await addItem(owner, { title: 'Untitled scan', description: 'First draft', tags: ['paper'] });
    expect(titles(await hits(owner, 'draft'))).toEqual(['Untitled scan']);
    const edited = await twin.gql(owner.idToken, UPDATE, {
      id,
      input: { title: 'Wombat sketch', tags: ['graphite'], description: 'Final version' },
    });
    expect(edited.errors).toBeUndefined();
    expect(titles(await hits(owner, 'wombat'))).toEqual(['Wombat sketch']);
    expect(titles(await hits(owner, 'graphite'))).toEqual(['Wombat sketch']);
    expect(titles(await hits(owner, 'final'))).toEqual(['Wombat sketch']);
    for (const old of ['untitled', 'paper', 'draft']) expect(await hits(owner, old)).toEqual([]);
    // Editing one field keeps the others' words.
    await twin.gql(owner.idToken, UPDATE, { id, input: { description: 'Charcoal study' } });
    expect(titles(await hits(owner, 'wombat charcoal graphite'))).toEqual(['Wombat sketch']);
    expect(await hits(owner, 'final')).toEqual([]);
  });
});

describe('searchMyLibrary bad input', () => {
  it.each([
    ['empty text', '', 'BadRequest: query must be 1–100 characters.'],
    ['1,000 characters', 'a'.repeat(1000), 'BadRequest: query must be 1–100 characters.'],
    ['only emoji', '🎬🍿', 'BadRequest: query must contain at least one letter or digit.'],
  ])('refuses %s with a named error', async (_case, query, message) => {
    const result = await search(owner, { query });
    expect(result.errors).toEqual([message]);
    expect(result.page).toBeNull();
  });

  it('refuses a nextToken that is not one of its own', async () => {
    const result = await search(owner, { query: 'lisbon', nextToken: 'bm90LWEtdG9rZW4=' });
    expect(result.errors).toEqual([
      expect.stringMatching(/^BadRequest: nextToken is not valid for this list/),
    ]);
  });
});

const dynamodb = (): DynamoDBClient => stackDynamoDbClient(twin.stack);
const userTableName = (): string => stackTableName(twin.stack, 'UserTable');

/** How many 1 MB pages DynamoDB takes to return the user's library items (the Query the resolver makes). */
async function libraryPages(user: SignedInUser): Promise<{ pages: number; items: number }> {
  const client = dynamodb();
  try {
    let pages = 0;
    let items = 0;
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: userTableName(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :library)',
          ExpressionAttributeValues: { ':pk': { S: `USER#${user.sub}` }, ':library': { S: 'LIBRARY#' } },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      pages += 1;
      items += page.Items?.length ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return { pages, items };
  } finally {
    client.destroy();
  }
}

describe('searchMyLibrary on a full library of large items', () => {
  let big: SignedInUser;

  /** 500 items with 2,000-character descriptions (over 1 MB), written as the API stores them. */
  async function fillLibrary(user: SignedInUser): Promise<void> {
    const template = await addItem(user, { title: 'Newest item' });
    const client = dynamodb();
    const tableName = userTableName();
    try {
      const stored = await client.send(
        new GetItemCommand({
          TableName: tableName,
          Key: { pk: { S: `USER#${user.sub}` }, sk: { S: `LIBRARY#${template}` } },
        }),
      );
      const item = stored.Item as Record<string, AttributeValue>;
      // Older than any real ULID ("01A…" sorts before this year's "01K…"): the oldest is read last.
      const clones = Array.from({ length: LIBRARY_LIMITS.maxItems - 1 }, (_unused, n) => {
        const itemId = `01AAAAAAAAAAAAAAAAAA${String(n).padStart(6, '0')}`;
        const title = ['Quokka selfie', 'Platypus from before'][n] ?? `Filler ${n}`;
        const description = 'Ça été une journée ensoleillée. '.repeat(62).slice(0, 2000);
        const { searchTitle: _title, searchTags: _tags, searchDescription: _description, ...fields } = item;
        const clone = {
          ...fields,
          sk: { S: `LIBRARY#${itemId}` },
          itemId: { S: itemId },
          title: { S: title },
        };
        // Item 1 is as items were stored before search words were (search folds its fields itself).
        if (n === 1) return { ...clone, description: { S: description } };
        const words = searchableWords({ title, tags: [], description });
        return {
          ...clone,
          description: { S: description },
          searchTitle: { S: words.searchTitle as string },
          searchTags: { S: words.searchTags as string },
          searchDescription: { S: words.searchDescription as string },
        };
      });
      for (let start = 0; start < clones.length; start += 25) {
        const batch = clones.slice(start, start + 25).map((clone) => ({ PutRequest: { Item: clone } }));
        const written = await client.send(
          new BatchWriteItemCommand({ RequestItems: { [tableName]: batch } }),
        );
        expect(Object.keys(written.UnprocessedItems ?? {})).toEqual([]);
      }
    } finally {
      client.destroy();
    }
  }

  beforeAll(async () => {
    big = await twin.signUp('library-search-full@example.com');
    await fillLibrary(big);
  }, stackTimeout());

  it('reads every item, one Query per MB, and still finds the oldest', async () => {
    const stored = await libraryPages(big);
    expect(stored.items).toBe(LIBRARY_LIMITS.maxItems);
    // Over 1 MB, so the pipeline pages; within the steps it has (LIBRARY_READ_PAGES).
    expect(stored.pages).toBeGreaterThan(1);
    expect(stored.pages).toBeLessThanOrEqual(LIBRARY_READ_PAGES);
    const result = await search(big, { query: 'quokka' });
    expect(result.errors).toEqual([]);
    expect(titles((result.page as Page).items)).toEqual(['Quokka selfie']);
    expect(result.trace.scans).toEqual([]);
    expect(result.trace.operations).toEqual({ GetItem: 1, Query: stored.pages });
    const legacy = await search(big, { query: 'platypus' });
    expect(titles((legacy.page as Page).items)).toEqual(['Platypus from before']);
    const all = await search(big, { query: 'filler', limit: 50 });
    expect((all.page as Page).items).toHaveLength(50);
  });
});
