import type { ApolloClient } from '@apollo/client';
import { deviceId } from '../../lib/device-id';
import { MarkWatchedMutation, RenewPlaybackQuery, SavePositionMutation } from './operations';
import { savableSeconds, type PlaybackTarget } from './playback-target';

export interface CatalogTitle {
  readonly id: string;
  readonly title: string;
  readonly durationSeconds: number;
  readonly posterUrl?: string | null;
}

/** A catalog title: saves with `savePlaybackPosition`, the end with `markWatched`, Back to its title page. */
export function catalogTarget(client: ApolloClient, movie: CatalogTitle): PlaybackTarget {
  return {
    id: movie.id,
    title: movie.title,
    durationSeconds: movie.durationSeconds,
    posterUrl: movie.posterUrl,
    kind: 'video',
    backTo: `/title/${encodeURIComponent(movie.id)}`,
    save: async (positionSeconds, reason, { keepalive }) => {
      const common = { movieId: movie.id, clientTime: new Date().toISOString(), deviceId: deviceId() };
      const context = { fetchOptions: { keepalive } };
      if (reason === 'ended') {
        const result = await client.mutate({
          mutation: MarkWatchedMutation,
          variables: { input: { ...common, watched: true } },
          context,
        });
        return result.data?.markWatched ?? null;
      }
      const result = await client.mutate({
        mutation: SavePositionMutation,
        variables: {
          input: { ...common, positionSeconds: savableSeconds(positionSeconds, movie.durationSeconds) },
        },
        context,
      });
      return result.data?.savePlaybackPosition ?? null;
    },
    renew: async () => {
      const { data } = await client.query({
        query: RenewPlaybackQuery,
        variables: { id: movie.id },
        fetchPolicy: 'network-only',
      });
      if (!data?.playback) throw new Error('The server sent no stream credential.');
      return data.playback;
    },
  };
}
