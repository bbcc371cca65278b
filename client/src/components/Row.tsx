import { useEffect, useRef, type ReactNode } from 'react';
import { useRowPaging } from './row-paging';
import { PosterSkeletons } from './States';

/**
 * A titled, horizontally scrolling row with arrow buttons that page it sideways a screen of whole cards at a
 * time; arrow keys move focus between cards (paging when focus leaves the view), Home/End jump to the ends.
 * When `onEndReached` is given, reaching the end of the track (scrolling, paging, or arrow keys moving focus
 * there) asks for the next page.
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

  const paging = useRowPaging(trackRef, items(children));
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
        <div className="row__frame">
          <button
            type="button"
            className="row__arrow row__arrow--back"
            aria-label={`Scroll ${title} back`}
            disabled={!paging.canGoBack}
            onClick={() => paging.page(-1)}
          >
            ‹
          </button>
          <div className="row__track" ref={trackRef} onKeyDown={paging.onKeyDown}>
            {children}
            {hasMore && <span className="row__sentinel" ref={sentinelRef} aria-hidden="true" />}
            {loading && <PosterSkeletons count={items(children) === 0 ? 6 : 2} />}
          </div>
          <button
            type="button"
            className="row__arrow row__arrow--forward"
            aria-label={`Scroll ${title} forward`}
            disabled={!paging.canGoForward && !hasMore}
            onClick={() => paging.page(1)}
          >
            ›
          </button>
        </div>
      )}
    </section>
  );
}

function items(children: ReactNode): number {
  return Array.isArray(children) ? children.length : children ? 1 : 0;
}
