/**
 * Time to first frame in Debian's Chromium, against the stack `npm start` runs with a processed (READY) title:
 * from pressing Play on the title page to the first frame of playback, and from a seek to the first frame at
 * the new position, through the app's player (page, GraphQL `playback`, signed cookies, the twin's CloudFront
 * route, hls.js loaded on demand). Baseline, measured in the same run on the same segments: a plain page served
 * by this bench on a local port, with hls.js already loaded, playing the same master playlist fetched
 * straight from the local S3. Results are the app's medians over the baseline's (ratio).
 *
 * A frame counts once it is presented while playing (`requestVideoFrameCallback`, `currentTime > 0`); after a
 * seek, once a frame within a second of the target is presented. Each run opens a new tab with the HTTP cache
 * disabled, so no run plays from the previous one's cache. Writes `bench/results/time-to-first-frame.json`.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { findFreePort } from 'appsync-twin';
import { firstPlayableTitle, signIn } from '../test/e2e/support/app';
import { launchBrowser } from '../test/e2e/support/browser';
import { startStack, type RunningStack } from '../test/e2e/support/stack';
import { mediaReadyWaitMs, uiWaitMs } from '../test/support/timeouts';
import { writeBenchResult } from './support/results';
import { percentile } from './support/stats';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 5;

/** Marks on the page's own clock (`performance.now()`), set by `RECORDER` below. */
interface FrameMarks {
  readonly play: number | null;
  readonly firstFrame: number | null;
  readonly seekStart: number | null;
  readonly seekFrame: number | null;
  readonly seekTarget: number | null;
  readonly seekTargetBuffered: boolean | null;
  readonly duration: number | null;
}

interface RunTimes {
  readonly playMs: number;
  readonly seekMs: number;
  readonly seekTargetBuffered: boolean;
}

/**
 * Runs in every page before its own scripts: notes the Play press (the first click, capture phase) and the
 * first frame presented while playing, for every <video> that appears. Plain JS: it is injected as text.
 */
const RECORDER = `(() => {
  const marks = { play: null, firstFrame: null, seekStart: null, seekFrame: null, seekTarget: null,
    seekTargetBuffered: null, duration: null };
  window.__frameMarks = marks;
  document.addEventListener('click', () => { if (marks.play === null) marks.play = performance.now(); }, true);
  const watch = (video) => {
    if (video.__frameWatched) return;
    video.__frameWatched = true;
    const onFrame = (now, meta) => {
      const at = performance.now();
      if (marks.firstFrame === null && marks.play !== null && !video.paused && video.currentTime > 0) {
        marks.firstFrame = at;
        marks.duration = video.duration;
      }
      if (marks.seekTarget !== null && marks.seekFrame === null && !video.seeking &&
          Math.abs(meta.mediaTime - marks.seekTarget) < 1) marks.seekFrame = at;
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  };
  new MutationObserver(() => document.querySelectorAll('video').forEach(watch))
    .observe(document, { childList: true, subtree: true });
})();`;

/**
 * Seeks the page's video past what is buffered (where the title is long enough), as a viewer jumping ahead
 * does; notes the target and whether it was buffered already.
 */
const SEEK = `(() => {
  const video = document.querySelector('video');
  const marks = window.__frameMarks;
  const ranges = video.buffered;
  const bufferedEnd = ranges.length > 0 ? ranges.end(ranges.length - 1) : 0;
  const target = Math.max(1, Math.min(video.duration - 2, Math.max(bufferedEnd + 6, video.duration * 0.6)));
  let buffered = false;
  for (let index = 0; index < ranges.length; index += 1)
    if (ranges.start(index) <= target && target < ranges.end(index)) buffered = true;
  marks.seekTarget = target;
  marks.seekTargetBuffered = buffered;
  marks.seekStart = performance.now();
  video.currentTime = target;
})()`;

