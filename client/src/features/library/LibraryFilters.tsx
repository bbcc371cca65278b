import type { LibraryItemKind } from '../../gql/graphql';
import { KIND_FILTERS } from './library-rules';

/** Kind (All / Videos / Photos / Sounds) as a group of toggle buttons, and the tag filter with Clear. */
export function LibraryFilters({
  kind,
  tag,
  onChange,
}: {
  kind: LibraryItemKind | null;
  tag: string | null;
  onChange: (kind: LibraryItemKind | null, tag: string | null) => void;
}) {
  return (
    <div className="library-filters">
      <div role="group" aria-label="Show" className="library-filters__kinds">
        {KIND_FILTERS.map((entry) => (
          <button
            key={entry.label}
            type="button"
            className={`button button--small${entry.kind === kind ? '' : ' button--ghost'}`}
            aria-pressed={entry.kind === kind}
            onClick={() => onChange(entry.kind, tag)}
          >
            {entry.label}
          </button>
        ))}
      </div>
      {tag && (
        <p className="library-filters__tag" data-testid="tag-filter">
          Tagged <strong>#{tag}</strong>{' '}
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => onChange(kind, null)}
          >
            Clear tag
          </button>
        </p>
      )}
    </div>
  );
}
