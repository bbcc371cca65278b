import { useCallback, useEffect, useRef, useState, type FocusEvent, type PointerEvent } from 'react';

/** How long a pointer rests on (or keyboard focus stays on) a card before its preview opens. */
export const PREVIEW_OPEN_DELAY_MS = 500;
/** Grace for the pointer to travel from the card onto its preview (or back) without closing it. */
export const PREVIEW_CLOSE_DELAY_MS = 150;

export interface PreviewTriggers {
  onPointerEnter(event: PointerEvent<HTMLElement>): void;
  onPointerLeave(): void;
  onPointerDown(event: PointerEvent<HTMLElement>): void;
  onFocus(event: FocusEvent<HTMLElement>): void;
  onBlur(): void;
}

export interface PreviewIntent {
  readonly open: boolean;
  /** For the card. */
  readonly cardTriggers: PreviewTriggers;
  /** For the preview itself: resting on it keeps it open. */
  readonly previewTriggers: Pick<PreviewTriggers, 'onPointerEnter' | 'onPointerLeave'>;
  close(): void;
}

/**
 * Opens a card's preview after the pointer or keyboard focus has rested on it for a moment, so sweeping across
 * a row does not flash previews. Touch never opens one: a tap goes straight to the title (pointer type
 * `touch`, and the focus a tap causes, are ignored).
 */
export function usePreviewIntent(): PreviewIntent {
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const touched = useRef(false);

  const schedule = useCallback((next: boolean, delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setOpen(next), delay);
  }, []);
  const close = useCallback(() => {
    clearTimeout(timer.current);
    setOpen(false);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  useEffect(() => {
    if (!open) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    // Scrolling moves the card away from the preview drawn over it.
    window.addEventListener('scroll', close, { capture: true, passive: true });
    window.addEventListener('keydown', closeOnEscape);
    return () => {
      window.removeEventListener('scroll', close, { capture: true });
      window.removeEventListener('keydown', closeOnEscape);
    };
  }, [open, close]);

  const keepOpen = (event: PointerEvent<HTMLElement>) => {
    if (event.pointerType === 'touch') return;
    if (open) clearTimeout(timer.current);
    else schedule(true, PREVIEW_OPEN_DELAY_MS);
  };
  const leave = () => schedule(false, PREVIEW_CLOSE_DELAY_MS);

  return {
    open,
    close,
    cardTriggers: {
      onPointerEnter: keepOpen,
      onPointerLeave: leave,
      onPointerDown: (event) => {
        touched.current = event.pointerType === 'touch';
      },
      onFocus: () => {
        if (touched.current) return;
        schedule(true, PREVIEW_OPEN_DELAY_MS);
      },
      onBlur: () => {
        touched.current = false;
        leave();
      },
    },
    previewTriggers: { onPointerEnter: keepOpen, onPointerLeave: leave },
  };
}
