import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Spinner } from '../../components/States';
import { formatClock } from '../../lib/format';
import { isPlayingIntent, isWaiting } from './player-machine';
import { PlayerControls } from './PlayerControls';
import { PlayerErrorPanel } from './PlayerErrorPanel';
import { usePlayer, type PlayerSession } from './use-player';
import { useIdle } from './use-idle';

/**
 * Back returns to where the viewer came from, or to the page of what plays (`backTo`) when the player was
 * opened directly (a shared link, a reload): leaving the app would lose them.
 */
function useBack(backTo: string): () => void {
  const navigate = useNavigate();
  return () => {
    const historyIndex = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (historyIndex > 0) void navigate(-1);
    else void navigate(backTo, { replace: true });
  };
}

/** The player for one session (`session` is read once: the screens key this by what plays). */
export function PlayerView(props: { readonly session: PlayerSession; readonly notice?: string }) {
  // Captured at mount: a title's session starts at one resume point and one stream credential.
  const [session] = useState(props.session);
  const back = useBack(session.target.backTo);
  const videoRef = useRef<HTMLVideoElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState('');
  const { model, actions } = usePlayer(session, videoRef, containerRef, setStatus);
  const idle = useIdle(containerRef, isPlayingIntent(model.state));
  const { state } = model;
  const { target, startAt } = session;
  const isSound = target.kind === 'audio';
  const defaultStatus = props.notice ?? (startAt > 0 ? `Resuming from ${formatClock(startAt)}` : '');

  return (
    <div
      className={`player${idle ? ' player--idle' : ''}${isSound ? ' player--sound' : ''}`}
      data-testid="player"
      ref={containerRef}
    >
      <div className="player__bar">
        <button type="button" className="button button--small" onClick={back} aria-label="Back">
          ← Back
        </button>
        <span className="player__title">{target.title}</span>
        <span className="player__status" role="status" data-testid="player-status">
          {status || defaultStatus}
        </span>
      </div>
      <video
        ref={videoRef}
        playsInline
        preload="metadata"
        aria-label={`${target.title} ${isSound ? 'sound' : 'video'}`}
        data-testid="video"
        data-state={state.kind}
        onClick={() => actions.togglePlay()}
        onDoubleClick={() => actions.toggleFullscreen()}
      />
      {isSound && (
        <div className="player__sound-title" aria-hidden="true">
          {target.title}
        </div>
      )}
      {isWaiting(state) && (
        <div className="player__overlay">
          <Spinner label={state.kind === 'loading' ? 'Loading' : 'Buffering'} />
        </div>
      )}
      {state.kind === 'error' && (
        <div className="player__overlay">
          <PlayerErrorPanel
            reason={state.reason}
            retryable={state.retryable}
            detail={state.detail}
            onRetry={actions.retry}
          />
        </div>
      )}
      <PlayerControls model={model} actions={actions} hidden={idle} />
    </div>
  );
}
