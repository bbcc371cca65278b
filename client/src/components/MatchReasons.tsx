import type { SearchField } from '../gql/graphql';

export interface MatchHighlight {
  readonly field: SearchField;
  readonly words: readonly string[];
}

/** Why a search result matched: each field a search word matched, with the matching words marked. */
export function MatchReasons({
  label,
  highlights,
  fieldLabels,
}: {
  label: string;
  highlights: readonly MatchHighlight[];
  fieldLabels: Readonly<Partial<Record<SearchField, string>>>;
}) {
  return (
    <dl className="search-result__why" aria-label={label}>
      {highlights.map((highlight) => (
        <div key={highlight.field}>
          <dt>{fieldLabels[highlight.field] ?? highlight.field}</dt>
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
  );
}
