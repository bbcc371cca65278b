/**
 * When a position counts as the end, shared by catalog titles (`savePlaybackPosition`) and library items
 * (`saveLibraryItemPosition`).
 *
 * Titles at least this long end with credits, so their last two minutes count as the end. Below it only the
 * last 5% does: running times are the media's measured ones, and in a short title (a 10-second clip, an
 * episode recap) two minutes would make every position "finished".
 */
const CREDITS_MIN_SECONDS = 20 * 60;

/** A title counts as finished in its last 5%, or in its last two minutes when it is long enough for credits. */
export function isFinished(positionSeconds: number, durationSeconds: number): boolean {
  return (
    positionSeconds >= durationSeconds * 0.95 ||
    (durationSeconds >= CREDITS_MIN_SECONDS && durationSeconds - positionSeconds <= 120)
  );
}
