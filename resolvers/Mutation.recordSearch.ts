import type { Context } from '@aws-appsync/utils';
import { toSearchHistory } from './lib/search-history';
import { searchWords } from './lib/search-words';
import type { MutationRecordSearchArgs, SearchHistory } from './types/schema';
import type { RecordSearchMutationStash } from './lib/stash';

/** The same normalized text keeps one entry, moved to the top. */
export function request(
  ctx: Context<MutationRecordSearchArgs, RecordSearchMutationStash>,
): Record<string, never> {
  ctx.stash.searchEntryId = searchWords(ctx.args.query).join(' ');
  ctx.stash.searchText = (ctx.args.query as string).trim();
  return {};
}

export function response(ctx: Context<MutationRecordSearchArgs, RecordSearchMutationStash>): SearchHistory {
  return toSearchHistory({
    entryId: ctx.stash.searchEntryId,
    query: ctx.stash.searchText,
    searchedAt: ctx.stash.searchedAt as string,
  });
}
