/**
 * Cost of the home screen and of a page of 50 titles with image URLs, from the twin's per-request cost trace
 * (`x-twin-trace: 1` → `extensions.twinCostTrace`): DynamoDB calls, consumed capacity, Lambda invocations.
 * Image URLs are built by the resolvers from the images distribution's address, so every image query must
 * cost 0 Lambda invocations while returning a URL for every title; the bench fails otherwise.
 * The baseline is the same home screen with 5 titles per row instead of 20: equal call counts show there is no
 * N+1. Writes bench/results/cost.json. Run: npx tsx bench/cost.bench.ts
 */
import { PROGRESS_SAVE_INTERVAL_MS } from '../client/src/features/player/progress-cadence';
import { startMarqueeTwin, type MarqueeTwin, type SignedInUser } from '../test/support/marquee-twin';
import { writeBenchResult } from './support/results';

interface TraceEntry {
  operation: string;
  dataSourceType: string;
  resolver: string;
  consumedCapacity?: { readCapacityUnits: number; writeCapacityUnits: number };
  lambda?: { functionName: string; durationMs: number };
}
interface Trace {
  dataSourceCalls: number;
  operations: Record<string, number>;
  readCapacityUnits: number;
  writeCapacityUnits: number;
  lambdaInvocations: number;
  lambdaDurationMs: number;
  scans: string[];
  entries: TraceEntry[];
}

const GENRES = ['ACTION', 'COMEDY', 'DRAMA', 'THRILLER'] as const;
const TITLES = 60;
const ROWS = 3 + GENRES.length; // hero, Continue Watching, My List, one row per genre
// The web client sends each home row as its own request (client/src/features/home), so a home screen is ROWS operations.
const OPERATIONS_PER_HOME_SCREEN = ROWS;
const VIEWING_SECONDS_PER_VIEWER = 10 * 3600;
const PROGRESS_SAVES_PER_VIEWER = VIEWING_SECONDS_PER_VIEWER / (PROGRESS_SAVE_INTERVAL_MS / 1000);

function homeQuery(rowLimit: number, withPosters: boolean): string {
  const fields = `id title year maturityRating durationSeconds inMyList myPosition { positionSeconds durationSeconds }${withPosters ? ' posterUrl' : ''}`;
  const rows = GENRES.map(
    (genre) =>
      `${genre.toLowerCase()}: moviesByGenre(genre: ${genre}, limit: ${rowLimit}) { items { ${fields} } nextToken }`,
  ).join('\n');
  return `query Home {
    hero: movies(limit: 1) { items { ${fields}${withPosters ? ' backdropUrl' : ''} synopsis } }
    continueWatching(limit: ${rowLimit}) { items { ${fields} } nextToken }
    myList(limit: ${rowLimit}) { items { ${fields} } nextToken }
    ${rows}
  }`;
}

/** One progress save, as the player sends it every PROGRESS_SAVE_INTERVAL_MS while playing. */
function progressSave(movieId: string): string {
  const input = `{ movieId: "${movieId}", positionSeconds: 900, clientTime: "${new Date().toISOString()}" }`;
  return `mutation Save { savePlaybackPosition(input: ${input}) { ownerId positionSeconds } }`;
}

const PAGE_OF_50_POSTERS = 'query Page { movies(limit: 50) { items { id title posterUrl } nextToken } }';
const PAGE_OF_50_BOTH_IMAGES =
  'query Page { movies(limit: 50) { items { id title posterUrl backdropUrl } nextToken } }';

