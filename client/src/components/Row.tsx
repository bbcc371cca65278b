import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { PosterSkeletons } from './States';

/**
 * A titled, horizontally scrolling row with arrow buttons that page it sideways (about a screen at a time).
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
          <div className="row__track" ref={trackRef} onKeyDown={moveFocusWithArrows}>
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

interface RowPaging {
  readonly canGoBack: boolean;
  readonly canGoForward: boolean;
  page(direction: 1 | -1): void;
}

/** Whether the track can scroll either way, kept current on scroll, resize and new cards. */
function useRowPaging(trackRef: React.RefObject<HTMLDivElement | null>, cardCount: number): RowPaging {
  const [edges, setEdges] = useState({ canGoBack: false, canGoForward: false });
  const measure = useCallback(() => {
    const track = trackRef.current;
    if (!track) return;
    const canGoBack = track.scrollLeft > 1;
    const canGoForward = track.scrollLeft + track.clientWidth < track.scrollWidth - 1;
    setEdges((current) =>
      current.canGoBack === canGoBack && current.canGoForward === canGoForward
        ? current
        : { canGoBack, canGoForward },
    );
  }, [trackRef]);

  useEffect(() => {
    const track = trackRef.current;
    if (!track) return;
    measure();
    track.addEventListener('scroll', measure, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(track);
    return () => {
      track.removeEventListener('scroll', measure);
      resize.disconnect();
    };
  }, [trackRef, measure, cardCount]);

  const page = (direction: 1 | -1) => {
    const track = trackRef.current;
    if (!track) return;
    // Most of a screen, so the last card of one page is the first of the next and nothing is skipped.
    track.scrollBy({ left: direction * Math.max(1, track.clientWidth * 0.85), behavior: 'smooth' });
  };
  return { ...edges, page };
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
