import { PosterCard, type PosterCardMovie } from '../../components/PosterCard';
import { MatchReasons, type MatchHighlight } from '../../components/MatchReasons';
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
  readonly highlights: readonly MatchHighlight[];
}

/** A result with why it matched: each field a search word matched, with the matching words marked. */
export function SearchResultCard({ result, onOpen }: { result: SearchResultView; onOpen: () => void }) {
  return (
    <div className="search-result" data-testid="search-result" data-matched-field={result.matchedField}>
      <div onClickCapture={onOpen}>
        <PosterCard movie={result.movie} />
      </div>
      <MatchReasons
        label={`Why ${result.movie.title} matched`}
        highlights={result.highlights}
        fieldLabels={FIELD_LABELS}
      />
    </div>
  );
}
