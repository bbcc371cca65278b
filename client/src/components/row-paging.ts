import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';

/** The cards of a row's track, in order. */
const CARD_SELECTOR = 'a.poster';

export interface RowPaging {
  readonly canGoBack: boolean;
  readonly canGoForward: boolean;
  /** Scrolls a page: forward brings the first card not fully seen to the start, back the reverse. */
  page(direction: 1 | -1): void;
  /** Arrow keys move focus card by card (paging when focus leaves the view), Home/End jump to the ends. */
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
}

interface View {
  /** Scroll offsets of the first and last pixel a card must lie within to be fully seen. */
  readonly start: number;
  readonly end: number;
  readonly padStart: number;
  readonly padEnd: number;
}

function cardsOf(track: HTMLElement): HTMLElement[] {
  return Array.from(track.querySelectorAll<HTMLElement>(CARD_SELECTOR));
}

/** The part of the track a viewer sees, less the scroll padding (the gutter the cards align to). */
function viewOf(track: HTMLElement): View {
  const style = getComputedStyle(track);
  const padStart = Number.parseFloat(style.scrollPaddingInlineStart) || 0;
  const padEnd = Number.parseFloat(style.scrollPaddingInlineEnd) || 0;
  return {
    start: track.scrollLeft + padStart,
    end: track.scrollLeft + track.clientWidth - padEnd,
    padStart,
    padEnd,
  };
}

const fullySeen = (card: HTMLElement, view: View): boolean =>
  card.offsetLeft >= view.start - 1 && card.offsetLeft + card.offsetWidth <= view.end + 1;

/** Scroll offset that puts `card` first in view (under the row's title). */
const offsetShowingFirst = (card: HTMLElement, view: View): number => card.offsetLeft - view.padStart;

/** Scroll offset that puts `card` last in view. */
const offsetShowingLast = (card: HTMLElement, view: View, track: HTMLElement): number =>
  card.offsetLeft + card.offsetWidth + view.padEnd - track.clientWidth;

function scrollTrack(track: HTMLElement, left: number): void {
  const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const max = Math.max(0, track.scrollWidth - track.clientWidth);
  track.scrollTo({ left: Math.min(max, Math.max(0, left)), behavior: reduceMotion ? 'auto' : 'smooth' });
}

/**
 * Paging and keyboard movement for a row's track. Pages land on card edges, so a page never skips a card or
 * shows half of one at the start; focus uses a roving tab stop, so Tab enters a row once and leaves it.
 */
export function useRowPaging(trackRef: RefObject<HTMLElement | null>, cardCount: number): RowPaging {
  const [edges, setEdges] = useState({ canGoBack: false, canGoForward: false });
  const activeIndex = useRef(0);

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

  // The roving tab stop: the card last focused (or the first) is the row's one Tab stop.
  useEffect(() => {
    const track = trackRef.current;
    if (!track) return;
    const cards = cardsOf(track);
    activeIndex.current = Math.min(activeIndex.current, Math.max(0, cards.length - 1));
    cards.forEach((card, index) => {
      card.tabIndex = index === activeIndex.current ? 0 : -1;
    });
    const follow = (event: FocusEvent) => {
      const index = cards.indexOf(event.target as HTMLElement);
      if (index < 0 || index === activeIndex.current) return;
      cards[activeIndex.current]?.setAttribute('tabindex', '-1');
      cards[index]?.setAttribute('tabindex', '0');
      activeIndex.current = index;
    };
    track.addEventListener('focusin', follow);
    return () => track.removeEventListener('focusin', follow);
  }, [trackRef, cardCount]);

  const page = (direction: 1 | -1) => {
    const track = trackRef.current;
    if (!track) return;
    const cards = cardsOf(track);
    const view = viewOf(track);
    if (direction === 1) {
      const next = cards.find((card) => card.offsetLeft + card.offsetWidth > view.end + 1);
      scrollTrack(track, next ? offsetShowingFirst(next, view) : track.scrollWidth);
      return;
    }
    const firstSeen = cards.findIndex((card) => fullySeen(card, view));
    const previous = cards[firstSeen - 1];
    scrollTrack(track, previous ? offsetShowingLast(previous, view, track) : 0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const track = trackRef.current;
    if (!track) return;
    const cards = cardsOf(track);
    const index = cards.indexOf(document.activeElement as HTMLElement);
    if (index < 0) return;
    const targets: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: cards.length - 1,
    };
    const target = targets[event.key];
    const card = target === undefined ? undefined : cards[target];
    if (target === undefined) return;
    event.preventDefault();
    if (!card) return;
    card.focus({ preventScroll: true });
    const view = viewOf(track);
    if (fullySeen(card, view)) return;
    // Focus left the view: page so the card is first (moving forward) or last (moving back) in view.
    scrollTrack(
      track,
      target > index ? offsetShowingFirst(card, view) : offsetShowingLast(card, view, track),
    );
  };

  return { ...edges, page, onKeyDown };
}
