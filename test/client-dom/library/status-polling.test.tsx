import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import LibraryItemScreen from '../../../client/src/features/library/LibraryItemScreen';
import { pollDelay } from '../../../client/src/features/library/poll-status';
import { answeringLink } from '../support/answering-link';
import { libraryItem } from '../support/library-items';
import { renderInApp } from '../support/render';

/** Apollo hands a cache write to the screen's query a moment after the answer arrives: let it arrive after each check. */
const SETTLE_MS = 50;

const route = { path: '/library/:itemId', url: '/library/item-1' };

/** The item page against a "server" whose item goes through `states`, one per `libraryItem` read (the last repeats). */
function renderItemPage(states: ReadonlyArray<ReturnType<typeof libraryItem> | null>) {
  let reads = 0;
  const server = answeringLink((request) => {
    if (request.operationName !== 'LibraryItem') return {};
    const state = states[Math.min(reads, states.length - 1)] ?? null;
    reads += 1;
    return { libraryItem: state };
  });
  const view = renderInApp(<LibraryItemScreen />, { link: server.link, route });
  const itemReads = () => server.requests.filter((request) => request.operationName === 'LibraryItem');
  return { ...view, itemReads };
}

/** Lets `ms` of fake time pass, with the answers and renders it brings. */
async function wait(ms: number) {
  await act(() => vi.advanceTimersByTimeAsync(ms));
}

describe('the item page follows processing by polling libraryItem', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  test('checks with a growing interval while PROCESSING, shows each step, and stops once READY', async () => {
    const { itemReads } = renderItemPage([
      libraryItem('PROCESSING', { media: { chunksDone: 1, chunksTotal: 4 } }),
      libraryItem('PROCESSING', { media: { chunksDone: 3, chunksTotal: 4 } }),
      libraryItem('READY'),
    ]);
    await wait(0);
    expect(screen.getByText('Processing: 1 of 4 parts encoded')).toBeTruthy();
    const start = Date.now();

    await wait(pollDelay(0) + SETTLE_MS);
    expect(screen.getByText('Processing: 3 of 4 parts encoded')).toBeTruthy();
    await wait(pollDelay(1));
    expect(screen.getByRole('link', { name: 'Play' }).getAttribute('href')).toBe('/library/item-1/watch');
    expect(screen.queryByText(/Processing/)).toBeNull();

    const pollTimes = itemReads()
      .slice(1)
      .map((request) => request.at - start);
    expect(pollTimes).toEqual([pollDelay(0), pollDelay(0) + pollDelay(1)]);
    expect(pollDelay(1)).toBeGreaterThan(pollDelay(0));

    // READY: no more reads, however long the page stays open.
    await wait(10 * 60_000);
    expect(itemReads()).toHaveLength(3);
  });

  test('stops once FAILED and says why in plain words', async () => {
    const { itemReads } = renderItemPage([
      libraryItem('UPLOADED'),
      libraryItem('FAILED', {
        media: {
          reason:
            'The file is not a video that can be read (it may be truncated, damaged, or not a video at all).',
        },
      }),
    ]);
    await wait(0);
    expect(screen.getByText('Uploaded: waiting to be processed…')).toBeTruthy();
    await wait(pollDelay(0) + SETTLE_MS);
    expect(screen.getByTestId('library-failure').textContent).toBe(
      'Failed: This file cannot be read as a video: it may be damaged, cut short, or not a video at all.',
    );
    await wait(10 * 60_000);
    expect(itemReads()).toHaveLength(2);
  });

  test('stops when the item is gone (deleted elsewhere) and says it is not in the library', async () => {
    const { itemReads } = renderItemPage([libraryItem('PROCESSING'), null]);
    await wait(0);
    await wait(pollDelay(0) + SETTLE_MS);
    expect(screen.getByRole('heading', { name: 'Not found in your library' })).toBeTruthy();
    await wait(10 * 60_000);
    expect(itemReads()).toHaveLength(2);
  });

  test('stops when the page is left', async () => {
    const { itemReads, unmount } = renderItemPage([libraryItem('PROCESSING')]);
    await wait(0);
    await wait(pollDelay(0) + SETTLE_MS);
    expect(itemReads()).toHaveLength(2);
    unmount();
    await wait(10 * 60_000);
    expect(itemReads()).toHaveLength(2);
  });

  test('a READY item is never polled, and the wait between checks stops growing at 15 s', async () => {
    const { itemReads } = renderItemPage([libraryItem('READY')]);
    await wait(10 * 60_000);
    expect(itemReads()).toHaveLength(1);
    expect(pollDelay(50)).toBe(15_000);
  });
});
