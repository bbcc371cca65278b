import type { AdminStreamFragment } from '../../gql/graphql';
import { formatClock } from '../../lib/format';

/** The stream viewers get now (the last READY upload), which a replacement leaves alone until it is READY. */
export function ViewerStream({ stream }: { stream: AdminStreamFragment | null | undefined }) {
  if (!stream) return <span className="notice">Viewers get no video yet.</span>;
  const qualities = stream.renditions.map((rendition) => `${rendition.height}p`).join(', ');
  return (
    <span className="notice" data-testid="viewer-stream" data-upload-id={stream.uploadId}>
      Viewers get: {formatClock(stream.durationSeconds)} long, {qualities} (ready since{' '}
      {new Date(stream.readyAt).toLocaleString()}).
    </span>
  );
}
