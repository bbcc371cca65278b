import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { PosterSkeletons } from './States';

/**
 * A titled, horizontally scrolling row. When `onEndReached` is given, reaching the end of the track
 * (scrolling, or arrow keys moving focus there) asks for the next page.
 */
export function Row({
  title,
  children,
  loading,
  error,
  hasMore,
  onEndReached,
  testId,
}: {
  title: string;
  children: ReactNode;
  loading?: boolean;
  error?: string;
  hasMore?: boolean;
  onEndReached?: () => void;
  testId?: string;
}) {
  const trackRef = useRef<HTMLDivElement>(null);
  const sentinelRef = useRef<HTMLSpanElement>(null);
  const onEndRef = useRef(onEndReached);
  onEndRef.current = onEndReached;

  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || !hasMore) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) onEndRef.current?.();
      },
      { root: trackRef.current, rootMargin: '0px 400px 0px 0px' },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasMore]);

  const headingId = `row-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="row" aria-labelledby={headingId} data-testid={testId}>
      <h2 className="row__title" id={headingId}>
        {title}
      </h2>
      {error ? (
        <p className="state state--error" role="alert">
          {error}
        </p>
      ) : (
        <div className="row__track" ref={trackRef} onKeyDown={moveFocusWithArrows}>
          {children}
          {hasMore && <span className="row__sentinel" ref={sentinelRef} aria-hidden="true" />}
          {loading && <PosterSkeletons count={items(children) === 0 ? 6 : 2} />}
        </div>
      )}
    </section>
  );
}

function items(children: ReactNode): number {
  return Array.isArray(children) ? children.length : children ? 1 : 0;
}

/** Left/right arrows move between the row's cards; focus follows into view. */
function moveFocusWithArrows(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  const cards = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('a.poster'));
  const index = cards.indexOf(document.activeElement as HTMLElement);
  if (index < 0) return;
  const next = cards[index + (event.key === 'ArrowRight' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
    next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
}
