import type { LibraryItemFieldsFragment } from '../../gql/graphql';
import { plainReason } from '../../lib/media-reason';

/**
 * Where an item is in processing, in plain words: Uploaded → Processing (parts encoded, as a bar, for a
 * video) → Ready, or Failed with the pipeline's reason (`media-reason.ts`).
 */
export function LibraryStatus({
  item,
  compact = false,
}: {
  item: LibraryItemFieldsFragment;
  compact?: boolean;
}) {
  const { media } = item;
  return (
    <div
      className={`library-status library-status--${media.status.toLowerCase()}`}
      data-testid="library-status"
      data-status={media.status}
      aria-live="polite"
    >
      <StatusLine item={item} compact={compact} />
    </div>
  );
}

function StatusLine({ item, compact }: { item: LibraryItemFieldsFragment; compact: boolean }) {
  const { media } = item;
  switch (media.status) {
    case 'UPLOADED':
      return <p>Uploaded: waiting to be processed…</p>;
    case 'PROCESSING':
      return media.chunksTotal > 0 ? (
        <>
          <p>
            Processing: {media.chunksDone} of {media.chunksTotal} parts encoded
          </p>
          <progress
            value={media.chunksDone}
            max={media.chunksTotal}
            aria-label={`${item.title} processing progress`}
          />
        </>
      ) : (
        <>
          <p>Processing: {item.kind === 'IMAGE' ? 'making its sizes' : 'checking the file'}…</p>
          <progress aria-label={`${item.title} processing progress`} />
        </>
      );
    case 'READY':
      return compact ? null : <p>Ready</p>;
    case 'FAILED':
      return (
        <p className="field__error" data-testid="library-failure">
          Failed: {plainReason(media.reason)}
        </p>
      );
  }
}
