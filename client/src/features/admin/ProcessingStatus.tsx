import type { AdminMediaFileFragment } from '../../gql/graphql';
import { plainReason } from '../../lib/media-reason';

/**
 * Where an uploaded file is in the pipeline: Uploaded → Processing (chunks done of total) → Ready, or Failed
 * with the reason in plain words. `keepsPrevious` says viewers still get the earlier version meanwhile.
 */
export function ProcessingStatus({
  media,
  looksLike,
  keepsPrevious,
}: {
  media: AdminMediaFileFragment;
  looksLike?: string;
  keepsPrevious: boolean;
}) {
  return (
    <div
      className={`processing processing--${media.status.toLowerCase()}`}
      aria-live="polite"
      data-testid="processing-status"
      data-status={media.status}
      data-upload-id={media.uploadId}
    >
      <StatusLine media={media} looksLike={looksLike} />
      {keepsPrevious && media.status !== 'READY' && (
        <p className="notice">Viewers keep getting the previous version until this one is ready.</p>
      )}
    </div>
  );
}

function StatusLine({ media, looksLike }: { media: AdminMediaFileFragment; looksLike?: string }) {
  switch (media.status) {
    case 'UPLOADED':
      return <p>Uploaded: waiting for processing to start.</p>;
    case 'PROCESSING':
      return media.chunksTotal > 0 ? (
        <>
          <p>
            Processing: {media.chunksDone} of {media.chunksTotal} parts encoded.
          </p>
          <progress value={media.chunksDone} max={media.chunksTotal} aria-label="Processing progress" />
        </>
      ) : (
        <>
          <p>Processing: checking the file…</p>
          <progress aria-label="Processing progress" />
        </>
      );
    case 'READY':
      return <p>Ready: viewers now get this version.</p>;
    case 'FAILED':
      return (
        <p className="field__error" data-testid="processing-reason">
          Failed: {plainReason(media.reason, looksLike)}
        </p>
      );
  }
}
