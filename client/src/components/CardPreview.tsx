import { useLayoutEffect, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useNavigate } from 'react-router';
import type { Genre, MaturityRating } from '../gql/graphql';
import { formatTimeLeft, progressFraction } from '../lib/format';
import { GENRE_LABELS } from '../lib/genres';
import { ProgressBar } from './ProgressBar';
import { TitleFacts } from './TitleFacts';
import type { PreviewIntent } from './use-preview-intent';

/** What a card's preview shows beyond the poster. */
export interface PreviewDetails {
  readonly id: string;
  readonly title: string;
  readonly year: number;
  readonly genres: readonly Genre[];
  readonly maturityRating: MaturityRating;
  readonly durationSeconds: number;
  readonly backdropUrl?: string | null;
  readonly posterUrl?: string | null;
  readonly myPosition?: { readonly positionSeconds: number; readonly watched: boolean } | null;
}

/** How much wider than its card a preview is. */
const SCALE = 1.9;
const VIEWPORT_MARGIN = 8;

interface Placement {
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly origin: string;
}

/** Centred over the card, kept inside the viewport; in page coordinates so it scrolls with the page. */
function placeOver(card: HTMLElement): Placement {
  const rect = card.getBoundingClientRect();
  const width = Math.min(rect.width * SCALE, window.innerWidth - VIEWPORT_MARGIN * 2);
  const centred = rect.left + rect.width / 2 - width / 2;
  const left = Math.min(Math.max(VIEWPORT_MARGIN, centred), window.innerWidth - VIEWPORT_MARGIN - width);
  const origin = `${rect.left + rect.width / 2 - left}px 20%`;
  return { top: rect.top + window.scrollY - rect.height * 0.08, left: left + window.scrollX, width, origin };
}

/**
 * A larger card over a poster (drawn in a portal, so it covers its neighbours without moving them): the
 * backdrop, year, rating, running time, genres and the viewer's progress. Clicking it opens the title.
 */
export function CardPreview({
  movie,
  cardRef,
  intent,
  to,
  id,
}: {
  movie: PreviewDetails;
  cardRef: RefObject<HTMLElement | null>;
  intent: PreviewIntent;
  to: string;
  id: string;
}) {
  const navigate = useNavigate();
  const [placement, setPlacement] = useState<Placement | null>(null);
  useLayoutEffect(() => {
    if (cardRef.current) setPlacement(placeOver(cardRef.current));
  }, [cardRef]);
  if (!placement) return null;

  const image = movie.backdropUrl ?? movie.posterUrl;
  const position = movie.myPosition && !movie.myPosition.watched ? movie.myPosition.positionSeconds : 0;
  const timeLeft = position > 0 ? formatTimeLeft(position, movie.durationSeconds) : '';
  return createPortal(
    <div
      className="preview"
      role="tooltip"
      id={id}
      data-testid="card-preview"
      style={{
        top: placement.top,
        left: placement.left,
        width: placement.width,
        transformOrigin: placement.origin,
      }}
      onClick={() => void navigate(to)}
      {...intent.previewTriggers}
    >
      <div className="preview__art">
        {image ? (
          <img src={image} alt="" decoding="async" />
        ) : (
          <span className="preview__art-fallback" aria-hidden="true" />
        )}
      </div>
      <div className="preview__body">
        <p className="preview__title">{movie.title}</p>
        <TitleFacts
          className="meta preview__meta"
          year={movie.year}
          maturityRating={movie.maturityRating}
          durationSeconds={movie.durationSeconds}
        />
        <p className="preview__genres">{movie.genres.map((genre) => GENRE_LABELS[genre]).join(' · ')}</p>
        {position > 0 && (
          <div className="preview__progress">
            <ProgressBar
              fraction={progressFraction(position, movie.durationSeconds)}
              label={`${movie.title} progress`}
            />
            <span>{timeLeft}</span>
          </div>
        )}
      </div>
    </div>,
    document.body,
  );
}
