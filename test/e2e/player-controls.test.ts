import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { localCognitoClient, waitUntilReady } from 'appsync-twin';
import { graphqlRequest } from '../../scripts/start/seed/graphql-client';
import { signInForIdToken } from '../../scripts/start/seed/demo-accounts';
import { makeTestVideo } from '../support/media-pipeline';
import { mediaReadyWaitMs, mediaTestTimeout, uiWaitMs } from '../support/timeouts';
import { openApp, signUp, uniqueEmail, videoTime, waitForPlayableVideo } from './support/app';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser';
import type { PageGlobals, PageVideo } from './support/in-page';
import { startStack, type RunningStack } from './support/stack';

/** The video element's fields these tests read (the tests are type-checked without the DOM lib). */
interface PlayerVideo extends PageVideo {
  readonly paused: boolean;
  readonly videoHeight: number;
  play(): Promise<void>;
}

interface PageElement {
  readonly style: {
    readonly backgroundImage: string;
    readonly backgroundPosition: string;
    readonly width: string;
  };
}

/** A source the pipeline encodes into two renditions (360p and 234p, functions/media/lib/ladder.ts). */
const SOURCE_SECONDS = 16;
const SOURCE_HEIGHT = 360;

/**
 * Creates a title as the demo admin and uploads a generated 360p source through the media pipeline (presigned
 * PUT → S3 → SQS → ffmpeg Lambdas), then waits until its stream is READY. Independent of the seeded catalog.
 */
async function uploadTitle(stack: RunningStack): Promise<string> {
  const { outputs } = stack;
  const token = await signInForIdToken(
    {
      cognito: localCognitoClient(outputs.cognitoEndpoint),
      userPoolId: outputs.userPoolId,
      clientId: outputs.userPoolClientId,
    },
    stack.demoAdmin.username,
    stack.demoAdmin.password,
  );
  const request = <T>(query: string, variables: Record<string, unknown>) =>
    graphqlRequest<T>(outputs.graphqlUrl, token, query, variables);
  const { createMovie } = await request<{ createMovie: { id: string } }>(
    `mutation PlayerE2eCreate($input: CreateMovieInput!) { createMovie(input: $input) { id } }`,
    {
      input: {
        title: 'Player Controls Test Pattern',
        synopsis: 'A generated test pattern in two renditions for the player tests.',
        year: 2026,
        genres: ['DOCUMENTARY'],
        maturityRating: 'ALL',
        durationSeconds: SOURCE_SECONDS,
      },
    },
  );
  const dir = mkdtempSync(join(tmpdir(), 'player-e2e-'));
  const file = join(dir, 'source.mp4');
  makeTestVideo(file, SOURCE_SECONDS, SOURCE_HEIGHT);
  const body = readFileSync(file);
  rmSync(dir, { recursive: true, force: true });
  const { requestUploadUrl } = await request<{ requestUploadUrl: { url: string; headers: string } }>(
    `mutation PlayerE2eUpload($input: RequestUploadUrlInput!) { requestUploadUrl(input: $input) { url headers } }`,
    { input: { movieId: createMovie.id, kind: 'VIDEO', contentType: 'video/mp4', sizeBytes: body.length } },
  );
  const headers = {
    'content-type': 'video/mp4',
    ...(JSON.parse(requestUploadUrl.headers) as Record<string, string>),
  };
  const put = await fetch(requestUploadUrl.url, { method: 'PUT', headers, body });
  expect(put.status).toBe(200);

  // beforeAll cannot use expect.poll: the twin's readiness wait names the last status when it gives up.
  await waitUntilReady({
    what: 'the uploaded source to be processed (READY)',
    probe: async () => {
      await request(`query PlayerE2eReady($id: ID!) { playback(movieId: $id) { expiresAt } }`, {
        id: createMovie.id,
      });
      return true;
    },
    deadlineMs: mediaReadyWaitMs(),
    intervalMs: 2000,
  });
  return createMovie.id;
}

function videoState(page: Page) {
  return page.getByTestId('video').evaluate((element) => {
    const video = element as PlayerVideo;
    return { paused: video.paused, currentTime: video.currentTime, videoHeight: video.videoHeight };
  });
}

