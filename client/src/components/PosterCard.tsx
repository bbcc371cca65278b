import { useId, useRef } from 'react';
import { Link } from 'react-router';
import { formatTimeLeft, progressFraction } from '../lib/format';
import { CardPreview, type PreviewDetails } from './CardPreview';
import { ProgressBar } from './ProgressBar';
import { usePreviewIntent } from './use-preview-intent';

export interface PosterCardMovie {
  readonly id: string;
  readonly title: string;
  readonly posterUrl?: string | null;
}

/** Where a viewer is in a title, for Continue Watching. */
export interface PosterCardProgress {
  readonly positionSeconds: number;
  readonly durationSeconds: number;
}

/**
 * A title's poster linking to it. With `preview` details, resting on it (pointer or keyboard focus) opens a
 * larger preview; with `progress`, it shows how far the viewer got and how long is left.
 */
export function PosterCard({
  movie,
  progress,
  preview,
  to = `/title/${encodeURIComponent(movie.id)}`,
}: {
  movie: PosterCardMovie;
  progress?: PosterCardProgress;
  preview?: PreviewDetails;
  to?: string;
}) {
  const cardRef = useRef<HTMLAnchorElement>(null);
  const intent = usePreviewIntent();
  const previewId = useId();
  const showPreview = preview !== undefined && intent.open;
  const timeLeft = progress ? formatTimeLeft(progress.positionSeconds, progress.durationSeconds) : '';
  return (
    <>
      <Link
        ref={cardRef}
        to={to}
        className="poster"
        aria-label={movie.title}
        aria-describedby={showPreview ? previewId : undefined}
        data-testid="poster"
        data-movie-id={movie.id}
        {...(preview ? intent.cardTriggers : {})}
      >
        {movie.posterUrl ? (
          <img src={movie.posterUrl} alt="" loading="lazy" decoding="async" />
        ) : (
          // The card's label below names the title: the placeholder stays a quiet frame.
          <span className="poster__placeholder" aria-hidden="true">
            <span className="poster__placeholder-mark">▶</span>
          </span>
        )}
        <span className="poster__label">{movie.title}</span>
        {progress && (
          <>
            <ProgressBar
              fraction={progressFraction(progress.positionSeconds, progress.durationSeconds)}
              label={`${movie.title} progress`}
            />
            {timeLeft && <span className="poster__time-left">{timeLeft}</span>}
          </>
        )}
      </Link>
      {showPreview && (
        <CardPreview movie={preview} cardRef={cardRef} intent={intent} to={to} id={previewId} />
      )}
    </>
  );
}
