import { CombinedGraphQLErrors } from '@apollo/client';
import { errorMessage } from '../../lib/errors';
import type { PlayerErrorReason } from './player-machine';

/** What the error panel says for each reason, in plain words. */
export const PLAYER_ERROR_MESSAGES: Readonly<Record<PlayerErrorReason, { title: string; message: string }>> =
  {
    'no-stream': {
      title: 'This title is not ready to play',
      message: 'Its video is missing or could not be processed. Try again later.',
    },
    network: {
      title: 'The video stopped loading',
      message: 'Part of the video could not be downloaded. Check your connection and try again.',
    },
    expired: {
      title: 'Your viewing pass ran out',
      message: 'The player could not renew its permission to stream this title.',
    },
    deleted: {
      title: 'This title is no longer available',
      message: 'It was removed from the catalog while you were watching. Your place was saved.',
    },
    media: {
      title: 'The video cannot be played',
      message: 'Your browser could not decode this video.',
    },
    unsupported: {
      title: 'This browser cannot play the video',
      message:
        'It supports neither Media Source Extensions nor HLS. Try a current Chrome, Firefox, Edge or Safari.',
    },
  };

/** errorType values of `Query.playback` (docs/api.md, "Playback"). */
const REASON_BY_ERROR_TYPE: Readonly<Record<string, PlayerErrorReason>> = {
  NotFound: 'deleted',
  MediaNotReady: 'no-stream',
};

/** The player's reason for a failed `playback` request, with the server's message as the detail. */
export function playbackErrorReason(error: unknown): { reason: PlayerErrorReason; detail?: string } {
  if (CombinedGraphQLErrors.is(error)) {
    for (const entry of error.errors) {
      const errorType = (entry as { errorType?: unknown }).errorType ?? entry.extensions?.errorType;
      const reason = typeof errorType === 'string' ? REASON_BY_ERROR_TYPE[errorType] : undefined;
      if (reason) return { reason, detail: entry.message };
    }
  }
  return { reason: 'network', detail: errorMessage(error) };
}
