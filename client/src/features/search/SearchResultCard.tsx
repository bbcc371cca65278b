import { PosterCard, type PosterCardMovie } from '../../components/PosterCard';
import type { SearchField } from '../../gql/graphql';

const FIELD_LABELS: Readonly<Record<SearchField, string>> = {
  TITLE: 'Title',
  TAGS: 'Tags',
  CAST: 'Cast & directors',
  DESCRIPTION: 'Synopsis',
};

export interface SearchResultView {
  readonly movie: PosterCardMovie;
  readonly matchedField: SearchField;
  readonly highlights: readonly { readonly field: SearchField; readonly words: readonly string[] }[];
}

/** A result with why it matched: each field a search word matched, with the matching words marked. */
export function SearchResultCard({ result, onOpen }: { result: SearchResultView; onOpen: () => void }) {
  return (
    <div className="search-result" data-testid="search-result" data-matched-field={result.matchedField}>
      <div onClickCapture={onOpen}>
        <PosterCard movie={result.movie} />
      </div>
      <dl className="search-result__why" aria-label={`Why ${result.movie.title} matched`}>
        {result.highlights.map((highlight) => (
          <div key={highlight.field}>
            <dt>{FIELD_LABELS[highlight.field]}</dt>
            <dd>
              {highlight.words.map((word, index) => (
                <span key={word}>
                  {index > 0 ? ', ' : ''}
                  <mark>{word}</mark>
                </span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
