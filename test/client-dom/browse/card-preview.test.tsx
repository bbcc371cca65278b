import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PosterCard } from '../../../client/src/components/PosterCard';
import { PREVIEW_OPEN_DELAY_MS } from '../../../client/src/components/use-preview-intent';
import { movieCard, position } from '../support/movies';
import { renderInApp } from '../support/render';

// Eighty minutes of ninety watched: ten minutes left.
const movie = movieCard(3, {
  title: 'Driftwood',
  year: 2019,
  genres: ['DRAMA', 'SCIENCE_FICTION'],
  maturityRating: 'AGE_16',
  durationSeconds: 5400,
  myPosition: position('movie-3', 4800, 5400),
});

function renderCard(progress = false) {
  renderInApp(
    <>
      <button type="button">Elsewhere</button>
      <PosterCard
        movie={movie}
        preview={movie}
        progress={progress ? { positionSeconds: 4800, durationSeconds: 5400 } : undefined}
      />
    </>,
  );
  return screen.getByRole('link', { name: 'Driftwood' });
}

const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));

describe("a poster's preview", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('opens after the pointer rests on the card, with the backdrop, facts and progress', async () => {
    const user = userEvent.setup({ delay: null });
    const card = renderCard();
    await user.hover(card);
    await wait(PREVIEW_OPEN_DELAY_MS / 2);
    expect(screen.queryByTestId('card-preview')).toBeNull();

    await wait(PREVIEW_OPEN_DELAY_MS);
    const preview = screen.getByTestId('card-preview');
    expect(preview.querySelector('img')?.getAttribute('src')).toBe(movie.backdropUrl);
    expect(preview.textContent).toContain('2019');
    expect(preview.textContent).toContain('16+');
    expect(preview.textContent).toContain('1h 30m');
    expect(preview.textContent).toContain('Drama · Science fiction');
    expect(preview.textContent).toContain('10 min left');
    expect(
      screen.getByRole('progressbar', { name: 'Driftwood progress' }).getAttribute('aria-valuenow'),
    ).toBe('89');
    // The card names the preview as its description, for screen readers.
    expect(card.getAttribute('aria-describedby')).toBe(preview.id);

    await user.unhover(card);
    await wait(PREVIEW_OPEN_DELAY_MS);
    expect(screen.queryByTestId('card-preview')).toBeNull();
  });

  test('opens for keyboard focus and closes when focus moves on or Escape is pressed', async () => {
    const user = userEvent.setup({ delay: null });
    renderCard();
    screen.getByRole('button', { name: 'Elsewhere' }).focus();
    await user.tab();
    await wait(PREVIEW_OPEN_DELAY_MS);
    expect(screen.getByTestId('card-preview').textContent).toContain('Driftwood');

    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('card-preview')).toBeNull();

    await user.tab({ shift: true });
    await user.tab();
    await wait(PREVIEW_OPEN_DELAY_MS);
    expect(screen.getByTestId('card-preview')).toBeTruthy();
    await user.tab({ shift: true });
    await wait(PREVIEW_OPEN_DELAY_MS);
    expect(screen.queryByTestId('card-preview')).toBeNull();
  });

  test('never opens from a touch: a tap is for opening the title', async () => {
    const user = userEvent.setup({ delay: null });
    const card = renderCard();
    card.addEventListener('click', (event) => event.preventDefault());
    await user.pointer({ keys: '[TouchA]', target: card });
    await wait(PREVIEW_OPEN_DELAY_MS * 4);
    expect(screen.queryByTestId('card-preview')).toBeNull();
  });

  test('a Continue Watching card shows how far the viewer got and the minutes left', () => {
    renderCard(true);
    const bar = screen.getByRole('progressbar', { name: 'Driftwood progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('89');
    expect(screen.getByRole('link', { name: 'Driftwood' }).textContent).toContain('10 min left');
  });

  test('a title without a READY poster shows a placeholder that names it once', () => {
    renderInApp(<PosterCard movie={{ ...movie, posterUrl: null }} />);
    const card = screen.getByRole('link', { name: 'Driftwood' });
    expect(card.querySelector('img')).toBeNull();
    expect(within(card).getAllByText('Driftwood')).toHaveLength(1);
  });
});
