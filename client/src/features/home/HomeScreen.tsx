import { useEffect, useRef, useState } from 'react';
import { PosterCard } from '../../components/PosterCard';
import { Row } from '../../components/Row';
import type { Genre } from '../../gql/graphql';
import { GENRE_LABELS, GENRES } from '../../lib/genres';
import { usePagedQuery } from '../../lib/use-paged-query';
import { Hero } from './Hero';
import { ContinueWatchingQuery, GenreRowQuery, MyListQuery } from './operations';

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

function ContinueWatchingRow() {
  const row = usePagedQuery(ContinueWatchingQuery, { limit: PAGE }, (data) => data.continueWatching);
  if (!row.loading && !row.error && row.items.length === 0) return null;
  return (
    <Row title="Continue Watching" testId="continue-watching" {...row} onEndReached={row.loadMore}>
      {row.items.map((movie) => (
        <PosterCard
          key={movie.id}
          movie={movie}
          preview={movie}
          progress={{
            positionSeconds: movie.myPosition?.positionSeconds ?? 0,
            // The measured running time of the READY video; the saved one only if the title has none yet.
            durationSeconds: movie.durationSeconds || (movie.myPosition?.durationSeconds ?? 0),
          }}
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
        <PosterCard key={movie.id} movie={movie} preview={movie} />
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
        <PosterCard key={movie.id} movie={movie} preview={movie} />
      ))}
    </Row>
  );
}
