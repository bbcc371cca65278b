import { Link } from 'react-router';
import { ProgressBar } from './ProgressBar';

export interface PosterCardMovie {
  readonly id: string;
  readonly title: string;
  readonly posterUrl?: string | null;
}

export function PosterCard({
  movie,
  progress,
  to = `/title/${encodeURIComponent(movie.id)}`,
}: {
  movie: PosterCardMovie;
  /** 0..1 when the title is in progress. */
  progress?: number;
  to?: string;
}) {
  return (
    <Link to={to} className="poster" aria-label={movie.title} data-testid="poster" data-movie-id={movie.id}>
      {movie.posterUrl ? (
        <img src={movie.posterUrl} alt="" loading="lazy" decoding="async" />
      ) : (
        <span className="poster__fallback">{movie.title}</span>
      )}
      <span className="poster__label">{movie.title}</span>
      {progress !== undefined && <ProgressBar fraction={progress} label={`${movie.title} progress`} />}
    </Link>
  );
}
