import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import type { LibraryItemFieldsFragment } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { formatClock } from '../../lib/format';
import { formatSize } from '../../lib/upload-rate';
import { DeleteItemsDialog } from './DeleteItemsDialog';
import { ImageViewer } from './ImageViewer';
import { ItemDetailsForm } from './ItemDetailsForm';
import { KIND_LABEL } from './LibraryCard';
import { LibraryStatus } from './LibraryStatus';
import { libraryErrorMessage } from './library-errors';
import { LibraryItemDownloadQuery, LibraryItemQuery } from './operations';
import { useStatusPolling } from './poll-status';
import { useDeleteItems } from './use-delete-items';
import './library.css';

/**
 * One item of the caller's library: the photo (full view on click) or a Play / Listen link to the player,
 * the status while not READY, its details to edit, Download original and Delete. Another user's item, or
 * one that does not exist, is "Not found in your library" (the API answers null for both).
 */
export default function LibraryItemScreen() {
  const { itemId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(LibraryItemQuery, { variables: { id: itemId } });
  const item = data?.libraryItem;
  useStatusPolling(itemId, item?.media.status);

  if (loading && !data) return <Spinner label="Loading the item" />;
  if (error && !data) return <ErrorState message={errorMessage(error)} onRetry={() => void refetch()} />;
  if (!item) {
    return (
      <EmptyState title="Not found in your library">
        <p>There is no item with this address in your library. It may have been deleted.</p>
        <Link className="button" to="/library">
          Back to My Library
        </Link>
      </EmptyState>
    );
  }
  return <ItemView item={item} />;
}

function ItemView({ item }: { item: LibraryItemFieldsFragment }) {
  const ready = item.media.status === 'READY';
  return (
    <div className="page library-item" data-testid="library-item" data-item-id={item.id}>
      <p>
        <Link to="/library">← My Library</Link>
      </p>
      <h1>{item.title}</h1>
      <div className="library-item__view">
        <div>
          {item.kind === 'IMAGE' && ready ? (
            <ImageViewer itemId={item.id} title={item.title} />
          ) : (
            <div className="library-item__stage">
              {ready ? (
                <Link className="button button--primary" to={`/library/${encodeURIComponent(item.id)}/watch`}>
                  {item.kind === 'AUDIO' ? 'Listen' : 'Play'}
                </Link>
              ) : (
                <LibraryStatus item={item} />
              )}
            </div>
          )}
          <p className="notice" data-testid="item-facts">
            {KIND_LABEL[item.kind]}
            {item.durationSeconds != null && ` · ${formatClock(item.durationSeconds)}`} · {item.fileName} ·{' '}
            {formatSize(item.sizeBytes)}
          </p>
          <ItemActions item={item} />
        </div>
        <ItemDetailsForm item={item} />
      </div>
    </div>
  );
}

function ItemActions({ item }: { item: LibraryItemFieldsFragment }) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const deletion = useDeleteItems();

  const download = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      // Asked on click: the link lives five minutes.
      const { data } = await client.query({
        query: LibraryItemDownloadQuery,
        variables: { id: item.id },
        fetchPolicy: 'network-only',
      });
      const link = data?.libraryItemDownload;
      if (!link) throw new Error('The server returned no download link.');
      // The storage service answers with `Content-Disposition: attachment`: the page stays, the file is saved.
      window.location.assign(link.url);
    } catch (error) {
      setDownloadError(libraryErrorMessage(error));
    } finally {
      setDownloading(false);
    }
  };

  const confirmDelete = async () => {
    const deleted = await deletion.deleteItems([item.id]);
    if (deleted) await navigate('/library', { replace: true });
  };

  return (
    <div className="actions">
      <button type="button" className="button" onClick={() => void download()} disabled={downloading}>
        {downloading ? 'Preparing the download…' : 'Download original'}
      </button>
      <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
        Delete
      </button>
      {downloadError && (
        <p className="field__error" role="alert">
          {downloadError}
        </p>
      )}
      <DeleteItemsDialog
        open={confirming}
        names={[item.title]}
        busy={deletion.busy}
        error={deletion.error}
        onConfirm={() => void confirmDelete()}
        onClose={() => setConfirming(false)}
      />
    </div>
  );
}
