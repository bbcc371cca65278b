import { useApolloClient, useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router';
import { EmptyState, FullPageSpinner } from '../../components/States';
import { libraryTarget } from './library-target';
import { LibraryPlayerQuery } from './operations';
import { playbackErrorReason } from './player-errors';
import { PlayerLoadFailure } from './PlayerLoadFailure';
import { PlayerView } from './PlayerView';
import { sessionStart } from './resume-point';
import './player.css';

/** The player for one of the viewer's library videos or sounds: resumes where they stopped, keeps it saved. */
export default function LibraryPlayerScreen() {
  const { itemId = '' } = useParams();
  const [search] = useSearchParams();
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(LibraryPlayerQuery, {
    variables: { id: itemId },
    // Stream credentials expire: always ask for a fresh one.
    fetchPolicy: 'network-only',
  });
  const item = data?.libraryItem;
  const playback = data?.libraryPlayback;
  const itemPage = `/library/${encodeURIComponent(itemId)}`;

  if (loading && !data) return <FullPageSpinner label="Loading the player" />;
  const failure = error && !playback ? playbackErrorReason(error) : null;
  // Another viewer's item (or one deleted) is "not found" below, not a stream problem.
  if (failure && failure.reason !== 'deleted') {
    return <PlayerLoadFailure {...failure} onRetry={() => void refetch()} backTo={itemPage} />;
  }
  if (!item || !playback) {
    return (
      <EmptyState title="Item not found">
        <p>It is not in your library: it may have been deleted.</p>
        <Link className="button" to="/library">
          Back to My Library
        </Link>
      </EmptyState>
    );
  }
  const durationSeconds = playback.durationSeconds;
  const resume = sessionStart(item.position, durationSeconds, search.get('from') === 'start');
  // Keyed by item: the resume point and the stream are read once per item opened (see PlayerScreen).
  return (
    <PlayerView
      key={`${item.id}|${search.get('from') ?? ''}`}
      session={{
        target: libraryTarget(client, { ...item, durationSeconds }),
        source: playback,
        startAt: resume.seconds,
      }}
      notice={resume.notice}
    />
  );
}
