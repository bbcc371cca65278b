import { Link } from 'react-router';
import { PlayerErrorPanel } from './PlayerErrorPanel';
import type { PlayerErrorReason } from './player-machine';

/** The player's page when its stream could not be fetched: the reason, Retry, and Back to where it came from. */
export function PlayerLoadFailure(props: {
  readonly reason: PlayerErrorReason;
  readonly detail?: string;
  readonly onRetry: () => void;
  readonly backTo: string;
}) {
  return (
    <div className="player player--message">
      <PlayerErrorPanel reason={props.reason} retryable detail={props.detail} onRetry={props.onRetry} />
      <Link className="button" to={props.backTo}>
        Back
      </Link>
    </div>
  );
}
