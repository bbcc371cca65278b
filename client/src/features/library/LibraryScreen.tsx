import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { MatchReasons } from '../../components/MatchReasons';
import { SearchBox } from '../../components/SearchBox';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import type { LibraryFilter, LibraryItemKind } from '../../gql/graphql';
import { useDebounced } from '../../lib/use-debounced';
import { usePagedQuery } from '../../lib/use-paged-query';
import { DeleteItemsDialog } from './DeleteItemsDialog';
import { LibraryCard } from './LibraryCard';
import { LibraryFilters } from './LibraryFilters';
import { UploadPanel } from './UploadPanel';
import { UsageMeter } from './UsageMeter';
import { KIND_FILTERS } from './library-rules';
import { LibraryUsageQuery, MyLibraryQuery, SearchMyLibraryQuery } from './operations';
import { useDeleteItems } from './use-delete-items';
import './library.css';

const PAGE = 24;

const MATCHED_FIELD_LABELS = { TITLE: 'Title', TAGS: 'Tags', DESCRIPTION: 'Description' } as const;

/** `?kind=IMAGE&tag=beach` → the `myLibrary` filter (unknown kinds are ignored). */
export function filterFromParams(params: URLSearchParams): LibraryFilter {
  const kind = params.get('kind');
  const tag = params.get('tag')?.trim().toLowerCase();
  const known = KIND_FILTERS.find((entry) => entry.kind === kind)?.kind ?? null;
  return { ...(known ? { kind: known } : {}), ...(tag ? { tag } : {}) };
}

/**
 * My Library: the caller's items newest first, filtered by kind and tag, or found by words as you type
 * (`searchMyLibrary`, best match first, with why each matched); filters and search text are kept in the URL,
 * so Back works. Also the quota, an upload form, and bulk delete of selected cards.
 */
export default function LibraryScreen() {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const [text, setText] = useState(params.get('q') ?? '');
  const query = useDebounced(text.trim(), 300);
  const searching = query !== '';
  const usage = useQuery(LibraryUsageQuery);
  const library = usePagedQuery(MyLibraryQuery, { filter, limit: PAGE }, (data) => data.myLibrary, {
    skip: searching,
  });
  const search = usePagedQuery(
    SearchMyLibraryQuery,
    { query, kind: filter.kind ?? null, limit: PAGE },
    (data) => data.searchMyLibrary,
    { skip: !searching },
  );
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const deletion = useDeleteItems();
  const shown = searching ? search : library;
  const items = useMemo(
    () => (searching ? search.items.map((result) => result.item) : library.items),
    [searching, search.items, library.items],
  );
  const reasons = useMemo(
    () => new Map(search.items.map((result) => [result.item.id, result.highlights])),
    [search.items],
  );
  const { hasMore, loadMore, loadingMore } = shown;

  // The search text goes into the URL once it settles (replacing the entry: typing is not navigation). A
  // search covers tags itself, so it ends a tag filter: clearing the text shows the whole library again.
  useEffect(() => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (query) {
          next.set('q', query);
          next.delete('tag');
        } else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [query, setParams]);

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
    // A tag is a filter of the whole library: choosing one ends a search (which matches tags anyway).
    if (query && !tag) next.set('q', query);
    else setText('');
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
      <SearchBox
        className="library__search"
        value={text}
        onChange={setText}
        placeholder="Search your library: words of a title, tag or description"
        label="Search your library"
        testId="library-search"
      />
      <LibraryFilters
        kind={filter.kind ?? null}
        tag={searching ? null : (filter.tag ?? null)}
        onChange={setFilter}
      />
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
      <section aria-live="polite" aria-busy={shown.loading} data-testid="library-grid">
        {shown.loading ? (
          <Spinner label={searching ? 'Searching your library' : 'Loading your library'} />
        ) : shown.error ? (
          <ErrorState message={shown.error} onRetry={shown.refetch} />
        ) : items.length === 0 ? (
          hasMore ? (
            <Spinner label="Looking further" />
          ) : searching ? (
            <EmptyState title="Nothing of yours matches">
              <p>
                No title, tag or description in your library has a word starting with “{query}”
                {filter.kind ? ' among this kind' : ''}.
              </p>
            </EmptyState>
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
                >
                  {searching && (
                    <MatchReasons
                      label={`Why ${item.title} matched`}
                      highlights={reasons.get(item.id) ?? []}
                      fieldLabels={MATCHED_FIELD_LABELS}
                    />
                  )}
                </LibraryCard>
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
