import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { PosterCard } from '../../components/PosterCard';
import { Row } from '../../components/Row';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import type { Genre } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { formatRuntime, progressFraction } from '../../lib/format';
import { GENRE_LABELS, GENRES, RATING_LABELS } from '../../lib/genres';
import { usePagedQuery } from '../../lib/use-paged-query';
import { MyListButton } from '../title/MyListButton';
import { ContinueWatchingQuery, GenreRowQuery, HeroQuery, MyListQuery } from './operations';

const PAGE = 12;

export function HomeScreen() {
  return (
    <div className="home">
      <Hero />
      <ContinueWatchingRow />
      <MyListRow />
      {GENRES.map((genre) => (
        <LazyGenreRow key={genre} genre={genre} />
      ))}
    </div>
  );
}

function Hero() {
  const { data, loading, error, refetch } = useQuery(HeroQuery);
  const movie = data?.movies.items[0];
  if (loading && !movie) {
    return (
      <section className="hero" aria-busy="true">
        <Spinner label="Loading" />
      </section>
    );
  }
  if (error && !movie) return <ErrorState message={errorMessage(error)} onRetry={() => void refetch()} />;
  if (!movie) {
    return (
      <EmptyState title="The catalogue is empty">
        <p>No titles yet. An admin can add them from the Admin screen.</p>
      </EmptyState>
    );
  }
  const resumeAt = movie.myPosition && !movie.myPosition.watched ? movie.myPosition.positionSeconds : 0;
  return (
    <section
      className="hero"
      style={movie.backdropUrl ? { backgroundImage: `url("${movie.backdropUrl}")` } : undefined}
      aria-label="Featured title"
      data-testid="hero"
    >
      <div className="hero__content">
        <h1 className="hero__title">{movie.title}</h1>
        <div className="meta">
          <span>{movie.year}</span>
          <span className="meta__rating">{RATING_LABELS[movie.maturityRating]}</span>
          <span>{formatRuntime(movie.durationSeconds)}</span>
          <span>{movie.genres.map((genre) => GENRE_LABELS[genre]).join(' · ')}</span>
        </div>
        <p className="hero__synopsis">{movie.synopsis}</p>
        <div className="hero__actions">
          <Link className="button button--primary" to={`/watch/${encodeURIComponent(movie.id)}`}>
            ▶ {resumeAt > 0 ? 'Resume' : 'Play'}
          </Link>
          <Link className="button" to={`/title/${encodeURIComponent(movie.id)}`}>
            More info
          </Link>
          <MyListButton movieId={movie.id} inMyList={movie.inMyList} />
        </div>
      </div>
    </section>
  );
}

function ContinueWatchingRow() {
  const row = usePagedQuery(ContinueWatchingQuery, { limit: PAGE }, (data) => data.continueWatching);
  if (!row.loading && !row.error && row.items.length === 0) return null;
  return (
    <Row title="Continue Watching" testId="continue-watching" {...row} onEndReached={row.loadMore}>
      {row.items.map((movie) => (
        <PosterCard
          key={movie.id}
          movie={movie}
          to={`/title/${encodeURIComponent(movie.id)}`}
          progress={progressFraction(movie.myPosition?.positionSeconds ?? 0, movie.durationSeconds)}
        />
      ))}
    </Row>
  );
}

function MyListRow() {
  const row = usePagedQuery(MyListQuery, { limit: PAGE }, (data) => data.myList);
  if (!row.loading && !row.error && row.items.length === 0) return null;
  return (
    <Row title="My List" testId="my-list" {...row} onEndReached={row.loadMore}>
      {row.items.map((movie) => (
        <PosterCard key={movie.id} movie={movie} />
      ))}
    </Row>
  );
}

/** A genre row that only queries once it is about to scroll into view. */
function LazyGenreRow({ genre }: { genre: Genre }) {
  const placeholder = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    const element = placeholder.current;
    if (!element || visible) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setVisible(true);
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [visible]);

  if (!visible)
    return <div ref={placeholder} className="row row--placeholder" style={{ minHeight: '14rem' }} />;
  return <GenreRow genre={genre} />;
}

function GenreRow({ genre }: { genre: Genre }) {
  const row = usePagedQuery(GenreRowQuery, { genre, limit: PAGE }, (data) => data.moviesByGenre);
  if (!row.loading && !row.error && row.items.length === 0) return null;
  return (
    <Row title={GENRE_LABELS[genre]} testId={`genre-${genre}`} {...row} onEndReached={row.loadMore}>
      {row.items.map((movie) => (
        <PosterCard key={movie.id} movie={movie} />
      ))}
    </Row>
  );
}
