import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openApp, signUp, uniqueEmail } from './support/app';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser';
import type { PageGlobals } from './support/in-page';
import { startStack, type RunningStack } from './support/stack';
import { makeTestImage, makeTestVideo } from '../support/media-pipeline';
import { mediaReadyWaitMs, mediaTestTimeout, uiWaitMs } from '../support/timeouts';

const CLIP_SECONDS = 3;
const FILE_FIELD = 'File (a video, photo or sound)';

/**
 * My Library in Debian's Chromium against the stack `npm start` runs: a viewer uploads a photo and a clip
 * through the screen (real progress, then the pipeline's processing until Ready), sees the photo's thumbnail,
 * filters by a tag, renames an item, deletes one (the quota goes down), and another viewer sees none of it.
 */
describe('a viewer’s own library in a real browser', () => {
  let stack: RunningStack;
  let browser: TestBrowser;
  const devices: BrowserContext[] = [];
  let viewer: Page;
  let photoId = '';
  let clipId = '';
  const scratch = mkdtempSync(join(tmpdir(), 'marquee-e2e-library-'));
  const photoFile = join(scratch, 'harbour.png');
  const clipFile = join(scratch, 'city-walk.mp4');

  const newPage = async (options?: { phone?: boolean }) => {
    const device = await browser.newDevice(options);
    devices.push(device);
    const page = await openApp(device, stack);
    // The first load through Vite's dev server transforms the app on demand: slow on a busy machine.
    page.setDefaultNavigationTimeout(mediaReadyWaitMs());
    return page;
  };

  beforeAll(async () => {
    makeTestImage(photoFile, 800, 600);
    makeTestVideo(clipFile, CLIP_SECONDS, 360);
    // Unseeded: the pipeline processes only this test's uploads, not the demo catalog's 109 files first.
    stack = await startStack({ seed: false });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const device of devices) await device.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  test(
    'uploads a photo and a clip with real progress, each becomes Ready, and each card shows its picture',
    async () => {
      viewer = await newPage();
      await signUp(viewer, stack, uniqueEmail('library'));
      await viewer.getByRole('link', { name: 'My Library' }).click();
      await viewer.getByRole('heading', { name: 'Your library is empty' }).waitFor();
      expect(await usageText(viewer)).toBe('0 of 500 items · 0 B of 5 GB');

      photoId = await uploadThroughForm(viewer, photoFile, 'image/png', 'beach, Summer');
      expect(await viewer.getByTestId('library-usage').textContent()).toMatch(
        /^1 of 500 items · [\d.]+ KB of 5 GB$/,
      );
      clipId = await uploadThroughForm(viewer, clipFile, 'video/mp4', 'city', 'Past the Lighthouse at dusk');

      // The grid, newest first: the clip with its poster frame, then the photo with its thumbnail (WebPs
      // the browser decoded).
      await expect.poll(() => cardIds(viewer), { timeout: uiWaitMs() }).toEqual([clipId, photoId]);
      for (const [id, what] of [
        [photoId, 'the photo’s thumbnail'],
        [clipId, 'the clip’s poster frame'],
      ] as const) {
        const picture = card(viewer, id).getByTestId('library-thumbnail');
        await expect
          .poll(() => picture.evaluate((img) => (img as { naturalWidth: number }).naturalWidth), {
            timeout: uiWaitMs(),
            message: `${what} decoded`,
          })
          .toBeGreaterThan(0);
      }
      await expect
        .poll(() => card(viewer, clipId).locator('.library-card__badge').textContent(), {
          timeout: uiWaitMs(),
        })
        .toBe(`▶ Video · 0:0${CLIP_SECONDS}`);
      expect(await card(viewer, photoId).getByRole('list', { name: 'Tags of harbour' }).textContent()).toBe(
        '#beach#summer',
      );
      await screenshot(viewer, 'library-grid');
    },
    mediaTestTimeout(2),
  );

  test('a tag filters the grid to the items tagged with it, in the URL, and Back returns to it', async () => {
    await card(viewer, photoId).getByRole('button', { name: 'Show only items tagged beach' }).click();
    await expect.poll(() => cardIds(viewer), { timeout: uiWaitMs() }).toEqual([photoId]);
    expect(new URL(viewer.url()).searchParams.get('tag')).toBe('beach');
    expect(await viewer.getByTestId('tag-filter').textContent()).toContain('#beach');

    await viewer.getByRole('button', { name: 'Clear tag' }).click();
    await expect.poll(() => cardIds(viewer), { timeout: uiWaitMs() }).toEqual([clipId, photoId]);
    await viewer.getByRole('button', { name: 'Videos' }).click();
    await expect.poll(() => cardIds(viewer), { timeout: uiWaitMs() }).toEqual([clipId]);

    await viewer.goBack();
    await expect.poll(() => cardIds(viewer), { timeout: uiWaitMs() }).toEqual([clipId, photoId]);
    await viewer.goBack();
    await expect.poll(() => cardIds(viewer), { timeout: uiWaitMs() }).toEqual([photoId]);
  });

  test('a word of a description finds its item as you type, saying why it matched', async () => {
    const search = viewer.getByTestId('library-search');
    // The tag filter the last test left is ended by searching; a prefix in another case finds the word.
    await search.fill('LIGHTH');
    await expect.poll(() => cardIds(viewer), { timeout: uiWaitMs() }).toEqual([clipId]);
    const why = viewer.getByLabel('Why city-walk matched');
    expect(await why.locator('dt').textContent()).toBe('Description');
    expect(await why.locator('mark').textContent()).toBe('Lighthouse');
    expect(new URL(viewer.url()).searchParams.get('q')).toBe('LIGHTH');
    // A tag is found too, and clearing the text shows the whole library again (not the old tag filter).
    await search.fill('summ');
    await expect.poll(() => cardIds(viewer), { timeout: uiWaitMs() }).toEqual([photoId]);
    await search.fill('');
    await expect.poll(() => cardIds(viewer), { timeout: uiWaitMs() }).toEqual([clipId, photoId]);
  });

  test('the photo opens full size, and a new title is saved and shown after a reload', async () => {
    await viewer.goto(`${stack.appUrl}/library/${encodeURIComponent(photoId)}`);
    const photo = viewer.getByTestId('library-photo');
    await expect
      .poll(() => photo.evaluate((img) => (img as { naturalWidth: number }).naturalWidth), {
        timeout: uiWaitMs(),
      })
      .toBe(800);
    await viewer.getByRole('button', { name: 'View harbour full screen' }).click();
    await viewer.getByTestId('image-viewer').waitFor();
    await viewer.keyboard.press('Escape');
    await viewer.getByTestId('image-viewer').waitFor({ state: 'detached' });

    await viewer.getByLabel('Title').fill('Harbour at dawn');
    await viewer.getByRole('button', { name: 'Save details' }).click();
    await viewer.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await viewer.reload();
    await viewer.getByRole('heading', { name: 'Harbour at dawn', level: 1 }).waitFor();
    expect(await viewer.getByLabel('Title').inputValue()).toBe('Harbour at dawn');
  });

  test('deleting the clip says what goes, and the grid and the quota count lose it', async () => {
    await viewer.goto(`${stack.appUrl}/library`);
    await expect.poll(() => cardIds(viewer), { timeout: uiWaitMs() }).toEqual([clipId, photoId]);
    await expect.poll(() => usageText(viewer), { timeout: uiWaitMs() }).toMatch(/^2 of 500 items · /);

    await card(viewer, clipId).getByRole('checkbox').check();
    await viewer.getByRole('button', { name: 'Delete 1 item' }).click();
    const dialog = viewer.getByRole('dialog', { name: 'Delete “city-walk”?' });
    expect(await dialog.getByTestId('delete-items-summary').textContent()).toContain('every collection');
    await dialog.getByRole('button', { name: 'Delete it' }).click();

    await expect.poll(() => cardIds(viewer), { timeout: uiWaitMs() }).toEqual([photoId]);
    await expect.poll(() => usageText(viewer), { timeout: uiWaitMs() }).toMatch(/^1 of 500 items · /);
  });

  test('another viewer’s library shows none of it, and the first viewer’s item is not found', async () => {
    const other = await newPage();
    await signUp(other, stack, uniqueEmail('library-other'));
    await other.goto(`${stack.appUrl}/library`);
    await other.getByRole('heading', { name: 'Your library is empty' }).waitFor();
    expect(await usageText(other)).toBe('0 of 500 items · 0 B of 5 GB');

    await other.goto(`${stack.appUrl}/library/${encodeURIComponent(photoId)}`);
    await other.getByRole('heading', { name: 'Not found in your library' }).waitFor();
    expect(await other.getByTestId('library-photo').count()).toBe(0);
    await other.getByRole('link', { name: 'Back to My Library' }).waitFor();
  });

  test('My Library and Collections fit a phone-sized screen, with every top link in sight', async () => {
    const phone = await newPage({ phone: true });
    await signUp(phone, stack, uniqueEmail('library-phone'));
    const links = phone.getByRole('navigation', { name: 'Main' }).getByRole('link');
    const width = phone.viewportSize()?.width ?? 0;
    for (const link of await links.all()) {
      const box = await link.boundingBox();
      expect(box, `${await link.textContent()} is laid out`).not.toBeNull();
      expect(box!.x, `${await link.textContent()} starts on the screen`).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `${await link.textContent()} ends on the screen`).toBeLessThanOrEqual(
        width,
      );
    }
    expect(await links.allTextContents()).toEqual(['Home', 'Search', 'My Library', 'Collections', 'Account']);
    for (const [path, heading] of [
      ['/collections', 'Collections'],
      ['/library', 'My Library'],
    ] as const) {
      await phone.goto(`${stack.appUrl}${path}`);
      await phone.getByRole('heading', { name: heading, level: 1 }).waitFor();
      const overflow = await phone.evaluate(() => {
        const web = globalThis as unknown as PageGlobals;
        return web.document.documentElement.scrollWidth - web.innerWidth;
      });
      expect(overflow, `${path} is wider than the phone`).toBeLessThanOrEqual(1);
    }
    await screenshot(phone, 'library-phone');
  });

  /**
   * Picks the file in the upload form with its tags, sends it, checks the meter reached 100% with bytes and
   * speed, then waits for the new item's status to say Ready. Returns the new item's id.
   */
  async function uploadThroughForm(
    page: Page,
    file: string,
    mimeType: string,
    tags: string,
    description = '',
  ): Promise<string> {
    const name = file.split('/').pop() ?? file;
    const before = new Set(await cardIds(page));
    await page.getByLabel(FILE_FIELD).setInputFiles({ name, mimeType, buffer: readFileSync(file) });
    expect(await page.getByLabel('Title').inputValue()).toBe(name.replace(/\.[^.]+$/, ''));
    await page.getByLabel('Tags (separated by commas)').fill(tags);
    await page.getByLabel('Description').fill(description);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Uploaded ${name}.` })
      .waitFor();
    expect(await page.getByTestId('upload-progress').textContent()).toMatch(
      // The speed is left out when the last reports moved nothing (an upload sent at once).
      /^[\d.]+ [KM]B of [\d.]+ [KM]B · 100%( · [\d.]+ [KMG]?B\/s)?$/,
    );
    const status = page.locator('.library-upload [data-testid="library-status"]');
    await status.and(page.locator('[data-status="READY"]')).waitFor({ timeout: mediaReadyWaitMs() });
    expect(await status.textContent()).toBe('Ready');
    let created: string | undefined;
    await expect
      .poll(
        async () => {
          created = (await cardIds(page)).find((id) => !before.has(id));
          return created !== undefined;
        },
        { timeout: uiWaitMs(), message: `a card for ${name}` },
      )
      .toBe(true);
    return created ?? '';
  }
});

function card(page: Page, itemId: string) {
  return page.locator(`[data-testid="library-card"][data-item-id="${itemId}"]`);
}

/** The ids of the cards the grid shows, in order. */
function cardIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const web = globalThis as unknown as PageGlobals;
    return Array.from(web.document.querySelectorAll('[data-testid="library-card"]')).map(
      (element) =>
        (element as { getAttribute(name: string): string | null }).getAttribute('data-item-id') ?? '',
    );
  });
}

async function usageText(page: Page): Promise<string> {
  return (await page.getByTestId('library-usage').textContent()) ?? '';
}
