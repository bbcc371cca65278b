import type { Genre, MaturityRating } from '../../gql/graphql';
import { commaList } from '../../lib/comma-list';

/** The movie form as typed (strings), before conversion to the API input. */
export interface MovieFormValues {
  title: string;
  synopsis: string;
  year: string;
  genres: Genre[];
  maturityRating: MaturityRating;
  durationMinutes: string;
  /** Comma-separated lists. */
  tags: string;
  cast: string;
  directors: string;
}

export type MovieFormErrors = Partial<Record<keyof MovieFormValues, string>>;

export interface MovieFields {
  title: string;
  synopsis: string;
  year: number;
  genres: Genre[];
  maturityRating: MaturityRating;
  durationSeconds: number;
  tags: string[];
  cast: string[];
  directors: string[];
}

/** The API's limits on the comma-separated lists: at most `count` entries of at most `length` characters. */
const LIST_LIMITS = {
  tags: { count: 20, length: 40, noun: 'tags' },
  cast: { count: 30, length: 100, noun: 'names' },
  directors: { count: 5, length: 100, noun: 'names' },
} as const;

function listProblem(entries: string[], key: keyof typeof LIST_LIMITS): string | undefined {
  const { count, length, noun } = LIST_LIMITS[key];
  if (entries.length > count) return `List at most ${count} ${noun}, separated by commas.`;
  if (entries.some((entry) => entry.length > length)) return `Keep each entry to ${length} characters.`;
  const lower = entries.map((entry) => entry.toLowerCase());
  if (lower.some((entry, index) => lower.indexOf(entry) !== index)) return 'Remove the repeated entry.';
  return undefined;
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
  const lists = {
    tags: commaList(values.tags),
    cast: commaList(values.cast),
    directors: commaList(values.directors),
  };
  for (const key of ['tags', 'cast', 'directors'] as const) {
    const problem = listProblem(lists[key], key);
    if (problem) errors[key] = problem;
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
      ...lists,
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
    'tags',
    'cast',
    'directors',
  ];
  return known.find((field) => field === name);
}
