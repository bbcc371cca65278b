import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, test, vi } from 'vitest';
import { moveItem } from '../../../client/src/features/collections/collection-rules';
import { DeleteCollectionDialog } from '../../../client/src/features/collections/DeleteCollectionDialog';
import { ItemOrderList, type CollectionEntry } from '../../../client/src/features/collections/ItemOrderList';
import { LibraryPicker } from '../../../client/src/features/collections/LibraryPicker';
import { renderInApp } from '../support/render';

function entry(id: string, title: string): CollectionEntry {
  return { id, title, kind: 'IMAGE', media: { uploadId: `u-${id}`, status: 'READY' } };
}

/** The list as the collection screen drives it: a move reorders the items it shows. */
function Reorderable({ initial }: { initial: CollectionEntry[] }) {
  const [items, setItems] = useState(initial);
  return (
    <ItemOrderList
      items={items}
      onMove={(index, direction) => {
        const order = moveItem(
          items.map((item) => item.id),
          index,
          direction,
        );
        setItems(order.map((id) => items.find((item) => item.id === id) as CollectionEntry));
      }}
      onRemove={(id) => setItems(items.filter((item) => item.id !== id))}
    />
  );
}

function shownTitles(): string[] {
  return screen.getAllByRole('link').map((link) => link.textContent ?? '');
}

describe('reordering a collection', () => {
  test('Move down and Move up reorder the items, and focus follows the moved item', async () => {
    const user = userEvent.setup();
    renderInApp(<Reorderable initial={[entry('a', 'Beach'), entry('b', 'Harbour'), entry('c', 'Market')]} />);
    expect(shownTitles()).toEqual(['Beach', 'Harbour', 'Market']);

    await user.click(screen.getByRole('button', { name: 'Move down: Beach' }));
    expect(shownTitles()).toEqual(['Harbour', 'Beach', 'Market']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move down: Beach' }));

    // From the keyboard: Enter on the focused button moves it again, to the end, where Move down is disabled.
    await user.keyboard('{Enter}');
    expect(shownTitles()).toEqual(['Harbour', 'Market', 'Beach']);
    expect(screen.getByRole('button', { name: 'Move down: Beach' })).toHaveProperty('disabled', true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move up: Beach' }));

    await user.click(screen.getByRole('button', { name: 'Move up: Market' }));
    expect(shownTitles()).toEqual(['Market', 'Harbour', 'Beach']);
    expect(screen.getByRole('button', { name: 'Move up: Market' })).toHaveProperty('disabled', true);
  });

  test('each item links to its library page', () => {
    renderInApp(<Reorderable initial={[entry('a', 'Beach')]} />);
    expect(screen.getByRole('link', { name: 'Beach' })).toHaveProperty(
      'href',
      expect.stringMatching(/\/library\/a$/),
    );
  });
});

describe('the library picker', () => {
  const library = [entry('p1', 'One'), entry('p2', 'Two'), entry('p3', 'Three')];
  const noop = () => undefined;

  test('allows no more ticks than fit in the collection, and says so', async () => {
    const user = userEvent.setup();
    const onAdd = vi.fn();
    renderInApp(
      <LibraryPicker
        available={library}
        inCollection={18}
        busy={false}
        hasMore={false}
        loadingMore={false}
        onLoadMore={noop}
        onAdd={onAdd}
        onCancel={noop}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe(
      'You can add 2 more (a collection holds at most 20 items).',
    );
    await user.click(screen.getByRole('checkbox', { name: /One/ }));
    await user.click(screen.getByRole('checkbox', { name: /Two/ }));
    expect(screen.getByRole('checkbox', { name: /Three/ })).toHaveProperty('disabled', true);
    expect(screen.getByRole('status').textContent).toBe('That fills the collection (at most 20 items).');
    await user.click(screen.getByRole('button', { name: 'Add 2 items' }));
    expect(onAdd).toHaveBeenCalledWith(['p1', 'p2']);
  });

  test('a full collection offers nothing to tick', () => {
    renderInApp(
      <LibraryPicker
        available={library}
        inCollection={20}
        busy={false}
        hasMore={false}
        loadingMore={false}
        onLoadMore={noop}
        onAdd={noop}
        onCancel={noop}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe(
      'This collection is full: it holds at most 20 items. Remove one to add another.',
    );
    for (const box of screen.getAllByRole('checkbox')) expect(box).toHaveProperty('disabled', true);
  });
});

describe('the delete dialog', () => {
  test('offers both choices in plain words and says which was chosen', async () => {
    const user = userEvent.setup();
    const onDelete = vi.fn();
    renderInApp(<DeleteCollectionDialog name="Trips" itemCount={2} busy={false} onDelete={onDelete} />);
    const keep = screen.getByRole('button', {
      hidden: true,
      name: 'Delete the collection only (its 2 items stay in your library)',
    });
    const both = screen.getByRole('button', {
      hidden: true,
      name: 'Delete the collection and its 2 items (they are removed from your library and from every other collection)',
    });
    await user.click(keep);
    expect(onDelete).toHaveBeenLastCalledWith(false);
    await user.click(both);
    expect(onDelete).toHaveBeenLastCalledWith(true);
  });

  test('an empty collection has only the choice that keeps items', () => {
    renderInApp(<DeleteCollectionDialog name="Empty" itemCount={0} busy={false} onDelete={vi.fn()} />);
    expect(screen.queryByRole('button', { hidden: true, name: /and its/ })).toBeNull();
    expect(
      screen.getByRole('button', {
        hidden: true,
        name: 'Delete the collection only (its 0 items stay in your library)',
      }),
    ).toBeDefined();
  });
});
