import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { HeroCarousel } from '../../../client/src/features/home/Hero';
import { ROTATION_INTERVAL_MS } from '../../../client/src/features/home/use-rotation';
import { movieCard } from '../support/movies';
import { renderInApp } from '../support/render';

const featured = [0, 1, 2].map((index) => ({
  ...movieCard(index),
  synopsis: `The story of ${movieCard(index).title}.`,
}));
const [first, second, third] = featured.map((movie) => movie.title);

const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));

function renderHero() {
  renderInApp(
    <>
      <HeroCarousel movies={featured} />
      <button type="button">Elsewhere</button>
    </>,
  );
  return screen.getByTestId('hero');
}

/** The featured title's heading: the one place the title is written (the art carries none). */
const shownTitle = (hero: HTMLElement) => within(hero).getByRole('heading', { level: 1 }).textContent;

/** Answers `prefers-reduced-motion` as a viewer's settings would. */
function preferReducedMotion(reduce: boolean): void {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: reduce && query.includes('prefers-reduced-motion: reduce'),
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

describe('the hero', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  test('shows each featured title once, moving on by itself and wrapping around', async () => {
    const hero = renderHero();
    expect(shownTitle(hero)).toBe(first);
    expect(within(hero).getAllByText(first ?? '')).toHaveLength(1);
    expect(hero.textContent).toContain(`The story of ${first}.`);

    await wait(ROTATION_INTERVAL_MS - 1);
    expect(shownTitle(hero)).toBe(first);
    await wait(1);
    expect(shownTitle(hero)).toBe(second);
    await wait(ROTATION_INTERVAL_MS);
    expect(shownTitle(hero)).toBe(third);
    await wait(ROTATION_INTERVAL_MS);
    expect(shownTitle(hero)).toBe(first);
  });

  test('a dot shows its title and marks itself current', async () => {
    const user = userEvent.setup({ delay: null });
    const hero = renderHero();
    await user.click(within(hero).getByRole('button', { name: `Show ${third}` }));
    expect(shownTitle(hero)).toBe(third);
    expect(
      within(hero)
        .getByRole('button', { name: `Show ${third}` })
        .getAttribute('aria-current'),
    ).toBe('true');
    expect(
      within(hero)
        .getByRole('button', { name: `Show ${first}` })
        .getAttribute('aria-current'),
    ).toBeNull();
  });

  test('holds still while pointed at or focused, and moves on once left', async () => {
    const user = userEvent.setup({ delay: null });
    const hero = renderHero();
    await user.hover(hero);
    await wait(ROTATION_INTERVAL_MS * 3);
    expect(shownTitle(hero)).toBe(first);

    await user.unhover(hero);
    await wait(ROTATION_INTERVAL_MS);
    expect(shownTitle(hero)).toBe(second);

    act(() =>
      within(hero)
        .getByRole('link', { name: /More info/ })
        .focus(),
    );
    await wait(ROTATION_INTERVAL_MS * 3);
    expect(shownTitle(hero)).toBe(second);

    act(() => screen.getByRole('button', { name: 'Elsewhere' }).focus());
    await wait(ROTATION_INTERVAL_MS);
    expect(shownTitle(hero)).toBe(third);
  });

  test('does not rotate for a viewer who prefers reduced motion, but the dots still work', async () => {
    preferReducedMotion(true);
    const user = userEvent.setup({ delay: null });
    const hero = renderHero();
    await wait(ROTATION_INTERVAL_MS * 3);
    expect(shownTitle(hero)).toBe(first);
    await user.click(within(hero).getByRole('button', { name: `Show ${second}` }));
    expect(shownTitle(hero)).toBe(second);
  });
});
