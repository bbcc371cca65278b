import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlayerControls } from '../../../client/src/features/player/PlayerControls';
import { PlayerErrorPanel } from '../../../client/src/features/player/PlayerErrorPanel';
import type { PlayerActions, PlayerModel } from '../../../client/src/features/player/player-model';
import { SHORTCUTS } from '../../../client/src/features/player/shortcuts';

const LEVELS = [
  { index: 1, height: 720, bitrate: 3_000_000, label: '720p' },
  { index: 0, height: 360, bitrate: 730_000, label: '360p' },
];

function model(overrides: Partial<PlayerModel> = {}): PlayerModel {
  return {
    state: { kind: 'playing' },
    currentTime: 30,
    duration: 120,
    volume: 1,
    muted: false,
    playbackRate: 1,
    quality: { levels: LEVELS, selected: 'auto', playing: 0 },
    fullscreen: false,
    pictureInPicture: null,
    thumbnails: [
      { start: 0, end: 60, spriteUrl: 'http://app.test/s/sprite-0.jpg', x: 0, y: 0, width: 160, height: 90 },
      {
        start: 60,
        end: 120,
        spriteUrl: 'http://app.test/s/sprite-0.jpg',
        x: 160,
        y: 0,
        width: 160,
        height: 90,
      },
    ],
    ...overrides,
  };
}

