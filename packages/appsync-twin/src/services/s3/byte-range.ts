/** What a `Range` request header asks of an object of a known size, as S3 answers it. */
export type RangeDecision =
  /** No usable single byte range: S3 serves the whole object with 200. */
  | { readonly kind: 'whole' }
  | { readonly kind: 'unsatisfiable' }
  | { readonly kind: 'partial'; readonly start: number; readonly end: number };

/**
 * Resolves a `Range` header per RFC 9110 §14.1.2 as S3 applies it: one range only (S3 does not
 * support multiple ranges and serves the whole object), suffix ranges count from the end, an end
 * past the last byte is clipped, a start at or past the size is 416, a syntactically invalid
 * header is ignored.
 */
export function decideRange(header: string | undefined, size: number): RangeDecision {
  if (!header) return { kind: 'whole' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'whole' };
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: 'partial', start, end };
}
