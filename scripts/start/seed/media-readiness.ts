import { pollInBackground, type BackgroundPoll } from './background-poll';
import type { CatalogSeeder, MediaTally } from './seed-catalog';

/** How often the catalog's media states are read while files are still being processed. */
const POLL_INTERVAL_MS = 3000;

/**
 * Reads the catalog's media states through the API every few seconds until every uploaded file is READY or
 * FAILED, and gives that final tally: on a machine's first start the seed's sources are encoded in the
 * background, and the person waiting (or a benchmark) wants to know when every title plays.
 */
export function watchMediaReadiness(
  seeder: Pick<CatalogSeeder, 'mediaTally'>,
  onReadError: (error: unknown) => void,
): BackgroundPoll<MediaTally> {
  return pollInBackground(
    async () => {
      const tally = await seeder.mediaTally();
      return tally.pending === 0 ? tally : undefined;
    },
    POLL_INTERVAL_MS,
    onReadError,
  );
}
