import { useMutation } from '@apollo/client/react';
import type { PositionFieldsFragment } from '../../gql/graphql';
import { deviceId } from '../../lib/device-id';
import { errorMessage } from '../../lib/errors';
import { linkPositionToTitle } from '../../lib/position-cache';
import { RemoveFromContinueWatchingMutation, SetWatchedMutation } from './operations';

type WatchState = Pick<PositionFieldsFragment, 'positionSeconds' | 'watched' | 'hiddenFromContinueWatching'>;

/**
 * Mark as watched / unwatched, and Remove from Continue Watching while the title is in it. Continue Watching
 * refreshes from the server after each change.
 */
export function WatchStateButtons({ movieId, position }: { movieId: string; position: WatchState | null }) {
  const options = {
    refetchQueries: ['ContinueWatching'],
    update: (cache: Parameters<typeof linkPositionToTitle>[0]) => linkPositionToTitle(cache, movieId),
  };
  const [setWatched, settingWatched] = useMutation(SetWatchedMutation, options);
  const [removeFromRow, removing] = useMutation(RemoveFromContinueWatchingMutation, options);
  const watched = position?.watched ?? false;
  const inContinueWatching =
    !!position && !position.watched && !position.hiddenFromContinueWatching && position.positionSeconds > 0;
  const error = settingWatched.error ?? removing.error;

  const toggleWatched = () =>
    setWatched({
      variables: {
        input: { movieId, watched: !watched, clientTime: new Date().toISOString(), deviceId: deviceId() },
      },
    }).catch(() => undefined);

  return (
    <>
      <button
        type="button"
        className="button"
        aria-pressed={watched}
        disabled={settingWatched.loading}
        onClick={() => void toggleWatched()}
        data-testid="watched-toggle"
      >
        {watched ? 'Mark as unwatched' : '✓ Mark as watched'}
      </button>
      {inContinueWatching && (
        <button
          type="button"
          className="button button--ghost"
          disabled={removing.loading}
          onClick={() => void removeFromRow({ variables: { movieId } }).catch(() => undefined)}
          data-testid="remove-from-continue-watching"
        >
          Remove from Continue Watching
        </button>
      )}
      {error && (
        <span className="field__error" role="alert">
          {errorMessage(error)}
        </span>
      )}
    </>
  );
}
