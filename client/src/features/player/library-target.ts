import type { ApolloClient } from '@apollo/client';
import { RenewLibraryPlaybackQuery, SaveLibraryPositionMutation } from './operations';
import { savableSeconds, type PlaybackTarget } from './playback-target';

export interface LibraryMedia {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly durationSeconds: number;
}

/**
 * One of the viewer's library videos or sounds: saves with `saveLibraryItemPosition` (the end is a save at the
 * end, which the API marks watched), Back to the item's page.
 */
export function libraryTarget(client: ApolloClient, item: LibraryMedia): PlaybackTarget {
  return {
    id: item.id,
    title: item.title,
    durationSeconds: item.durationSeconds,
    kind: item.kind === 'AUDIO' ? 'audio' : 'video',
    backTo: `/library/${encodeURIComponent(item.id)}`,
    save: async (positionSeconds, _reason, { keepalive }) => {
      const result = await client.mutate({
        mutation: SaveLibraryPositionMutation,
        variables: {
          input: {
            itemId: item.id,
            positionSeconds: savableSeconds(positionSeconds, item.durationSeconds),
            clientTime: new Date().toISOString(),
          },
        },
        context: { fetchOptions: { keepalive } },
      });
      const winner = result.data?.saveLibraryItemPosition ?? null;
      // The position has no id of its own: put it on the cached item, so the item page shows where it stopped.
      if (winner) {
        client.cache.modify({
          id: client.cache.identify({ __typename: 'LibraryItem', id: item.id }),
          fields: { position: () => winner },
        });
      }
      return winner;
    },
    renew: async () => {
      const { data } = await client.query({
        query: RenewLibraryPlaybackQuery,
        variables: { id: item.id },
        fetchPolicy: 'network-only',
      });
      if (!data?.libraryPlayback) throw new Error('The server sent no stream credential.');
      return data.libraryPlayback;
    },
  };
}