/** Moves the mouse over the seek bar at `fraction` of its width. */
async function hoverSeekBar(page: Page, fraction: number): Promise<void> {
  const box = await page.getByRole('slider', { name: 'Seek' }).boundingBox();
  if (!box) throw new Error('The seek bar is not on screen');
  await page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
}

/**
 * The player's own controls in Debian's Chromium over a real HLS stream with two renditions: seek bar,
 * trickplay thumbnails, quality switching and keyboard shortcuts.
 */
describe('the player controls in a real browser', () => {
  let stack: RunningStack;
  let browser: TestBrowser;
  let viewer: Page;
  let movieId = '';

  beforeAll(
    async () => {
      stack = await startStack();
      browser = await launchBrowser();
      movieId = await uploadTitle(stack);
      viewer = await openApp(await browser.newDevice(), stack);
      await signUp(viewer, stack, uniqueEmail('player'));
    },
    mediaTestTimeout(1, 2),
  );

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  test('K pauses; a click on the seek bar seeks there, and Play plays on from the target', async () => {
    await viewer.goto(`${stack.appUrl}/watch/${encodeURIComponent(movieId)}`);
    await waitForPlayableVideo(viewer, '[data-testid="video"]', 0.5);
    await viewer.keyboard.press('k');
    await expect.poll(async () => (await videoState(viewer)).paused).toBe(true);
    expect(await viewer.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);

    const box = await viewer.getByRole('slider', { name: 'Seek' }).boundingBox();
    if (!box) throw new Error('The seek bar is not on screen');
    await viewer.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
    await expect.poll(() => videoTime(viewer)).toBeGreaterThan(SOURCE_SECONDS * 0.5 - 1.5);
    const target = await videoTime(viewer);
    expect(target).toBeLessThan(SOURCE_SECONDS * 0.5 + 1.5);
    expect((await videoState(viewer)).paused).toBe(true);

    await viewer.getByRole('button', { name: 'Play', exact: true }).click();
    await waitForPlayableVideo(viewer, '[data-testid="video"]', target + 1);
    await screenshot(viewer, 'player-01-seeked-and-playing');
  });

  test('L jumps forward 10 s and J back 10 s', async () => {
    await viewer.keyboard.press('k');
    await expect.poll(async () => (await videoState(viewer)).paused).toBe(true);
    await viewer.getByTestId('video').evaluate((element) => {
      (element as PlayerVideo).currentTime = 2;
    });
    await expect.poll(() => videoTime(viewer)).toBeCloseTo(2, 0);
    await viewer.keyboard.press('l');
    await expect.poll(() => videoTime(viewer)).toBeCloseTo(12, 0);
    await viewer.keyboard.press('j');
    await expect.poll(() => videoTime(viewer)).toBeCloseTo(2, 0);
  });

  test('hovering the seek bar shows the trickplay tile of the hovered time from the sprite', async () => {
    await hoverSeekBar(viewer, 0.1);
    const tile = viewer.getByTestId('trickplay-thumbnail');
    await tile.waitFor({ timeout: uiWaitMs() });
    const early = await tile.evaluate((element) => ({ ...(element as unknown as PageElement).style }));
    await screenshot(viewer, 'player-02-trickplay');
    await hoverSeekBar(viewer, 0.9);
    await expect
      .poll(() => tile.evaluate((element) => (element as unknown as PageElement).style.backgroundPosition))
      .not.toBe(early.backgroundPosition);
    const late = await tile.evaluate((element) => ({ ...(element as unknown as PageElement).style }));

    // The tiles are where the stream's own WebVTT index says, and the sprite is a real image holding them.
    const spriteUrl = /url\("(.+)"\)/.exec(late.backgroundImage)?.[1] ?? '';
    expect(spriteUrl).toMatch(/\/trickplay\/sprite-0\.jpg$/);
    const index = await viewer.evaluate(
      async (url) => {
        const web = globalThis as unknown as PageGlobals & {
          fetch(url: string, init: object): Promise<{ ok: boolean; text(): Promise<string> }>;
        };
        const response = await web.fetch(url, { credentials: 'include' });
        return response.ok ? response.text() : '';
      },
      spriteUrl.replace(/sprite-\d+\.jpg$/, 'thumbnails.vtt'),
    );
    const tiles = [...index.matchAll(/#xywh=(\d+),(\d+),(\d+),(\d+)/g)].map(
      ([, x, y]) => `${-Number(x)}px ${-Number(y)}px`,
    );
    expect(tiles.length).toBeGreaterThan(2);
    expect(tiles).toContain(early.backgroundPosition);
    expect(tiles).toContain(late.backgroundPosition);
    expect(tiles.indexOf(late.backgroundPosition)).toBeGreaterThan(tiles.indexOf(early.backgroundPosition));
    expect(Number.parseInt(late.width, 10)).toBe(160);
    const spriteSize = await viewer.evaluate(async (url) => {
      const web = globalThis as unknown as {
        Image: new () => { src: string; decode(): Promise<void>; naturalWidth: number };
      };
      const image = new web.Image();
      image.src = url;
      await image.decode();
      return image.naturalWidth;
    }, spriteUrl);
    expect(spriteSize).toBeGreaterThanOrEqual(160);
    await viewer.mouse.move(5, 5);
  });

  test('the quality menu lists the renditions, and picking one changes what plays', async () => {
    await viewer.getByRole('button', { name: 'Play', exact: true }).click();
    await viewer.getByRole('button', { name: /^Quality: Auto/ }).click();
    const menu = viewer.getByRole('menu', { name: 'Quality' });
    expect(await menu.getByRole('menuitemradio').allTextContents()).toEqual(['Auto', '360p', '234p']);
    await screenshot(viewer, 'player-03-quality-menu');
    await menu.getByRole('menuitemradio', { name: '234p' }).click();
    await expect.poll(async () => (await videoState(viewer)).videoHeight, { timeout: uiWaitMs() }).toBe(234);
    expect(await viewer.getByRole('button', { name: 'Quality: 234p' }).count()).toBe(1);

    await viewer.getByRole('button', { name: 'Quality: 234p' }).click();
    await viewer.getByRole('menuitemradio', { name: '360p' }).click();
    await expect.poll(async () => (await videoState(viewer)).videoHeight, { timeout: uiWaitMs() }).toBe(360);
  });

  test('a connection lost mid-film: the player says so with Retry, keeps the place, and Retry plays on from there', async () => {
    // Every segment after the first fails as a dropped connection does (no response), so the film plays its
    // first 6 s and stalls; hls.js retries for ~15 s, the player recovers once on its own, then gives up.
    let online = false;
    const segments = /\/segment-(\d+)\.ts(\?|$)/;
    await viewer.route(segments, (route) => {
      const index = Number(segments.exec(route.request().url())?.[1]);
      return online || index === 0 ? route.continue() : route.abort('internetdisconnected');
    });
    try {
      await viewer.goto(`${stack.appUrl}/watch/${encodeURIComponent(movieId)}?from=start`);
      await waitForPlayableVideo(viewer, '[data-testid="video"]', 1);
      const panel = viewer.getByTestId('player-error');
      // Two rounds of hls.js's retries (~15 s each) before the error, on top of the usual UI wait.
      await panel.waitFor({ timeout: 2 * 15_000 + uiWaitMs() });
      await screenshot(viewer, 'player-04-connection-lost');
      expect(await panel.getAttribute('data-reason')).toBe('network');
      expect(await panel.getByRole('heading').textContent()).toBe('The video stopped loading');
      // Plain words only: the player library's error code stays in the console.
      expect(await panel.locator('.player-error__detail').count()).toBe(0);
      const stoppedAt = await videoTime(viewer);
      expect(stoppedAt).toBeGreaterThan(4);
      expect(stoppedAt).toBeLessThan(6.5);
      // The place where the film stopped is saved (the status names the position the server kept).
      const status = viewer.getByTestId('player-status');
      await expect.poll(() => status.textContent()).toMatch(/^Saved at 0:0\d$/);
      const savedAt = Number((await status.textContent())?.slice(-1));
      expect(Math.abs(savedAt - stoppedAt)).toBeLessThan(1.5);

      online = true;
      await panel.getByRole('button', { name: 'Retry' }).click();
      await panel.waitFor({ state: 'detached' });
      await waitForPlayableVideo(viewer, '[data-testid="video"]', stoppedAt + 3);
      expect((await videoState(viewer)).paused).toBe(false);
    } finally {
      await viewer.unroute(segments);
    }
  });

  test('? lists the shortcuts and Esc closes the list', async () => {
    await viewer.keyboard.press('?');
    const help = viewer.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.textContent()).toContain('Forward 10 seconds');
    await viewer.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });
});
