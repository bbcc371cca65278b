import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import type { AdminMovieQuery } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { CreateTrailerMutation, DeleteTrailerMutation, UpdateTrailerMutation } from './operations';
import { UploadField } from './UploadField';
import { ViewerStream } from './ViewerStream';

type TrailerRow = NonNullable<AdminMovieQuery['movie']>['trailers'][number];

const refetchQueries = ['AdminMovie', 'Title'];

export function TrailerEditor({ movieId, trailers }: { movieId: string; trailers: readonly TrailerRow[] }) {
  const [create] = useMutation(CreateTrailerMutation, { refetchQueries });
  return (
    <section className="panel" aria-labelledby="trailers-admin-heading">
      <h2 id="trailers-admin-heading">Trailers</h2>
      {trailers.length === 0 && <p className="notice">No trailers yet.</p>}
      {trailers.map((trailer) => (
        <TrailerRowEditor key={trailer.id} trailer={trailer} />
      ))}
      <TrailerFields
        key={trailers.length}
        submitLabel="Add trailer"
        onSubmit={async (title, durationSeconds) => {
          await create({ variables: { input: { movieId, title, durationSeconds } } });
        }}
      />
    </section>
  );
}

function TrailerRowEditor({ trailer }: { trailer: TrailerRow }) {
  const [deleteTrailer, deleting] = useMutation(DeleteTrailerMutation, { refetchQueries });
  const [update] = useMutation(UpdateTrailerMutation, { refetchQueries });
  return (
    <div className="panel" style={{ background: 'var(--bg-card)' }} data-testid="trailer-row">
      <TrailerFields
        initialTitle={trailer.title}
        initialSeconds={trailer.durationSeconds}
        submitLabel="Save trailer"
        onSubmit={async (title, durationSeconds) => {
          await update({
            variables: { input: { movieId: trailer.movieId, id: trailer.id, title, durationSeconds } },
          });
        }}
      />
      <UploadField
        label="Trailer video (MP4)"
        kind="TRAILER_VIDEO"
        movieId={trailer.movieId}
        trailerId={trailer.id}
        media={trailer.video}
        hasPrevious={!!trailer.stream}
        current={<ViewerStream stream={trailer.stream} />}
      />
      <button
        type="button"
        className="button button--small button--danger"
        style={{ marginTop: '0.75rem' }}
        disabled={deleting.loading}
        onClick={() =>
          void deleteTrailer({ variables: { movieId: trailer.movieId, id: trailer.id } }).catch(
            () => undefined,
          )
        }
      >
        Delete trailer
      </button>
      {deleting.error && <p className="field__error">{errorMessage(deleting.error)}</p>}
    </div>
  );
}

function TrailerFields({
  initialTitle = '',
  initialSeconds,
  submitLabel,
  onSubmit,
}: {
  initialTitle?: string;
  initialSeconds?: number;
  submitLabel: string;
  onSubmit: (title: string, durationSeconds: number) => Promise<void>;
}) {
  const [title, setTitle] = useState(initialTitle);
  const [seconds, setSeconds] = useState(initialSeconds === undefined ? '' : String(initialSeconds));
  const [errors, setErrors] = useState<{ title?: string; seconds?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    const duration = Number(seconds);
    if (title.trim().length < 1 || title.trim().length > 200)
      found.title = 'Enter a name of 1–200 characters.';
    if (!Number.isInteger(duration) || duration < 1 || duration > 3600)
      found.seconds = 'Enter 1–3,600 seconds.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onSubmit(title.trim(), duration);
    } catch (error) {
      setErrors({ form: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  const id = `trailer-${initialTitle || 'new'}`.replace(/\W+/g, '-');
  return (
    <form className="form-grid" onSubmit={(event) => void submit(event)} noValidate>
      <div className={`field${errors.title ? ' field--invalid' : ''}`}>
        <label htmlFor={`${id}-title`}>Trailer name</label>
        <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} />
        {errors.title && <span className="field__error">{errors.title}</span>}
      </div>
      <div className={`field${errors.seconds ? ' field--invalid' : ''}`}>
        <label htmlFor={`${id}-seconds`}>Running time (seconds)</label>
        <input
          id={`${id}-seconds`}
          inputMode="numeric"
          value={seconds}
          onChange={(e) => setSeconds(e.target.value)}
        />
        {errors.seconds && <span className="field__error">{errors.seconds}</span>}
      </div>
      <div className="actions" style={{ alignSelf: 'end' }}>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {errors.form && (
          <span className="field__error" role="alert">
            {errors.form}
          </span>
        )}
      </div>
    </form>
  );
}
