import { useEffect, useRef, useState } from 'react';
import { formatClock } from '../../lib/format';
import { HelpOverlay } from './HelpOverlay';
import { FullscreenIcon, MutedIcon, PictureInPictureIcon, VolumeIcon } from './icons';
import { MenuButton } from './MenuButton';
import { isPlayingIntent } from './player-machine';
import {
  PLAYBACK_RATES,
  qualityLabel,
  rateLabel,
  type PlayerActions,
  type PlayerModel,
} from './player-model';
import { SeekBar } from './SeekBar';
import { SEEK_STEPS, shortcutFor, type ShortcutAction } from './shortcuts';

type OpenMenu = 'quality' | 'speed' | null;

/** Text fields keep their keys; the player's controls (buttons, sliders) do not. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && target.type !== 'range';
}

/**
 * The player's own controls over `model`, and its keyboard shortcuts (see `shortcuts.ts`). Hidden (but still
 * reachable by keyboard, which wakes them) when `hidden`.
 */
export function PlayerControls(props: {
  readonly model: PlayerModel;
  readonly actions: PlayerActions;
  readonly hidden: boolean;
}) {
  const { model, actions } = props;
  const [openMenu, setOpenMenu] = useState<OpenMenu>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const latest = useRef({ model, actions, openMenu, helpOpen });
  latest.current = { model, actions, openMenu, helpOpen };

  useEffect(() => {
    const run = (action: ShortcutAction) => {
      const { actions: act, model: now } = latest.current;
      const step = SEEK_STEPS[action];
      if (step !== undefined) return act.seekBy(step);
      if (action === 'togglePlay') return act.togglePlay();
      if (action === 'toggleMute') return act.toggleMute();
      if (action === 'toggleFullscreen') return act.toggleFullscreen();
      if (action === 'help') return setHelpOpen((open) => !open);
      // Escape: close what is open, innermost first; the browser also leaves full screen on its own.
      if (latest.current.openMenu) return setOpenMenu(null);
      if (latest.current.helpOpen) return setHelpOpen(false);
      if (now.fullscreen) act.toggleFullscreen();
    };
    const onKey = (event: KeyboardEvent) => {
      if (isTextEntry(event.target)) return;
      const action = shortcutFor(event);
      if (!action) return;
      // Also stops Space from pressing a focused button and the arrows from stepping a focused slider twice.
      event.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  /** Open/close and pick for one menu; picking closes it. */
  const menuState = <T,>(menu: Exclude<OpenMenu, null>, pick: (value: T) => void) => ({
    open: openMenu === menu,
    onToggle: () => setOpenMenu((open) => (open === menu ? null : menu)),
    onSelect: (value: T) => {
      pick(value);
      setOpenMenu(null);
    },
  });
  const playing = isPlayingIntent(model.state);
  const quality = model.quality;

  return (
    <>
      <div
        className={`player-controls${props.hidden ? ' player-controls--hidden' : ''}`}
        data-testid="player-controls"
      >
        <SeekBar
          currentTime={model.currentTime}
          duration={model.duration}
          thumbnails={model.thumbnails}
          onSeek={actions.seekTo}
        />
        <div className="player-controls__row">
          <button
            type="button"
            className="player-control"
            aria-label={playing ? 'Pause' : 'Play'}
            onClick={() => actions.togglePlay()}
          >
            {playing ? '❚❚' : '▶'}
          </button>
          <button
            type="button"
            className="player-control"
            aria-label="Rewind 10 seconds"
            onClick={() => actions.seekBy(-10)}
          >
            ↺10
          </button>
          <button
            type="button"
            className="player-control"
            aria-label="Forward 10 seconds"
            onClick={() => actions.seekBy(10)}
          >
            10↻
          </button>
          <button
            type="button"
            className="player-control"
            aria-label={model.muted ? 'Unmute' : 'Mute'}
            aria-pressed={model.muted}
            onClick={() => actions.toggleMute()}
          >
            {model.muted || model.volume === 0 ? <MutedIcon /> : <VolumeIcon />}
          </button>
          <input
            type="range"
            className="player-volume"
            aria-label="Volume"
            min={0}
            max={1}
            step={0.05}
            value={model.muted ? 0 : model.volume}
            onChange={(event) => actions.setVolume(Number(event.currentTarget.value))}
          />
          <span className="player-controls__time" data-testid="player-time">
            {formatClock(model.currentTime)} / {formatClock(model.duration)}
          </span>
          <span className="player-controls__spacer" />
          <MenuButton
            name="Speed"
            valueLabel={rateLabel(model.playbackRate)}
            options={PLAYBACK_RATES.map((rate) => ({ value: rate, label: rateLabel(rate) }))}
            selected={model.playbackRate}
            {...menuState('speed', actions.setPlaybackRate)}
          />
          {quality && quality.levels.length > 0 && (
            <MenuButton<number | 'auto'>
              name="Quality"
              valueLabel={qualityLabel(quality)}
              options={[
                { value: 'auto', label: 'Auto' },
                ...quality.levels.map((level) => ({ value: level.index, label: level.label })),
              ]}
              selected={quality.selected}
              {...menuState('quality', actions.setQuality)}
            />
          )}
          {model.pictureInPicture && (
            <button
              type="button"
              className="player-control"
              aria-label={model.pictureInPicture.active ? 'Leave picture-in-picture' : 'Picture-in-picture'}
              onClick={() => actions.togglePictureInPicture()}
            >
              <PictureInPictureIcon />
            </button>
          )}
          <button
            type="button"
            className="player-control"
            aria-label="Keyboard shortcuts"
            aria-expanded={helpOpen}
            onClick={() => setHelpOpen((open) => !open)}
          >
            ?
          </button>
          <button
            type="button"
            className="player-control"
            aria-label={model.fullscreen ? 'Leave full screen' : 'Full screen'}
            onClick={() => actions.toggleFullscreen()}
          >
            <FullscreenIcon />
          </button>
        </div>
      </div>
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
    </>
  );
}
