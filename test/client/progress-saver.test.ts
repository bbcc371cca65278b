import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startProgressSaver, type SaveReason } from '../../client/src/features/player/progress-saver';

/** Stands in for a <video>: an EventTarget whose time and paused state the test moves. */
class FakeVideo extends EventTarget {
  currentTime = 0;
  paused = true;
  ended = false;
  fire(type: string) {
    this.dispatchEvent(new Event(type));
  }
}

class FakePage extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
}

describe('startProgressSaver', () => {
  let video: FakeVideo;
  let page: FakePage;
  let saves: Array<[number, SaveReason]>;
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    video = new FakeVideo();
    page = new FakePage();
    saves = [];
    stop = startProgressSaver(video, {
      save: (position, reason) => {
        saves.push([position, reason]);
      },
      intervalMs: 10_000,
      page: page as unknown as Document,
    });
  });

  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('saves periodically while playing, and not while paused or standing still', () => {
    video.paused = false;
    video.currentTime = 12.5;
    vi.advanceTimersByTime(10_000);
    vi.advanceTimersByTime(10_000);
    video.currentTime = 22.5;
    vi.advanceTimersByTime(10_000);
    video.paused = true;
    video.currentTime = 40;
    vi.advanceTimersByTime(10_000);
    expect(saves).toEqual([
      [12.5, 'periodic'],
      [22.5, 'periodic'],
    ]);
  });

  it('saves at once on pause, seek, tab hidden, page hide and the end', () => {
    video.currentTime = 5;
    video.fire('pause');
    video.currentTime = 90;
    video.fire('seeked');
    video.currentTime = 95;
    page.visibilityState = 'hidden';
    page.dispatchEvent(new Event('visibilitychange'));
    video.currentTime = 99;
    page.dispatchEvent(new Event('pagehide'));
    video.currentTime = 120;
    video.ended = true;
    video.fire('pause');
    video.fire('ended');
    expect(saves).toEqual([
      [5, 'pause'],
      [90, 'seek'],
      [95, 'hidden'],
      [99, 'leave'],
      [120, 'ended'],
    ]);
  });

  it('saves once more when stopped (leaving the player) and then stops listening', () => {
    video.currentTime = 33;
    stop();
    video.currentTime = 50;
    video.fire('pause');
    vi.advanceTimersByTime(60_000);
    expect(saves).toEqual([[33, 'leave']]);
  });
});
