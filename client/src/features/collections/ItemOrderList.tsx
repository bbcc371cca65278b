import { useLayoutEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { CollectionItemFieldsFragment } from '../../gql/graphql';
import { kindLabel, statusLabel } from './collection-rules';

/** An item as the collection screens show it. */
export type CollectionEntry = CollectionItemFieldsFragment;

type Direction = -1 | 1;

/**
 * A collection's items in order, each with Move up / Move down / Remove buttons. After a move, focus follows
 * the moved item (its other move button when it reached an end), so a keyboard user can keep moving it.
 */
export function ItemOrderList({
  items,
  busy = false,
  onMove,
  onRemove,
}: {
  items: readonly CollectionEntry[];
  busy?: boolean;
  onMove: (index: number, direction: Direction) => void;
  onRemove: (id: string) => void;
}) {
  const list = useRef<HTMLOListElement>(null);
  const lastMove = useRef<{ id: string; direction: Direction } | null>(null);
  useLayoutEffect(() => {
    const move = lastMove.current;
    if (!move || !list.current) return;
    const button = (direction: Direction) =>
      list.current?.querySelector<HTMLButtonElement>(`[data-move="${move.id}:${direction}"]`);
    const same = button(move.direction);
    const target = same && !same.disabled ? same : button(move.direction === 1 ? -1 : 1);
    target?.focus();
    lastMove.current = null;
  }, [items]);
  const move = (id: string, index: number, direction: Direction) => {
    lastMove.current = { id, direction };
    onMove(index, direction);
  };

  return (
    <ol ref={list} className="collection-items" aria-label="Items in this collection">
      {items.map((item, index) => (
        <li key={item.id} className="collection-items__row">
          <span className="collection-items__position" aria-hidden="true">
            {index + 1}
          </span>
          <div className="collection-items__text">
            <Link to={`/library/${item.id}`} className="collection-items__title">
              {item.title}
            </Link>
            <span className="collection-items__meta">
              {kindLabel(item.kind)} · {statusLabel(item.media.status)}
            </span>
          </div>
          <div className="actions collection-items__actions">
            <button
              type="button"
              className="button button--small"
              disabled={busy || index === 0}
              aria-label={`Move up: ${item.title}`}
              data-move={`${item.id}:-1`}
              onClick={() => move(item.id, index, -1)}
            >
              Move up
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={busy || index === items.length - 1}
              aria-label={`Move down: ${item.title}`}
              data-move={`${item.id}:1`}
              onClick={() => move(item.id, index, 1)}
            >
              Move down
            </button>
            <button
              type="button"
              className="button button--small button--ghost"
              disabled={busy}
              aria-label={`Remove from this collection: ${item.title}`}
              onClick={() => onRemove(item.id)}
            >
              Remove
            </button>
          </div>
        </li>
      ))}
    </ol>
  );
}
