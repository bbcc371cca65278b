import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { PosterCard } from '../../components/PosterCard';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { useDebounced } from '../../lib/use-debounced';
import { usePagedQuery } from '../../lib/use-paged-query';
import { SearchHistoryPanel } from './SearchHistoryPanel';
import { SearchQuery } from './operations';

const MAX_QUERY = 100;
const PAGE = 24;

/** Results as you type (debounced, not recorded); Enter records the search in the viewer's history. */
export function SearchScreen() {
  const client = useApolloClient();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const input = useRef<HTMLInputElement>(null);
  const query = useDebounced(text.trim(), 300);

  useEffect(() => {
    input.current?.focus();
  }, []);

  useEffect(() => {
    setParams(query ? { q: query } : {}, { replace: true });
  }, [query, setParams]);

  const results = usePagedQuery(
    SearchQuery,
    { query, limit: PAGE, recordInHistory: false },
    (data) => data.searchMovies,
    { skip: query === '' },
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const submitted = text.trim();
    if (!submitted) return;
    await client
      .query({
        query: SearchQuery,
        variables: { query: submitted, limit: PAGE, recordInHistory: true },
        fetchPolicy: 'network-only',
      })
      .catch(() => undefined);
    await client.refetchQueries({ include: ['SearchHistory'] });
  };

  return (
    <div className="page search">
      <h1>Search</h1>
      <form className="search-box" role="search" onSubmit={(event) => void submit(event)}>
        <input
          ref={input}
          type="search"
          value={text}
          maxLength={MAX_QUERY}
          onChange={(event) => setText(event.target.value)}
          placeholder="Titles, e.g. “star wa”"
          aria-label="Search titles"
          data-testid="search-input"
        />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <SearchHistoryPanel onPick={setText} />
      <section aria-live="polite" aria-busy={results.loading} data-testid="search-results">
        {query === '' ? null : results.loading ? (
          <Spinner label="Searching" />
        ) : results.error ? (
          <ErrorState message={results.error} onRetry={results.refetch} />
        ) : results.items.length === 0 ? (
          <EmptyState title={`No titles match “${query}”`}>
            <p>Try fewer or shorter words: every word matches the start of a word in the title.</p>
          </EmptyState>
        ) : (
          <>
            <div className="grid">
              {results.items.map((movie) => (
                <PosterCard key={movie.id} movie={movie} />
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
