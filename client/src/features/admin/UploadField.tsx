import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { AdminMediaFileFragment, MediaKind } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { putToPresignedUrl, UploadFailure, type UploadProgress } from '../../lib/upload';
import { describeContent } from './media-reason';
import { RequestUploadUrlMutation } from './operations';
import { ProcessingStatus } from './ProcessingStatus';
import { addSample, describeRate, formatBytes, uploadRate } from './upload-rate';

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

type UploadState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'uploading'; readonly name: string; readonly samples: readonly UploadProgress[] }
  | { readonly phase: 'done'; readonly name: string; readonly samples: readonly UploadProgress[] }
  | { readonly phase: 'failed'; readonly message: string };

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
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const [sent, setSent] = useState<SentFile | null>(null);
  const looksLike = useContentDescription(media, sent);
  const cancel = useRef<AbortController | null>(null);
  const inputId = `upload-${kind}-${trailerId ?? movieId}`;

  useEffect(() => () => cancel.current?.abort(), []);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_BYTES[kind]) {
      setState({
        phase: 'failed',
        message: `${file.name} is ${formatBytes(file.size)}; the largest accepted is ${formatBytes(MAX_BYTES[kind])}.`,
      });
      return;
    }
    const controller = new AbortController();
    cancel.current = controller;
    setState({ phase: 'uploading', name: file.name, samples: [] });
    try {
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
        (progress) => {
          setState((previous) =>
            previous.phase === 'uploading'
              ? { ...previous, samples: addSample(previous.samples, progress) }
              : previous,
          );
        },
        controller.signal,
        uploadHeaders(target.headers),
      );
      setState((previous) =>
        previous.phase === 'uploading'
          ? { phase: 'done', name: file.name, samples: previous.samples }
          : previous,
      );
      // The new upload's MediaFile (UPLOADED, then the pipeline's changes pushed to the screen).
      await client.refetchQueries({ include: ['AdminMovie'] });
    } catch (error) {
      setSent(null);
      setState({ phase: 'failed', message: uploadErrorMessage(error) });
    } finally {
      if (cancel.current === controller) cancel.current = null;
    }
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
          cancel={state.phase === 'uploading' ? cancel : null}
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

function UploadMeter({
  label,
  samples,
  cancel,
}: {
  label: string;
  samples: readonly UploadProgress[];
  cancel: React.RefObject<AbortController | null> | null;
}) {
  const rate = uploadRate(samples);
  return (
    <div className="upload__meter">
      <progress value={rate.loaded} max={rate.total || 1} aria-label={`${label} upload progress`} />
      <span className="notice" data-testid="upload-progress">
        {samples.length === 0 ? 'Starting the upload…' : describeRate(rate)}
      </span>
      {cancel && (
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => cancel.current?.abort()}
        >
          Cancel upload
        </button>
      )}
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

function uploadErrorMessage(error: unknown): string {
  if (error instanceof UploadFailure) return error.message;
  return errorMessage(error);
}

/** `UploadTarget.headers` is AWSJSON (a JSON object as a string); content-type is set by the uploader. */
function uploadHeaders(json: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value === 'string' && name.toLowerCase() !== 'content-type') headers[name] = value;
  }
  return headers;
}
