import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { errorMessage } from '../../lib/errors';
import { usePagedQuery } from '../../lib/use-paged-query';
import { NameForm } from './NameForm';
import { CreateCollectionMutation, MyCollectionsQuery } from './operations';
import './collections.css';

/** Collections per page: each asks for its items (the list shows the count and the first title). */
const PAGE_SIZE = 12;

export function CollectionsScreen() {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const collections = usePagedQuery(MyCollectionsQuery, { limit: PAGE_SIZE }, (data) => data.myCollections);
  const [create, created] = useMutation(CreateCollectionMutation, {
    refetchQueries: [MyCollectionsQuery],
  });

  const submit = async (name: string) => {
    const result = await create({ variables: { input: { name } } }).catch(() => null);
    const id = result?.data?.createCollection.id;
    if (id) void navigate(`/collections/${id}`);
  };

  return (
    <div className="page collections">
      <div className="collections__header">
        <h1>Collections</h1>
        {!creating && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            New collection
          </button>
        )}
      </div>
      {creating && (
        <section className="panel" aria-labelledby="new-collection-heading">
          <h2 id="new-collection-heading">New collection</h2>
          <NameForm
            id="new-collection-name"
            label="Name (1–200 characters)"
            submitLabel={created.loading ? 'Creating…' : 'Create collection'}
            busy={created.loading}
            serverError={created.error ? errorMessage(created.error) : undefined}
            onSubmit={(name) => void submit(name)}
            onCancel={() => setCreating(false)}
          />
        </section>
      )}
      {collections.loading ? (
        <Spinner label="Loading your collections" />
      ) : collections.error ? (
        <ErrorState message={collections.error} onRetry={collections.refetch} />
      ) : collections.items.length === 0 ? (
        <EmptyState title="No collections yet">
          <p>A collection is an album of items from your library, in the order you choose.</p>
        </EmptyState>
      ) : (
        <ul className="collections__list" aria-label="Your collections">
          {collections.items.map((collection) => (
            <li key={collection.id} className="collections__card">
              <Link to={`/collections/${collection.id}`} className="collections__name">
                {collection.name}
              </Link>
              <span className="collections__meta">
                {collection.items.length === 1 ? '1 item' : `${collection.items.length} items`}
                {collection.items[0] ? ` · starts with “${collection.items[0].title}”` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {collections.hasMore && (
        <button
          type="button"
          className="button"
          disabled={collections.loadingMore}
          onClick={collections.loadMore}
        >
          {collections.loadingMore ? 'Loading…' : 'Show more collections'}
        </button>
      )}
    </div>
  );
}