/** The actions, each recording what it was asked. */
function recordingActions() {
  const calls: [keyof PlayerActions, ...unknown[]][] = [];
  const record =
    (name: keyof PlayerActions) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
    };
  const actions: PlayerActions = {
    togglePlay: record('togglePlay'),
    seekBy: record('seekBy'),
    seekTo: record('seekTo'),
    setVolume: record('setVolume'),
    toggleMute: record('toggleMute'),
    setQuality: record('setQuality'),
    setPlaybackRate: record('setPlaybackRate'),
    toggleFullscreen: record('toggleFullscreen'),
    togglePictureInPicture: record('togglePictureInPicture'),
    retry: record('retry'),
  };
  return { actions, calls };
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the player controls', () => {
  let recorded: ReturnType<typeof recordingActions>;
  beforeEach(() => {
    recorded = recordingActions();
  });

  it('keyboard shortcuts call the player’s actions', async () => {
    const user = userEvent.setup();
    render(<PlayerControls model={model()} actions={recorded.actions} hidden={false} />);
    await user.keyboard(' k{ArrowLeft}{ArrowRight}jlmf');
    expect(recorded.calls).toEqual([
      ['togglePlay'],
      ['togglePlay'],
      ['seekBy', -5],
      ['seekBy', 5],
      ['seekBy', -10],
      ['seekBy', 10],
      ['toggleMute'],
      ['toggleFullscreen'],
    ]);
  });

  it('Space on a focused control toggles playback once instead of pressing the control', async () => {
    const user = userEvent.setup();
    render(<PlayerControls model={model()} actions={recorded.actions} hidden={false} />);
    screen.getByRole('button', { name: 'Forward 10 seconds' }).focus();
    await user.keyboard(' ');
    expect(recorded.calls).toEqual([['togglePlay']]);
  });

  it('? opens a help overlay listing every shortcut; Esc closes it', async () => {
    const user = userEvent.setup();
    render(<PlayerControls model={model()} actions={recorded.actions} hidden={false} />);
    await user.keyboard('?');
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const shortcut of SHORTCUTS) {
      expect(within(help).getByText(shortcut.label)).toBeTruthy();
      expect(within(help).getByText(shortcut.description)).toBeTruthy();
    }
    expect(within(help).getByText('Space / K')).toBeTruthy();
    // The player's Back button keeps its name to itself (the journey test finds it by name).
    expect(screen.queryAllByRole('button', { name: /back/i })).toEqual([]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(recorded.calls).toEqual([]);
  });

  it('Esc leaves full screen when nothing is open', async () => {
    const user = userEvent.setup();
    render(<PlayerControls model={model({ fullscreen: true })} actions={recorded.actions} hidden={false} />);
    await user.keyboard('{Escape}');
    expect(recorded.calls).toEqual([['toggleFullscreen']]);
  });

  it('the quality menu lists Auto and each rendition, shows what Auto plays, and switches', async () => {
    const user = userEvent.setup();
    render(<PlayerControls model={model()} actions={recorded.actions} hidden={false} />);
    const button = screen.getByRole('button', { name: 'Quality: Auto (360p)' });
    await user.click(button);
    const menu = screen.getByRole('menu', { name: 'Quality' });
    const items = within(menu).getAllByRole('menuitemradio');
    expect(items.map((item) => item.textContent)).toEqual(['Auto', '720p', '360p']);
    expect(items.map((item) => item.getAttribute('aria-checked'))).toEqual(['true', 'false', 'false']);
    await user.click(within(menu).getByRole('menuitemradio', { name: '720p' }));
    expect(recorded.calls).toEqual([['setQuality', 1]]);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('a picked rendition is shown as the quality, and Esc closes an open menu first', async () => {
    const user = userEvent.setup();
    const picked = model({ fullscreen: true, quality: { levels: LEVELS, selected: 1, playing: 1 } });
    render(<PlayerControls model={picked} actions={recorded.actions} hidden={false} />);
    await user.click(screen.getByRole('button', { name: 'Quality: 720p' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(recorded.calls).toEqual([]);
  });

  it('native HLS has no quality menu', () => {
    render(<PlayerControls model={model({ quality: null })} actions={recorded.actions} hidden={false} />);
    expect(screen.queryByRole('button', { name: /^Quality/ })).toBeNull();
  });

  it('playback speed is a menu of rates', async () => {
    const user = userEvent.setup();
    render(<PlayerControls model={model()} actions={recorded.actions} hidden={false} />);
    await user.click(screen.getByRole('button', { name: 'Speed: Normal' }));
    await user.click(screen.getByRole('menuitemradio', { name: '1.5×' }));
    expect(recorded.calls).toEqual([['setPlaybackRate', 1.5]]);
  });

  it('buttons have names that follow the state', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<PlayerControls model={model()} actions={recorded.actions} hidden={false} />);
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.queryByRole('button', { name: 'Picture-in-picture' })).toBeNull();
    rerender(
      <PlayerControls
        model={model({ state: { kind: 'paused' }, muted: true, pictureInPicture: { active: false } })}
        actions={recorded.actions}
        hidden={false}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Play' }));
    await user.click(screen.getByRole('button', { name: 'Unmute' }));
    await user.click(screen.getByRole('button', { name: 'Picture-in-picture' }));
    await user.click(screen.getByRole('button', { name: 'Rewind 10 seconds' }));
    expect(recorded.calls).toEqual([
      ['togglePlay'],
      ['togglePlay'],
      ['toggleMute'],
      ['togglePictureInPicture'],
      ['seekBy', -10],
    ]);
  });

  it('hovering the seek bar shows the trickplay tile of the time under the pointer', () => {
    render(<PlayerControls model={model()} actions={recorded.actions} hidden={false} />);
    const slider = screen.getByRole('slider', { name: 'Seek' });
    const bar = slider.parentElement as HTMLElement;
    vi.spyOn(bar, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 0, 1000, 20));
    fireEvent.pointerMove(bar, { clientX: 100 + 750 });
    const tile = screen.getByTestId('trickplay-thumbnail');
    expect(tile.style.backgroundImage).toBe('url("http://app.test/s/sprite-0.jpg")');
    expect(tile.style.backgroundPosition).toBe('-160px 0px');
    expect(tile.style.width).toBe('160px');
    expect(screen.getByTestId('seek-preview').textContent).toBe('1:30');
    fireEvent.pointerLeave(bar);
    expect(screen.queryByTestId('trickplay-thumbnail')).toBeNull();
  });

  it('dragging the seek bar seeks once, on release', () => {
    render(<PlayerControls model={model()} actions={recorded.actions} hidden={false} />);
    const slider = screen.getByRole('slider', { name: 'Seek' });
    fireEvent.change(slider, { target: { value: '80' } });
    fireEvent.change(slider, { target: { value: '90' } });
    expect(recorded.calls).toEqual([]);
    expect(screen.getByTestId('trickplay-thumbnail').style.backgroundPosition).toBe('-160px 0px');
    fireEvent.pointerUp(slider);
    expect(recorded.calls).toEqual([['seekTo', 90]]);
  });
});

describe('the error panel', () => {
  it('says what happened and retries', async () => {
    const user = userEvent.setup();
    const { actions, calls } = recordingActions();
    render(<PlayerErrorPanel reason="network" retryable detail="fragLoadError" onRetry={actions.retry} />);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('The video stopped loading');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(calls).toEqual([['retry']]);
  });

  it('offers no Retry for a title deleted while playing', () => {
    render(<PlayerErrorPanel reason="deleted" retryable={false} onRetry={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toContain('no longer available');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});
