/**
 * One README row per result file: what each benchmark measures, and its figures and target verdict read from
 * the committed JSON. The interfaces name only the fields the table reads.
 */
export interface ReadmeRow {
  readonly benchmark: string;
  readonly measures: string;
  readonly result: string;
  readonly target: string;
}

const ms = (value: number, digits = 2): string => `${value.toFixed(digits)} ms`;
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;
const verdict = (met: boolean): string => (met ? 'met' : '**not met**');

interface TwinGetItem {
  sdkGetItem: { p50Ms: number; p99Ms: number };
  twinGraphQL: { p50Ms: number; p99Ms: number };
  /** Absent in results written before the raw HTTP baseline was added. */
  rawHttpGetItem?: { p50Ms: number; p99Ms: number };
  p50Ratio: number;
  p50AddedMs: number;
  p50OverRawHttpMs?: number;
}

/** Issue #10's targets: no slower than the bare SDK at p50, within 0.5 ms of a raw HTTP GetItem. */
const TWIN_TARGET_RATIO = 1.0;
const TWIN_TARGET_OVER_RAW_MS = 0.5;

function twinGetItem(result: TwinGetItem): ReadmeRow[] {
  const added = result.p50AddedMs;
  const signed = (value: number) => `${value >= 0 ? '+' : ''}${ms(value)}`;
  const raw = result.rawHttpGetItem;
  const overRaw = result.p50OverRawHttpMs;
  const ratioMet = result.p50Ratio <= TWIN_TARGET_RATIO;
  return [
    {
      benchmark: '`twin-getitem`',
      measures:
        'a GetItem-backed query through the twin vs the same GetItem sent by the SDK, and as a raw HTTP request, straight to DynamoDB Local',
      result:
        `p50 ${ms(result.twinGraphQL.p50Ms)} vs SDK ${ms(result.sdkGetItem.p50Ms)}: **ratio ${result.p50Ratio.toFixed(2)}, ` +
        `${signed(added)}**` +
        (raw && overRaw !== undefined ? `; vs raw HTTP ${ms(raw.p50Ms)}: **${signed(overRaw)}**` : '') +
        `; p99 ${result.twinGraphQL.p99Ms.toFixed(1)} vs ${ms(result.sdkGetItem.p99Ms, 1)}`,
      target:
        `ratio ≤ ${TWIN_TARGET_RATIO.toFixed(1)}: ${verdict(ratioMet)}; ≤ +${ms(TWIN_TARGET_OVER_RAW_MS, 1)} over raw HTTP: ` +
        (overRaw === undefined
          ? 'not measured in this result (rerun)'
          : verdict(overRaw <= TWIN_TARGET_OVER_RAW_MS)),
    },
  ];
}

interface Latency {
  p50Ms: number;
  p99Ms: number;
}
interface Realtime {
  scenarios: { subscribers: number; twin: Latency; baseline: Latency; p99RatioToBaseline: number }[];
  memory: { serverBytesPerSubscribedConnection: number };
  connectionsHeld: number;
  deliveryToAllHeldConnections: Latency;
  target: { p99RatioAt1000Subscribers: number; met: boolean };
}

function realtime(result: Realtime): ReadmeRow[] {
  const pair = (latency: Latency) => `${latency.p50Ms.toFixed(2)} / ${latency.p99Ms.toFixed(2)} ms`;
  const bySubscribers = result.scenarios
    .map(
      (scenario) =>
        `${scenario.subscribers.toLocaleString('en')}: ${pair(scenario.twin)} (bare \`ws\` ${pair(scenario.baseline)}, p99 ratio ${scenario.p99RatioToBaseline})`,
    )
    .join('; ');
  const kib = (result.memory.serverBytesPerSubscribedConnection / 1024).toFixed(1);
  return [
    {
      benchmark: '`realtime`',
      measures:
        "HTTP mutation → delivery through the twin's engine and real-time endpoint (an identity filter set by the " +
        'subscription resolver) vs a bare `ws` broadcast to as many sockets',
      result: `p50 / p99 by subscribers: ${bySubscribers}`,
      target: `p99 at 1,000 ≤ ${result.target.p99RatioAt1000Subscribers}× bare \`ws\`: ${verdict(result.target.met)}`,
    },
    {
      benchmark: '`realtime` (connections)',
      measures: 'server memory per subscribed connection; connections held; one event to all of them',
      result: `${kib} KiB per connection; ${result.connectionsHeld.toLocaleString('en')} connections held, an event to all p99 ${result.deliveryToAllHeldConnections.p99Ms.toFixed(1)} ms`,
      target: '–',
    },
  ];
}

