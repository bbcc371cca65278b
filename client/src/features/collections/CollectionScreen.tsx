import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import type { UpdateCollectionMutation as UpdateCollectionResult } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { usePagedQuery } from '../../lib/use-paged-query';
import { moveItem } from './collection-rules';
import { DeleteCollectionDialog } from './DeleteCollectionDialog';
import { ItemOrderList, type CollectionEntry } from './ItemOrderList';
import { LibraryPicker } from './LibraryPicker';
import { NameForm } from './NameForm';
import {
  CollectionQuery,
  DeleteCollectionMutation,
  LibraryPickerQuery,
  MyCollectionsQuery,
  UpdateCollectionMutation,
} from './operations';
import './collections.css';

/** Library items per picker page (the API's largest page). */
const PICKER_PAGE = 50;

function NotFound() {
  return (
    <EmptyState title="Not found">
      <p>You have no collection here. It may have been deleted, or the link belongs to someone else.</p>
      <Link className="button" to="/collections">
        Back to your collections
      </Link>
    </EmptyState>
  );
}

export function CollectionScreen() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(CollectionQuery, { variables: { id } });
  const collection = data?.collection;
  if (loading && !collection) return <Spinner label="Loading the collection" />;
  if (error && !collection) {
    return (
      <div className="page collection">
        <ErrorState message={errorMessage(error)} onRetry={() => void refetch()} />
        <Link to="/collections">Back to your collections</Link>
      </div>
    );
  }
  if (!collection) {
    return (
      <div className="page collection">
        <NotFound />
      </div>
    );
  }
  return (
    <CollectionEditor
      id={collection.id}
      name={collection.name}
      updatedAt={collection.updatedAt}
      items={collection.items}
    />
  );
}

function CollectionEditor({
  id,
  name,
  updatedAt,
  items,
}: {
  id: string;
  name: string;
  updatedAt: string;
  items: readonly CollectionEntry[];
}) {
  const navigate = useNavigate();
  const [renaming, setRenaming] = useState(false);
  const [picking, setPicking] = useState(false);
  const [update, updated] = useMutation(UpdateCollectionMutation);
  const [remove, removed] = useMutation(DeleteCollectionMutation);
  const ids = items.map((item) => item.id);

  /** Saves the whole item list; the screen shows the new order at once (optimistic) and keeps it once saved. */
  const saveItems = (nextIds: string[], known: readonly CollectionEntry[]) => {
    const byId = new Map(known.map((item) => [item.id, item]));
    const nextItems = nextIds.flatMap((itemId) => {
      const item = byId.get(itemId);
      return item ? [{ __typename: 'LibraryItem' as const, ...item }] : [];
    });
    return update({
      variables: { id, input: { itemIds: nextIds } },
      // The generated types omit __typename, which the cache needs to store an optimistic result.
      optimisticResponse: {
        updateCollection: { __typename: 'Collection', id, name, updatedAt, items: nextItems },
      } as UpdateCollectionResult,
    }).catch(() => null);
  };

  const rename = async (newName: string) => {
    const result = await update({ variables: { id, input: { name: newName } } }).catch(() => null);
    if (result?.data) setRenaming(false);
  };

  const deleteCollection = async (deleteItems: boolean) => {
    const result = await remove({
      variables: { id, deleteItems },
      refetchQueries: [MyCollectionsQuery],
      update(cache, { data }) {
        cache.evict({ id: cache.identify({ __typename: 'Collection', id }) });
        for (const itemId of data?.deleteCollection ?? []) {
          cache.evict({ id: cache.identify({ __typename: 'LibraryItem', id: itemId }) });
        }
        cache.gc();
      },
    }).catch(() => null);
    if (result?.data) void navigate('/collections');
  };

  return (
    <div className="page collection">
      <p>
        <Link to="/collections">← Collections</Link>
      </p>
      {renaming ? (
        <NameForm
          id="rename-collection"
          label="Collection name (1–200 characters)"
          submitLabel={updated.loading ? 'Saving…' : 'Save name'}
          initialName={name}
          busy={updated.loading}
          serverError={updated.error ? errorMessage(updated.error) : undefined}
          onSubmit={(newName) => void rename(newName)}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <div className="collections__header">
          <h1>{name}</h1>
          <button type="button" className="button button--small" onClick={() => setRenaming(true)}>
            Rename
          </button>
        </div>
      )}
      {updated.error && !renaming && (
        <p className="field__error" role="alert">
          {errorMessage(updated.error)}
        </p>
      )}
      <p className="notice">
        Removing an item from a collection keeps it in your library (and in any other collection).
      </p>
      {items.length === 0 ? (
        <p>This collection is empty. Add items from your library.</p>
      ) : (
        <ItemOrderList
          items={items}
          onMove={(index, direction) => void saveItems(moveItem(ids, index, direction), items)}
          onRemove={(itemId) =>
            void saveItems(
              ids.filter((each) => each !== itemId),
              items,
            )
          }
        />
      )}
      {picking ? (
        <PickerPanel
          inCollection={items}
          busy={updated.loading}
          onAdd={async (picked, known) => {
            const result = await saveItems(ids.concat(picked), items.concat(known));
            if (result?.data) setPicking(false);
          }}
          onCancel={() => setPicking(false)}
        />
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => setPicking(true)}>
            Add items
          </button>
          <DeleteCollectionDialog
            name={name}
            itemCount={items.length}
            busy={removed.loading}
            error={removed.error ? errorMessage(removed.error) : undefined}
            onDelete={(deleteItems) => void deleteCollection(deleteItems)}
          />
        </div>
      )}
    </div>
  );
}

/** The picker over the caller's library (paged), without the items already in the collection. */
function PickerPanel({
  inCollection,
  busy,
  onAdd,
  onCancel,
}: {
  inCollection: readonly CollectionEntry[];
  busy: boolean;
  onAdd: (ids: string[], known: readonly CollectionEntry[]) => void;
  onCancel: () => void;
}) {
  const library = usePagedQuery(LibraryPickerQuery, { limit: PICKER_PAGE }, (data) => data.myLibrary);
  const inIt = new Set(inCollection.map((item) => item.id));
  const available = library.items.filter((item) => !inIt.has(item.id));
  if (library.loading) return <Spinner label="Loading your library" />;
  if (library.error) return <ErrorState message={library.error} onRetry={library.refetch} />;
  return (
    <LibraryPicker
      available={available}
      inCollection={inCollection.length}
      busy={busy}
      hasMore={library.hasMore}
      loadingMore={library.loadingMore}
      onLoadMore={library.loadMore}
      onAdd={(ids) => onAdd(ids, available)}
      onCancel={onCancel}
    />
  );
}
