import type { SearchHistory } from '../types/schema';

/** A search-history entry as stored in the user table. */
export interface SearchHistoryItem {
  entryId: string;
  query: string;
  searchedAt: string;
}

export function toSearchHistory(item: SearchHistoryItem): SearchHistory {
  return { id: item.entryId, query: item.query, searchedAt: item.searchedAt };
}
