import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test } from 'vitest';
import { PosterCard } from '../../../client/src/components/PosterCard';
import { Row } from '../../../client/src/components/Row';
import { layOutRows, titlesInView } from '../support/layout';
import { movieCard } from '../support/movies';
import { renderInApp } from '../support/render';

// Ten 100 px cards with 10 px gaps in a 450 px view: four whole cards are seen at a time.
const movies = Array.from({ length: 10 }, (_, index) => movieCard(index));
const titles = movies.map((movie) => movie.title);

function renderRow() {
  renderInApp(
    <>
      <button type="button">Before the row</button>
      <Row title="Drama">
        {movies.map((movie) => (
          <PosterCard key={movie.id} movie={movie} />
        ))}
      </Row>
    </>,
  );
  const row = screen.getByRole('region', { name: 'Drama' });
  const track = row.querySelector<HTMLElement>('.row__track');
  if (!track) throw new Error('the row has no track');
  return { row, track };
}

describe('a row of posters', () => {
  beforeEach(() => layOutRows({ cardWidth: 100, gap: 10, viewportWidth: 450 }));

  test('the arrow buttons page to whole cards not seen before, and back', async () => {
    const user = userEvent.setup();
    const { row, track } = renderRow();
    const back = within(row).getByRole('button', { name: 'Scroll Drama back' });
    const forward = within(row).getByRole('button', { name: 'Scroll Drama forward' });
    expect(titlesInView(track)).toEqual(titles.slice(0, 4));
    expect(back).toHaveProperty('disabled', true);

    await user.click(forward);
    expect(titlesInView(track)).toEqual(titles.slice(4, 8));
    expect(back).toHaveProperty('disabled', false);

    await user.click(forward);
    // The last page ends at the last card; the forward arrow has nothing left to show.
    expect(titlesInView(track)).toEqual(titles.slice(6, 10));
    expect(forward).toHaveProperty('disabled', true);

    await user.click(back);
    expect(titlesInView(track)).toEqual(titles.slice(2, 6));
    await user.click(back);
    expect(titlesInView(track)).toEqual(titles.slice(0, 4));
  });

  test('Tab enters the row once; arrow keys move focus and page when it leaves the view', async () => {
    const user = userEvent.setup();
    const { row, track } = renderRow();
    screen.getByRole('button', { name: 'Before the row' }).focus();

    await user.tab();
    expect(document.activeElement).toBe(within(row).getByRole('link', { name: titles[0] }));

    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(document.activeElement).toBe(within(row).getByRole('link', { name: titles[3] }));
    expect(titlesInView(track)).toEqual(titles.slice(0, 4));

    // The fifth card is off screen: moving to it pages the row, bringing titles not seen before.
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(within(row).getByRole('link', { name: titles[4] }));
    expect(titlesInView(track)).toEqual(titles.slice(4, 8));

    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(within(row).getByRole('link', { name: titles[3] }));
    expect(titlesInView(track)).toEqual(titles.slice(0, 4));

    await user.keyboard('{End}');
    expect(document.activeElement).toBe(within(row).getByRole('link', { name: titles[9] }));
    expect(titlesInView(track)).toContain(titles[9]);

    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(within(row).getByRole('link', { name: titles[0] }));
    expect(titlesInView(track)).toEqual(titles.slice(0, 4));

    // The card last focused is the row's only Tab stop: Tab leaves the row (to its forward arrow).
    await user.keyboard('{ArrowRight}');
    await user.tab();
    expect(document.activeElement).toBe(within(row).getByRole('button', { name: 'Scroll Drama forward' }));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(within(row).getByRole('link', { name: titles[1] }));
  });
});
