/** Key builders for the two tables (see infra/lib/constructs/data.ts for the design). */
export type TableKey = {
  pk: string;
  sk: string;
};

export const CATALOG_PARTITION = 'CATALOG';

export function movieKey(movieId: string): TableKey {
  return { pk: `MOVIE#${movieId}`, sk: 'MOVIE' };
}

export function trailerKey(movieId: string, trailerId: string): TableKey {
  return { pk: `MOVIE#${movieId}`, sk: `TRAILER#${trailerId}` };
}

export function genreKey(genre: string, createdAt: string, movieId: string): TableKey {
  return { pk: `GENRE#${genre}`, sk: `${createdAt}#${movieId}` };
}

export function userPartition(sub: string): string {
  return `USER#${sub}`;
}

export function profileKey(sub: string): TableKey {
  return { pk: userPartition(sub), sk: 'PROFILE' };
}

/** One item per viewer and title: playback position and My List membership. */
export function viewerTitleKey(sub: string, movieId: string): TableKey {
  return { pk: userPartition(sub), sk: `TITLE#${movieId}` };
}

export function searchKey(sub: string, entryId: string): TableKey {
  return { pk: userPartition(sub), sk: `SEARCH#${entryId}` };
}

/** Partitions of the user table's secondary indexes. */
export function continueWatchingPartition(sub: string): string {
  return `CW#${sub}`;
}

export function myListPartition(sub: string): string {
  return `LIST#${sub}`;
}

export function searchHistoryPartition(sub: string): string {
  return `SEARCH#${sub}`;
}
