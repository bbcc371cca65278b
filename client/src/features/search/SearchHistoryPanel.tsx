import { useMutation } from '@apollo/client/react';
import { errorMessage } from '../../lib/errors';
import { usePagedQuery } from '../../lib/use-paged-query';
import {
  ClearSearchHistoryMutation,
  DeleteSearchHistoryEntryMutation,
  SearchHistoryQuery,
} from './operations';

/** The viewer's recent searches: pick one to search again, delete one, or clear them all. */
export function SearchHistoryPanel({ onPick }: { onPick: (query: string) => void }) {
  const history = usePagedQuery(SearchHistoryQuery, { limit: 20 }, (data) => data.searchHistory);
  const [deleteEntry, deleting] = useMutation(DeleteSearchHistoryEntryMutation, {
    update(cache, result) {
      const removed = result.data?.deleteSearchHistoryEntry;
      if (removed) cache.evict({ id: cache.identify({ __typename: 'SearchHistory', id: removed.id }) });
      cache.gc();
    },
    refetchQueries: ['SearchHistory'],
  });
  const [clearAll, clearing] = useMutation(ClearSearchHistoryMutation, { refetchQueries: ['SearchHistory'] });
  const error = deleting.error ?? clearing.error;

  if (history.loading || (history.items.length === 0 && !history.error)) return null;
  return (
    <section aria-labelledby="history-heading" data-testid="search-history" style={{ marginTop: '1.25rem' }}>
      <div className="actions">
        <h2 id="history-heading" style={{ fontSize: '1rem', margin: 0 }}>
          Recent searches
        </h2>
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => void clearAll().catch(() => undefined)}
          disabled={clearing.loading}
        >
          Clear all
        </button>
      </div>
      {history.error && <p className="field__error">{history.error}</p>}
      {error && (
        <p className="field__error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      <ul className="history">
        {history.items.map((entry) => (
          <li key={entry.id} className="chip" data-testid="history-entry">
            <button type="button" onClick={() => onPick(entry.query)}>
              {entry.query}
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Delete “${entry.query}” from history`}
              onClick={() => void deleteEntry({ variables: { id: entry.id } }).catch(() => undefined)}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