interface Startup {
  baselineMs: number;
  coldStartMs: number;
  warmRestartMs: number;
  coldToBaseline: number;
  warmToBaseline: number;
}

function startup(result: Startup): ReadmeRow[] {
  const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
  return [
    {
      benchmark: '`startup`',
      measures: '`npm start` (no client) to ready vs DynamoDB Local alone',
      result:
        `cold: ${seconds(result.coldStartMs)} (${result.coldToBaseline}×); warm restart: ` +
        `${seconds(result.warmRestartMs)} (${result.warmToBaseline}×); baseline ${seconds(result.baselineMs)}`,
      target: '–',
    },
  ];
}

interface CostRun {
  dynamodbCalls: number;
  lambdaInvocations: number;
}
interface Cost {
  rows: number;
  home: CostRun & { dynamodbCallsPerRow: number };
  noNPlusOneRatio: number;
  homeWithPosterUrls: CostRun;
  pageOf50WithPosterAndBackdropUrls: CostRun;
  progressSave: CostRun & { readCapacityUnits: number; writeCapacityUnits: number };
  costPer1000MonthlyViewers: {
    assumptions: { appsyncOperationsPerHomeScreen: number; progressSaveIntervalSeconds: number };
    monthlyUsd: Record<string, number>;
    totalUsd: number;
  };
}

function cost(result: Cost): ReadmeRow[] {
  const estimate = result.costPer1000MonthlyViewers;
  const lines = Object.entries(estimate.monthlyUsd)
    .map(([line, usd]) => `${line} $${usd.toFixed(2)}`)
    .join(', ');
  const imagesFree =
    result.homeWithPosterUrls.lambdaInvocations === 0 &&
    result.pageOf50WithPosterAndBackdropUrls.lambdaInvocations === 0;
  const met = result.home.dynamodbCallsPerRow <= 2 && result.home.lambdaInvocations === 0 && imagesFree;
  return [
    {
      benchmark: '`cost`',
      measures: "the home screen and catalog pages, from the twin's cost trace",
      result:
        `home (${result.rows} rows): **${result.home.dynamodbCalls} DynamoDB calls (${result.home.dynamodbCallsPerRow.toFixed(2)} per row, ` +
        `ratio ${result.noNPlusOneRatio.toFixed(2)} to 5 titles a row), ${result.home.lambdaInvocations} Lambda**; ` +
        `with posters: **${result.homeWithPosterUrls.lambdaInvocations} Lambda**; a page of 50 titles with posters and backdrops: ` +
        `${result.pageOf50WithPosterAndBackdropUrls.dynamodbCalls} DynamoDB calls, **${result.pageOf50WithPosterAndBackdropUrls.lambdaInvocations} Lambda**; ` +
        `a progress save: ${result.progressSave.dynamodbCalls} calls, ${result.progressSave.readCapacityUnits} RCU, ${result.progressSave.writeCapacityUnits} WCU`,
      target: `≤ 2 calls per row, no Lambda; 50 titles with images: 0 Lambda: ${verdict(met)}`,
    },
    {
      benchmark: '`cost` (estimate)',
      measures: 'what those figures imply on AWS',
      result:
        `≈ **$${estimate.totalUsd.toFixed(2)} per month per 1,000 monthly viewers** for the API (${lines}), with ` +
        `${estimate.assumptions.appsyncOperationsPerHomeScreen} AppSync operations per home screen and a progress save every ` +
        `${estimate.assumptions.progressSaveIntervalSeconds} s; assumptions in \`bench/results/cost.json\`, before video egress`,
      target: '–',
    },
  ];
}

interface Runtime {
  ratios: { perCallVsPlainFunction: number; perCallVsVmTimeout: number };
  orientationMicroseconds: { runHandlerBundledResolver: number; plainFunctionBaseline: number };
}

function runtime(result: Runtime): ReadmeRow[] {
  const micros = result.orientationMicroseconds;
  return [
    {
      benchmark: '`runtime`',
      measures: 'one `APPSYNC_JS` handler call vs a plain function',
      result:
        `${micros.runHandlerBundledResolver} µs vs ${micros.plainFunctionBaseline} µs (${result.ratios.perCallVsPlainFunction}×); ` +
        `the compiled-in time limit costs ${result.ratios.perCallVsVmTimeout}× of \`vm\`'s \`timeout\``,
      target: '–',
    },
  ];
}

