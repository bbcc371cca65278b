import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { ProgressBar } from '../../components/ProgressBar';
import { EmptyState, ErrorState, FullPageSpinner } from '../../components/States';
import { TitleFacts } from '../../components/TitleFacts';
import { errorMessage } from '../../lib/errors';
import { formatClock, formatRuntime, progressFraction } from '../../lib/format';
import { GENRE_LABELS, RATING_LABELS } from '../../lib/genres';
import { MyListButton } from './MyListButton';
import { WatchStateButtons } from './WatchStateButtons';
import { TitleQuery } from './operations';
import { TrailerList } from './TrailerList';
import { isProcessing, mediaStatusText } from './media-status';

const STATUS_POLL_MS = 3000;

export function TitleScreen() {
  const { movieId = '' } = useParams();
  const { data, loading, error, refetch, startPolling, stopPolling } = useQuery(TitleQuery, {
    variables: { id: movieId },
  });
  const movie = data?.movie;
  // Viewers have no status subscription (admins only): while the pipeline works, look again now and then.
  const processing = !!movie && isProcessing(movie.video) && !movie.stream;
  useEffect(() => {
    if (!processing) return;
    startPolling(STATUS_POLL_MS);
    return () => stopPolling();
  }, [processing, startPolling, stopPolling]);

  if (loading && !movie) return <FullPageSpinner label="Loading the title" />;
  if (error && !movie) return <ErrorState message={errorMessage(error)} onRetry={() => void refetch()} />;
  if (!movie) {
    return (
      <EmptyState title="Title not found">
        <p>It may have been removed from the catalogue.</p>
        <Link className="button" to="/">
          Back to Home
        </Link>
      </EmptyState>
    );
  }

  const position = movie.myPosition;
  const resumeAt = position && !position.watched ? position.positionSeconds : 0;
  const watchPath = `/watch/${encodeURIComponent(movie.id)}${position?.watched ? '?from=start' : ''}`;
  return (
    <article className="details" data-testid="title-details">
      <section
        className="hero"
        style={movie.backdropUrl ? { backgroundImage: `url("${movie.backdropUrl}")` } : undefined}
      >
        <div className="hero__content">
          <h1 className="hero__title">{movie.title}</h1>
          <TitleFacts
            year={movie.year}
            maturityRating={movie.maturityRating}
            durationSeconds={movie.durationSeconds}
          >
            {position?.watched && <span>✓ Watched</span>}
          </TitleFacts>
          <p className="hero__synopsis" data-testid="synopsis">
            {movie.synopsis}
          </p>
          {resumeAt > 0 && (
            <div className="resume" data-testid="resume-info">
              <div style={{ position: 'relative', height: '8px', maxWidth: '20rem' }}>
                <ProgressBar
                  fraction={progressFraction(resumeAt, movie.durationSeconds)}
                  label="Watched so far"
                />
              </div>
              <p className="notice">
                {formatClock(resumeAt)} of {formatClock(movie.durationSeconds)} watched
              </p>
            </div>
          )}
          <div className="hero__actions">
            {movie.stream ? (
              <Link className="button button--primary" to={watchPath} data-testid="play">
                ▶ {playLabel(resumeAt, position?.watched ?? false)}
              </Link>
            ) : (
              <span className="notice" role="status" data-testid="media-status">
                {mediaStatusText(movie.video)}
              </span>
            )}
            {resumeAt > 0 && movie.stream && (
              <Link className="button" to={`${watchPath}?from=start`}>
                ↺ Start over
              </Link>
            )}
            <MyListButton movieId={movie.id} inMyList={movie.inMyList} />
            <WatchStateButtons movieId={movie.id} position={position ?? null} />
          </div>
        </div>
      </section>
      <div className="details__body">
        <section aria-labelledby="trailers-heading">
          <h2 id="trailers-heading">Trailers</h2>
          <TrailerList movieId={movie.id} trailers={movie.trailers} />
        </section>
        <dl className="details__facts">
          <dt>Genres</dt>
          <dd>{movie.genres.map((genre) => GENRE_LABELS[genre]).join(', ')}</dd>
          <dt>Released</dt>
          <dd>{movie.year}</dd>
          <dt>Running time</dt>
          <dd>{formatRuntime(movie.durationSeconds)}</dd>
          <dt>Maturity rating</dt>
          <dd>{RATING_LABELS[movie.maturityRating]}</dd>
        </dl>
      </div>
    </article>
  );
}

function playLabel(resumeAt: number, watched: boolean): string {
  if (resumeAt > 0) return `Resume from ${formatClock(resumeAt)}`;
  return watched ? 'Play again' : 'Play';
}
