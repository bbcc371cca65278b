import { useRef, useState, type PointerEvent } from 'react';
import { formatClock } from '../../lib/format';
import { thumbnailAt, type Thumbnail } from './trickplay';

/**
 * The seek bar: a range input (so it is a real, labelled slider), with the trickplay tile of the time under
 * the pointer while hovering, and of the dragged-to time while dragging. A drag seeks once, on release.
 */
export function SeekBar(props: {
  readonly currentTime: number;
  readonly duration: number;
  readonly thumbnails: readonly Thumbnail[];
  readonly onSeek: (seconds: number) => void;
}) {
  const [hoverTime, setHoverTime] = useState<number | null>(null);
  const [dragTime, setDragTime] = useState<number | null>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const duration = props.duration > 0 ? props.duration : 0;
  const shown = dragTime ?? props.currentTime;
  const previewTime = dragTime ?? hoverTime;
  const thumbnail = previewTime === null ? undefined : thumbnailAt(props.thumbnails, previewTime);

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const rect = barRef.current?.getBoundingClientRect();
    if (!rect || rect.width <= 0 || duration <= 0) return;
    const fraction = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
    setHoverTime(fraction * duration);
  };
  const commit = (value: number) => {
    setDragTime(null);
    props.onSeek(value);
  };

  return (
    <div
      className="seek-bar"
      ref={barRef}
      onPointerMove={onPointerMove}
      onPointerLeave={() => setHoverTime(null)}
    >
      {previewTime !== null && duration > 0 && (
        <div
          className="seek-bar__preview"
          style={{ left: `${(previewTime / duration) * 100}%` }}
          data-testid="seek-preview"
        >
          {thumbnail && (
            <div
              className="seek-bar__thumbnail"
              data-testid="trickplay-thumbnail"
              style={{
                width: thumbnail.width,
                height: thumbnail.height,
                backgroundImage: `url("${thumbnail.spriteUrl}")`,
                backgroundPosition: `${-thumbnail.x}px ${-thumbnail.y}px`,
              }}
            />
          )}
          <span className="seek-bar__time">{formatClock(previewTime)}</span>
        </div>
      )}
      <input
        type="range"
        className="seek-bar__input"
        aria-label="Seek"
        aria-valuetext={`${formatClock(shown)} of ${formatClock(duration)}`}
        min={0}
        max={duration}
        step="any"
        value={Math.min(shown, duration)}
        disabled={duration <= 0}
        onChange={(event) => setDragTime(Number(event.currentTarget.value))}
        onPointerUp={(event) => commit(Number(event.currentTarget.value))}
        onKeyUp={(event) => dragTime !== null && commit(Number(event.currentTarget.value))}
        onBlur={() => dragTime !== null && commit(dragTime)}
      />
    </div>
  );
}
