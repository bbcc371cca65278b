import { describe, expect, it } from 'vitest';
import {
  RENEW_BEFORE_EXPIRY_MS,
  renewalDelayMs,
} from '../../../client/src/features/player/credential-renewal';
import { classifyHlsError } from '../../../client/src/features/player/hls-stream';
import { createRecoveryBudget } from '../../../client/src/features/player/recovery-budget';
import { savableSeconds } from '../../../client/src/features/player/playback-target';
import { resumePoint, sessionStart } from '../../../client/src/features/player/resume-point';
import { shortcutFor } from '../../../client/src/features/player/shortcuts';

const NOW = Date.parse('2026-12-02T03:00:00.000Z');

describe('credential renewal', () => {
  it('renews a minute before the credential expires', () => {
    expect(renewalDelayMs('2026-12-02T04:00:00.000Z', NOW)).toBe(3_600_000 - RENEW_BEFORE_EXPIRY_MS);
  });

  it('an almost expired, expired or unreadable credential is renewed soon, never in a tight loop', () => {
    expect(renewalDelayMs('2026-12-02T03:00:30.000Z', NOW)).toBe(5_000);
    expect(renewalDelayMs('2026-12-02T02:00:00.000Z', NOW)).toBe(5_000);
    expect(renewalDelayMs('not a date', NOW)).toBe(5_000);
  });
});

describe('the resume point', () => {
  it('starts at a saved position inside the title', () => {
    expect(resumePoint(42, 600)).toEqual({ seconds: 42 });
  });

  it('a position at or past the end (e.g. from another device) starts over and says so', () => {
    for (const position of [599.5, 600, 10_000]) {
      const point = resumePoint(position, 600);
      expect(point.seconds).toBe(0);
      expect(point.notice).toMatch(/past the end/);
    }
  });

  it('no, negative or non-finite positions start at 0 quietly', () => {
    expect(resumePoint(0, 600)).toEqual({ seconds: 0 });
    expect(resumePoint(-5, 600)).toEqual({ seconds: 0 });
    expect(resumePoint(Number.NaN, 600)).toEqual({ seconds: 0 });
  });
});

describe('where a session opens', () => {
  it('at the saved place; at the start when nothing was saved, it was watched, or the viewer asked', () => {
    expect(sessionStart({ positionSeconds: 42, watched: false }, 600, false)).toEqual({ seconds: 42 });
    expect(sessionStart(null, 600, false)).toEqual({ seconds: 0 });
    expect(sessionStart({ positionSeconds: 600, watched: true }, 600, false)).toEqual({ seconds: 0 });
    expect(sessionStart({ positionSeconds: 42, watched: false }, 600, true)).toEqual({ seconds: 0 });
  });

  it('saves whole seconds inside the running time (a measured duration is not whole)', () => {
    expect(savableSeconds(41.9, 600)).toBe(41);
    expect(savableSeconds(12.34, 12.3)).toBe(12);
    expect(savableSeconds(13.2, 12.3)).toBe(13);
    expect(savableSeconds(20, 12.3)).toBe(13);
    expect(savableSeconds(-1, 12.3)).toBe(0);
  });
});

describe('stream failures', () => {
  it('a 403 is a refused credential, other network failures a failed download, the rest media', () => {
    const network = { type: 'networkError', details: 'fragLoadError', fatal: true };
    expect(classifyHlsError({ ...network, response: { code: 403 } })).toBe('forbidden');
    expect(classifyHlsError({ ...network, response: { code: 404 } })).toBe('network');
    expect(classifyHlsError(network)).toBe('network');
    expect(classifyHlsError({ type: 'mediaError', details: 'bufferAppendError', fatal: true })).toBe('media');
  });
});

describe('shortcut keys', () => {
  const key = (value: string, modifiers: Partial<KeyboardEvent> = {}) =>
    shortcutFor({ key: value, altKey: false, ctrlKey: false, metaKey: false, ...modifiers });

  it('maps letters case-insensitively and leaves modified keys to the browser', () => {
    expect(key('K')).toBe('togglePlay');
    expect(key(' ')).toBe('togglePlay');
    expect(key('L')).toBe('forward10');
    expect(key('?')).toBe('help');
    expect(key('f', { ctrlKey: true })).toBeNull();
    expect(key('l', { metaKey: true })).toBeNull();
    expect(key('x')).toBeNull();
  });
});

describe('recovering a failed stream on its own', () => {
  it('once per outage: again only after media loaded since the last recovery', () => {
    const budget = createRecoveryBudget();
    expect(budget.tryRecover()).toBe(true);
    expect(budget.tryRecover()).toBe(false);
    expect(budget.tryRecover()).toBe(false);
    budget.loaded();
    expect(budget.tryRecover()).toBe(true);
    expect(budget.tryRecover()).toBe(false);
  });
});
