import { vi } from 'vitest';

/** A row laid out as in the browser: equal cards with a gap, in a track of a given visible width. */
export interface RowLayout {
  readonly cardWidth: number;
  readonly gap: number;
  readonly viewportWidth: number;
}

const isCard = (element: HTMLElement): boolean => element.matches('a.poster');
const isTrack = (element: HTMLElement): boolean => element.classList.contains('row__track');
const cardIndex = (card: HTMLElement): number =>
  Array.from(card.parentElement?.querySelectorAll('a.poster') ?? []).indexOf(card);

/**
 * Gives jsdom (which has no layout) the geometry a row's paging reads: card offsets and widths, the track's
 * visible and total width, and `scrollTo`/`scrollLeft` that move it at once (as reduced motion would).
 */
export function layOutRows(layout: RowLayout): void {
  const scrollOffsets = new WeakMap<HTMLElement, number>();
  const trackWidth = (track: HTMLElement): number => {
    const count = track.querySelectorAll('a.poster').length;
    return Math.max(layout.viewportWidth, count * layout.cardWidth + Math.max(0, count - 1) * layout.gap);
  };
  const maxScroll = (track: HTMLElement): number => trackWidth(track) - layout.viewportWidth;

  vi.spyOn(HTMLElement.prototype, 'offsetLeft', 'get').mockImplementation(function (this: HTMLElement) {
    return isCard(this) ? cardIndex(this) * (layout.cardWidth + layout.gap) : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return isCard(this) ? layout.cardWidth : isTrack(this) ? layout.viewportWidth : 0;
  });
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockImplementation(function (this: Element) {
    return this instanceof HTMLElement && isTrack(this) ? layout.viewportWidth : 0;
  });
  vi.spyOn(Element.prototype, 'scrollWidth', 'get').mockImplementation(function (this: Element) {
    return this instanceof HTMLElement && isTrack(this) ? trackWidth(this) : 0;
  });
  vi.spyOn(Element.prototype, 'scrollLeft', 'get').mockImplementation(function (this: Element) {
    return this instanceof HTMLElement ? (scrollOffsets.get(this) ?? 0) : 0;
  });
  Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number) {
    if (!(this instanceof HTMLElement) || typeof options !== 'object') return;
    const left = Math.min(maxScroll(this), Math.max(0, options.left ?? 0));
    scrollOffsets.set(this, left);
    this.dispatchEvent(new Event('scroll'));
  } as Element['scrollTo'];
}

/** The titles (aria-labels) of the cards a viewer sees whole in a row's track. */
export function titlesInView(track: HTMLElement): string[] {
  const start = track.scrollLeft;
  const end = start + track.clientWidth;
  return Array.from(track.querySelectorAll<HTMLElement>('a.poster'))
    .filter((card) => card.offsetLeft >= start && card.offsetLeft + card.offsetWidth <= end)
    .map((card) => card.getAttribute('aria-label') ?? '');
}
