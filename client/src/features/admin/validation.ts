import type { Genre, MaturityRating } from '../../gql/graphql';

/** The movie form as typed (strings), before conversion to the API input. */
export interface MovieFormValues {
  title: string;
  synopsis: string;
  year: string;
  genres: Genre[];
  maturityRating: MaturityRating;
  durationMinutes: string;
}

export type MovieFormErrors = Partial<Record<keyof MovieFormValues, string>>;

export interface MovieFields {
  title: string;
  synopsis: string;
  year: number;
  genres: Genre[];
  maturityRating: MaturityRating;
  durationSeconds: number;
}

/** The API's limits (see `CreateMovieInput` in schema.graphql), checked before sending for instant feedback. */
export function validateMovie(values: MovieFormValues): { fields?: MovieFields; errors: MovieFormErrors } {
  const errors: MovieFormErrors = {};
  const title = values.title.trim();
  const synopsis = values.synopsis.trim();
  const year = Number(values.year);
  const minutes = Number(values.durationMinutes);
  if (title.length < 1 || title.length > 200) errors.title = 'Enter a title of 1–200 characters.';
  if (synopsis.length < 1 || synopsis.length > 2000)
    errors.synopsis = 'Enter a synopsis of 1–2,000 characters.';
  if (!Number.isInteger(year) || year < 1888 || year > 2100)
    errors.year = 'Enter a year between 1888 and 2100.';
  if (values.genres.length < 1 || values.genres.length > 5) errors.genres = 'Choose one to five genres.';
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes * 60 > 86_400) {
    errors.durationMinutes = 'Enter a running time between 1 minute and 24 hours.';
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    fields: {
      title,
      synopsis,
      year,
      genres: values.genres,
      maturityRating: values.maturityRating,
      durationSeconds: Math.round(minutes * 60),
    },
  };
}

/** Maps an API field name (`durationSeconds`, `input.title`) to the form field showing its error. */
export function formFieldFor(apiField: string): keyof MovieFormValues | undefined {
  const name = apiField.replace(/^input\./, '');
  if (name === 'durationSeconds') return 'durationMinutes';
  const known: ReadonlyArray<keyof MovieFormValues> = [
    'title',
    'synopsis',
    'year',
    'genres',
    'maturityRating',
  ];
  return known.find((field) => field === name);
}
