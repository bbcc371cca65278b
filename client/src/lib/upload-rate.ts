import type { UploadProgress } from './upload';

/** Speed is measured over the last few seconds, so it follows the connection rather than the whole upload. */
const WINDOW_MS = 3_000;

/** What the admin is shown while a file is being sent. */
export interface UploadRate {
  readonly loaded: number;
  readonly total: number;
  /** 0–100, whole. */
  readonly percent: number;
  /** Null until two reports some time apart exist. */
  readonly bytesPerSecond: number | null;
  /** Null while the speed is unknown or zero. */
  readonly secondsLeft: number | null;
}

/** Keeps the progress reports of the last `WINDOW_MS` (and always the latest two). */
export function addSample(samples: readonly UploadProgress[], next: UploadProgress): UploadProgress[] {
  const kept = [...samples, next];
  const recent = kept.filter((sample) => next.at - sample.at <= WINDOW_MS);
  return recent.length >= 2 ? recent : kept.slice(-2);
}

/** Percent, speed and time left from the progress reports kept by `addSample`. */
export function uploadRate(samples: readonly UploadProgress[]): UploadRate {
  const last = samples.at(-1);
  if (!last) return { loaded: 0, total: 0, percent: 0, bytesPerSecond: null, secondsLeft: null };
  const first = samples[0] ?? last;
  const percent = last.total > 0 ? Math.min(100, Math.floor((last.loaded / last.total) * 100)) : 0;
  const elapsedMs = last.at - first.at;
  const bytesPerSecond = elapsedMs > 0 ? ((last.loaded - first.loaded) * 1000) / elapsedMs : null;
  const remaining = Math.max(0, last.total - last.loaded);
  const secondsLeft =
    remaining === 0 ? 0 : bytesPerSecond && bytesPerSecond > 0 ? remaining / bytesPerSecond : null;
  return { loaded: last.loaded, total: last.total, percent, bytesPerSecond, secondsLeft };
}

/** `1_572_864` → `1.5 MB` (MB as 1,048,576 bytes, as file managers show sizes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1_048_576) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1_073_741_824) return `${(bytes / 1_048_576).toFixed(1)} MB`;
  return `${(bytes / 1_073_741_824).toFixed(2)} GB`;
}

/**
 * One line for the progress bar: `3.2 MB of 10.0 MB · 32% · 1.6 MB/s · about 5 s left`. The speed is in the
 * unit that suits it (`350.0 KB/s` for a slow link); a finished upload whose last reports moved nothing (the
 * browser repeats the final one) shows no speed rather than `0 B/s`, and a stalled one says so.
 */
export function describeRate(rate: UploadRate): string {
  const parts = [`${formatBytes(rate.loaded)} of ${formatBytes(rate.total)}`, `${rate.percent}%`];
  if (rate.bytesPerSecond !== null && rate.bytesPerSecond > 0)
    parts.push(`${formatBytes(rate.bytesPerSecond)}/s`);
  else if (rate.bytesPerSecond === 0 && rate.percent < 100) parts.push('stalled');
  if (rate.secondsLeft !== null && rate.percent < 100)
    parts.push(`about ${formatDuration(rate.secondsLeft)} left`);
  return parts.join(' · ');
}

function formatDuration(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${whole % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** `1_288_490_189` → `1.2 GB`, 5 GiB → `5 GB`: a size in a sentence, at most one decimal (MB as 1,048,576 bytes). */
export function formatSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = unit === 0 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${units[unit]}`;
}
