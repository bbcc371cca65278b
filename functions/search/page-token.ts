import { createHash } from 'node:crypto';
import type { SearchFilterInput } from '../../resolvers/lib/search-index';

/** What a page token holds: the rank key of the page's last result, and which search it belongs to. */
interface TokenBody {
  after: string;
  search: string;
}

/** Identifies a search (its words and filters), so a token cannot continue a different search. */
export function searchFingerprint(words: string[], filter: SearchFilterInput): string {
  const normalized = JSON.stringify([
    words,
    [...(filter.genres ?? [])].sort(),
    filter.yearFrom ?? null,
    filter.yearTo ?? null,
    [...(filter.maturityRatings ?? [])].sort(),
  ]);
  return createHash('sha256').update(normalized).digest('base64url').slice(0, 22);
}

export function encodePageToken(after: string, search: string): string {
  return Buffer.from(JSON.stringify({ after, search } satisfies TokenBody)).toString('base64url');
}

/** The rank key to continue after, or null when the token is not one of this search's. */
export function decodePageToken(token: string, search: string): string | null {
  let body: Partial<TokenBody> | null;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<TokenBody> | null;
  } catch {
    return null;
  }
  if (!body || typeof body.after !== 'string' || body.search !== search) return null;
  return body.after;
}
