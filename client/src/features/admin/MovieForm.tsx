import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { AdminMovieQuery } from '../../gql/graphql';
import { errorMessage, fieldErrors } from '../../lib/errors';
import { GENRE_LABELS, GENRES, RATING_LABELS, RATINGS } from '../../lib/genres';
import { CreateMovieMutation, UpdateMovieMutation } from './operations';
import { formFieldFor, validateMovie, type MovieFormErrors, type MovieFormValues } from './validation';

type ExistingMovie = NonNullable<AdminMovieQuery['movie']>;

function initialValues(movie?: ExistingMovie): MovieFormValues {
  return {
    title: movie?.title ?? '',
    synopsis: movie?.synopsis ?? '',
    year: movie ? String(movie.year) : String(new Date().getFullYear()),
    genres: movie ? [...movie.genres] : [],
    maturityRating: movie?.maturityRating ?? 'AGE_13',
    durationMinutes: movie ? String(Math.round(movie.durationSeconds / 60)) : '',
    tags: movie?.tags.join(', ') ?? '',
    cast: movie?.cast.join(', ') ?? '',
    directors: movie?.directors.join(', ') ?? '',
  };
}

/** Route state the form leaves for the title's own page when a title was created with a warning. */
interface CreatedState {
  readonly warning?: string;
}

/**
 * Creates a title, or edits one when `movie` is given. Errors show next to their field. A save the API kept
 * but reported a problem with (`SearchIndexStale`: written, not yet searchable) counts as saved, with its
 * warning shown: the title exists, so creating it again would make a second one.
 */
export function MovieForm({ movie }: { movie?: ExistingMovie }) {
  const navigate = useNavigate();
  const arrivedWith = useLocation().state as CreatedState | null;
  const [warning, setWarning] = useState<string | null>(arrivedWith?.warning ?? null);
  const [values, setValues] = useState(() => initialValues(movie));
  const [errors, setErrors] = useState<MovieFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [createMovie, creating] = useMutation(CreateMovieMutation, {
    refetchQueries: ['AdminMovies'],
    errorPolicy: 'all',
  });
  const [updateMovie, updating] = useMutation(UpdateMovieMutation, { errorPolicy: 'all' });
  const busy = creating.loading || updating.loading;

  const set = <K extends keyof MovieFormValues>(key: K, value: MovieFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
    setSaved(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setWarning(null);
    const { fields, errors: found } = validateMovie(values);
    setErrors(found);
    if (!fields) return;
    try {
      if (movie) {
        const result = await updateMovie({ variables: { input: { id: movie.id, ...fields } } });
        if (!result.data?.updateMovie) throw result.error ?? new Error('The title was not saved.');
        setSaved(true);
        if (result.error) setWarning(errorMessage(result.error));
      } else {
        const result = await createMovie({ variables: { input: fields } });
        const id = result.data?.createMovie.id;
        if (!id) throw result.error ?? new Error('The title was not created.');
        const state: CreatedState | undefined = result.error
          ? { warning: errorMessage(result.error) }
          : undefined;
        await navigate(`/admin/${encodeURIComponent(id)}`, { state });
      }
    } catch (error) {
      const byField: MovieFormErrors = {};
      for (const [apiField, message] of Object.entries(fieldErrors(error))) {
        const field = formFieldFor(apiField);
        if (field) byField[field] = message;
      }
      setErrors(byField);
      if (Object.keys(byField).length === 0) setFormError(errorMessage(error));
    }
  };

  const fieldProps = (key: keyof MovieFormValues) => ({
    id: `movie-${key}`,
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `movie-${key}-error` : undefined,
  });
  const errorFor = (key: keyof MovieFormValues) =>
    errors[key] ? (
      <span className="field__error" id={`movie-${key}-error`}>
        {errors[key]}
      </span>
    ) : null;
  const fieldClass = (key: keyof MovieFormValues, extra = '') =>
    `field${errors[key] ? ' field--invalid' : ''}${extra ? ` ${extra}` : ''}`;

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate data-testid="movie-form">
      <h2>{movie ? 'Details' : 'New title'}</h2>
      <div className="form-grid">
        <div className={fieldClass('title', 'field--wide')}>
          <label htmlFor="movie-title">Title</label>
          <input
            {...fieldProps('title')}
            value={values.title}
            onChange={(e) => set('title', e.target.value)}
          />
          {errorFor('title')}
        </div>
        <div className={fieldClass('synopsis', 'field--wide')}>
          <label htmlFor="movie-synopsis">Synopsis</label>
          <textarea
            {...fieldProps('synopsis')}
            rows={4}
            value={values.synopsis}
            onChange={(e) => set('synopsis', e.target.value)}
          />
          {errorFor('synopsis')}
        </div>
        <div className={fieldClass('year')}>
          <label htmlFor="movie-year">Year</label>
          <input
            {...fieldProps('year')}
            inputMode="numeric"
            value={values.year}
            onChange={(e) => set('year', e.target.value)}
          />
          {errorFor('year')}
        </div>
        <div className={fieldClass('durationMinutes')}>
          <label htmlFor="movie-durationMinutes">Running time (minutes)</label>
          <input
            {...fieldProps('durationMinutes')}
            inputMode="decimal"
            value={values.durationMinutes}
            onChange={(e) => set('durationMinutes', e.target.value)}
          />
          {errorFor('durationMinutes')}
        </div>
        <div className={fieldClass('maturityRating')}>
          <label htmlFor="movie-maturityRating">Maturity rating</label>
          <select
            {...fieldProps('maturityRating')}
            value={values.maturityRating}
            onChange={(e) => set('maturityRating', e.target.value as MovieFormValues['maturityRating'])}
          >
            {RATINGS.map((rating) => (
              <option key={rating} value={rating}>
                {RATING_LABELS[rating]}
              </option>
            ))}
          </select>
          {errorFor('maturityRating')}
        </div>
        {(
          [
            ['tags', 'Tags (comma-separated)'],
            ['cast', 'Cast (comma-separated, billing order)'],
            ['directors', 'Directors (comma-separated)'],
          ] as const
        ).map(([key, label]) => (
          <div key={key} className={fieldClass(key, 'field--wide')}>
            <label htmlFor={`movie-${key}`}>{label}</label>
            <input {...fieldProps(key)} value={values[key]} onChange={(e) => set(key, e.target.value)} />
            {errorFor(key)}
          </div>
        ))}
        <fieldset
          className={`genre-picker field--wide${errors.genres ? ' field--invalid' : ''}`}
          aria-describedby={errors.genres ? 'movie-genres-error' : undefined}
        >
          <legend>Genres (one to five)</legend>
          {GENRES.map((genre) => (
            <label key={genre}>
              <input
                type="checkbox"
                checked={values.genres.includes(genre)}
                onChange={(e) =>
                  set(
                    'genres',
                    e.target.checked ? [...values.genres, genre] : values.genres.filter((g) => g !== genre),
                  )
                }
              />{' '}
              {GENRE_LABELS[genre]}
            </label>
          ))}
          {errorFor('genres')}
        </fieldset>
      </div>
      {formError && (
        <p className="field__error" role="alert">
          {formError}
        </p>
      )}
      {warning && (
        <p className="form-warning" role="alert">
          {warning}
        </p>
      )}
      <div className="actions" style={{ marginTop: '1rem' }}>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : movie ? 'Save changes' : 'Create title'}
        </button>
        {saved && (
          <span className="notice" role="status">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}
