import type { Genre, MaturityRating, SearchFilter } from '../../gql/graphql';
import { GENRE_LABELS, GENRES, RATING_LABELS, RATINGS } from '../../lib/genres';

/** The filter form as typed; empty strings mean "any". */
export interface FilterValues {
  genre: Genre | '';
  yearFrom: string;
  yearTo: string;
  rating: MaturityRating | '';
}

export const NO_FILTERS: FilterValues = { genre: '', yearFrom: '', yearTo: '', rating: '' };

const year = (text: string): number | null => {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= 1888 && value <= 2100 ? value : null;
};

/** The API filter for the form; years that are not whole years from 1888 to 2100 are left out. */
export function toSearchFilter(values: FilterValues): SearchFilter | null {
  const filter: SearchFilter = {};
  if (values.genre) filter.genres = [values.genre];
  if (values.rating) filter.maturityRatings = [values.rating];
  const from = year(values.yearFrom);
  const to = year(values.yearTo);
  if (from !== null) filter.yearFrom = from;
  if (to !== null && (from === null || to >= from)) filter.yearTo = to;
  return Object.keys(filter).length > 0 ? filter : null;
}

/** A labelled select of `options` with an "Any" choice (the empty string). */
function AnySelect<T extends string>({
  label,
  value,
  options,
  labels,
  onChange,
}: {
  label: string;
  value: T | '';
  options: readonly T[];
  labels: Readonly<Record<T, string>>;
  onChange: (value: T | '') => void;
}) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as T | '')}>
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function SearchFilters({
  values,
  onChange,
}: {
  values: FilterValues;
  onChange: (values: FilterValues) => void;
}) {
  const set = <K extends keyof FilterValues>(key: K, value: FilterValues[K]) =>
    onChange({ ...values, [key]: value });
  const yearInput = (key: 'yearFrom' | 'yearTo', label: string) => (
    <label>
      {label}{' '}
      <input inputMode="numeric" size={5} value={values[key]} onChange={(e) => set(key, e.target.value)} />
    </label>
  );
  return (
    <fieldset className="search-filters" data-testid="search-filters">
      <legend>Filters</legend>
      <AnySelect
        label="Genre"
        value={values.genre}
        options={GENRES}
        labels={GENRE_LABELS}
        onChange={(genre) => set('genre', genre)}
      />
      {yearInput('yearFrom', 'From year')}
      {yearInput('yearTo', 'To year')}
      <AnySelect
        label="Rating"
        value={values.rating}
        options={RATINGS}
        labels={RATING_LABELS}
        onChange={(rating) => set('rating', rating)}
      />
      <button
        type="button"
        className="button button--small button--ghost"
        onClick={() => onChange(NO_FILTERS)}
      >
        Clear filters
      </button>
    </fieldset>
  );
}
