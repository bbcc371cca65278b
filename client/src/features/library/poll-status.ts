import { useApolloClient } from '@apollo/client/react';
import { useEffect } from 'react';
import type { MediaStatus } from '../../gql/graphql';
import { LibraryItemQuery } from './operations';

/** First check a second after the item is seen unsettled, then each wait half as long again, at most 15 s. */
const FIRST_DELAY_MS = 1_000;
const GROWTH = 1.5;
const MAX_DELAY_MS = 15_000;

/** True while the pipeline still has work to do on the item (there is no library status subscription). */
export function isUnsettled(status: MediaStatus | null | undefined): boolean {
  return status === 'UPLOADED' || status === 'PROCESSING';
}

/** How long to wait before check number `attempt` (0-based): it grows, so a long encode is not hammered. */
export function pollDelay(attempt: number): number {
  return Math.min(MAX_DELAY_MS, Math.round(FIRST_DELAY_MS * GROWTH ** attempt));
}

/**
 * Reads `libraryItem(id)` again, with a growing interval, while its status is UPLOADED or PROCESSING. Each
 * answer goes into the cache (every card and page showing the item updates); it stops once the status is
 * READY or FAILED, when the item is gone (null), and when the component unmounts.
 */
export function useStatusPolling(id: string, status: MediaStatus | null | undefined): void {
  const client = useApolloClient();
  const polling = isUnsettled(status);
  useEffect(() => {
    if (!polling) return;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const check = async () => {
      try {
        const { data } = await client.query({
          query: LibraryItemQuery,
          variables: { id },
          fetchPolicy: 'network-only',
        });
        if (stopped || !data?.libraryItem || !isUnsettled(data.libraryItem.media.status)) return;
      } catch {
        // A failed check (offline, a slow API) is retried on the same schedule.
        if (stopped) return;
      }
      attempt += 1;
      timer = setTimeout(() => void check(), pollDelay(attempt));
    };
    timer = setTimeout(() => void check(), pollDelay(attempt));
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [client, id, polling]);
}
