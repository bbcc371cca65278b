/**
 * CloudFront path patterns and IAM resource ARNs share one wildcard syntax: `*` is any run of characters
 * (slashes included), `?` is exactly one; everything else is literal and case-sensitive.
 */
export function wildcardMatches(pattern: string, text: string): boolean {
  const source = pattern
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\/-]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 's').test(text);
}

/** CloudFront compares a path pattern with the request path with or without its leading slash alike. */
export function pathPatternMatches(pathPattern: string, path: string): boolean {
  return wildcardMatches(pathPattern.replace(/^\//, ''), path.replace(/^\//, ''));
}
