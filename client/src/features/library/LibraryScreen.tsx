import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import type { LibraryFilter, LibraryItemKind } from '../../gql/graphql';
import { usePagedQuery } from '../../lib/use-paged-query';
import { DeleteItemsDialog } from './DeleteItemsDialog';
import { LibraryCard } from './LibraryCard';
import { LibraryFilters } from './LibraryFilters';
import { UploadPanel } from './UploadPanel';
import { UsageMeter } from './UsageMeter';
import { KIND_FILTERS } from './library-rules';
import { LibraryUsageQuery, MyLibraryQuery } from './operations';
import { useDeleteItems } from './use-delete-items';
import './library.css';

const PAGE = 24;

/** `?kind=IMAGE&tag=beach` → the `myLibrary` filter (unknown kinds are ignored). */
export function filterFromParams(params: URLSearchParams): LibraryFilter {
  const kind = params.get('kind');
  const tag = params.get('tag')?.trim().toLowerCase();
  const known = KIND_FILTERS.find((entry) => entry.kind === kind)?.kind ?? null;
  return { ...(known ? { kind: known } : {}), ...(tag ? { tag } : {}) };
}

/**
 * My Library: the caller's items newest first, filtered by kind and tag (kept in the URL, so Back works),
 * the quota, an upload form, and bulk delete of selected cards.
 */
export default function LibraryScreen() {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const usage = useQuery(LibraryUsageQuery);
  const library = usePagedQuery(MyLibraryQuery, { filter, limit: PAGE }, (data) => data.myLibrary);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const deletion = useDeleteItems();
  const { items, hasMore, loadMore, loadingMore } = library;

  // A filtered page can be empty while more follow (the filter applies after the read): read on.
  useEffect(() => {
    if (items.length === 0 && hasMore && !loadingMore) loadMore();
  }, [items.length, hasMore, loadingMore, loadMore]);

  // Only items shown can stay selected (after a filter change or a deletion).
  useEffect(() => {
    setSelected((previous) => {
      const shown = new Set(items.map((item) => item.id));
      const kept = [...previous].filter((id) => shown.has(id));
      return kept.length === previous.size ? previous : new Set(kept);
    });
  }, [items]);

  const setFilter = (kind: LibraryItemKind | null, tag: string | null) => {
    const next = new URLSearchParams();
    if (kind) next.set('kind', kind);
    if (tag) next.set('tag', tag);
    setParams(next);
  };

  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allSelected = items.length > 0 && items.every((item) => selected.has(item.id));
  const selectedItems = items.filter((item) => selected.has(item.id));

  const confirmDelete = async () => {
    const deleted = await deletion.deleteItems(selectedItems.map((item) => item.id));
    if (deleted) {
      setConfirming(false);
      setSelected(new Set());
    }
  };

  return (
    <div className="page library">
      <div className="library__head">
        <h1>My Library</h1>
        {usage.data && <UsageMeter usage={usage.data.libraryUsage} />}
      </div>
      <UploadPanel usage={usage.data?.libraryUsage} />
      <LibraryFilters kind={filter.kind ?? null} tag={filter.tag ?? null} onChange={setFilter} />
      {items.length > 0 && (
        <div className="library__selection actions">
          <label className="library__select-all">
            <input
              type="checkbox"
              checked={allSelected}
              onChange={(event) =>
                setSelected(event.target.checked ? new Set(items.map((item) => item.id)) : new Set())
              }
            />{' '}
            Select all on this page
          </label>
          <button
            type="button"
            className="button button--danger button--small"
            disabled={selectedItems.length === 0}
            onClick={() => {
              deletion.clearError();
              setConfirming(true);
            }}
          >
            Delete {selectedItems.length} {selectedItems.length === 1 ? 'item' : 'items'}
          </button>
        </div>
      )}
      <section aria-live="polite" aria-busy={library.loading} data-testid="library-grid">
        {library.loading ? (
          <Spinner label="Loading your library" />
        ) : library.error ? (
          <ErrorState message={library.error} onRetry={library.refetch} />
        ) : items.length === 0 ? (
          hasMore ? (
            <Spinner label="Looking further" />
          ) : (
            <EmptyLibrary filtered={filter.kind !== undefined || filter.tag !== undefined} />
          )
        ) : (
          <>
            <div className="library-grid">
              {items.map((item) => (
                <LibraryCard
                  key={item.id}
                  item={item}
                  selected={selected.has(item.id)}
                  onSelect={(on) => toggle(item.id, on)}
                  onTag={(tag) => setFilter(filter.kind ?? null, tag)}
                />
              ))}
            </div>
            {hasMore && (
              <button
                type="button"
                className="button library__more"
                onClick={loadMore}
                disabled={loadingMore}
              >
                {loadingMore ? 'Loading…' : 'More items'}
              </button>
            )}
          </>
        )}
      </section>
      <DeleteItemsDialog
        open={confirming}
        names={selectedItems.map((item) => item.title)}
        busy={deletion.busy}
        error={deletion.error}
        onConfirm={() => void confirmDelete()}
        onClose={() => setConfirming(false)}
      />
    </div>
  );
}

function EmptyLibrary({ filtered }: { filtered: boolean }) {
  return filtered ? (
    <EmptyState title="Nothing here matches">
      <p>No item of yours has this kind or tag. Choose All, or clear the tag.</p>
    </EmptyState>
  ) : (
    <EmptyState title="Your library is empty">
      <p>Upload your own videos, photos and sounds above: only you can see them.</p>
    </EmptyState>
  );
}
