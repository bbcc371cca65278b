import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { TitleFacts } from '../../components/TitleFacts';
import { errorMessage } from '../../lib/errors';
import { GENRE_LABELS } from '../../lib/genres';
import { MyListButton } from '../title/MyListButton';
import type { HeroQuery } from '../../gql/graphql';
import { HeroQuery as HeroDocument } from './operations';
import { useRotation } from './use-rotation';

export type FeaturedMovie = HeroQuery['movies']['items'][number];

/** The featured titles: the newest few of the catalog. */
export function Hero() {
  const { data, loading, error, refetch } = useQuery(HeroDocument);
  const movies = data?.movies.items ?? [];
  if (loading && movies.length === 0) {
    return (
      <section className="hero" aria-busy="true">
        <Spinner label="Loading" />
      </section>
    );
  }
  if (error && movies.length === 0)
    return <ErrorState message={errorMessage(error)} onRetry={() => void refetch()} />;
  if (movies.length === 0) {
    return (
      <EmptyState title="The catalogue is empty">
        <p>No titles yet. An admin can add them from the Admin screen.</p>
      </EmptyState>
    );
  }
  return <HeroCarousel movies={movies} />;
}

/**
 * One featured title at a time over its backdrop art (which carries no title: the heading is the only one),
 * rotating on its own until the viewer points at it or focuses inside it; the dots choose a title.
 */
export function HeroCarousel({ movies }: { movies: readonly FeaturedMovie[] }) {
  const [pointing, setPointing] = useState(false);
  const [focused, setFocused] = useState(false);
  const rotation = useRotation(movies.length, pointing || focused);
  const movie = movies[rotation.index];
  if (!movie) return null;
  const resumeAt = movie.myPosition && !movie.myPosition.watched ? movie.myPosition.positionSeconds : 0;
  return (
    <section
      className="hero"
      aria-roledescription="carousel"
      aria-label="Featured titles"
      data-testid="hero"
      onPointerEnter={(event) => event.pointerType !== 'touch' && setPointing(true)}
      onPointerLeave={() => setPointing(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
      }}
    >
      <div
        key={movie.id}
        className="hero__art"
        style={movie.backdropUrl ? { backgroundImage: `url("${movie.backdropUrl}")` } : undefined}
        aria-hidden="true"
      />
      <div
        className="hero__content"
        role="group"
        aria-roledescription="slide"
        aria-label={`${rotation.index + 1} of ${movies.length}`}
        data-testid="hero-slide"
        data-movie-id={movie.id}
      >
        <h1 className="hero__title">{movie.title}</h1>
        <TitleFacts
          year={movie.year}
          maturityRating={movie.maturityRating}
          durationSeconds={movie.durationSeconds}
        >
          <span>{movie.genres.map((genre) => GENRE_LABELS[genre]).join(' · ')}</span>
        </TitleFacts>
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
      {movies.length > 1 && (
        <div className="hero__dots">
          {movies.map((featured, index) => (
            <button
              key={featured.id}
              type="button"
              className="hero__dot"
              aria-label={`Show ${featured.title}`}
              aria-current={index === rotation.index ? 'true' : undefined}
              onClick={() => rotation.select(index)}
            />
          ))}
        </div>
      )}
    </section>
  );
}
