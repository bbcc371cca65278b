/** `754` → `12:34`; `3754` → `1:02:34`. Negative or non-finite input counts as 0. */
export function formatClock(totalSeconds: number): string {
  const seconds = Number.isFinite(totalSeconds) && totalSeconds > 0 ? Math.floor(totalSeconds) : 0;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${minutes}:${pad(rest)}`;
}

/** `5400` → `1h 30m`; `2700` → `45m`; `26` → `26s`. */
export function formatRuntime(totalSeconds: number): string {
  const seconds = Math.round(Math.max(0, totalSeconds));
  // In whole minutes, a short clip or trailer would read "0m".
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours}h ${minutes % 60}m` : `${minutes}m`;
}

/** Share of a title watched, clamped to 0..1 (0 when the duration is unknown). */
export function progressFraction(positionSeconds: number, durationSeconds: number): number {
  if (!(durationSeconds > 0) || !Number.isFinite(positionSeconds)) return 0;
  return Math.min(1, Math.max(0, positionSeconds / durationSeconds));
}

/** What is left of a title for a viewer: `<1 min left`, `42 min left`, `1 h 5 min left` (nothing once at the end). */
export function formatTimeLeft(positionSeconds: number, durationSeconds: number): string {
  const left = durationSeconds * (1 - progressFraction(positionSeconds, durationSeconds));
  if (!(left > 0)) return '';
  const minutes = Math.round(left / 60);
  if (minutes < 1) return '<1 min left';
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${minutes % 60} min left` : `${minutes} min left`;
}
