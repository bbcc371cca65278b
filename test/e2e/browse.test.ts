import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SEED_CATALOG } from '../../scripts/start/seed/catalog';
import { uiWaitMs } from '../support/timeouts';
import { openApp, rowView, scrollUntilRowHasCards, signUp, uniqueEmail } from './support/app';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { startStack, type RunningStack } from './support/stack';

const GENRE_WORDS: Record<string, string> = { SCIENCE_FICTION: 'Science fiction' };
const genreLabel = (genre: string) => GENRE_WORDS[genre] ?? genre.charAt(0) + genre.slice(1).toLowerCase();

/** Browsing the seeded catalog in Chromium: the rotating hero, card previews and keyboard paging. */
describe('browsing the home screen in a real browser', () => {
  let stack: RunningStack;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
    page = await openApp(await browser.newDevice(), stack);
    await signUp(page, stack, uniqueEmail('browser'));
    await page.getByTestId('hero').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  test('the hero names its title once, over art without text, and a dot shows another title', async () => {
    const hero = page.getByTestId('hero');
    const heading = hero.getByRole('heading', { level: 1 });
    // Pointing at the hero holds its rotation, so the title read is the one shown.
    await hero.hover();
    const first = (await heading.textContent()) ?? '';
    expect(SEED_CATALOG.map((title) => title.title)).toContain(first);
    const timesWritten = (await hero.innerText()).split(first).length - 1;
    expect(timesWritten).toBe(1);

    const dots = hero.getByRole('button', { name: /^Show / });
    expect(await dots.count()).toBe(5);
    const other = dots.nth(2);
    const otherTitle = ((await other.getAttribute('aria-label')) ?? '').replace(/^Show /, '');
    expect(otherTitle).not.toBe(first);
    await other.click();
    await expect.poll(() => heading.textContent(), { timeout: uiWaitMs() }).toBe(otherTitle);
    expect(await other.getAttribute('aria-current')).toBe('true');
    await screenshot(page, 'browse-01-hero');
  });

  test("hovering a card opens its preview with the title's year and genres", async () => {
    const card = page.locator('section[data-testid^="genre-"] a.poster').first();
    await card.waitFor();
    const title = (await card.getAttribute('aria-label')) ?? '';
    const seeded = SEED_CATALOG.find((entry) => entry.title === title);
    expect(seeded, `the card "${title}" is a seeded title`).toBeDefined();
    await card.hover();
    const preview = page.getByTestId('card-preview');
    await preview.waitFor({ state: 'visible' });
    const text = await preview.innerText();
    expect(text).toContain(title);
    expect(text).toContain(String(seeded?.year));
    for (const genre of seeded?.genres ?? []) expect(text).toContain(genreLabel(genre));
    await screenshot(page, 'browse-02-preview');

    await page.mouse.move(0, 0);
    await preview.waitFor({ state: 'detached' });
  });

  test('arrow keys move focus along a row and page it to titles not seen before', async () => {
    const row = '[data-testid="genre-DRAMA"]';
    await scrollUntilRowHasCards(page, row);
    const cards = page.locator(`${row} a.poster`);
    await cards.first().scrollIntoViewIfNeeded();
    const before = await rowView(page, row);
    expect(before.visible.length).toBeGreaterThan(0);
    expect(await cards.count()).toBeGreaterThan(before.visible.length);

    await cards.first().focus();
    for (const _ of before.visible) await page.keyboard.press('ArrowRight');
    // Focus is on the first card that was not in view; the row paged to bring it (and its neighbours) in.
    const focusedId = await page.evaluate(
      () =>
        (
          globalThis as unknown as {
            document: { activeElement: { getAttribute(name: string): string | null } };
          }
        ).document.activeElement.getAttribute('data-movie-id') ?? '',
    );
    expect(before.visible).not.toContain(focusedId);
    await expect
      .poll(async () => (await rowView(page, row)).visible, { timeout: uiWaitMs() })
      .toContain(focusedId);
    expect(Math.abs(before.firstCardInset)).toBeLessThanOrEqual(1);
    await screenshot(page, 'browse-03-keyboard-paged');

    await page.keyboard.press('Home');
    await expect
      .poll(async () => (await rowView(page, row)).visible, { timeout: uiWaitMs() })
      .toEqual(before.visible);
  });
});
