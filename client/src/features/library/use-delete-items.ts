import { useApolloClient } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { libraryErrorMessage } from './library-errors';
import { DeleteLibraryItemsMutation, LIBRARY_QUERIES } from './operations';

/** `deleteLibraryItems` takes at most this many ids (LIBRARY_LIMITS.maxDeleteIds in resolvers/lib/library.ts). */
const IDS_PER_CALL = 20;

/**
 * Deletes items (in calls of at most 20 ids), then reads the grid and the quota again. Resolves with the ids
 * deleted; a failure is kept in `error`, in plain words.
 */
export function useDeleteItems(): {
  deleteItems: (ids: readonly string[]) => Promise<string[] | null>;
  busy: boolean;
  error: string | null;
  clearError: () => void;
} {
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const deleteItems = useCallback(
    async (ids: readonly string[]) => {
      setBusy(true);
      setError(null);
      const deleted: string[] = [];
      try {
        for (let start = 0; start < ids.length; start += IDS_PER_CALL) {
          const { data } = await client.mutate({
            mutation: DeleteLibraryItemsMutation,
            variables: { ids: ids.slice(start, start + IDS_PER_CALL) },
          });
          deleted.push(...(data?.deleteLibraryItems ?? []));
        }
        return deleted;
      } catch (failure) {
        setError(libraryErrorMessage(failure));
        return null;
      } finally {
        for (const id of deleted)
          client.cache.evict({ id: client.cache.identify({ __typename: 'LibraryItem', id }) });
        client.cache.gc();
        await client.refetchQueries({ include: LIBRARY_QUERIES }).catch(() => undefined);
        setBusy(false);
      }
    },
    [client],
  );
  return { deleteItems, busy, error, clearError: () => setError(null) };
}
