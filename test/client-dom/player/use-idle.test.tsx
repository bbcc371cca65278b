import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTROLS_IDLE_MS, useIdle } from '../../../client/src/features/player/use-idle';

/** An area whose text says whether the controls over it would be hidden. */
function Area({ playing }: { playing: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const idle = useIdle(ref, playing);
  return (
    <div ref={ref} data-testid="area">
      {idle ? 'controls hidden' : 'controls shown'}
      <button type="button">Play</button>
    </div>
  );
}

describe('controls hiding after inactivity', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('hide after the idle time while playing, and come back on mouse move and on focus', () => {
    render(<Area playing />);
    const area = screen.getByTestId('area');
    act(() => vi.advanceTimersByTime(CONTROLS_IDLE_MS - 1));
    expect(area.textContent).toContain('controls shown');
    act(() => vi.advanceTimersByTime(1));
    expect(area.textContent).toContain('controls hidden');

    fireEvent.pointerMove(area);
    expect(area.textContent).toContain('controls shown');
    act(() => vi.advanceTimersByTime(CONTROLS_IDLE_MS));
    expect(area.textContent).toContain('controls hidden');

    act(() => screen.getByRole('button', { name: 'Play' }).focus());
    expect(area.textContent).toContain('controls shown');
  });

  it('never hide while paused', () => {
    const { rerender } = render(<Area playing />);
    act(() => vi.advanceTimersByTime(CONTROLS_IDLE_MS));
    expect(screen.getByTestId('area').textContent).toContain('controls hidden');
    rerender(<Area playing={false} />);
    act(() => vi.advanceTimersByTime(CONTROLS_IDLE_MS * 10));
    expect(screen.getByTestId('area').textContent).toContain('controls shown');
  });
});
