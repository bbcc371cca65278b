import { Link, Route, Routes } from 'react-router';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { usePagedQuery } from '../../lib/use-paged-query';
import { EditMovieScreen } from './EditMovieScreen';
import { MovieForm } from './MovieForm';
import { AdminMoviesQuery } from './operations';
import './admin.css';

/** Catalogue management for the `admin` group (the API enforces the group; this only hides the screens). */
export default function AdminScreen() {
  return (
    <div className="page admin">
      <Routes>
        <Route index element={<MovieTable />} />
        <Route
          path="new"
          element={
            <>
              <p>
                <Link to="/admin">← Catalogue</Link>
              </p>
              <h1>New title</h1>
              <MovieForm />
            </>
          }
        />
        <Route path=":movieId" element={<EditMovieScreen />} />
      </Routes>
    </div>
  );
}

function MovieTable() {
  const movies = usePagedQuery(AdminMoviesQuery, { limit: 50 }, (data) => data.movies);
  return (
    <>
      <div className="actions" style={{ justifyContent: 'space-between' }}>
        <h1>Catalogue</h1>
        <Link className="button button--primary" to="/admin/new">
          + New title
        </Link>
      </div>
      {movies.loading ? (
        <Spinner label="Loading the catalogue" />
      ) : movies.error ? (
        <ErrorState message={movies.error} onRetry={movies.refetch} />
      ) : movies.items.length === 0 ? (
        <EmptyState title="No titles yet">
          <p>Create the first one.</p>
        </EmptyState>
      ) : (
        <table className="table" data-testid="admin-movies">
          <thead>
            <tr>
              <th scope="col">Poster</th>
              <th scope="col">Title</th>
              <th scope="col">Year</th>
              <th scope="col">Video</th>
            </tr>
          </thead>
          <tbody>
            {movies.items.map((movie) => (
              <tr key={movie.id}>
                <td>
                  {movie.posterUrl ? (
                    <img className="admin__thumb" src={movie.posterUrl} alt="" loading="lazy" />
                  ) : (
                    <span className="notice">none</span>
                  )}
                </td>
                <td>
                  <Link to={`/admin/${encodeURIComponent(movie.id)}`}>{movie.title}</Link>
                </td>
                <td>{movie.year}</td>
                <td>{movie.video ? '✓' : <span className="notice">missing</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {movies.hasMore && (
        <button type="button" className="button" onClick={movies.loadMore} disabled={movies.loadingMore}>
          {movies.loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
    </>
  );
}
