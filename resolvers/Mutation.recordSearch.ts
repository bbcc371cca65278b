import type { Context } from '@aws-appsync/utils';
import { badRequest } from './lib/errors';
import { searchEntryId, wordsOf } from './lib/search';
import { toSearchHistory } from './lib/search-history';
import { requireText } from './lib/validate';
import type { MutationRecordSearchArgs, SearchHistory } from './types/schema';
import type { RecordSearchMutationStash } from './lib/stash';

/** The same normalized text keeps one entry, moved to the top. */
export function request(ctx: Context<MutationRecordSearchArgs, RecordSearchMutationStash>): Record<string, never> {
  const text = requireText(ctx.args.query, 'query', 100);
  if (wordsOf(text).length === 0) badRequest('query must contain at least one letter or digit.');
  ctx.stash.searchText = text;
  ctx.stash.searchEntryId = searchEntryId(text);
  return {};
}

export function response(ctx: Context<MutationRecordSearchArgs, RecordSearchMutationStash>): SearchHistory {
  return toSearchHistory({
    entryId: ctx.stash.searchEntryId,
    query: ctx.stash.searchText,
    searchedAt: ctx.stash.searchedAt as string,
  });
}