/** The baseline page: a bare <video> and hls.js (loaded before Play), pointed at the local S3. */
function directPage(masterUrl: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Direct HLS</title>
<script src="/hls.min.js"></script></head><body>
<button id="play">Play</button><video id="video" width="640" height="360" playsinline></video>
<script>
document.getElementById('play').addEventListener('click', () => {
  const video = document.getElementById('video');
  const hls = new Hls();
  hls.loadSource(${JSON.stringify(masterUrl)});
  hls.attachMedia(video);
  void video.play();
});
</script></body></html>`;
}

async function serveDirectPage(masterUrl: string): Promise<{ server: Server; url: string }> {
  const hlsScript = readFileSync(path.join(repoRoot, 'node_modules/hls.js/dist/hls.min.js'));
  const server = createServer((request, response) => {
    if (request.url === '/hls.min.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(hlsScript);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(directPage(masterUrl));
  });
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A new tab with the HTTP cache off, so each run fetches the playlists and segments again. */
async function freshTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(uiWaitMs());
  // The first loads through Vite's dev server transform the app on demand: slow on a busy machine.
  page.setDefaultNavigationTimeout(mediaReadyWaitMs());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return page;
}

function marksOf(page: Page): Promise<FrameMarks> {
  return page.evaluate('window.__frameMarks') as Promise<FrameMarks>;
}

/** Presses Play (already on screen), waits for the first frame, seeks, waits for the frame there. */
async function playAndSeek(page: Page, pressPlay: () => Promise<void>, what: string): Promise<RunTimes> {
  await pressPlay();
  await page.waitForFunction('window.__frameMarks.firstFrame !== null', undefined, { timeout: uiWaitMs() });
  await page.evaluate(SEEK);
  await page.waitForFunction('window.__frameMarks.seekFrame !== null', undefined, { timeout: uiWaitMs() });
  const marks = await marksOf(page);
  if (
    marks.play === null ||
    marks.firstFrame === null ||
    marks.seekStart === null ||
    marks.seekFrame === null
  ) {
    throw new Error(`${what}: incomplete marks ${JSON.stringify(marks)}`);
  }
  return {
    playMs: marks.firstFrame - marks.play,
    seekMs: marks.seekFrame - marks.seekStart,
    seekTargetBuffered: marks.seekTargetBuffered === true,
  };
}

async function appRun(context: BrowserContext, stack: RunningStack, movieId: string): Promise<RunTimes> {
  const page = await freshTab(context);
  try {
    await page.goto(`${stack.appUrl}/title/${encodeURIComponent(movieId)}`);
    const play = page.getByTestId('play');
    await play.waitFor();
    return await playAndSeek(page, () => play.click(), 'app');
  } finally {
    await page.close();
  }
}

async function directRun(context: BrowserContext, directUrl: string): Promise<RunTimes> {
  const page = await freshTab(context);
  try {
    await page.goto(directUrl);
    return await playAndSeek(page, () => page.locator('#play').click(), 'direct');
  } finally {
    await page.close();
  }
}

/** The stored key of the master playlist the app's player loads (its path under the twin's CloudFront route). */
async function masterKeyPlayedByApp(
  context: BrowserContext,
  stack: RunningStack,
  movieId: string,
): Promise<string> {
  const page = await freshTab(context);
  try {
    const master = page.waitForRequest((request) => request.url().includes('/master.m3u8'));
    await page.goto(`${stack.appUrl}/watch/${encodeURIComponent(movieId)}?from=start`);
    const { pathname } = new URL((await master).url());
    const start = pathname.indexOf('/streams/');
    if (start < 0) throw new Error(`The player's playlist ${pathname} is not under streams/`);
    return decodeURIComponent(pathname.slice(start + 1));
  } finally {
    await page.close();
  }
}

const median = (values: readonly number[]): number => percentile(values, 50);
const round = (value: number): number => Math.round(value * 10) / 10;

function summary(runs: readonly RunTimes[]) {
  const play = runs.map((run) => run.playMs);
  const seek = runs.map((run) => run.seekMs);
  return {
    playMedianMs: round(median(play)),
    seekMedianMs: round(median(seek)),
    playRunsMs: play.map(round),
    seekRunsMs: seek.map(round),
    seekTargetsBuffered: runs.filter((run) => run.seekTargetBuffered).length,
  };
}

async function main(): Promise<void> {
  const stack = await startStack();
  const browser = await launchBrowser();
  let direct: { server: Server; url: string } | undefined;
  try {
    const context = await browser.newDevice();
    const account =
      stack.outputs.demoAccounts.find((candidate) => candidate.role !== 'admin') ?? stack.demoAdmin;
    const signInPage = await freshTab(context);
    await signInPage.goto(stack.appUrl);
    await signIn(signInPage, account.username, account.password);
    await signInPage.close();
    await context.addInitScript({ content: RECORDER });

    const titlePage = await freshTab(context);
    const movieId = await firstPlayableTitle(titlePage, stack);
    await titlePage.close();
    const masterKey = await masterKeyPlayedByApp(context, stack, movieId);
    const { s3Endpoint, mediaBucketName } = stack.outputs;
    if (!s3Endpoint || !mediaBucketName)
      throw new Error('The stack outputs name no local S3 endpoint or bucket');
    const masterUrl = `${s3Endpoint.replace(/\/$/, '')}/${mediaBucketName}/${masterKey}`;
    const check = await fetch(masterUrl);
    if (!check.ok) throw new Error(`The local S3 answers ${check.status} for ${masterUrl}`);
    direct = await serveDirectPage(masterUrl);

    // One unrecorded run of each warms the JIT, the twin and the Vite server; then they alternate.
    await appRun(context, stack, movieId);
    await directRun(context, direct.url);
    const app: RunTimes[] = [];
    const baseline: RunTimes[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      app.push(await appRun(context, stack, movieId));
      baseline.push(await directRun(context, direct.url));
    }
    const appSummary = summary(app);
    const baselineSummary = summary(baseline);
    const result = {
      benchmark: 'time-to-first-frame',
      description:
        'Chromium: Play pressed → first frame while playing, and seek → first frame at the target; the app’s ' +
        'player vs a plain hls.js page on the same master playlist straight from the local S3 (cache off).',
      movieId,
      masterKey,
      runs: RUNS,
      app: appSummary,
      directFromS3: baselineSummary,
      playRatio: Number((appSummary.playMedianMs / baselineSummary.playMedianMs).toFixed(2)),
      seekRatio: Number((appSummary.seekMedianMs / baselineSummary.seekMedianMs).toFixed(2)),
      chromium: browser.browser.version(),
    };
    writeBenchResult('time-to-first-frame', result);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    direct?.server.close();
    await browser.close();
    await stack.stop();
  }
}

await main();
