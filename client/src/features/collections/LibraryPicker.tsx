import { useState } from 'react';
import { MAX_COLLECTION_ITEMS, kindLabel, roomLeft } from './collection-rules';
import type { CollectionEntry } from './ItemOrderList';

/**
 * Checkboxes over the caller's library items that are not in the collection yet; no more can be ticked than
 * still fit (a collection holds at most 20).
 */
export function LibraryPicker({
  available,
  inCollection,
  busy,
  hasMore,
  loadingMore,
  onLoadMore,
  onAdd,
  onCancel,
}: {
  available: readonly CollectionEntry[];
  inCollection: number;
  busy: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onAdd: (ids: string[]) => void;
  onCancel: () => void;
}) {
  const [picked, setPicked] = useState<string[]>([]);
  const room = roomLeft(inCollection);
  const full = picked.length >= room;
  const toggle = (id: string) =>
    setPicked((current) => (current.includes(id) ? current.filter((each) => each !== id) : [...current, id]));

  return (
    <section className="panel collection-picker" aria-labelledby="picker-heading">
      <h2 id="picker-heading">Add items</h2>
      {room === 0 ? (
        <p className="notice" role="status">
          This collection is full: it holds at most {MAX_COLLECTION_ITEMS} items. Remove one to add another.
        </p>
      ) : (
        <p className="notice" role="status">
          {full
            ? `That fills the collection (at most ${MAX_COLLECTION_ITEMS} items).`
            : `You can add ${room - picked.length} more (a collection holds at most ${MAX_COLLECTION_ITEMS} items).`}
        </p>
      )}
      {available.length === 0 && !hasMore ? (
        <p>Every item of your library is already in this collection.</p>
      ) : (
        <ul className="collection-picker__list">
          {available.map((item) => {
            const checked = picked.includes(item.id);
            return (
              <li key={item.id}>
                <label className="collection-picker__choice">
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={busy || (!checked && full)}
                    onChange={() => toggle(item.id)}
                  />
                  <span>
                    {item.title} <span className="collection-items__meta">({kindLabel(item.kind)})</span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <div className="actions">
        {hasMore && (
          <button type="button" className="button button--small" disabled={loadingMore} onClick={onLoadMore}>
            {loadingMore ? 'Loading…' : 'Show more of my library'}
          </button>
        )}
        <button
          type="button"
          className="button button--primary"
          disabled={busy || picked.length === 0}
          onClick={() => onAdd(picked)}
        >
          {picked.length === 1 ? 'Add 1 item' : `Add ${picked.length} items`}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
