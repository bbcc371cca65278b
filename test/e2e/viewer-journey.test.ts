import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  decodedImageSize,
  makePoster,
  openApp,
  signIn,
  signUp,
  subscriptionAcknowledged,
  pauseAndSeek,
  rowView,
  scrollUntilRowHasCards,
  seekNearEnd,
  uniqueEmail,
  videoTime,
  waitForPlayableVideo,
} from './support/app';
import type { PageGlobals, PageVideo } from './support/in-page';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { startStack, type RunningStack } from './support/stack';
import { mediaReadyWaitMs, mediaTestTimeout, uiWaitMs } from '../support/timeouts';

/**
 * One viewer's journey through the real stack `npm start` runs (local twin, cognito-local, s3rver, DynamoDB
 * Local, the Vite client) in Debian's Chromium: sign up, browse, play, progress saved and synced live to a
 * second device of the same viewer (and not to another viewer), search history, an admin's poster upload,
 * and account deletion.
 */
describe('a viewer in a real browser against the local stack', () => {
  let stack: RunningStack;
  let browser: TestBrowser;
  const devices: BrowserContext[] = [];
  const viewerEmail = uniqueEmail('viewer');
  let deviceA: Page;
  /** The same viewer's second device (signed in by the resume test). */
  let deviceB: Page;
  let movieId = '';
  let movieTitle = '';

  const newDevice = async (options?: { phone?: boolean }) => {
    const device = await browser.newDevice(options);
    devices.push(device);
    return device;
  };

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const device of devices) await device.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
  });

  test('signs up with the e-mailed code and lands on a browsable home screen', async () => {
    deviceA = await openApp(await newDevice(), stack);
    await deviceA.getByRole('tab', { name: 'Create Account' }).waitFor();
    await screenshot(deviceA, '01-sign-in');

    await signUp(deviceA, stack, viewerEmail);
    await deviceA.getByTestId('hero').waitFor();
    const firstRowPoster = deviceA.locator('section[data-testid^="genre-"] a.poster').first();
    await firstRowPoster.waitFor();
    expect(await deviceA.locator('section[data-testid^="genre-"]').count()).toBeGreaterThan(1);
    await deviceA.waitForFunction(() => {
      const web = globalThis as unknown as PageGlobals;
      return Array.from(web.document.querySelectorAll('a.poster img')).some(
        (img) => (img as { naturalWidth: number }).naturalWidth > 0,
      );
    });
    await screenshot(deviceA, '02-home');

    // Scrolling down pages genre rows in.
    const rowsBefore = await deviceA.locator('section[data-testid^="genre-"]').count();
    await deviceA.mouse.wheel(0, 4000);
    await deviceA.mouse.wheel(0, 4000);
    await expect
      .poll(() => deviceA.locator('section[data-testid^="genre-"]').count(), { timeout: uiWaitMs() })
      .toBeGreaterThan(rowsBefore);

    // The Drama row (more titles than fit on screen) starts with its first card aligned under the row's
    // title, and its forward arrow pages to titles not seen before.
    const row = '[data-testid="genre-DRAMA"]';
    await deviceA.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    await scrollUntilRowHasCards(deviceA, row);
    await deviceA.locator(`${row} a.poster`).first().scrollIntoViewIfNeeded();
    const before = await rowView(deviceA, row);
    expect(Math.abs(before.firstCardInset)).toBeLessThanOrEqual(1);
    expect(before.visible.length).toBeGreaterThan(0);
    await deviceA.locator(row).hover();
    await deviceA
      .locator(row)
      .getByRole('button', { name: /forward$/ })
      .click();
    await expect
      .poll(
        async () => (await rowView(deviceA, row)).visible.filter((id) => !before.visible.includes(id)).length,
      )
      .toBeGreaterThan(0);
    await screenshot(deviceA, '02b-row-paged');
  });

  test(
    'opens a title with its synopsis and a playable trailer',
    async () => {
      await deviceA.goto(`${stack.appUrl}/`);
      const poster = deviceA.locator('section[data-testid^="genre-"] a.poster').first();
      movieId = (await poster.getAttribute('data-movie-id')) ?? '';
      expect(movieId).not.toBe('');
      await poster.click();
      await deviceA.getByTestId('title-details').waitFor();
      movieTitle = (await deviceA.getByRole('heading', { level: 1 }).textContent()) ?? '';
      expect(movieTitle).not.toBe('');
      expect((await deviceA.getByTestId('synopsis').textContent())?.length).toBeGreaterThan(10);

      // npm start seeds through the media pipeline in the background: the page shows the status until the
      // title's HLS stream is READY, then offers Play (the page looks again while processing).
      await deviceA.getByTestId('play').waitFor({ timeout: mediaReadyWaitMs() });
      const trailerButton = deviceA.getByRole('button', { name: /^Play trailer/ }).first();
      await expect
        .poll(async () => (await trailerButton.isEnabled()) || (await deviceA.reload(), false), {
          timeout: mediaReadyWaitMs(),
          interval: 2000,
          message: 'the trailer to be processed (READY)',
        })
        .toBe(true);
      await trailerButton.click();
      const trailer = deviceA.locator('.trailer video').first();
      await trailer.waitFor();
      await waitForPlayableVideo(deviceA, '.trailer video');
      await screenshot(deviceA, '03-title');
    },
    mediaTestTimeout(2),
  );

  test('plays the title and saves the position on seek and pause', async () => {
    await deviceA.getByTestId('play').click();
    await deviceA.getByTestId('player').waitFor();
    await waitForPlayableVideo(deviceA, '[data-testid="video"]');
    const target = await pauseAndSeek(deviceA, 'middle');
    await expect.poll(() => deviceA.getByTestId('player-status').textContent()).toMatch(/^Saved at /);
    expect(Math.floor(await videoTime(deviceA))).toBe(target);
    await screenshot(deviceA, '04-player');

    // Leaving the player and reopening the title shows the saved place.
    await deviceA.getByRole('button', { name: 'Back' }).click();
    await deviceA.getByTestId('title-details').waitFor();
    await deviceA.reload();
    await expect
      .poll(() => deviceA.getByTestId('play').textContent(), { timeout: uiWaitMs() })
      .toContain(`Resume from 0:${String(target).padStart(2, '0')}`);

    // ...and Home lists it under Continue Watching with a progress bar.
    await deviceA.goto(`${stack.appUrl}/`);
    const continueRow = deviceA.getByTestId('continue-watching');
    await continueRow.locator(`a.poster[data-movie-id="${movieId}"]`).waitFor();
    expect(await continueRow.getByRole('progressbar').first().getAttribute('aria-valuenow')).not.toBeNull();
  });

  test('resumes at the saved position and syncs it live to the same viewer only', async () => {
    deviceB = await openApp(await newDevice(), stack);
    await signIn(deviceB, viewerEmail);
    const otherViewer = await openApp(await newDevice(), stack);
    await signUp(otherViewer, stack, uniqueEmail('other'));

    const bReady = subscriptionAcknowledged(deviceB);
    const otherReady = subscriptionAcknowledged(otherViewer);
    await deviceB.goto(`${stack.appUrl}/title/${encodeURIComponent(movieId)}`);
    await otherViewer.goto(`${stack.appUrl}/title/${encodeURIComponent(movieId)}`);
    await Promise.all([bReady, otherReady]);

    await deviceA.goto(`${stack.appUrl}/watch/${encodeURIComponent(movieId)}`);
    await waitForPlayableVideo(deviceA, '[data-testid="video"]', 1);
    const resumedAt = Math.floor(await videoTime(deviceA));
    expect(resumedAt).toBeGreaterThanOrEqual(2);
    // ...and plays on from there: the playhead passes the resume point by 3 s instead of snapping back to it.
    await waitForPlayableVideo(deviceA, '[data-testid="video"]', resumedAt + 3);

    const newTarget = await pauseAndSeek(deviceA, 'oneSecondBack');
    const banner = deviceB.getByTestId('remote-position-banner');
    await banner.waitFor({ timeout: uiWaitMs() });
    // The pause may publish first; the seek's later save wins and the banner follows it.
    await expect
      .poll(() => banner.textContent(), { timeout: uiWaitMs() })
      .toContain(`Resume from 0:${String(newTarget).padStart(2, '0')} — watched on another device`);
    await screenshot(deviceB, '05-live-resume-banner');

    // The other viewer's page got nothing (their subscription was live before the save).
    await deviceB.waitForTimeout(1500);
    expect(await otherViewer.getByTestId('remote-position-banner').count()).toBe(0);
  });

  test('plays to the end: marked watched, gone from Continue Watching, and the title offers Play again', async () => {
    await deviceA.goto(`${stack.appUrl}/watch/${encodeURIComponent(movieId)}`);
    await waitForPlayableVideo(deviceA, '[data-testid="video"]');
    await seekNearEnd(deviceA);
    await expect
      .poll(() => deviceA.getByTestId('player-status').textContent(), { timeout: uiWaitMs() })
      .toBe('Marked as watched');
    // The end does not start the title over: the playhead stays at the end.
    const { currentTime, duration } = await deviceA.getByTestId('video').evaluate((element) => ({
      currentTime: (element as PageVideo).currentTime,
      duration: (element as PageVideo).duration,
    }));
    expect(currentTime).toBeGreaterThan(duration - 1);

    await deviceA.getByRole('button', { name: 'Back' }).click();
    await deviceA.getByTestId('title-details').waitFor();
    await expect.poll(() => deviceA.getByTestId('play').textContent()).toContain('Play again');
    await deviceA.goto(`${stack.appUrl}/`);
    await deviceA.getByTestId('hero').waitFor();
    // The row shows while it loads and disappears once its (now empty) page arrives.
    await expect
      .poll(() => deviceA.getByTestId('continue-watching').count(), { timeout: uiWaitMs() })
      .toBe(0);
  });

  test('marks the title unwatched, and removes it from Continue Watching', async () => {
    await deviceA.goto(`${stack.appUrl}/title/${encodeURIComponent(movieId)}`);
    const play = deviceA.getByTestId('play');
    await expect.poll(() => play.textContent()).toContain('Play again');
    await deviceA.getByTestId('watched-toggle').click();
    await expect.poll(() => play.textContent()).toBe('▶ Play');
    expect(await deviceA.getByTestId('watched-toggle').textContent()).toBe('✓ Mark as watched');

    // Watched a little again, it is back in Continue Watching; the title page removes it from there.
    await play.click();
    await waitForPlayableVideo(deviceA, '[data-testid="video"]');
    await pauseAndSeek(deviceA, 'middle');
    await expect.poll(() => deviceA.getByTestId('player-status').textContent()).toMatch(/^Saved at /);
    await deviceA.getByRole('button', { name: 'Back' }).click();
    await deviceA.getByTestId('remove-from-continue-watching').click();
    await deviceA.getByTestId('remove-from-continue-watching').waitFor({ state: 'detached' });
    await deviceA.goto(`${stack.appUrl}/`);
    await deviceA.getByTestId('hero').waitFor();
    await expect
      .poll(() => deviceA.getByTestId('continue-watching').count(), { timeout: uiWaitMs() })
      .toBe(0);
    // The position itself is kept: the title still offers to resume.
    await deviceA.goto(`${stack.appUrl}/title/${encodeURIComponent(movieId)}`);
    await expect.poll(() => play.textContent()).toMatch(/^▶ Resume from /);
  });

  test('searches as you type, shows why a title matched, records the search on Enter, and deletes a history entry', async () => {
    await deviceA.goto(`${stack.appUrl}/search`);
    const firstWord = movieTitle.split(/\s+/)[0] ?? movieTitle;
    const prefix = firstWord.slice(0, Math.max(2, Math.min(4, firstWord.length)));
    await deviceA.getByTestId('search-input').fill(prefix);
    await deviceA.locator(`[data-testid="search-results"] a.poster[data-movie-id="${movieId}"]`).waitFor();
    // The result says why it matched: the field, and the title's word the prefix starts, marked.
    const result = deviceA
      .getByTestId('search-result')
      .filter({ has: deviceA.locator(`a.poster[data-movie-id="${movieId}"]`) });
    expect(await result.locator('dt').first().textContent()).toBe('Title');
    expect((await result.locator('mark').allTextContents()).some((word) => word.startsWith(prefix))).toBe(
      true,
    );
    await deviceA.getByTestId('search-input').press('Enter');
    const entry = deviceA.getByTestId('history-entry').filter({ hasText: prefix });
    await entry.waitFor();
    await screenshot(deviceA, '06-search');

    await entry.getByRole('button', { name: `Delete “${prefix}” from history` }).click();
    await entry.waitFor({ state: 'detached' });
    await deviceA.reload();
    await deviceA.getByTestId('search-input').waitFor();
    await deviceA.waitForTimeout(1000);
    expect(await deviceA.getByTestId('history-entry').filter({ hasText: prefix }).count()).toBe(0);
  });

  test('a viewer opening /admin is told the page is for admins', async () => {
    await deviceA.goto(`${stack.appUrl}/admin`);
    await deviceA.getByRole('heading', { name: 'This page is for admins' }).waitFor();
    expect(await deviceA.getByTestId('admin-movies').count()).toBe(0);
  });

  test(
    'an admin uploads a poster that then shows on the title',
    async () => {
      const admin = await openApp(await newDevice(), stack);
      await signIn(admin, stack.demoAdmin.username, stack.demoAdmin.password);
      await admin.getByRole('link', { name: 'Admin' }).click();
      await admin.getByTestId('admin-movies').waitFor();
      await screenshot(admin, '07-admin');
      await admin.goto(`${stack.appUrl}/admin/${encodeURIComponent(movieId)}`);
      await admin.getByTestId('movie-form').waitFor();

      await deviceA.goto(`${stack.appUrl}/search?q=${encodeURIComponent(movieTitle)}`);
      const seededPoster = deviceA.locator(
        `[data-testid="search-results"] a.poster[data-movie-id="${movieId}"] img`,
      );
      await seededPoster.waitFor();
      const seededPosterSrc = (await seededPoster.getAttribute('src')) ?? '';

      const poster = await makePoster(admin, 'E2E POSTER');
      await admin
        .getByLabel('Poster image')
        .setInputFiles({ name: 'poster.png', mimeType: 'image/png', buffer: poster });
      const outcome = admin
        .getByTestId('upload-POSTER')
        .getByRole('status')
        .or(admin.getByTestId('upload-POSTER').getByRole('alert'));
      await outcome.waitFor({ timeout: uiWaitMs() });
      expect(await outcome.textContent()).toBe('Uploaded poster.png.');
      await screenshot(admin, '08-admin-upload');

      // The pipeline checks the upload and makes WebP variants; the viewer then sees the new poster's row
      // variant (200 px wide, as the 200×300 source: never upscaled) instead of the seeded one.
      const posterPattern = new RegExp(`/catalog/${movieId}/poster/[^/]+/row\\.webp$`);
      let src = '';
      await expect
        .poll(
          async () => {
            await deviceA.goto(`${stack.appUrl}/search?q=${encodeURIComponent(movieTitle)}`);
            const image = deviceA.locator(
              `[data-testid="search-results"] a.poster[data-movie-id="${movieId}"] img`,
            );
            await image.waitFor();
            src = (await image.getAttribute('src')) ?? '';
            return src !== seededPosterSrc && posterPattern.test(src);
          },
          { timeout: mediaReadyWaitMs(), interval: 2000, message: 'the uploaded poster to be processed' },
        )
        .toBe(true);
      expect(await decodedImageSize(deviceA, src)).toEqual({ width: 200, height: 300 });
    },
    mediaTestTimeout(),
  );

  test('shows the main screens on a phone-sized screen', async () => {
    const phone = await openApp(await newDevice({ phone: true }), stack);
    await signIn(phone, viewerEmail);
    await phone.getByTestId('hero').waitFor();
    await screenshot(phone, '09-home-phone');
    await phone.goto(`${stack.appUrl}/title/${encodeURIComponent(movieId)}`);
    await phone.getByTestId('title-details').waitFor();
    await screenshot(phone, '10-title-phone');
    const overflow = await phone.evaluate(() => {
      const web = globalThis as unknown as PageGlobals;
      return web.document.documentElement.scrollWidth - web.innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(1);
  });

  test('signs out everywhere: this device is told so and can sign in again', async () => {
    await deviceA.goto(`${stack.appUrl}/account`);
    await deviceA.getByRole('button', { name: 'Sign out everywhere' }).click();
    await deviceA.getByTestId('signed-out-notice').waitFor({ timeout: uiWaitMs() });
    expect(await deviceA.getByTestId('signed-out-notice').textContent()).toContain(
      'signed out on all your devices',
    );
    await signIn(deviceA, viewerEmail);
    // Back where they were, and the API serves the new session.
    await deviceA.getByTestId('profile').getByText(viewerEmail).waitFor();

    // The viewer's other device is refused at its next request and says why.
    await deviceB.goto(`${stack.appUrl}/`);
    await deviceB.getByTestId('signed-out-notice').waitFor({ timeout: uiWaitMs() });
    expect(await deviceB.getByTestId('signed-out-notice').textContent()).toContain('Your session ended');
  });

  test('deletes the account: signed out, and the credentials no longer work', async () => {
    await deviceA.goto(`${stack.appUrl}/account`);
    await deviceA.getByTestId('profile').getByText(viewerEmail).waitFor();
    await screenshot(deviceA, '11-account');
    await deviceA.getByRole('button', { name: 'Delete my account…' }).click();
    await deviceA.getByLabel('Confirmation').fill('DELETE');
    await deviceA.getByRole('button', { name: 'Delete permanently' }).click();
    await deviceA.getByTestId('account-deleted').waitFor({ timeout: uiWaitMs() });
    expect(await deviceA.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Your account has been deleted',
    );
    await screenshot(deviceA, '12-account-deleted');
    await deviceA.getByRole('button', { name: 'Sign in or create an account' }).click();
    await deviceA.getByRole('tab', { name: 'Sign In' }).waitFor();

    await deviceA.getByLabel('Email').fill(viewerEmail);
    await deviceA.getByLabel('Password', { exact: true }).fill('Marquee-e2e-Passw0rd!');
    await deviceA.getByRole('button', { name: 'Sign in', exact: true }).click();
    await deviceA.getByRole('alert').first().waitFor();
    expect(await deviceA.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
  });
});
