import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useSyncExternalStore } from 'react';
import type { PositionFieldsFragment } from '../../gql/graphql';
import { deviceId } from '../../lib/device-id';
import { linkPositionToTitle } from '../../lib/position-cache';
import { PositionChangedSubscription } from './operations';

/** The latest position another device of this viewer saved (null until one arrives, or once dismissed). */
let remote: PositionFieldsFragment | null = null;
const listeners = new Set<() => void>();

function publish(next: PositionFieldsFragment | null) {
  remote = next;
  for (const listener of listeners) listener();
}

export function useRemotePosition(): [PositionFieldsFragment | null, () => void] {
  const value = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => remote,
  );
  return [value, () => publish(null)];
}

/**
 * Listens for this viewer's position changes (the server filters on the caller's identity). Each change
 * updates the cached title, so progress bars and Resume buttons follow live; changes from other devices
 * are also offered as a "resume from" banner.
 */
export function usePlaybackSync(): void {
  const client = useApolloClient();
  useSubscription(PositionChangedSubscription, {
    onData: ({ data }) => {
      const position = data.data?.onMyPlaybackPositionChanged;
      if (!position) return;
      linkPositionToTitle(client.cache, position.movieId);
      void client.refetchQueries({ include: ['ContinueWatching'] });
      if (position.deviceId !== deviceId() && !position.watched && position.positionSeconds > 0) {
        publish(position);
      }
    },
  });
}
