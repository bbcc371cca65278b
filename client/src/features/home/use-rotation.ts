import { useCallback, useEffect, useState } from 'react';

/** How long each featured title stays in the hero. */
export const ROTATION_INTERVAL_MS = 8000;

export interface Rotation {
  readonly index: number;
  /** Shows one item now; its full interval starts again. */
  select(index: number): void;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** Whether the viewer asked for less motion, kept current if the setting changes. */
function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(prefersReducedMotion);
  useEffect(() => {
    const query = window.matchMedia?.('(prefers-reduced-motion: reduce)');
    if (!query) return;
    const update = () => setReduced(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return reduced;
}

/**
 * Steps through `count` items every `intervalMs`, wrapping around. It holds still while `paused` (the viewer
 * is pointing at or focused in it), when the viewer prefers reduced motion, and while the tab is hidden.
 */
export function useRotation(count: number, paused: boolean, intervalMs = ROTATION_INTERVAL_MS): Rotation {
  const [index, setIndex] = useState(0);
  const [restarts, setRestarts] = useState(0);
  const reducedMotion = useReducedMotion();
  const [hidden, setHidden] = useState(() => document.visibilityState === 'hidden');

  useEffect(() => {
    const update = () => setHidden(document.visibilityState === 'hidden');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);

  const still = paused || reducedMotion || hidden || count < 2;
  useEffect(() => {
    if (still) return;
    const timer = setTimeout(() => setIndex((current) => (current + 1) % count), intervalMs);
    return () => clearTimeout(timer);
  }, [still, index, restarts, count, intervalMs]);

  const select = useCallback((next: number) => {
    setIndex(next);
    setRestarts((value) => value + 1);
  }, []);
  return { index: count > 0 ? index % count : 0, select };
}
