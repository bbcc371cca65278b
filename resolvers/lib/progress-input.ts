import { util } from '@aws-appsync/utils';
import { badRequest } from './errors';
import { requireId } from './validate';
import type { PlaybackProgressStash } from './stash';

/** A save may claim a device time at most this far ahead of the server's clock. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

export interface ProgressInputBase {
  movieId: string;
  clientTime: string;
  deviceId?: string | null;
}

/**
 * The device clock time of a progress change, in epoch milliseconds: it orders saves from several devices, so a
 * clock far ahead (which would make every later save lose) is refused.
 */
export function requireClientTime(clientTime: string): number {
  const clientTimeMs = util.time.parseISO8601ToEpochMilliSeconds(clientTime);
  if (clientTimeMs > util.time.nowEpochMilliSeconds() + MAX_CLOCK_AHEAD_MS) {
    badRequest('clientTime is more than 5 minutes ahead of the server clock; check the device clock.');
  }
  return clientTimeMs;
}

/** Validates the parts every progress change shares and puts them in the stash for `writeProgress`. */
export function stashProgressInput(stash: PlaybackProgressStash, input: ProgressInputBase): void {
  const movieId = requireId(input.movieId, 'movieId');
  const clientTimeMs = requireClientTime(input.clientTime);
  const deviceId = input.deviceId ?? '';
  if (deviceId.length > 64) badRequest('deviceId must be at most 64 characters.');
  stash.movieId = movieId;
  stash.clientTime = util.time.epochMilliSecondsToISO8601(clientTimeMs);
  stash.clientTimeMs = clientTimeMs;
  stash.deviceId = deviceId;
  stash.catalogKey = { pk: `MOVIE#${movieId}`, sk: 'MOVIE' };
  stash.notFoundMessage = `No title with id ${movieId}.`;
}
