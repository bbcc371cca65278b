import { useMutation } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { SearchBox } from '../../components/SearchBox';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { useDebounced } from '../../lib/use-debounced';
import { usePagedQuery } from '../../lib/use-paged-query';
import { SearchFilters, NO_FILTERS, toSearchFilter, type FilterValues } from './SearchFilters';
import { SearchHistoryPanel } from './SearchHistoryPanel';
import { SearchResultCard } from './SearchResultCard';
import { RecordSearchMutation, SearchQuery } from './operations';

const PAGE = 24;

/**
 * Results as you type (debounced; searching has no side effects). The viewer settles on a search by pressing
 * Enter or opening a result: only then is it recorded in their history (`recordSearch`).
 */
export function SearchScreen() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [filterValues, setFilterValues] = useState<FilterValues>(NO_FILTERS);
  const input = useRef<HTMLInputElement>(null);
  const query = useDebounced(text.trim(), 300);
  const filter = useMemo(() => toSearchFilter(filterValues), [filterValues]);
  const [recordSearch] = useMutation(RecordSearchMutation, { refetchQueries: ['SearchHistory'] });
  const record = (settled: string) => {
    if (settled) void recordSearch({ variables: { query: settled } }).catch(() => undefined);
  };

  useEffect(() => {
    input.current?.focus();
  }, []);

  useEffect(() => {
    setParams(query ? { q: query } : {}, { replace: true });
  }, [query, setParams]);

  const results = usePagedQuery(SearchQuery, { query, filter, limit: PAGE }, (data) => data.searchMovies, {
    skip: query === '',
  });

  return (
    <div className="page search">
      <h1>Search</h1>
      <SearchBox
        inputRef={input}
        value={text}
        onChange={setText}
        onSubmit={record}
        submitLabel="Search"
        placeholder="Titles, tags, cast, synopsis, e.g. “star wa”"
        label="Search titles"
        testId="search-input"
      />
      <SearchFilters values={filterValues} onChange={setFilterValues} />
      <SearchHistoryPanel onPick={setText} />
      <section aria-live="polite" aria-busy={results.loading} data-testid="search-results">
        {query === '' ? null : results.loading ? (
          <Spinner label="Searching" />
        ) : results.error ? (
          <ErrorState message={results.error} onRetry={results.refetch} />
        ) : results.items.length === 0 ? (
          <EmptyState title={`No titles match “${query}”`}>
            <p>
              Try fewer or shorter words, or fewer filters: every word must start a word of the title, its
              tags, cast or synopsis.
            </p>
          </EmptyState>
        ) : (
          <>
            <div className="grid">
              {results.items.map((result) => (
                <SearchResultCard key={result.movie.id} result={result} onOpen={() => record(query)} />
              ))}
            </div>
            {results.hasMore && (
              <button
                type="button"
                className="button"
                style={{ marginTop: '1rem' }}
                onClick={results.loadMore}
                disabled={results.loadingMore}
              >
                {results.loadingMore ? 'Loading…' : 'More results'}
              </button>
            )}
          </>
        )}
      </section>
    </div>
  );
}
