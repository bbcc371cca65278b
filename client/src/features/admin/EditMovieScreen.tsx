import { useMutation, useQuery } from '@apollo/client/react';
import { useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { errorMessage } from '../../lib/errors';
import { MovieForm } from './MovieForm';
import { useLiveMediaStatus } from './live-media-status';
import { AdminMovieQuery, DeleteMovieMutation } from './operations';
import { TrailerEditor } from './TrailerEditor';
import { UploadField } from './UploadField';
import { ViewerStream } from './ViewerStream';

export function EditMovieScreen() {
  const { movieId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(AdminMovieQuery, {
    variables: { id: movieId },
    fetchPolicy: 'cache-and-network',
  });
  const movie = data?.movie;
  useLiveMediaStatus(movieId);

  if (loading && !movie) return <Spinner label="Loading the title" />;
  if (error && !movie) return <ErrorState message={errorMessage(error)} onRetry={() => void refetch()} />;
  if (!movie) {
    return (
      <EmptyState title="Title not found">
        <Link to="/admin">Back to the catalogue</Link>
      </EmptyState>
    );
  }
  return (
    <>
      <p>
        <Link to="/admin">← Catalogue</Link>
      </p>
      <h1>{movie.title}</h1>
      <MovieForm key={movie.id} movie={movie} />
      <section className="panel" aria-labelledby="media-heading">
        <h2 id="media-heading">Media</h2>
        <div className="media-grid">
          <UploadField
            label="Poster image"
            kind="POSTER"
            movieId={movie.id}
            media={movie.poster}
            hasPrevious={!!movie.posterUrl}
            current={
              movie.posterUrl ? (
                <img
                  className="media-preview"
                  src={movie.posterUrl}
                  alt="Current poster"
                  data-testid="poster-preview"
                />
              ) : (
                <span className="notice">No poster yet.</span>
              )
            }
          />
          <UploadField
            label="Backdrop image"
            kind="BACKDROP"
            movieId={movie.id}
            media={movie.backdrop}
            hasPrevious={!!movie.backdropUrl}
            current={
              movie.backdropUrl ? (
                <img className="media-preview" src={movie.backdropUrl} alt="Current backdrop" />
              ) : (
                <span className="notice">No backdrop yet.</span>
              )
            }
          />
          <UploadField
            label="Video (MP4)"
            kind="VIDEO"
            movieId={movie.id}
            media={movie.video}
            hasPrevious={!!movie.stream}
            current={<ViewerStream stream={movie.stream} />}
          />
        </div>
      </section>
      <TrailerEditor movieId={movie.id} trailers={movie.trailers} />
      <DeleteMovie movieId={movie.id} title={movie.title} />
    </>
  );
}

function DeleteMovie({ movieId, title }: { movieId: string; title: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const [deleteMovie, { loading, error }] = useMutation(DeleteMovieMutation, {
    refetchQueries: ['AdminMovies'],
    update(cache) {
      cache.evict({ id: cache.identify({ __typename: 'Movie', id: movieId }) });
      cache.gc();
    },
  });
  const confirm = async () => {
    const result = await deleteMovie({ variables: { id: movieId } }).catch(() => null);
    if (result) {
      dialog.current?.close();
      await navigate('/admin');
    }
  };
  return (
    <section className="panel">
      <h2>Delete title</h2>
      <button type="button" className="button button--danger" onClick={() => dialog.current?.showModal()}>
        Delete “{title}”…
      </button>
      <dialog ref={dialog} className="dialog">
        <p>
          Delete <strong>{title}</strong> and its trailers from the catalogue?
        </p>
        {error && <p className="field__error">{errorMessage(error)}</p>}
        <div className="actions">
          <button
            type="button"
            className="button button--danger"
            disabled={loading}
            onClick={() => void confirm()}
          >
            {loading ? 'Deleting…' : 'Delete'}
          </button>
          <button type="button" className="button button--ghost" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </section>
  );
}