async function traced(
  twin: MarqueeTwin,
  user: SignedInUser,
  query: string,
): Promise<{ trace: Trace; titles: number; imageUrls: number }> {
  const response = await twin.gql(user.idToken, query, {}, { 'x-twin-trace': '1' });
  if (response.errors?.length) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(response.errors)}`);
  let titles = 0;
  let imageUrls = 0;
  for (const value of Object.values(response.data ?? {})) {
    const items = (value as { items?: Array<Record<string, unknown>> }).items ?? [];
    titles += items.length;
    for (const item of items)
      imageUrls += [item.posterUrl, item.backdropUrl].filter((url) => typeof url === 'string').length;
  }
  return { trace: response.extensions?.twinCostTrace as Trace, titles, imageUrls };
}

function dynamoCalls(trace: Trace): number {
  return trace.entries.filter((entry) => entry.dataSourceType === 'AMAZON_DYNAMODB').length;
}

function summarize({ trace, titles, imageUrls }: { trace: Trace; titles: number; imageUrls: number }) {
  return {
    titles,
    imageUrls,
    dynamodbCalls: dynamoCalls(trace),
    operations: trace.operations,
    readCapacityUnits: trace.readCapacityUnits,
    writeCapacityUnits: trace.writeCapacityUnits,
    lambdaInvocations: trace.lambdaInvocations,
    scans: trace.scans.length,
  };
}

/** Creates the catalog and the viewer's state; returns the first title's id. */
async function seed(twin: MarqueeTwin, admin: SignedInUser, viewer: SignedInUser): Promise<string> {
  const ids: string[] = [];
  for (let index = 0; index < TITLES; index += 1) {
    const genre = GENRES[index % GENRES.length];
    const created = await twin.gql<{ createMovie: { id: string } }>(
      admin.idToken,
      'mutation ($input: CreateMovieInput!) { createMovie(input: $input) { id } }',
      {
        input: {
          title: `Bench Title ${index}`,
          synopsis: 'A title for the cost benchmark.',
          year: 1990 + (index % 30),
          genres: [genre],
          maturityRating: 'AGE_13',
          durationSeconds: 5400,
        },
      },
    );
    const id = created.data?.createMovie.id;
    if (!id) throw new Error(`createMovie failed: ${JSON.stringify(created.errors)}`);
    ids.push(id);
    for (const kind of ['POSTER', 'BACKDROP']) {
      await twin.gql(
        admin.idToken,
        'mutation ($input: RequestUploadUrlInput!) { requestUploadUrl(input: $input) { key } }',
        {
          input: { movieId: id, kind, contentType: 'image/jpeg', sizeBytes: 50_000 },
        },
      );
    }
  }
  for (const [index, id] of ids.slice(0, 20).entries()) {
    await twin.gql(
      viewer.idToken,
      'mutation ($input: SavePlaybackPositionInput!) { savePlaybackPosition(input: $input) { ownerId } }',
      {
        input: { movieId: id, positionSeconds: 600 + index, clientTime: new Date().toISOString() },
      },
    );
    await twin.gql(viewer.idToken, 'mutation ($id: ID!) { addToMyList(movieId: $id) { id } }', {
      id: ids[ids.length - 1 - index],
    });
  }
  return ids[0] as string;
}

/**
 * Per 1,000 monthly viewers. Assumptions: 20 sessions a viewer; a session opens the home screen twice (one AppSync
 * operation per row, as the client sends them), 6 other reads (detail, search, lists) costing like one home row
 * each, 1 playback URL, and saves progress at the client's cadence over 10 h of viewing a month (each save costing
 * what the measured save cost: title and session read, the transactional write with its session check);
 * on-demand prices (us-east-1): AppSync $4.00/M operations, DynamoDB $0.125/M RRU and $0.625/M WRU, Lambda
 * $0.20/M requests + $0.0000133334/GB-s (arm64, 256 MB). Real-time messages and video egress are excluded.
 */
function monthlyCost(
  home: ReturnType<typeof summarize>,
  homeWithImages: ReturnType<typeof summarize>,
  save: ReturnType<typeof summarize>,
) {
  const viewers = 1000;
  const sessions = 20;
  const homeViews = viewers * sessions * 2;
  const otherReads = viewers * sessions * 6;
  const playbackUrls = viewers * sessions;
  const saves = viewers * PROGRESS_SAVES_PER_VIEWER;
  const operations = homeViews * OPERATIONS_PER_HOME_SCREEN + otherReads + playbackUrls + saves;
  const rowRcu = home.readCapacityUnits / ROWS;
  const rru =
    homeViews * homeWithImages.readCapacityUnits +
    otherReads * rowRcu +
    saves * save.readCapacityUnits +
    playbackUrls * 0.5;
  const wru = saves * save.writeCapacityUnits;
  const lambdaInvocations = homeViews * homeWithImages.lambdaInvocations + playbackUrls;
  const lambdaGbSeconds = lambdaInvocations * 0.25 * 0.05;
  const lines = {
    appsyncOperations: (operations / 1e6) * 4.0,
    dynamodbReads: (rru / 1e6) * 0.125,
    dynamodbWrites: (wru / 1e6) * 0.625,
    lambda: (lambdaInvocations / 1e6) * 0.2 + lambdaGbSeconds * 0.0000133334,
  };
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    assumptions: {
      viewers,
      sessionsPerViewer: sessions,
      homeViewsPerSession: 2,
      appsyncOperationsPerHomeScreen: OPERATIONS_PER_HOME_SCREEN,
      otherReadsPerSession: 6,
      viewingHoursPerViewer: VIEWING_SECONDS_PER_VIEWER / 3600,
      progressSaveIntervalSeconds: PROGRESS_SAVE_INTERVAL_MS / 1000,
      progressSavesPerViewer: PROGRESS_SAVES_PER_VIEWER,
      lambdaMemoryGb: 0.25,
      lambdaSecondsPerInvocation: 0.05,
      prices:
        'us-east-1 on-demand: AppSync $4/M ops; DynamoDB $0.125/M RRU, $0.625/M WRU; Lambda $0.20/M + $0.0000133334/GB-s',
      excluded:
        'real-time messages and connection minutes, CloudFront image and S3 video egress, Cognito (free under 10k MAU)',
    },
    monthlyUsd: Object.fromEntries(Object.entries(lines).map(([name, value]) => [name, round(value)])),
    totalUsd: round(Object.values(lines).reduce((sum, value) => sum + value, 0)),
  };
}

/** Image queries must return a URL per image field of every title and invoke no Lambda. */
function assertImagesCostNoLambda(
  runs: Record<string, { titles: number; imageUrls: number; lambdaInvocations: number }>,
): void {
  const expectedUrls: Record<string, (titles: number) => number> = {
    homeWithPosterUrls: (titles) => titles + 1, // every poster, plus the hero's backdrop
    pageOf50WithPosterUrls: (titles) => titles,
    pageOf50WithPosterAndBackdropUrls: (titles) => titles * 2,
  };
  for (const [name, run] of Object.entries(runs)) {
    const expected = expectedUrls[name]?.(run.titles);
    if (run.lambdaInvocations !== 0 || run.imageUrls !== expected) {
      throw new Error(
        `${name}: ${run.lambdaInvocations} Lambda invocation(s) and ${run.imageUrls} image URLs for ${run.titles} titles (expected 0 and ${expected})`,
      );
    }
  }
}

async function main(): Promise<void> {
  const twin = await startMarqueeTwin();
  try {
    const [admin, viewer] = await Promise.all([
      twin.signUp('bench-admin@example.com', { admin: true }),
      twin.signUp('bench-viewer@example.com'),
    ]);
    const firstTitle = await seed(twin, admin, viewer);
    const baseline = await traced(twin, viewer, homeQuery(5, false));
    const home = await traced(twin, viewer, homeQuery(20, false));
    const homeWithImages = await traced(twin, viewer, homeQuery(20, true));
    const page = await traced(twin, viewer, PAGE_OF_50_POSTERS);
    const pageBoth = await traced(twin, viewer, PAGE_OF_50_BOTH_IMAGES);
    const save = summarize(await traced(twin, viewer, progressSave(firstTitle)));
    const homeSummary = summarize(home);
    const homeImagesSummary = summarize(homeWithImages);
    const result = {
      rows: ROWS,
      home: { ...homeSummary, dynamodbCallsPerRow: homeSummary.dynamodbCalls / ROWS },
      homeBaselineFiveTitlesPerRow: summarize(baseline),
      noNPlusOneRatio: dynamoCalls(home.trace) / dynamoCalls(baseline.trace),
      homeWithPosterUrls: homeImagesSummary,
      pageOf50WithPosterUrls: summarize(page),
      pageOf50WithPosterAndBackdropUrls: summarize(pageBoth),
      progressSave: save,
      costPer1000MonthlyViewers: monthlyCost(homeSummary, homeImagesSummary, save),
    };
    const out = writeBenchResult('cost', result);
    console.log(
      `home: ${home.titles} titles in ${ROWS} rows, ${homeSummary.dynamodbCalls} DynamoDB calls (${result.home.dynamodbCallsPerRow.toFixed(2)}/row), ` +
        `${homeSummary.readCapacityUnits} RCU, ${homeSummary.lambdaInvocations} Lambda | 5/row baseline ratio ${result.noNPlusOneRatio.toFixed(2)}`,
    );
    console.log(
      `progress save: ${save.dynamodbCalls} DynamoDB calls (${Object.keys(save.operations).join(', ')}), ${save.readCapacityUnits} RCU, ${save.writeCapacityUnits} WCU`,
    );
    console.log(
      `home with posters: ${homeImagesSummary.lambdaInvocations} Lambda invocations, ${homeImagesSummary.dynamodbCalls} DynamoDB calls`,
    );
    console.log(
      `page of 50 with posterUrl: ${result.pageOf50WithPosterUrls.lambdaInvocations} Lambda invocation(s), ${result.pageOf50WithPosterUrls.dynamodbCalls} DynamoDB calls; ` +
        `with posterUrl+backdropUrl: ${result.pageOf50WithPosterAndBackdropUrls.lambdaInvocations} (${result.pageOf50WithPosterAndBackdropUrls.imageUrls} image URLs)`,
    );
    assertImagesCostNoLambda({
      homeWithPosterUrls: homeImagesSummary,
      pageOf50WithPosterUrls: result.pageOf50WithPosterUrls,
      pageOf50WithPosterAndBackdropUrls: result.pageOf50WithPosterAndBackdropUrls,
    });
    console.log(
      `≈ $${result.costPer1000MonthlyViewers.totalUsd}/month per 1,000 viewers (API only) → ${out}`,
    );
  } finally {
    await twin.stop();
  }
}

await main();
