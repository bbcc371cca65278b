import type { UploadProgress } from '../lib/upload';
import { describeRate, uploadRate } from '../lib/upload-rate';

/** A file on its way to storage: a bar, `3.2 MB of 10.0 MB · 32% · 1.6 MB/s · about 5 s left`, and Cancel. */
export function UploadMeter({
  label,
  samples,
  onCancel,
}: {
  label: string;
  samples: readonly UploadProgress[];
  /** Offered while the file is still being sent. */
  onCancel?: () => void;
}) {
  const rate = uploadRate(samples);
  return (
    <div className="upload__meter">
      <progress value={rate.loaded} max={rate.total || 1} aria-label={`${label} upload progress`} />
      <span className="notice" data-testid="upload-progress">
        {samples.length === 0 ? 'Starting the upload…' : describeRate(rate)}
      </span>
      {onCancel && (
        <button type="button" className="button button--small button--ghost" onClick={onCancel}>
          Cancel upload
        </button>
      )}
    </div>
  );
}
