/**
 * Java `java.util.regex.Pattern` syntax approximated with JS RegExp (reference §1.6). Translated:
 * leading inline flags `(?i)(?s)(?m)(?x)` (x: whitespace and `#` comments stripped), possessive
 * quantifiers and atomic groups (treated as greedy/non-capturing: same matches on most inputs,
 * different backtracking), `\A`, `\z`, `\Z`, `\h`, `\p{Alpha}`-style POSIX classes and `\p{javaLowerCase}`
 * friends, `\Q...\E` quoting. Known gaps: class intersections `[a-z&&[^b]]`, `\G`, embedded flags in
 * the middle of a pattern, and Unicode classes beyond what JS `\p{...}` understands.
 */

const POSIX: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
  javaLowerCase: '\\p{Ll}',
  javaUpperCase: '\\p{Lu}',
  javaWhitespace: '\\s',
  javaMirrored: '\\p{Bidi_M}',
  IsAlphabetic: '\\p{Alphabetic}',
  IsLetter: '\\p{L}',
  IsDigit: '\\p{Nd}',
  IsUppercase: '\\p{Lu}',
  IsLowercase: '\\p{Ll}',
};

const cache = new Map<string, RegExp>();

function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

export function translateJavaRegex(pattern: string, fullMatch: boolean, global: boolean): RegExp {
  const key = `${fullMatch ? 'F' : 'P'}${global ? 'g' : ''}${pattern}`;
  const cached = cache.get(key);
  if (cached) return new RegExp(cached.source, cached.flags);
  let source = String(pattern);
  let flags = '';
  const inline = /^\(\?([imsux]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    const letters = inline[1] ?? '';
    if (letters.includes('i')) flags += 'i';
    if (letters.includes('m')) flags += 'm';
    if (letters.includes('s')) flags += 's';
    // Comments mode: unescaped whitespace and `#` comments are ignored.
    if (letters.includes('x'))
      source = source.replace(/(\\.)|#.*$|\s+/gm, (_whole, escaped?: string) => escaped ?? '');
  }
  let unicode = false;
  source = source
    .replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_m, literal: string) => escapeLiteral(literal))
    .replace(/\(\?>/g, '(?:')
    .replace(/([*+?]|\{\d+(?:,\d*)?\})\+/g, '$1')
    .replace(/\\A/g, '^')
    .replace(/\\[zZ]/g, '$')
    .replace(/\\h/g, '[ \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000]')
    .replace(/\\([pP])\{(?:Is)?(\w+)\}/g, (whole, kind: string, name: string) => {
      const mapped = POSIX[name] ?? POSIX[`Is${name}`];
      unicode = true;
      if (mapped === undefined) return whole;
      return kind === 'p' ? `[${mapped}]` : `[^${mapped}]`;
    });
  if (unicode) flags += 'u';
  const body = fullMatch ? `^(?:${source})$` : source;
  const regex = new RegExp(body, flags + (global ? 'g' : ''));
  cache.set(key, regex);
  return new RegExp(regex.source, regex.flags);
}

/** `util.matches`: Java `String.matches`, i.e. the whole input must match. */
export function matches(pattern: string, value: string): boolean {
  return translateJavaRegex(pattern, true, false).test(String(value));
}
