import { useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router';
import { EmptyState, FullPageSpinner } from '../../components/States';
import { PlayerQuery } from './operations';
import { playbackErrorReason } from './player-errors';
import { PlayerErrorPanel } from './PlayerErrorPanel';
import { PlayerView } from './PlayerView';
import { resumePoint } from './resume-point';
import './player.css';

/** Full-screen player: resumes at the saved position and keeps it saved (see `use-player.ts`). */
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

  if (loading && !data) return <FullPageSpinner label="Loading the player" />;
  const failure = error && !playback ? playbackErrorReason(error) : null;
  // A title that does not exist (any more) is "not found" below, not a stream problem.
  if (failure && failure.reason !== 'deleted') {
    const { reason, detail } = failure;
    return (
      <div className="player player--message">
        <PlayerErrorPanel reason={reason} retryable detail={detail} onRetry={() => void refetch()} />
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
  const resume =
    search.get('from') === 'start' || !saved || saved.watched
      ? { seconds: 0 }
      : resumePoint(saved.positionSeconds, playback.durationSeconds);
  // Keyed by title: the resume point and the video source are read once per title opened, so later
  // cache updates (each save returns the new position) never seek the playhead back or reload the video.
  return (
    <PlayerView
      key={`${movie.id}|${search.get('from') ?? ''}`}
      session={{ movie, source: playback, startAt: resume.seconds }}
      notice={resume.notice}
    />
  );
}
