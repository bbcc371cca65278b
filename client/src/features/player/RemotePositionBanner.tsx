import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { formatClock } from '../../lib/format';
import { BannerTitleQuery } from './operations';
import { useRemotePosition } from './playback-sync';

/** "Resume from 12:34 — watched on another device", live from the position subscription. */
export function RemotePositionBanner() {
  const [position, dismiss] = useRemotePosition();
  const { data } = useQuery(BannerTitleQuery, {
    variables: { id: position?.movieId ?? '' },
    skip: !position,
    fetchPolicy: 'cache-first',
  });
  if (!position) return null;
  const title = data?.movie?.title;
  return (
    <div className="banner" role="status" aria-live="polite" data-testid="remote-position-banner">
      <span className="banner__text">
        {title && <strong>{title}: </strong>}
        Resume from {formatClock(position.positionSeconds)} — watched on another device
      </span>
      <Link
        className="button button--primary button--small"
        to={`/watch/${encodeURIComponent(position.movieId)}`}
      >
        ▶ Resume
      </Link>
      <button type="button" className="icon-button" onClick={dismiss} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}
