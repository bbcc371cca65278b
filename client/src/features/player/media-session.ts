/** What the player does for the system's media controls (keyboard media keys, lock screen, headset). */
export interface MediaSessionActions {
  readonly play: () => void;
  readonly pause: () => void;
  readonly seekBy: (seconds: number) => void;
  readonly seekTo: (seconds: number) => void;
}

const DEFAULT_SEEK_OFFSET_SECONDS = 10;

/**
 * Publishes the title (artwork from its poster) and the player's actions to the Media Session API
 * (https://developer.mozilla.org/en-US/docs/Web/API/MediaSession). Returns a function that withdraws them.
 * Does nothing in a browser without `navigator.mediaSession`.
 */
export function publishMediaSession(
  metadata: { readonly title: string; readonly posterUrl?: string | null },
  actions: MediaSessionActions,
): () => void {
  if (!('mediaSession' in navigator) || typeof MediaMetadata === 'undefined') return () => undefined;
  const session = navigator.mediaSession;
  session.metadata = new MediaMetadata({
    title: metadata.title,
    artist: 'Marquee',
    artwork: metadata.posterUrl ? [{ src: metadata.posterUrl }] : [],
  });
  const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
    ['play', () => actions.play()],
    ['pause', () => actions.pause()],
    ['seekbackward', (details) => actions.seekBy(-(details.seekOffset ?? DEFAULT_SEEK_OFFSET_SECONDS))],
    ['seekforward', (details) => actions.seekBy(details.seekOffset ?? DEFAULT_SEEK_OFFSET_SECONDS)],
    ['seekto', (details) => details.seekTime !== undefined && actions.seekTo(details.seekTime)],
  ];
  for (const [action, handler] of handlers) setHandler(session, action, handler);
  return () => {
    for (const [action] of handlers) setHandler(session, action, null);
    session.metadata = null;
    session.playbackState = 'none';
  };
}

/** Tells the system where playback is, after seeks and rate changes. */
export function updateMediaSessionPosition(position: number, duration: number, playbackRate: number): void {
  if (!('mediaSession' in navigator) || !(duration > 0) || !navigator.mediaSession.setPositionState) return;
  navigator.mediaSession.setPositionState({
    duration,
    playbackRate,
    position: Math.min(Math.max(0, position), duration),
  });
}

function setHandler(
  session: MediaSession,
  action: MediaSessionAction,
  handler: MediaSessionActionHandler | null,
): void {
  try {
    session.setActionHandler(action, handler);
  } catch {
    // A browser that does not know an action throws (MDN "setActionHandler", Exceptions): skip that one.
  }
}
