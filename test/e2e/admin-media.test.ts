import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { firstPlayableTitle, signIn, subscriptionAcknowledged, waitForPlayableVideo } from './support/app';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser';
import type { PageVideo } from './support/in-page';
import { startStack, type RunningStack } from './support/stack';
import { mediaReadyWaitMs, mediaTestTimeout, uiWaitMs } from '../support/timeouts';

/** The browser globals the status recorder touches (the tests are type-checked without the DOM lib). */
interface RecorderGlobals {
  readonly document: {
    readonly body: unknown;
    querySelector(selector: string): { getAttribute(name: string): string | null } | null;
  };
  readonly MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: Record<string, boolean>): void;
  };
  /** `<uploadId> <status>`, each change once, in the order shown. */
  marqueeStatuses?: string[];
  marqueeSamePage?: boolean;
}

const CLIP_SECONDS = 5;
const VIDEO_FIELD = '[data-testid="upload-VIDEO"]';

/**
 * An admin replaces a title's video in Debian's Chromium against the stack `npm start` runs: the upload's
 * real progress, then the pipeline's live status pushed over the subscription (no reload), a refused file
 * with its reason in plain words, and the stream viewers get staying the last READY one throughout.
 */
describe('an admin replacing a title’s video sees what happens to it', () => {
  let stack: RunningStack;
  let browser: TestBrowser;
  let admin: Page;
  let movieId = '';
  /** The media status changes the page received over the real-time socket (shown when an assertion fails). */
  const pushed: string[] = [];
  const scratch = mkdtempSync(path.join(tmpdir(), 'marquee-admin-media-'));

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  test(
    'the upload reaches 100%, then Processing, then Ready, live, and the new stream is the one viewers get',
    async () => {
      admin = await (await browser.newDevice()).newPage();
      admin.setDefaultTimeout(uiWaitMs());
      // The first load through Vite's dev server transforms the app on demand: slow on a busy machine.
      admin.setDefaultNavigationTimeout(mediaReadyWaitMs());
      await admin.goto(stack.appUrl);
      admin.on('websocket', (socket) =>
        socket.on('framereceived', ({ payload }) => {
          if (String(payload).includes('onMediaStatusChanged')) pushed.push(String(payload));
        }),
      );
      await signIn(admin, stack.demoAdmin.username, stack.demoAdmin.password);
      movieId = await firstPlayableTitle(admin, stack);

      await openEditScreen(admin, stack, movieId);
      const seededStream = await admin.getByTestId('viewer-stream').first().getAttribute('data-upload-id');
      expect(seededStream).toBeTruthy();
      await admin.getByLabel('Title', { exact: true }).fill('Unsaved new name');
      const seededMedia = await admin
        .locator(VIDEO_FIELD)
        .getByTestId('processing-status')
        .getAttribute('data-upload-id');
      await recordVideoStatuses(admin);

      await admin.getByLabel('Video (MP4)', { exact: true }).setInputFiles({
        name: 'clip.mp4',
        mimeType: 'video/mp4',
        buffer: makeClip(scratch),
      });
      const field = admin.locator(VIDEO_FIELD);
      await field.getByRole('status').filter({ hasText: 'Uploaded clip.mp4.' }).waitFor();
      expect(await field.getByTestId('upload-progress').textContent()).toMatch(
        // The speed is left out when the last reports moved nothing (an upload sent at once).
        /^[\d.]+ [KM]B of [\d.]+ [KM]B · 100%( · [\d.]+ [KMG]?B\/s)?$/,
      );
      const status = field.getByTestId('processing-status');
      // READY of this upload, not the seeded one the field showed before.
      await field
        .locator(
          `[data-testid="processing-status"][data-status="READY"]:not([data-upload-id="${seededMedia}"])`,
        )
        .waitFor({ timeout: mediaReadyWaitMs() });
      const uploadId = await status.getAttribute('data-upload-id');
      expect(await status.textContent()).toContain('Ready: viewers now get this version.');
      await screenshot(admin, 'admin-video-ready');

      const seen = await admin.evaluate(() => {
        const web = globalThis as unknown as RecorderGlobals;
        return { statuses: web.marqueeStatuses ?? [], samePage: web.marqueeSamePage === true };
      });
      // The statuses the pipeline pushed showed on the same page, in order, without a reload.
      const shown = seen.statuses
        .filter((entry) => entry.startsWith(`${uploadId} `))
        .map((entry) => entry.slice(`${uploadId} `.length));
      expect(seen.samePage).toBe(true);
      expect(shown.at(-1)).toBe('READY');
      expect(shown, `shown: ${seen.statuses.join(', ')}; pushed: ${pushed.join('\n')}`).toContain(
        'PROCESSING',
      );
      expect(shown.indexOf('PROCESSING')).toBeLessThan(shown.lastIndexOf('READY'));
      expect(shown).not.toContain('FAILED');
      // The READY upload is now what viewers get; the form's unsaved edit survived it all.
      await expect
        .poll(() => field.getByTestId('viewer-stream').getAttribute('data-upload-id'), {
          timeout: uiWaitMs(),
        })
        .toBe(uploadId);
      expect(uploadId).not.toBe(seededStream);
      expect(await admin.getByLabel('Title', { exact: true }).inputValue()).toBe('Unsaved new name');
    },
    mediaTestTimeout(2, 2),
  );

  test(
    'a text file named .mp4 is Failed with the reason in plain words, and the previous stream still plays',
    async () => {
      const field = admin.locator(VIDEO_FIELD);
      const playing = await field.getByTestId('viewer-stream').getAttribute('data-upload-id');
      await admin.getByLabel('Video (MP4)', { exact: true }).setInputFiles({
        name: 'notes.mp4',
        mimeType: 'video/mp4',
        buffer: Buffer.from('Shooting notes\nDay 1: harbour, dawn.\nDay 2: the lighthouse.\n'.repeat(50)),
      });
      await field.getByRole('status').filter({ hasText: 'Uploaded notes.mp4.' }).waitFor();
      await field.locator('[data-testid="processing-status"][data-status="FAILED"]').waitFor({
        timeout: mediaReadyWaitMs(),
      });
      // The reason in plain words, made specific with what the admin's file is (sniffed in the browser).
      await expect
        .poll(() => field.getByTestId('processing-reason').textContent(), { timeout: uiWaitMs() })
        .toBe(
          'Failed: This file is not a video (it looks like text). Upload an MP4, MOV, MKV or WebM video.',
        );
      expect(await field.getByTestId('processing-status').textContent()).toContain(
        'Viewers keep getting the previous version',
      );
      expect(await field.getByTestId('viewer-stream').getAttribute('data-upload-id')).toBe(playing);
      await screenshot(admin, 'admin-video-failed');

      // A viewer (here the admin, in the player) still gets the clip uploaded before: it plays, at its length.
      await admin.goto(`${stack.appUrl}/watch/${encodeURIComponent(movieId)}?from=start`);
      await waitForPlayableVideo(admin, '[data-testid="video"]', 0.5);
      const duration = await admin.getByTestId('video').evaluate((video) => (video as PageVideo).duration);
      expect(duration).toBeGreaterThan(CLIP_SECONDS - 0.5);
      expect(duration).toBeLessThan(CLIP_SECONDS + 0.5);
    },
    mediaTestTimeout(),
  );

  test('a network failure or a cancel says so, and the rest of the form is kept', async () => {
    await openEditScreen(admin, stack, movieId);
    await admin.getByLabel('Synopsis').fill('An unsaved synopsis that must survive a failed upload.');
    const field = admin.locator(VIDEO_FIELD);
    const clip = { name: 'clip.mp4', mimeType: 'video/mp4', buffer: makeClip(scratch) };

    // The connection drops while the file is sent to storage.
    await admin.route('**/sources/**', (route) => route.abort('connectionreset'));
    await admin.getByLabel('Video (MP4)', { exact: true }).setInputFiles(clip);
    expect(await field.getByRole('alert').textContent()).toBe(
      'The upload stopped: the connection to the storage service failed. Check the network and try again.',
    );
    await admin.unrouteAll();

    // Storage never answers: the admin cancels.
    let stalled: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (stalled = resolve));
    await admin.route('**/sources/**', async () => {
      stalled();
      await new Promise(() => undefined);
    });
    await admin.getByLabel('Video (MP4)', { exact: true }).setInputFiles(clip);
    await held;
    await field.getByRole('button', { name: 'Cancel upload' }).click();
    expect(await field.getByRole('alert').textContent()).toBe('Upload cancelled.');
    await admin.unrouteAll({ behavior: 'ignoreErrors' });

    expect(await admin.getByLabel('Synopsis').inputValue()).toBe(
      'An unsaved synopsis that must survive a failed upload.',
    );
    expect(await field.getByLabel('Video (MP4)', { exact: true }).isEnabled()).toBe(true);
  });
});

