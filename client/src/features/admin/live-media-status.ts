import type { ApolloCache } from '@apollo/client';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import type { AdminMediaFileFragment, MediaKind } from '../../gql/graphql';
import { MediaStatusChangedSubscription } from './operations';

const MOVIE_FIELD: Readonly<Record<Exclude<MediaKind, 'TRAILER_VIDEO'>, string>> = {
  VIDEO: 'video',
  POSTER: 'poster',
  BACKDROP: 'backdrop',
};

/**
 * Follows one title's media processing live (`onMediaStatusChanged`, pushed by the pipeline: no polling).
 * Each change replaces the cached `MediaFile` of the title or trailer it is about, so every upload field on the
 * screen shows it at once; the title is then read again (a READY change also changed its stream or image).
 */
export function useLiveMediaStatus(movieId: string): void {
  const client = useApolloClient();
  useSubscription(MediaStatusChangedSubscription, {
    variables: { movieId },
    onData: ({ data }) => {
      const change = data.data?.onMediaStatusChanged;
      if (!change || change.movieId !== movieId) return;
      const owner = change.trailerId
        ? client.cache.identify({ __typename: 'Trailer', id: change.trailerId })
        : client.cache.identify({ __typename: 'Movie', id: change.movieId });
      const field = change.kind === 'TRAILER_VIDEO' ? 'video' : MOVIE_FIELD[change.kind];
      if (owner) replaceMediaFile(client.cache, owner, field, change.media);
      // The pushed change shows at once; the title is read again after it, because a READY change also
      // changed the stream or image, and a change pushed while the screen's own read was in flight would
      // otherwise be overwritten by that older answer.
      void client.refetchQueries({ include: ['AdminMovie'] });
    },
  });
}

/** Replaces the cached file unless the cache already holds a newer upload (a late event of an older one). */
function replaceMediaFile(
  cache: ApolloCache,
  owner: string,
  field: string,
  media: AdminMediaFileFragment,
): void {
  cache.modify({
    id: owner,
    fields: {
      [field]: (current: unknown) => (isNewerUpload(current, media) ? current : media),
    },
  });
}

function isNewerUpload(current: unknown, incoming: AdminMediaFileFragment): boolean {
  if (typeof current !== 'object' || current === null) return false;
  const cached = current as Partial<AdminMediaFileFragment>;
  return (
    cached.uploadId !== incoming.uploadId &&
    typeof cached.updatedAt === 'string' &&
    cached.updatedAt > incoming.updatedAt
  );
}
