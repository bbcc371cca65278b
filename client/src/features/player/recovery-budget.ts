/**
 * How many times the player may recover a failed stream on its own: once per outage. A recovery is spent
 * when tried and given back when the stream loads media again, so a stream that fails, recovers and plays
 * for an hour before the next hiccup recovers again, while one that fails again before loading anything
 * shows the error (with Retry) instead of spinning for ever.
 */
export interface RecoveryBudget {
  /** True (and the recovery spent) when the player may recover on its own now. */
  tryRecover(): boolean;
  /** The stream loaded media: the next failure is a new outage. */
  loaded(): void;
}

export function createRecoveryBudget(): RecoveryBudget {
  let spent = false;
  return {
    tryRecover: () => {
      if (spent) return false;
      spent = true;
      return true;
    },
    loaded: () => {
      spent = false;
    },
  };
}