/** Opens the title's admin screen once its media subscription is acknowledged (so no change is missed). */
async function openEditScreen(page: Page, stack: RunningStack, movieId: string): Promise<void> {
  const acknowledged = subscriptionAcknowledged(page, uiWaitMs());
  await page.goto(`${stack.appUrl}/admin/${encodeURIComponent(movieId)}`);
  await page.getByTestId('movie-form').waitFor();
  await acknowledged;
}

/** Records every status the video field shows, and marks the page so a reload would show. */
async function recordVideoStatuses(page: Page): Promise<void> {
  await page.evaluate((selector) => {
    const web = globalThis as unknown as RecorderGlobals;
    web.marqueeSamePage = true;
    web.marqueeStatuses = [];
    const note = () => {
      const shown = web.document.querySelector(selector);
      const entry = `${shown?.getAttribute('data-upload-id') ?? ''} ${shown?.getAttribute('data-status') ?? ''}`;
      if (shown && web.marqueeStatuses?.at(-1) !== entry) web.marqueeStatuses?.push(entry);
    };
    new web.MutationObserver(note).observe(web.document.body, {
      subtree: true,
      childList: true,
      attributes: true,
    });
    note();
  }, `${VIDEO_FIELD} [data-status]`);
}

/** A real 5-second 640×360 H.264/AAC MP4 made by ffmpeg, so the pipeline gets a video it must really process. */
function makeClip(dir: string): Buffer {
  const file = path.join(dir, 'clip.mp4');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=640x360:rate=25:duration=${CLIP_SECONDS}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:duration=${CLIP_SECONDS}`,
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-movflags',
    '+faststart',
    file,
  ]);
  return readFileSync(file);
}
