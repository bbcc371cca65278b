/** How often the player saves the position while playing; the cost bench prices saves from it. */
export const PROGRESS_SAVE_INTERVAL_MS = 10_000;
