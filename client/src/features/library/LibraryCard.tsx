import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { LibraryItemFieldsFragment, LibraryItemKind } from '../../gql/graphql';
import { formatClock } from '../../lib/format';
import { LibraryStatus } from './LibraryStatus';
import { useStatusPolling } from './poll-status';
import { useLibraryImage } from './use-library-image';

export const KIND_LABEL: Readonly<Record<LibraryItemKind, string>> = {
  VIDEO: 'Video',
  IMAGE: 'Photo',
  AUDIO: 'Sound',
};

const KIND_ICON: Readonly<Record<LibraryItemKind, string>> = {
  VIDEO: '▶',
  IMAGE: '▣',
  AUDIO: '♪',
};

/**
 * One item of the grid: a thumbnail for a READY photo or video (a kind badge otherwise), the title linking to the
 * item page, tags that filter the grid, the duration of a video or sound, the status while not READY, and
 * a checkbox for bulk delete.
 */
export function LibraryCard({
  item,
  selected,
  onSelect,
  onTag,
  children,
}: {
  item: LibraryItemFieldsFragment;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onTag: (tag: string) => void;
  /** Shown at the card's foot (a search result's reasons). */
  children?: ReactNode;
}) {
  useStatusPolling(item.id, item.media.status);
  const ready = item.media.status === 'READY';
  return (
    <article className="library-card" data-testid="library-card" data-item-id={item.id} data-kind={item.kind}>
      {/* A second way to the item for the pointer; keyboard and screen readers use the title's link. */}
      <Link
        to={`/library/${encodeURIComponent(item.id)}`}
        className="library-card__media"
        tabIndex={-1}
        aria-hidden="true"
      >
        <CardArt item={item} ready={ready} />
        <span className="library-card__badge">
          <span aria-hidden="true">{KIND_ICON[item.kind]}</span> {KIND_LABEL[item.kind]}
          {item.durationSeconds != null && ready && item.kind !== 'IMAGE' && (
            <span className="library-card__duration"> · {formatClock(item.durationSeconds)}</span>
          )}
        </span>
      </Link>
      <div className="library-card__body">
        <label className="library-card__select">
          <input
            type="checkbox"
            checked={selected}
            onChange={(event) => onSelect(event.target.checked)}
            aria-label={`Select ${item.title}`}
          />
        </label>
        <h3 className="library-card__title">
          <Link to={`/library/${encodeURIComponent(item.id)}`}>{item.title}</Link>
        </h3>
      </div>
      {item.tags.length > 0 && (
        <ul className="tag-list" aria-label={`Tags of ${item.title}`}>
          {item.tags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                className="tag"
                onClick={() => onTag(tag)}
                aria-label={`Show only items tagged ${tag}`}
              >
                #{tag}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!ready && <LibraryStatus item={item} compact />}
      {children}
    </article>
  );
}

/** A READY photo's thumbnail, or a READY video's poster frame; the kind's icon otherwise (or without a frame). */
function CardArt({ item, ready }: { item: LibraryItemFieldsFragment; ready: boolean }) {
  const hasArt = item.kind !== 'AUDIO';
  const { urls, onError } = useLibraryImage(item.id, hasArt && ready);
  if (urls) {
    return (
      <img
        key={urls.version}
        className="library-card__thumb"
        src={urls.thumbnailUrl}
        alt={item.title}
        loading="lazy"
        onError={onError}
        data-testid="library-thumbnail"
      />
    );
  }
  return (
    <span className="library-card__placeholder" aria-hidden="true">
      {KIND_ICON[item.kind]}
    </span>
  );
}
