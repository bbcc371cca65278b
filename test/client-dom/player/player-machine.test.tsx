import { describe, expect, it } from 'vitest';
import {
  INITIAL_PLAYER_STATE,
  isPlayingIntent,
  isWaiting,
  nextPlayerState,
  type PlayerEvent,
  type PlayerState,
} from '../../../client/src/features/player/player-machine';

const run = (events: readonly PlayerEvent['type'][], from: PlayerState = INITIAL_PLAYER_STATE) =>
  events.reduce((state, type) => nextPlayerState(state, { type } as PlayerEvent), from);

describe('the player state machine', () => {
  it('goes from loading to ready to playing as the media element reports', () => {
    expect(INITIAL_PLAYER_STATE).toEqual({ kind: 'loading' });
    expect(run(['loadedmetadata'])).toEqual({ kind: 'ready' });
    expect(run(['loadedmetadata', 'play'])).toEqual({ kind: 'buffering', resume: 'playing' });
    expect(run(['loadedmetadata', 'play', 'playing'])).toEqual({ kind: 'playing' });
  });

  it('buffers while playing and plays on when data arrives', () => {
    const buffering = run(['loadedmetadata', 'playing', 'waiting']);
    expect(buffering).toEqual({ kind: 'buffering', resume: 'playing' });
    expect(isWaiting(buffering)).toBe(true);
    expect(isPlayingIntent(buffering)).toBe(true);
    expect(run(['playing'], buffering)).toEqual({ kind: 'playing' });
  });

  it('a seek while paused buffers and then stays paused', () => {
    const paused = run(['loadedmetadata', 'playing', 'pause']);
    expect(paused).toEqual({ kind: 'paused' });
    const seeking = run(['waiting'], paused);
    expect(seeking).toEqual({ kind: 'buffering', resume: 'paused' });
    expect(isPlayingIntent(seeking)).toBe(false);
    expect(run(['seeked'], seeking)).toEqual({ kind: 'paused' });
  });

  it('a pause while buffering is remembered for when the data arrives', () => {
    const state = run(['loadedmetadata', 'playing', 'waiting', 'pause', 'canplay']);
    expect(state).toEqual({ kind: 'paused' });
  });

  it('ends, ignores the pause the end fires, and a seek back leaves it paused', () => {
    const ended = run(['loadedmetadata', 'playing', 'ended', 'pause']);
    expect(ended).toEqual({ kind: 'ended' });
    expect(run(['seeked'], ended)).toEqual({ kind: 'paused' });
    expect(run(['playing'], ended)).toEqual({ kind: 'playing' });
  });

  it('an error holds against media events until Retry, which loads again', () => {
    const failed = nextPlayerState(run(['loadedmetadata', 'playing']), {
      type: 'failed',
      reason: 'network',
      detail: 'fragLoadError',
    });
    expect(failed).toEqual({ kind: 'error', reason: 'network', retryable: true, detail: 'fragLoadError' });
    expect(run(['pause', 'playing', 'ended', 'seeked'], failed)).toBe(failed);
    expect(run(['retry'], failed)).toEqual({ kind: 'loading' });
  });

  it('a deleted title or an unsupported browser cannot be retried', () => {
    for (const reason of ['deleted', 'unsupported'] as const) {
      const failed = nextPlayerState(INITIAL_PLAYER_STATE, { type: 'failed', reason });
      expect(failed).toMatchObject({ kind: 'error', reason, retryable: false });
      expect(run(['retry'], failed)).toBe(failed);
    }
  });

  it('every other reason can be retried', () => {
    for (const reason of ['no-stream', 'network', 'expired', 'media'] as const) {
      expect(nextPlayerState(INITIAL_PLAYER_STATE, { type: 'failed', reason })).toMatchObject({
        retryable: true,
      });
    }
  });

  it('retry outside an error changes nothing', () => {
    const playing = run(['loadedmetadata', 'playing']);
    expect(run(['retry'], playing)).toBe(playing);
  });
});
