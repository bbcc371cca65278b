import { PROGRESS_SAVE_INTERVAL_MS } from './progress-cadence';

/** Why a position is being saved; `ended` also marks the title watched. */
export type SaveReason = 'periodic' | 'pause' | 'seek' | 'hidden' | 'leave' | 'ended';

/** The parts of an HTMLVideoElement the saver reads (an EventTarget, so it can be driven in tests). */
export interface PlaybackSource extends EventTarget {
  readonly currentTime: number;
  readonly paused: boolean;
}

export interface ProgressSaverOptions {
  readonly save: (positionSeconds: number, reason: SaveReason) => void | Promise<void>;
  /** While playing, save at most this often. */
  readonly intervalMs?: number;
  /** Skip a periodic save when the position moved less than this since the last save. */
  readonly minDeltaSeconds?: number;
  /** The document whose visibility and `pagehide` trigger saves (absent in tests). */
  readonly page?: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
}

/**
 * Saves the playback position periodically while playing, and at once on pause, seek, tab hidden, leaving
 * the page or the player, and at the end. Returns a function that stops it (saving one last time).
 */
export function startProgressSaver(source: PlaybackSource, options: ProgressSaverOptions): () => void {
  const intervalMs = options.intervalMs ?? PROGRESS_SAVE_INTERVAL_MS;
  const minDelta = options.minDeltaSeconds ?? 1;
  let lastSaved: number | null = null;
  let stopped = false;

  const save = (reason: SaveReason, force: boolean) => {
    const position = Math.floor(source.currentTime * 1000) / 1000;
    if (!Number.isFinite(position)) return;
    if (!force && lastSaved !== null && Math.abs(position - lastSaved) < minDelta) return;
    lastSaved = position;
    void Promise.resolve(options.save(position, reason)).catch(() => {
      // The next save retries with a newer position; a failed save must never stop playback.
      lastSaved = null;
    });
  };

  const onPause = () => {
    // A pause fired by the end of the video is reported by `ended` instead.
    if (!(source as Partial<HTMLMediaElement>).ended) save('pause', false);
  };
  const onSeeked = () => save('seek', true);
  const onEnded = () => save('ended', true);
  const onVisibility = () => {
    if (options.page?.visibilityState === 'hidden') save('hidden', false);
  };
  const onPageHide = () => save('leave', false);
  const timer = setInterval(() => {
    if (!source.paused) save('periodic', false);
  }, intervalMs);

  source.addEventListener('pause', onPause);
  source.addEventListener('seeked', onSeeked);
  source.addEventListener('ended', onEnded);
  options.page?.addEventListener('visibilitychange', onVisibility);
  options.page?.addEventListener('pagehide', onPageHide);

  return () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    source.removeEventListener('pause', onPause);
    source.removeEventListener('seeked', onSeeked);
    source.removeEventListener('ended', onEnded);
    options.page?.removeEventListener('visibilitychange', onVisibility);
    options.page?.removeEventListener('pagehide', onPageHide);
    save('leave', false);
  };
}
