import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../client/src/lib/errors';

/** An Apollo error as the client receives AppSync's `errors` array (errorType at the top level of each entry). */
function appSyncErrors(...errors: Array<Record<string, unknown>>) {
  return new CombinedGraphQLErrors({ data: null, errors: errors as never });
}

describe('fieldErrors', () => {
  it('maps a BadRequest message that starts with the field name to that field', () => {
    const error = appSyncErrors(
      {
        message: 'year must be a whole number from 1888 to 2100.',
        errorType: 'BadRequest',
        path: ['createMovie'],
      },
      { message: 'genres must list 1–5 genres.', errorType: 'BadRequest', path: ['createMovie'] },
    );
    expect(fieldErrors(error)).toEqual({
      year: 'year must be a whole number from 1888 to 2100.',
      genres: 'genres must list 1–5 genres.',
    });
  });

  it('prefers an explicit errorInfo.field and ignores errors that are not about input', () => {
    const error = appSyncErrors(
      { message: 'Too long', errorType: 'BadRequest', errorInfo: { field: 'title' } },
      { message: 'Not Authorized to access createMovie on type Mutation', errorType: 'Unauthorized' },
    );
    expect(fieldErrors(error)).toEqual({ title: 'Too long' });
    expect(fieldErrors(new Error('network down'))).toEqual({});
  });
});
