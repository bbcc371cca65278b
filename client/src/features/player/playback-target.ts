import type { PlayerSource } from './use-player';
import type { SaveReason } from './progress-saver';

/** The position a save ended with: this save's, or a newer one from another device. */
export interface SavedPosition {
  readonly positionSeconds: number;
  readonly watched: boolean;
}

/**
 * What a player session plays and how it keeps its progress: a catalog title (catalog-target.ts) or a
 * library item (library-target.ts). The player itself knows neither.
 */
export interface PlaybackTarget {
  /** Distinct per thing played (keys the session). */
  readonly id: string;
  readonly title: string;
  /** From the API; the stream's own duration replaces it once loaded. */
  readonly durationSeconds: number;
  /** Artwork for the system's media controls. */
  readonly posterUrl?: string | null;
  /** A sound has no picture: the player shows its title instead. */
  readonly kind: 'video' | 'audio';
  /** Where Back goes when the player was opened directly (no history to go back to). */
  readonly backTo: string;
  /**
   * Saves the place (`ended`: the end, marked watched). `keepalive` lets the last save of a closing tab reach
   * the server. Resolves to the position that won, or null when the server sent none.
   */
  readonly save: (
    positionSeconds: number,
    reason: SaveReason,
    options: { readonly keepalive: boolean },
  ) => Promise<SavedPosition | null>;
  /** A new stream credential (before the current one expires, or after a refused segment). */
  readonly renew: () => Promise<PlayerSource>;
}

/** Whole seconds within the running time: what the API takes. */
export function savableSeconds(positionSeconds: number, durationSeconds: number): number {
  return Math.max(0, Math.min(Math.floor(positionSeconds), Math.ceil(durationSeconds)));
}
