import { useLazyQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { attachStream, type StreamSource } from '../player/hls-stream';
import { mediaStatusText, type MediaStatusView } from './media-status';
import { errorMessage } from '../../lib/errors';
import { formatRuntime } from '../../lib/format';
import { TrailerUrlQuery } from './operations';

interface TrailerItem {
  readonly id: string;
  readonly title: string;
  readonly durationSeconds: number;
  readonly video?: MediaStatusView | null;
  readonly stream?: { readonly durationSeconds: number } | null;
}

export function TrailerList({ movieId, trailers }: { movieId: string; trailers: readonly TrailerItem[] }) {
  if (trailers.length === 0) return <p className="notice">No trailers yet.</p>;
  return (
    <ul className="trailers">
      {trailers.map((trailer) => (
        <li key={trailer.id} className="trailer">
          <TrailerPlayer movieId={movieId} trailer={trailer} />
        </li>
      ))}
    </ul>
  );
}

/** The trailer's HLS stream, playing as soon as it is attached. */
function TrailerVideo({ source, title }: { source: StreamSource; title: string }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const attached = new AbortController();
    void attachStream(video, source, {
      startAt: 0,
      onFailure: (_failure, detail) => setProblem(`The stream stopped (${detail}).`),
      signal: attached.signal,
    });
    return () => attached.abort();
  }, [source]);
  return (
    <>
      <video ref={videoRef} controls autoPlay playsInline aria-label={`${title} trailer`} />
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

/** Asks for a (short-lived) stream credential only when the viewer chooses to play the trailer. */
function TrailerPlayer({ movieId, trailer }: { movieId: string; trailer: TrailerItem }) {
  const [load, { data, loading, error }] = useLazyQuery(TrailerUrlQuery, { fetchPolicy: 'network-only' });
  const source = data?.playback;
  return (
    <>
      {source ? (
        <TrailerVideo source={source} title={trailer.title} />
      ) : (
        <button
          type="button"
          className="button button--ghost"
          style={{ width: '100%', aspectRatio: '16 / 9', justifyContent: 'center' }}
          disabled={!trailer.stream || loading}
          onClick={() => void load({ variables: { movieId, trailerId: trailer.id } }).catch(() => undefined)}
          aria-label={`Play trailer: ${trailer.title}`}
        >
          {trailer.stream ? (loading ? 'Loading…' : '▶ Play trailer') : mediaStatusText(trailer.video)}
        </button>
      )}
      <div className="trailer__title">
        {trailer.title} <span className="notice">· {formatRuntime(trailer.durationSeconds)}</span>
        {error && (
          <p className="field__error" role="alert">
            {errorMessage(error)}
          </p>
        )}
      </div>
    </>
  );
}
