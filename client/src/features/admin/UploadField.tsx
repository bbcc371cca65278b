import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState, type ChangeEvent } from 'react';
import { UploadMeter } from '../../components/UploadMeter';
import type { AdminMediaFileFragment, MediaKind } from '../../gql/graphql';
import { describeContent } from '../../lib/media-reason';
import { putToPresignedUrl, uploadHeaders } from '../../lib/upload';
import { formatBytes } from '../../lib/upload-rate';
import { useUpload } from '../../lib/use-upload';
import { RequestUploadUrlMutation } from './operations';
import { ProcessingStatus } from './ProcessingStatus';

const ACCEPT: Readonly<Record<MediaKind, string>> = {
  VIDEO: 'video/mp4,video/quicktime',
  TRAILER_VIDEO: 'video/mp4,video/quicktime',
  POSTER: 'image/jpeg,image/png,image/webp',
  BACKDROP: 'image/jpeg,image/png,image/webp',
};

/** `RequestUploadUrlInput.sizeBytes` in schema.graphql: videos up to 5 GiB (one S3 PUT), images up to 10 MiB. */
const MAX_BYTES: Readonly<Record<MediaKind, number>> = {
  VIDEO: 5 * 1_073_741_824,
  TRAILER_VIDEO: 5 * 1_073_741_824,
  POSTER: 10 * 1_048_576,
  BACKDROP: 10 * 1_048_576,
};

/** The file this page sent last, and what its content looks like, so a FAILED status about it can say so. */
interface SentFile {
  readonly uploadId: string;
  /** Sniffed from the file's first bytes while it uploads (`describeContent`). */
  readonly looksLike: Promise<string | undefined>;
}

/**
 * Picks a file, asks the API for a presigned PUT URL (the server chooses the key and checks type and size),
 * sends it with real progress (bytes, %, speed, time left; cancellable), then shows the pipeline's status
 * for it as `media` changes (the screen follows `onMediaStatusChanged`). `current` is what viewers get now.
 */
export function UploadField({
  label,
  kind,
  movieId,
  trailerId,
  current,
  media,
  hasPrevious,
}: {
  label: string;
  kind: MediaKind;
  movieId: string;
  trailerId?: string;
  current?: React.ReactNode;
  media?: AdminMediaFileFragment | null;
  hasPrevious: boolean;
}) {
  const client = useApolloClient();
  const { state, run, cancel, refuse } = useUpload();
  const [sent, setSent] = useState<SentFile | null>(null);
  const looksLike = useContentDescription(media, sent);
  const inputId = `upload-${kind}-${trailerId ?? movieId}`;

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_BYTES[kind]) {
      refuse(
        `${file.name} is ${formatBytes(file.size)}; the largest accepted is ${formatBytes(MAX_BYTES[kind])}.`,
      );
      return;
    }
    const sentFile = await run(file.name, async ({ onProgress, signal }) => {
      const contentType = file.type || ACCEPT[kind].split(',')[0] || 'application/octet-stream';
      const { data } = await client.mutate({
        mutation: RequestUploadUrlMutation,
        variables: { input: { movieId, kind, trailerId, contentType, sizeBytes: file.size } },
      });
      const target = data?.requestUploadUrl;
      if (!target) throw new Error('The server returned no upload URL.');
      if (file.size > target.maxBytes) {
        throw new Error(`${file.name} is larger than the ${formatBytes(target.maxBytes)} allowed.`);
      }
      setSent({ uploadId: target.uploadId, looksLike: describeContent(file).catch(() => undefined) });
      await putToPresignedUrl(
        target.url,
        file,
        contentType,
        onProgress,
        signal,
        uploadHeaders(target.headers),
      );
      // The new upload's MediaFile (UPLOADED, then the pipeline's changes pushed to the screen).
      await client.refetchQueries({ include: ['AdminMovie'] });
    });
    if (!sentFile) setSent(null);
  };

  const showsStatus = media && state.phase !== 'uploading' && state.phase !== 'failed';
  return (
    <div className="upload field" data-testid={`upload-${kind}`}>
      <label htmlFor={inputId}>{label}</label>
      {current}
      <input
        id={inputId}
        type="file"
        accept={ACCEPT[kind]}
        onChange={(event) => void upload(event)}
        disabled={state.phase === 'uploading'}
      />
      {(state.phase === 'uploading' || state.phase === 'done') && (
        <UploadMeter
          label={label}
          samples={state.samples}
          onCancel={state.phase === 'uploading' ? cancel : undefined}
        />
      )}
      {state.phase === 'done' && (
        <span className="notice" role="status">
          Uploaded {state.name}.
        </span>
      )}
      {state.phase === 'failed' && (
        <span className="field__error" role="alert">
          {state.message}
        </span>
      )}
      {showsStatus && <ProcessingStatus media={media} looksLike={looksLike} keepsPrevious={hasPrevious} />}
    </div>
  );
}

/** When the file this page sent is FAILED, what its content looks like. */
function useContentDescription(
  media: AdminMediaFileFragment | null | undefined,
  sent: SentFile | null,
): string | undefined {
  const [described, setDescribed] = useState<{ uploadId: string; looksLike?: string } | null>(null);
  const failedUpload = media?.status === 'FAILED' && sent?.uploadId === media.uploadId ? sent : null;
  useEffect(() => {
    if (!failedUpload) return;
    let current = true;
    void failedUpload.looksLike.then(
      (looksLike) => current && setDescribed({ uploadId: failedUpload.uploadId, looksLike }),
    );
    return () => {
      current = false;
    };
  }, [failedUpload]);
  return described && described.uploadId === media?.uploadId ? described.looksLike : undefined;
}
