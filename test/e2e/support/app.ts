import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { PageGlobals, PageVideo, RowCard, RowElement } from './in-page';
import { mediaReadyWaitMs, uiWaitMs } from '../../support/timeouts';
import type { RunningStack } from './stack';

/** A new viewer's e-mail, unique per run. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.com`;
}

export const TEST_PASSWORD = 'Marquee-e2e-Passw0rd!';

/** Opens the app in a new page of `device`, waiting for the sign-in screen or the home screen. */
export async function openApp(device: BrowserContext, stack: RunningStack, path = '/'): Promise<Page> {
  const page = await device.newPage();
  page.setDefaultTimeout(uiWaitMs());
  await page.goto(`${stack.appUrl}${path}`);
  return page;
}

/** Signs up through the Authenticator, confirms with the e-mailed code, and lands signed in on Home. */
export async function signUp(page: Page, stack: RunningStack, email: string, password = TEST_PASSWORD) {
  await page.getByRole('tab', { name: 'Create Account' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm Password').fill(password);
  await page.getByRole('button', { name: 'Create Account' }).click();
  const codeField = page.getByLabel('Confirmation Code');
  await codeField.waitFor();
  await codeField.fill(await stack.verificationCode(email));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expectSignedIn(page);
}

export async function signIn(page: Page, email: string, password = TEST_PASSWORD) {
  await page.getByRole('tab', { name: 'Sign In' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectSignedIn(page);
}

export async function expectSignedIn(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  expect(await page.getByRole('link', { name: 'Account' }).isVisible()).toBe(true);
}

/**
 * The first title on Home, once its video is READY (npm start seeds through the media pipeline in the
 * background; the title page offers Play when the stream is processed). Returns its id.
 */
export async function firstPlayableTitle(page: Page, stack: RunningStack): Promise<string> {
  await page.goto(`${stack.appUrl}/`);
  const poster = page.locator('section[data-testid^="genre-"] a.poster').first();
  const movieId = (await poster.getAttribute('data-movie-id')) ?? '';
  if (!movieId) throw new Error('Home shows no title');
  await page.goto(`${stack.appUrl}/title/${encodeURIComponent(movieId)}`);
  await page.getByTestId('play').waitFor({ timeout: mediaReadyWaitMs() });
  return movieId;
}

/** Reads the current playback position (seconds) of the player's video element. */
export function videoTime(page: Page): Promise<number> {
  return page.getByTestId('video').evaluate((video) => (video as PageVideo).currentTime);
}

/** Waits until the video matching `selector` has loaded enough to play (and, optionally, has moved past `minTime`). */
export async function waitForPlayableVideo(page: Page, selector: string, minTime = 0): Promise<void> {
  await page.waitForFunction(
    ([css, time]) => {
      const web = globalThis as unknown as PageGlobals;
      const video = web.document.querySelector(css) as PageVideo | null;
      return !!video && video.readyState >= 2 && video.duration > 0 && video.currentTime >= time;
    },
    [selector, minTime] as const,
    { timeout: uiWaitMs() },
  );
}

/** Seeks the player to one second before the end and lets it play out. */
export async function seekNearEnd(page: Page): Promise<void> {
  await page.getByTestId('video').evaluate((element) => {
    const video = element as PageVideo & { play(): Promise<void> };
    video.currentTime = Math.max(0, video.duration - 1);
    void video.play();
  });
}

/** Pauses the player and seeks to the second `pick` chooses from its duration and current time. */
export function pauseAndSeek(page: Page, pick: 'middle' | 'oneSecondBack'): Promise<number> {
  return page.getByTestId('video').evaluate((element, how) => {
    const video = element as PageVideo;
    video.pause();
    const seconds =
      how === 'middle'
        ? Math.max(2, Math.floor(video.duration * 0.5))
        : Math.max(1, Math.floor(video.currentTime) - 1);
    video.currentTime = seconds;
    return seconds;
  }, pick);
}

/**
 * Resolves once the page's AppSync real-time socket acknowledged a subscription (`start_ack`).
 * Call before the navigation that opens the socket.
 */
export function subscriptionAcknowledged(page: Page, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('No subscription start_ack within the timeout')),
      timeoutMs,
    );
    page.on('websocket', (socket) => {
      socket.on('framereceived', (frame) => {
        if (String(frame.payload).includes('"start_ack"')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  });
}

/** A PNG made by the browser's canvas, so uploads carry a real, recognisable image. */
export async function makePoster(page: Page, label: string): Promise<Buffer> {
  const dataUrl = await page.evaluate((text) => {
    const web = globalThis as unknown as PageGlobals;
    const canvas = web.document.createElement('canvas');
    canvas.width = 200;
    canvas.height = 300;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    const gradient = context.createLinearGradient(0, 0, 200, 300);
    gradient.addColorStop(0, '#e50914');
    gradient.addColorStop(1, '#1e3a8a');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 200, 300);
    context.fillStyle = '#fff';
    context.font = 'bold 28px sans-serif';
    context.fillText(text, 20, 160);
    return canvas.toDataURL('image/png');
  }, label);
  return Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
}

/**
 * The size at which the browser decoded an image the page shows (its `<img>` with that `src`): proof that the
 * bytes are an image the browser can render, at the pixel size the viewer gets.
 */
export async function decodedImageSize(page: Page, src: string): Promise<{ width: number; height: number }> {
  const image = await page.waitForFunction((url) => {
    const web = globalThis as unknown as PageGlobals;
    const shown = Array.from(web.document.querySelectorAll('img')).find(
      (img) => (img as { src: string }).src === url && (img as { naturalWidth: number }).naturalWidth > 0,
    ) as { naturalWidth: number; naturalHeight: number } | undefined;
    return shown && { width: shown.naturalWidth, height: shown.naturalHeight };
  }, src);
  return (await image.jsonValue()) as { width: number; height: number };
}

/**
 * The ids of the cards wholly inside a row's visible track, and how far the first card's left edge sits from
 * the row title's (0 when aligned).
 */
export function rowView(
  page: Page,
  rowSelector: string,
): Promise<{ visible: string[]; firstCardInset: number }> {
  return page
    .locator(rowSelector)
    .first()
    .evaluate((row) => {
      const frame = row as unknown as RowElement;
      const track = frame.querySelector('.row__track');
      const cards = Array.from(frame.querySelectorAll('a.poster'));
      if (!track || cards.length === 0) return { visible: [], firstCardInset: Number.NaN };
      const bounds = track.getBoundingClientRect();
      const visible = cards
        .filter((card) => {
          const box = card.getBoundingClientRect();
          return box.left >= bounds.left - 1 && box.right <= bounds.right + 1;
        })
        .map((card) => card.getAttribute('data-movie-id') ?? '');
      const titleLeft = frame.querySelector('.row__title')?.getBoundingClientRect().left ?? bounds.left;
      return { visible, firstCardInset: (cards[0] as RowCard).getBoundingClientRect().left - titleLeft };
    });
}

/** Rows load as they come near the viewport: scrolls down in steps until the row has cards. */
export async function scrollUntilRowHasCards(page: Page, rowSelector: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(0, 300);
        return page.locator(`${rowSelector} a.poster`).count();
      },
      { timeout: uiWaitMs(), interval: 250, message: `cards in ${rowSelector}` },
    )
    .toBeGreaterThan(0);
}
