import { useEffect, useState, type RefObject } from 'react';

/** How long the controls stay up after the last mouse move, tap or key while playing. */
export const CONTROLS_IDLE_MS = 3_000;

/**
 * Whether the viewer has been idle for `CONTROLS_IDLE_MS` over `area` while `active` (playing). Any
 * pointer move, touch, key or focus inside the area wakes the controls; they never hide while paused.
 */
export function useIdle(area: RefObject<HTMLElement | null>, active: boolean): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    const element = area.current;
    if (!element || !active) {
      setIdle(false);
      return;
    }
    let timer = setTimeout(() => setIdle(true), CONTROLS_IDLE_MS);
    const wake = () => {
      setIdle(false);
      clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), CONTROLS_IDLE_MS);
    };
    const events = ['pointermove', 'pointerdown', 'keydown', 'focusin'] as const;
    for (const name of events) element.addEventListener(name, wake);
    return () => {
      clearTimeout(timer);
      for (const name of events) element.removeEventListener(name, wake);
    };
  }, [area, active]);
  return idle;
}
