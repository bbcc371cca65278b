/** Where a saved position leaves the playhead at the start of a session, and what the viewer is told. */
export interface ResumePoint {
  readonly seconds: number;
  /** Set when the saved position could not be used as it was. */
  readonly notice?: string;
}

/**
 * The start position for a saved `positionSeconds` in a stream of `durationSeconds`. A position at or past
 * the end (a save from another device of a longer cut, or a stale duration) starts over rather than
 * loading past the last segment; a negative or non-finite one starts at 0.
 */
export function resumePoint(positionSeconds: number, durationSeconds: number): ResumePoint {
  if (!Number.isFinite(positionSeconds) || positionSeconds <= 0) return { seconds: 0 };
  if (durationSeconds > 0 && positionSeconds >= durationSeconds - 1) {
    return {
      seconds: 0,
      notice: 'The saved place is past the end of this video: starting from the beginning.',
    };
  }
  return { seconds: positionSeconds };
}

/**
 * Where a session opens: at the start when asked (`?from=start`), when nothing was saved or the saved place
 * was the end (watched: "Play again"); otherwise at the saved place.
 */
export function sessionStart(
  saved: { readonly positionSeconds: number; readonly watched: boolean } | null | undefined,
  durationSeconds: number,
  fromStart: boolean,
): ResumePoint {
  if (fromStart || !saved || saved.watched) return { seconds: 0 };
  return resumePoint(saved.positionSeconds, durationSeconds);
}
