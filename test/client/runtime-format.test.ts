import { describe, expect, it } from 'vitest';
import { formatRuntime } from '../../client/src/lib/format';

describe('running time as titles, trailers and previews show it', () => {
  it('shows a clip shorter than a minute in seconds, not as 0m', () => {
    expect(formatRuntime(26)).toBe('26s');
    expect(formatRuntime(10)).toBe('10s');
    expect(formatRuntime(59.4)).toBe('59s');
  });

  it('shows a minute or more in whole minutes, and hours with their minutes', () => {
    expect(formatRuntime(59.6)).toBe('1m');
    expect(formatRuntime(90)).toBe('2m');
    expect(formatRuntime(2700)).toBe('45m');
    expect(formatRuntime(5400)).toBe('1h 30m');
    expect(formatRuntime(3600)).toBe('1h 0m');
  });
});
