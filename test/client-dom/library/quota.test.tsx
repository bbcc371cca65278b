import { CombinedGraphQLErrors } from '@apollo/client';
import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { UsageMeter } from '../../../client/src/features/library/UsageMeter';
import { libraryErrorMessage } from '../../../client/src/features/library/library-errors';
import { describeUsage, usageFraction } from '../../../client/src/features/library/usage';
import { renderInApp } from '../support/render';

const GB = 1024 ** 3;
const limits = { maxItems: 500, maxBytes: 5 * GB };

describe('the quota in words and a bar', () => {
  test('“12 of 500 items · 1.2 GB of 5 GB”, and a bar as full as the nearer limit', () => {
    renderInApp(<UsageMeter usage={{ items: 12, bytes: 1.2 * GB, ...limits }} />);
    expect(screen.getByTestId('library-usage').textContent).toBe('12 of 500 items · 1.2 GB of 5 GB');
    // 1.2 of 5 GB (24%) is nearer its limit than 12 of 500 items (2.4%).
    expect(
      screen.getByRole('progressbar', { name: 'Library space used' }).getAttribute('aria-valuenow'),
    ).toBe('24');
  });

  test('small and empty libraries', () => {
    expect(describeUsage({ items: 0, bytes: 0, ...limits })).toBe('0 of 500 items · 0 B of 5 GB');
    expect(describeUsage({ items: 1, bytes: 1536, ...limits })).toBe('1 of 500 items · 1.5 KB of 5 GB');
    expect(describeUsage({ items: 2, bytes: 345 * 1024 ** 2, ...limits })).toBe(
      '2 of 500 items · 345 MB of 5 GB',
    );
    expect(usageFraction({ items: 500, bytes: 0, ...limits })).toBe(1);
  });

  test('the API’s QuotaExceeded refusal, worded in bytes, is said in sizes a person reads', () => {
    const refusal = new CombinedGraphQLErrors({
      errors: [
        {
          message: `The file (${3 * 1024 ** 2} bytes) does not fit: your library uses ${5 * GB - 1024 ** 2} of ${5 * GB} bytes. Delete some items first.`,
          extensions: { errorType: 'QuotaExceeded' },
        },
      ],
    });
    expect(libraryErrorMessage(refusal)).toBe(
      'This file (3 MB) does not fit: your library has 1 MB left of 5 GB. Delete some items first.',
    );
    const full = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'Your library is full: it holds 500 items and the limit is 500. Delete some items first.',
          extensions: { errorType: 'QuotaExceeded' },
        },
      ],
    });
    expect(libraryErrorMessage(full)).toBe(
      'Your library is full: it holds 500 items and the limit is 500. Delete some items first.',
    );
  });
});
