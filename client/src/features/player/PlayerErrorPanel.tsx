import { PLAYER_ERROR_MESSAGES } from './player-errors';
import type { PlayerErrorReason } from './player-machine';

/** What went wrong, in plain words, with Retry when trying again can help. */
export function PlayerErrorPanel(props: {
  readonly reason: PlayerErrorReason;
  readonly retryable: boolean;
  readonly detail?: string;
  readonly onRetry: () => void;
}) {
  const { title, message } = PLAYER_ERROR_MESSAGES[props.reason];
  return (
    <div className="player-error" role="alert" data-testid="player-error" data-reason={props.reason}>
      <h2>{title}</h2>
      <p>{message}</p>
      {props.detail && <p className="player-error__detail">{props.detail}</p>}
      {props.retryable && (
        <button type="button" className="button button--primary" onClick={() => props.onRetry()}>
          Retry
        </button>
      )}
    </div>
  );
}
