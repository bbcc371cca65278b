import { useApolloClient, useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router';
import { EmptyState, FullPageSpinner } from '../../components/States';
import { catalogTarget } from './catalog-target';
import { PlayerQuery } from './operations';
import { playbackErrorReason } from './player-errors';
import { PlayerLoadFailure } from './PlayerLoadFailure';
import { PlayerView } from './PlayerView';
import { sessionStart } from './resume-point';
import './player.css';

/** Full-screen player: resumes at the saved position and keeps it saved (see `use-player.ts`). */
export default function PlayerScreen() {
  const { movieId = '' } = useParams();
  const [search] = useSearchParams();
  const client = useApolloClient();
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
    return (
      <PlayerLoadFailure
        {...failure}
        onRetry={() => void refetch()}
        backTo={`/title/${encodeURIComponent(movieId)}`}
      />
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
  const resume = sessionStart(saved, playback.durationSeconds, search.get('from') === 'start');
  // Keyed by title: the resume point and the video source are read once per title opened, so later
  // cache updates (each save returns the new position) never seek the playhead back or reload the video.
  return (
    <PlayerView
      key={`${movie.id}|${search.get('from') ?? ''}`}
      session={{ target: catalogTarget(client, movie), source: playback, startAt: resume.seconds }}
      notice={resume.notice}
    />
  );
}
