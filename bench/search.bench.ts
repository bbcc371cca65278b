/**
 * Catalog search on a 10,000-title catalog in the Marquee twin (real resolvers, the real search Lambda in a
 * worker, DynamoDB Local): p50/p99 of `searchMovies` per kind of search, against a `movie(id)` query (one
 * BatchGetItem) measured in the same run, interleaved sample by sample. DynamoDB calls per search come from two
 * places: the twin's cost trace (`x-twin-trace: 1`) shows the resolvers' calls and the Lambda invocation, and
 * the Lambda's own Queries (which go straight to DynamoDB, outside the trace) are counted by running the same
 * search function code on a counting client. Writes bench/results/search.json.
 * Run: npx tsx bench/search.bench.ts   (BENCH_TITLES / BENCH_SAMPLES for a small proof run; do not commit it)
 *
 * The catalog is written straight to the table with the search function's own item builder
 * (functions/search/index-items.ts), because 10,000 `createMovie` calls would take most of an hour on a shared
 * machine; `test/api/search.test.ts` covers the mutations keeping the index.
 */
import { DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from 'appsync-twin';
import { indexItems } from '../functions/search/index-items';
import { searchIndex } from '../functions/search/search';
import { writeInBatches } from '../functions/shared/batch-write';
import { wordsOf } from '../resolvers/lib/search';
import type { IndexedTitle } from '../resolvers/lib/search-index';
import { startMarqueeTwin } from '../test/support/marquee-twin';
import { writeBenchResult } from './support/results';
import { percentile, time } from './support/stats';

const TITLES = Number(process.env.BENCH_TITLES ?? 10_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const WARMUP = Math.min(10, SAMPLES);
const WRITERS = 8;
const GENRES = ['ACTION', 'COMEDY', 'DRAMA', 'THRILLER', 'FAMILY', 'HORROR', 'ROMANCE', 'WESTERN'];
const RATINGS = ['ALL', 'AGE_7', 'AGE_13', 'AGE_16', 'AGE_18'];

/** A small deterministic generator, so every run searches the same catalog. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}
const random = generator(42);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;

// 90 consonant-vowel syllables, some closed by an n: about 1,600 three-letter word starts, so index
// partitions are sized more like a real vocabulary's than a handful of syllables would make them.
const SYLLABLES = [...'bcdfghjklmnprstvwz'].flatMap((consonant) =>
  [...'aeiou'].map((vowel, index) => `${consonant}${vowel}${index % 2 === 0 ? '' : 'n'}`),
);
const word = (syllables: number): string => Array.from({ length: syllables }, () => pick(SYLLABLES)).join('');
const VOCABULARY = Array.from({ length: 3000 }, () => word(2 + Math.floor(random() * 2)));
const TAGS = Array.from({ length: 300 }, () => word(2));
const FIRST_NAMES = Array.from({ length: 400 }, () => word(2));
const LAST_NAMES = Array.from({ length: 1500 }, () => word(3));
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const person = () => `${capital(pick(FIRST_NAMES))} ${capital(pick(LAST_NAMES))}`;

function syntheticTitle(): IndexedTitle {
  return {
    title: Array.from({ length: 2 + Math.floor(random() * 3) }, () => capital(pick(VOCABULARY))).join(' '),
    synopsis: `${Array.from({ length: 12 }, () => pick(VOCABULARY)).join(' ')}.`,
    tags: [pick(TAGS), pick(TAGS), pick(TAGS)].filter((tag, index, all) => all.indexOf(tag) === index),
    cast: [person(), person(), person()],
    directors: [person()],
    year: 1960 + Math.floor(random() * 66),
    maturityRating: pick(RATINGS),
    genres: [pick(GENRES)],
  };
}

const twin = await startMarqueeTwin();
const client = new DynamoDBClient({
  endpoint: twin.stack.dynamodb.endpoint,
  region: LOCAL_REGION,
  credentials: LOCAL_CREDENTIALS,
});
const catalogTable = twin.stack.tables.find((table) => table.logicalId.includes('CatalogTable'))?.tableName;
if (!catalogTable) throw new Error('The synthesized stack has no catalog table');

try {
  const viewer = await twin.signUp('viewer@example.com');
  const titles: { id: string; fields: IndexedTitle }[] = Array.from({ length: TITLES }, (_, index) => ({
    id: `bench-${String(index).padStart(5, '0')}`,
    fields: syntheticTitle(),
  }));
  const requests: WriteRequest[] = [];
  const now = '2026-01-01T00:00:00.000Z';
  for (const { id, fields } of titles) {
    requests.push({
      PutRequest: {
        Item: {
          pk: { S: `MOVIE#${id}` },
          sk: { S: 'MOVIE' },
          id: { S: id },
          title: { S: fields.title },
          synopsis: { S: fields.synopsis },
          year: { N: String(fields.year) },
          genres: { L: fields.genres.map((genre) => ({ S: genre })) },
          maturityRating: { S: fields.maturityRating },
          durationSeconds: { N: '5400' },
          tags: { L: fields.tags.map((tag) => ({ S: tag })) },
          cast: { L: fields.cast.map((name) => ({ S: name })) },
          directors: { L: fields.directors.map((name) => ({ S: name })) },
          createdAt: { S: now },
          updatedAt: { S: now },
          version: { N: '1' },
          gsi1pk: { S: 'CATALOG' },
          gsi1sk: { S: `${now}#${id}` },
        },
      },
    });
    for (const Item of indexItems(id, fields)) requests.push({ PutRequest: { Item } });
  }
  const loadStarted = performance.now();
  const share = Math.ceil(requests.length / WRITERS / 25) * 25;
  await Promise.all(
    Array.from({ length: WRITERS }, (_, writer) =>
      writeInBatches(client, catalogTable, requests.slice(writer * share, (writer + 1) * share)),
    ),
  );
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  console.log(`Loaded ${TITLES} titles as ${requests.length} items in ${loadSeconds.toFixed(0)} s`);

  // Searches built from the catalog itself, so each kind finds titles.
  const sample = titles[7]!.fields;
  const castSurname = sample.cast[0]!.split(' ')[1]!.toLowerCase();
  const KINDS: Record<string, { query: string; filter?: Record<string, unknown> }> = {
    'one title word': { query: sample.title.split(' ')[0]!.toLowerCase() },
    'two-letter prefix': { query: sample.title.slice(0, 2).toLowerCase() },
    'two words': { query: `${sample.title.split(' ')[0]!.toLowerCase()} ${sample.synopsis.split(' ')[3]}` },
    'cast surname': { query: castSurname },
    'synopsis word': { query: sample.synopsis.split(' ')[5]! },
    'word + filters': {
      query: sample.title.split(' ')[0]!.toLowerCase(),
      filter: { genres: sample.genres, yearFrom: sample.year - 10, yearTo: sample.year + 10 },
    },
  };
  const SEARCH = `query ($query: String!, $filter: SearchFilter) {
    searchMovies(query: $query, filter: $filter, limit: 20) { items { movie { id title } matchedField } nextToken } }`;
  const MOVIE = 'query ($id: ID!) { movie(id: $id) { id title } }';

  const answer = async (query: string, variables: Record<string, unknown>, headers = {}) => {
    const response = await twin.gql(viewer.idToken, query, variables, headers);
    if (response.errors?.length) throw new Error(JSON.stringify(response.errors));
    return response;
  };
  const baseline = () => answer(MOVIE, { id: titles[3]!.id });
  // A failed search (e.g. the function timing out on a loaded machine) counts with its elapsed time.
  const failures: Record<string, string[]> = Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, []]));
  const searchOnce = (kind: string, variables: Record<string, unknown>) => () =>
    answer(SEARCH, variables).catch((error: unknown) => {
      failures[kind]!.push(String(error).slice(0, 300));
    });

  // Calls per search: the trace, plus the search function's Queries counted on the same code and table.
  let lambdaQueries = 0;
  let itemsRead = 0;
  const counting = new DynamoDBClient({
    endpoint: twin.stack.dynamodb.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  counting.middlewareStack.add(
    (next) => async (args) => {
      lambdaQueries += 1;
      const output = await next(args);
      itemsRead += (output.output as { Count?: number }).Count ?? 0;
      return output;
    },
    { step: 'initialize' },
  );
  const kinds: Record<string, unknown> = {};
  for (const [kind, { query, filter }] of Object.entries(KINDS)) {
    lambdaQueries = 0;
    itemsRead = 0;
    const started = performance.now();
    const words = wordsOf(query);
    await searchIndex(
      { dynamodb: counting, table: catalogTable },
      { words, filter: filter ?? {}, limit: 20 },
    );
    const functionMs = performance.now() - started;
    console.log(
      `${kind} (${query}): ${lambdaQueries} Queries, ${itemsRead} items, ${functionMs.toFixed(0)} ms`,
    );
    const traced = await answer(SEARCH, { query, filter }, { 'x-twin-trace': '1' }).catch(() =>
      answer(SEARCH, { query, filter }, { 'x-twin-trace': '1' }),
    );
    const trace = traced.extensions?.twinCostTrace as {
      operations: Record<string, number>;
      lambdaInvocations: number;
      scans: string[];
    };
    const results = (traced.data as { searchMovies: { items: unknown[] } }).searchMovies.items.length;
    kinds[kind] = {
      query,
      filter: filter ?? null,
      results,
      resolverOperations: trace.operations,
      lambdaInvocations: trace.lambdaInvocations,
      searchFunctionQueries: lambdaQueries,
      searchFunctionItemsRead: itemsRead,
      dynamodbCalls: lambdaQueries + (trace.operations.BatchGetItem ?? 0),
      scans: trace.scans.length,
    };
  }

  for (let index = 0; index < WARMUP; index += 1) {
    await baseline();
    for (const [kind, { query, filter }] of Object.entries(KINDS))
      await searchOnce(kind, { query, filter })();
  }
  for (const kind of Object.keys(KINDS)) failures[kind] = [];
  const baselineSamples: number[] = [];
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, []]));
  for (let index = 0; index < SAMPLES; index += 1) {
    baselineSamples.push(await time(baseline));
    for (const [kind, { query, filter }] of Object.entries(KINDS))
      samples[kind]!.push(await time(searchOnce(kind, { query, filter })));
  }
  const baselineP50 = percentile(baselineSamples, 50);
  const byKind = Object.fromEntries(
    Object.entries(KINDS).map(([kind]) => {
      const p50 = percentile(samples[kind]!, 50);
      return [
        kind,
        {
          ...(kinds[kind] as object),
          p50Ms: p50,
          p99Ms: percentile(samples[kind]!, 99),
          p50RatioToBaseline: p50 / baselineP50,
          failedSamples: failures[kind]!.length,
          ...(failures[kind]!.length > 0 ? { firstFailure: failures[kind]![0] } : {}),
        },
      ];
    }),
  );
  const file = writeBenchResult('search', {
    titles: TITLES,
    indexItems: requests.length - TITLES,
    loadSeconds,
    samples: SAMPLES,
    baseline: {
      query: 'movie(id) (one BatchGetItem)',
      p50Ms: baselineP50,
      p99Ms: percentile(baselineSamples, 99),
    },
    kinds: byKind,
  });
  console.log(JSON.stringify(byKind, null, 2));
  console.log(`Wrote ${file}`);
} finally {
  client.destroy();
  await twin.stop();
}
