import type { ReactNode } from 'react';
import type { MaturityRating } from '../gql/graphql';
import { formatRuntime } from '../lib/format';
import { RATING_LABELS } from '../lib/genres';

/** A title's year, rating badge and running time (then anything the caller adds), as one line of facts. */
export function TitleFacts({
  year,
  maturityRating,
  durationSeconds,
  className = 'meta',
  children,
}: {
  year: number;
  maturityRating: MaturityRating;
  durationSeconds: number;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div className={className}>
      <span>{year}</span>
      <span className="meta__rating">{RATING_LABELS[maturityRating]}</span>
      <span>{formatRuntime(durationSeconds)}</span>
      {children}
    </div>
  );
}
