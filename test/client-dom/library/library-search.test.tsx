import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import LibraryScreen from '../../../client/src/features/library/LibraryScreen';
import { answeringLink } from '../support/answering-link';
import { libraryItem } from '../support/library-items';
import { renderInApp } from '../support/render';

const USAGE = {
  __typename: 'LibraryUsage',
  items: 2,
  bytes: 2_000_000,
  maxItems: 500,
  maxBytes: 5_368_709_120,
};
const BEACH = libraryItem('READY', {
  id: 'beach',
  kind: 'IMAGE',
  title: 'Beach at noon',
  tags: ['summer'],
  durationSeconds: null,
});
const HARBOUR = libraryItem('READY', { id: 'harbour', description: 'A walk by the beach huts' });

/** My Library against a "server" that lists both items and answers a search for "beach" best first. */
function renderLibrary() {
  const server = answeringLink((request) => {
    switch (request.operationName) {
      case 'LibraryUsage':
        return { libraryUsage: USAGE };
      case 'MyLibrary':
        return {
          myLibrary: { __typename: 'LibraryItemConnection', items: [HARBOUR, BEACH], nextToken: null },
        };
      case 'SearchMyLibrary':
        return {
          searchMyLibrary: {
            __typename: 'LibrarySearchConnection',
            nextToken: null,
            items: [
              { item: BEACH, field: 'TITLE', words: ['Beach'] },
              { item: HARBOUR, field: 'DESCRIPTION', words: ['beach'] },
            ].map(({ item, field, words }) => ({
              __typename: 'LibrarySearchResult',
              item,
              matchedField: field,
              highlights: [{ __typename: 'SearchHighlight', field, words }],
            })),
          },
        };
      default:
        return {};
    }
  });
  renderInApp(<LibraryScreen />, { link: server.link, route: { path: '/library', url: '/library' } });
  return server;
}

const cardTitles = () =>
  screen.getAllByTestId('library-card').map((card) => within(card).getByRole('heading').textContent);

describe('searching My Library', () => {
  test('typing shows the matches best first, each saying which field matched and with what word', async () => {
    const server = renderLibrary();
    await waitFor(() => expect(cardTitles()).toEqual(['Harbour at dawn', 'Beach at noon']));

    fireEvent.change(screen.getByTestId('library-search'), { target: { value: '  beach ' } });
    await waitFor(() => expect(cardTitles()).toEqual(['Beach at noon', 'Harbour at dawn']));
    const why = screen.getByLabelText('Why Harbour at dawn matched');
    expect(why.textContent).toBe('Descriptionbeach');
    expect(within(why).getByText('beach').tagName).toBe('MARK');
    expect(screen.getByLabelText('Why Beach at noon matched').textContent).toBe('TitleBeach');
    const searches = server.requests.filter((request) => request.operationName === 'SearchMyLibrary');
    // Debounced and trimmed: one search for the settled text, not one per keystroke.
    expect(searches.map((request) => request.variables.query)).toEqual(['beach']);
  });

  test('clearing the text shows the whole library again, newest first, without reasons', async () => {
    renderLibrary();
    const input = screen.getByTestId('library-search');
    fireEvent.change(input, { target: { value: 'beach' } });
    await waitFor(() => expect(cardTitles()).toEqual(['Beach at noon', 'Harbour at dawn']));
    fireEvent.change(input, { target: { value: '' } });
    await waitFor(() => expect(cardTitles()).toEqual(['Harbour at dawn', 'Beach at noon']));
    expect(screen.queryByLabelText(/matched$/)).toBeNull();
  });
});
