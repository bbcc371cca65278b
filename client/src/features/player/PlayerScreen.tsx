import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, FullPageSpinner } from '../../components/States';
import { deviceId } from '../../lib/device-id';
import { errorMessage } from '../../lib/errors';
import { formatClock } from '../../lib/format';
import { attachStream, type StreamSource } from './hls-stream';
import { MarkWatchedMutation, PlayerQuery, SavePositionMutation } from './operations';
import { startProgressSaver, type SaveReason } from './progress-saver';
import './player.css';

/** Space/k toggles playback, arrows seek 10 s, Escape goes back. */
const PLAYER_KEYS: Readonly<Record<string, 'toggle' | 'back' | number>> = {
  ' ': 'toggle',
  k: 'toggle',
  ArrowLeft: -10,
  ArrowRight: 10,
  j: -10,
  l: 10,
  Escape: 'back',
};

/** Full-screen player: resumes at the saved position and keeps it saved (see `progress-saver.ts`). */
export default function PlayerScreen() {
  const { movieId = '' } = useParams();
  const [search] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(PlayerQuery, {
    variables: { id: movieId },
    // Stream credentials expire: always ask for a fresh one.
    fetchPolicy: 'network-only',
  });
  const movie = data?.movie;
  const playback = data?.playback;
  const saved = movie?.myPosition;
  const startAt = search.get('from') === 'start' || !saved || saved.watched ? 0 : saved.positionSeconds;

  if (loading && !data) return <FullPageSpinner label="Loading the player" />;
  if (error && !playback) {
    return (
      <div className="player player--message">
        <ErrorState
          title="This title cannot play"
          message={errorMessage(error)}
          onRetry={() => void refetch()}
        />
        <Link className="button" to={`/title/${encodeURIComponent(movieId)}`}>
          Back
        </Link>
      </div>
    );
  }
  if (!movie || !playback) {
    return (
      <EmptyState title="Title not found">
        <Link className="button" to="/">
          Back to Home
        </Link>
      </EmptyState>
    );
  }
  // Keyed by title: the resume point and the video source are read once per title opened, so later
  // cache updates (each save returns the new position) never seek the playhead back or reload the video.
  return (
    <PlayerView
      key={`${movie.id}|${search.get('from') ?? ''}`}
      movie={movie}
      source={playback}
      startAt={startAt}
    />
  );
}

interface PlayerViewProps {
  readonly movie: { readonly id: string; readonly title: string; readonly durationSeconds: number };
  readonly source: StreamSource;
  readonly startAt: number;
}

/**
 * Back returns to where the viewer came from, or to the title's page when the player was opened directly
 * (a shared link, a reload): leaving the app would lose them.
 */
function useBack(movieId: string): () => void {
  const navigate = useNavigate();
  return () => {
    const historyIndex = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (historyIndex > 0) void navigate(-1);
    else void navigate(`/title/${encodeURIComponent(movieId)}`, { replace: true });
  };
}

function PlayerView(props: PlayerViewProps) {
  const back = useBack(props.movie.id);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState('');
  // Captured at mount: a title's session starts at one resume point and one stream credential.
  const [session] = useState(() => ({
    movie: props.movie,
    source: props.source,
    startAt: props.startAt,
  }));
  const [savePosition] = useMutation(SavePositionMutation);
  const [markWatched] = useMutation(MarkWatchedMutation);
  const mutations = useRef({ savePosition, markWatched });
  mutations.current = { savePosition, markWatched };

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const { movie, startAt, source } = session;
    let stopSaver: (() => void) | undefined;
    const attached = new AbortController();

    const save = async (positionSeconds: number, reason: SaveReason) => {
      const common = { movieId: movie.id, clientTime: new Date().toISOString(), deviceId: deviceId() };
      // `keepalive` lets the last save of a closing tab reach the server.
      const context = { fetchOptions: { keepalive: reason === 'leave' || reason === 'hidden' } };
      if (reason === 'ended') {
        await mutations.current.markWatched({ variables: { input: { ...common, watched: true } }, context });
        setStatus('Marked as watched');
        return;
      }
      const seconds = Math.min(Math.floor(positionSeconds), movie.durationSeconds);
      const result = await mutations.current.savePosition({
        variables: { input: { ...common, positionSeconds: seconds } },
        context,
      });
      const winner = result.data?.savePlaybackPosition;
      if (winner) setStatus(`Saved at ${formatClock(winner.positionSeconds)}`);
    };

    const begin = () => {
      if (startAt > 0 && startAt < (video.duration || Infinity)) video.currentTime = startAt;
      stopSaver = startProgressSaver(video, { save, page: document });
      void video.play().catch(() => setStatus('Press play to start'));
    };
    video.addEventListener('loadedmetadata', begin, { once: true });
    void attachStream(video, source, { startAt, onFatalError: setStatus, signal: attached.signal });

    return () => {
      video.removeEventListener('loadedmetadata', begin);
      // The saver's last save (on leave) reads the playhead: detaching the stream first would reset it to 0.
      stopSaver?.();
      attached.abort();
    };
  }, [session]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const video = videoRef.current;
      if (!video || event.altKey || event.ctrlKey || event.metaKey) return;
      // The native controls already handle keys while they have focus.
      if (event.target === video) return;
      const action = PLAYER_KEYS[event.key];
      if (!action) return;
      event.preventDefault();
      if (action === 'back') back();
      else if (action === 'toggle') void (video.paused ? video.play() : Promise.resolve(video.pause()));
      else video.currentTime = Math.max(0, Math.min(video.duration || 0, video.currentTime + action));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [back]);

  const { movie, startAt } = session;
  return (
    <div className="player" data-testid="player">
      <div className="player__bar">
        <button type="button" className="button button--small" onClick={back} aria-label="Back">
          ← Back
        </button>
        <span className="player__title">{movie.title}</span>
        <span className="player__status" role="status" data-testid="player-status">
          {status || (startAt > 0 ? `Resuming from ${formatClock(startAt)}` : '')}
        </span>
      </div>
      <video
        ref={videoRef}
        controls
        playsInline
        preload="metadata"
        aria-label={`${movie.title} video`}
        data-testid="video"
      />
    </div>
  );
}
