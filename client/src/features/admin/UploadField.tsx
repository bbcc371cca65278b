import { useApolloClient } from '@apollo/client/react';
import { useState, type ChangeEvent } from 'react';
import type { MediaKind } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { putToPresignedUrl } from '../../lib/upload';
import { RequestUploadUrlMutation } from './operations';

const ACCEPT: Readonly<Record<MediaKind, string>> = {
  VIDEO: 'video/mp4',
  TRAILER_VIDEO: 'video/mp4',
  POSTER: 'image/jpeg,image/png,image/webp',
  BACKDROP: 'image/jpeg,image/png,image/webp',
};

type UploadState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'uploading'; readonly loaded: number; readonly total: number }
  | { readonly phase: 'done'; readonly name: string }
  | { readonly phase: 'failed'; readonly message: string };

/**
 * Picks a file, asks the API for a presigned PUT URL (the server chooses the key and checks type and size),
 * uploads with a progress bar, then refreshes the title so the new image or video shows.
 */
export function UploadField({
  label,
  kind,
  movieId,
  trailerId,
  current,
}: {
  label: string;
  kind: MediaKind;
  movieId: string;
  trailerId?: string;
  current?: React.ReactNode;
}) {
  const client = useApolloClient();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const inputId = `upload-${kind}-${trailerId ?? movieId}`;

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setState({ phase: 'uploading', loaded: 0, total: file.size });
    try {
      const contentType = file.type || ACCEPT[kind].split(',')[0] || 'application/octet-stream';
      const { data } = await client.mutate({
        mutation: RequestUploadUrlMutation,
        variables: { input: { movieId, kind, trailerId, contentType, sizeBytes: file.size } },
      });
      const target = data?.requestUploadUrl;
      if (!target) throw new Error('The server returned no upload URL.');
      if (file.size > target.maxBytes) throw new Error(`The file is larger than ${target.maxBytes} bytes.`);
      await putToPresignedUrl(
        target.url,
        file,
        contentType,
        (progress) => {
          setState({ phase: 'uploading', loaded: progress.loaded, total: progress.total });
        },
        undefined,
        uploadHeaders(target.headers),
      );
      await client.refetchQueries({ include: ['AdminMovie', 'AdminMovies', 'Title'] });
      setState({ phase: 'done', name: file.name });
    } catch (error) {
      setState({ phase: 'failed', message: errorMessage(error) });
    }
  };

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
      {state.phase === 'uploading' && (
        <progress value={state.loaded} max={state.total || 1} aria-label={`${label} upload progress`} />
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
    </div>
  );
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
