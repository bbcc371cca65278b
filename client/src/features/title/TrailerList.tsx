import { useLazyQuery } from '@apollo/client/react';
import { errorMessage } from '../../lib/errors';
import { formatRuntime } from '../../lib/format';
import { TrailerUrlQuery } from './operations';

interface TrailerItem {
  readonly id: string;
  readonly title: string;
  readonly durationSeconds: number;
  readonly video?: { readonly contentType: string } | null;
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

/** Asks for a (short-lived) playback URL only when the viewer chooses to play the trailer. */
function TrailerPlayer({ movieId, trailer }: { movieId: string; trailer: TrailerItem }) {
  const [load, { data, loading, error }] = useLazyQuery(TrailerUrlQuery, { fetchPolicy: 'network-only' });
  const url = data?.playbackUrl.url;
  return (
    <>
      {url ? (
        <video src={url} controls autoPlay playsInline aria-label={`${trailer.title} trailer`} />
      ) : (
        <button
          type="button"
          className="button button--ghost"
          style={{ width: '100%', aspectRatio: '16 / 9', justifyContent: 'center' }}
          disabled={!trailer.video || loading}
          onClick={() => void load({ variables: { movieId, trailerId: trailer.id } }).catch(() => undefined)}
          aria-label={`Play trailer: ${trailer.title}`}
        >
          {trailer.video ? (loading ? 'Loading…' : '▶ Play trailer') : 'Video not uploaded yet'}
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