interface Comparison {
  name: string;
  p50Ratio: number;
  p50Ms: number;
  baselineP50Ms: number;
}
interface Datasources {
  lambdaColdStartMs: number;
  comparisons: Comparison[];
}

function datasources(result: Datasources): ReadmeRow[] {
  const comparisons = result.comparisons
    .map(
      (row) =>
        `${row.name}: ratio ${row.p50Ratio.toFixed(2)} (p50 ${ms(row.p50Ms, 3)} vs ${ms(row.baselineP50Ms, 3)})`,
    )
    .join('; ');
  return [
    {
      benchmark: '`datasources`',
      measures: 'the data-source layer vs the bare SDK',
      result: `${comparisons}; Lambda cold start ${ms(result.lambdaColdStartMs, 0)}`,
      target: '–',
    },
  ];
}

interface BundleSize {
  entryGzipBytes: number;
  entryTargetBytes: number;
  entryUnderTarget: boolean;
  initialJsGzipBytes: number;
  baseline: { totalJsGzipBytes: number };
  onDemandChunks: { module: string; gzipBytes: number }[];
}

function bundleSize(result: BundleSize): ReadmeRow[] {
  const onDemand = result.onDemandChunks
    .map((chunk) => `\`${chunk.module}\` ${kb(chunk.gzipBytes)}`)
    .join(', ');
  return [
    {
      benchmark: '`bundle-size`',
      measures: "the client's JavaScript, gzipped",
      result:
        `entry chunk **${kb(result.entryGzipBytes)}** (initial JavaScript ${kb(result.initialJsGzipBytes)}, all ` +
        `${kb(result.baseline.totalJsGzipBytes)}); on demand: ${onDemand}`,
      target: `entry < ${kb(result.entryTargetBytes)}: ${verdict(result.entryUnderTarget)}`,
    },
  ];
}

interface Simulator {
  rows: {
    operation: string;
    concurrency: number;
    twinRps: number;
    simulatorRps: number;
    ratio: number;
    /** Lowest and highest ratio of one round (absent in results recorded before rounds were reported). */
    roundRatios?: { min: number; max: number };
  }[];
  targetRatio: number;
  met: boolean;
}

function simulator(result: Simulator): ReadmeRow[] {
  const rows = result.rows
    .map(
      (row) =>
        `${row.operation} c=${row.concurrency}: **${row.ratio.toFixed(2)}×** (${row.twinRps.toFixed(0)} vs ${row.simulatorRps.toFixed(0)} req/s` +
        (row.roundRatios
          ? `; rounds ${row.roundRatios.min.toFixed(2)}–${row.roundRatios.max.toFixed(2)}×)`
          : ')'),
    )
    .join('; ');
  return [
    {
      benchmark: '`simulator`',
      measures: 'requests/s through the twin (APPSYNC_JS) vs the Amplify AppSync simulator (VTL), same table',
      result: rows,
      target: `≥ ${result.targetRatio}× on every row: ${verdict(result.met)}`,
    },
  ];
}

interface Search {
  titles: number;
  baseline: { p50Ms: number };
  kinds: Record<string, { p50Ms: number; p99Ms: number; p50RatioToBaseline: number; dynamodbCalls: number }>;
}

function search(result: Search): ReadmeRow[] {
  const kinds = Object.entries(result.kinds)
    .map(
      ([kind, row]) =>
        `${kind}: p50 ${ms(row.p50Ms, 1)} / p99 ${ms(row.p99Ms, 1)} (**${row.p50RatioToBaseline.toFixed(1)}×**, ${row.dynamodbCalls} DynamoDB calls)`,
    )
    .join('; ');
  return [
    {
      benchmark: '`search`',
      measures: `\`searchMovies\` on ${result.titles.toLocaleString('en-US')} titles vs a \`movie(id)\` query (p50 ${ms(result.baseline.p50Ms, 1)}); DynamoDB calls per search (no Scan)`,
      result: kinds,
      target: '–',
    },
  ];
}

interface MediaPipeline {
  sourceSeconds: number;
  workers: number;
  plainFfmpegSeconds: number;
  chunkedPipelineSeconds: number;
  unchunkedPipelineSeconds: number;
  pipelineOverhead: number;
  chunkedSpeedup: number;
}

