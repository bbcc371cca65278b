/**
 * The player's state, as a pure reducer over what the media element and hls.js report. The UI shows the
 * spinner, the controls and the error panel from it; it never reads the video element's flags directly, so a
 * stray event (a `pause` fired while a stream is detached, a `waiting` after the end) cannot put the controls
 * in a state the viewer does not see.
 */

/** Why playback stopped, in terms the viewer can act on. */
export type PlayerErrorReason =
  /** The title has no READY stream (never uploaded, still processing, or processing failed). */
  | 'no-stream'
  /** Segments or playlists could not be fetched (after hls.js's own retries and a credential refresh). */
  | 'network'
  /** The stream credential was refused and could not be renewed. */
  | 'expired'
  /** The title was deleted while it was playing. */
  | 'deleted'
  /** The browser could not decode the media. */
  | 'media'
  /** This browser plays neither MSE nor native HLS. */
  | 'unsupported';

export type PlayerState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'playing' }
  | { readonly kind: 'paused' }
  /** Waiting for data; `resume` is where it goes once data arrives (a paused seek stays paused). */
  | { readonly kind: 'buffering'; readonly resume: 'playing' | 'paused' }
  | { readonly kind: 'ended' }
  | {
      readonly kind: 'error';
      readonly reason: PlayerErrorReason;
      readonly retryable: boolean;
      /** Extra detail for the viewer (e.g. the pipeline's failure reason), when there is one. */
      readonly detail?: string;
    };

export type PlayerEvent =
  | { readonly type: 'loadedmetadata' }
  | { readonly type: 'play' }
  | { readonly type: 'playing' }
  | { readonly type: 'pause' }
  | { readonly type: 'waiting' }
  | { readonly type: 'canplay' }
  | { readonly type: 'seeked' }
  | { readonly type: 'ended' }
  | { readonly type: 'failed'; readonly reason: PlayerErrorReason; readonly detail?: string }
  /** The viewer pressed Retry (or the player re-attached the stream). */
  | { readonly type: 'retry' };

export const INITIAL_PLAYER_STATE: PlayerState = { kind: 'loading' };

const NOT_RETRYABLE: ReadonlySet<PlayerErrorReason> = new Set(['deleted', 'unsupported']);

export function isRetryable(reason: PlayerErrorReason): boolean {
  return !NOT_RETRYABLE.has(reason);
}

export function nextPlayerState(state: PlayerState, event: PlayerEvent): PlayerState {
  if (event.type === 'failed') {
    return {
      kind: 'error',
      reason: event.reason,
      retryable: isRetryable(event.reason),
      detail: event.detail,
    };
  }
  if (state.kind === 'error') {
    // Only Retry leaves an error: media events from a torn-down stream must not hide the message.
    return event.type === 'retry' && state.retryable ? { kind: 'loading' } : state;
  }
  switch (event.type) {
    case 'retry':
      return state;
    case 'loadedmetadata':
      return state.kind === 'loading' ? { kind: 'ready' } : state;
    case 'playing':
      return { kind: 'playing' };
    case 'play':
      // `play` means "asked to play": data may still be missing, `playing` confirms.
      return state.kind === 'playing' ? state : { kind: 'buffering', resume: 'playing' };
    case 'pause':
      if (state.kind === 'ended' || state.kind === 'loading') return state;
      return state.kind === 'buffering' ? { kind: 'buffering', resume: 'paused' } : { kind: 'paused' };
    case 'waiting':
      if (state.kind === 'playing') return { kind: 'buffering', resume: 'playing' };
      if (state.kind === 'paused' || state.kind === 'ready') return { kind: 'buffering', resume: 'paused' };
      return state;
    case 'canplay':
    case 'seeked':
      if (state.kind === 'buffering' && state.resume === 'paused') return { kind: 'paused' };
      if (state.kind === 'loading') return { kind: 'ready' };
      // A seek back from the end leaves the video paused where the viewer put it.
      if (state.kind === 'ended' && event.type === 'seeked') return { kind: 'paused' };
      return state;
    case 'ended':
      return { kind: 'ended' };
  }
}

/** Whether the spinner shows. */
export function isWaiting(state: PlayerState): boolean {
  return state.kind === 'loading' || state.kind === 'buffering';
}

/** Whether the play/pause button offers Pause (playing, or about to). */
export function isPlayingIntent(state: PlayerState): boolean {
  return state.kind === 'playing' || (state.kind === 'buffering' && state.resume === 'playing');
}