/** The target for the pipeline's overhead over one plain ffmpeg run of the same ladder. */
const MEDIA_OVERHEAD_TARGET = 0.15;

function mediaPipeline(result: MediaPipeline): ReadmeRow[] {
  const seconds = (value: number) => `${value.toFixed(1)} s`;
  const percent = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(0)}%`;
  const met = result.pipelineOverhead <= MEDIA_OVERHEAD_TARGET ? 'met' : '**not met**';
  return [
    {
      benchmark: '`media-pipeline`',
      measures: `upload → READY of a ${result.sourceSeconds} s 720p source (4-rung HLS ladder, trickplay) vs one plain ffmpeg run of the same ladder`,
      result:
        `chunked (60 s chunks, ${result.workers} workers): ${seconds(result.chunkedPipelineSeconds)} vs plain ffmpeg ` +
        `${seconds(result.plainFfmpegSeconds)}: **overhead ${percent(result.pipelineOverhead)}**; unchunked ` +
        `${seconds(result.unchunkedPipelineSeconds)} (chunked is ${result.chunkedSpeedup.toFixed(2)}× as fast)`,
      target: `overhead ≤ ${percent(MEDIA_OVERHEAD_TARGET)}: ${met}`,
    },
  ];
}

interface SeedStart {
  readyMs: number;
  allProcessedMs: number;
}
interface SeedMedia {
  files: number;
  first: SeedStart;
  warm: SeedStart;
  firstToReady: number;
  warmToReady: number;
}

function seedMedia(result: SeedMedia): ReadmeRow[] {
  const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
  return [
    {
      benchmark: '`seed-media`',
      measures: `\`npm start\` (no client) to all ${result.files} seeded media files READY: a machine's first start (every file encoded) and a warm one (\`--reset\`, outputs from the cache), vs the same start's readiness`,
      result:
        `first start: **${seconds(result.first.allProcessedMs)}** (ready ${seconds(result.first.readyMs)}, ${result.firstToReady}×); ` +
        `warm: **${seconds(result.warm.allProcessedMs)}** (ready ${seconds(result.warm.readyMs)}, ${result.warmToReady}×)`,
      target: '– (times reported)',
    },
  ];
}

interface FrameTimes {
  playMedianMs: number;
  seekMedianMs: number;
  seekTargetsBuffered: number;
}
interface TimeToFirstFrame {
  runs: number;
  app: FrameTimes;
  directFromS3: FrameTimes;
  playRatio: number;
  seekRatio: number;
}

function timeToFirstFrame(result: TimeToFirstFrame): ReadmeRow[] {
  const buffered =
    result.app.seekTargetsBuffered > 0
      ? ` (seek target already buffered in ${result.app.seekTargetsBuffered} of ${result.runs} app runs)`
      : '';
  return [
    {
      benchmark: '`time-to-first-frame`',
      measures:
        "Chromium: Play → first frame and seek → first frame, the app's player vs a plain hls.js page on the same segments straight from the local S3",
      result:
        `Play **${ms(result.app.playMedianMs, 0)}** vs ${ms(result.directFromS3.playMedianMs, 0)} (**${result.playRatio.toFixed(2)}×**); ` +
        `seek **${ms(result.app.seekMedianMs, 0)}** vs ${ms(result.directFromS3.seekMedianMs, 0)} (**${result.seekRatio.toFixed(2)}×**)${buffered}; ` +
        `medians of ${result.runs}`,
      target: '– (ratio reported)',
    },
  ];
}

/** Reads a result file's JSON as its benchmark's shape: the file was written by that benchmark. */
const renderer =
  <T>(render: (result: T) => ReadmeRow[]) =>
  (result: unknown): ReadmeRow[] =>
    render(result as T);

/** The row renderers by result file name (`bench/results/<name>.json`). */
export const ROW_RENDERERS: Readonly<Record<string, (result: unknown) => ReadmeRow[]>> = {
  'twin-getitem': renderer(twinGetItem),
  realtime: renderer(realtime),
  startup: renderer(startup),
  cost: renderer(cost),
  runtime: renderer(runtime),
  datasources: renderer(datasources),
  'bundle-size': renderer(bundleSize),
  simulator: renderer(simulator),
  search: renderer(search),
  'media-pipeline': renderer(mediaPipeline),
  'seed-media': renderer(seedMedia),
  'time-to-first-frame': renderer(timeToFirstFrame),
};
