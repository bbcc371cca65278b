/**
 * Java `java.util.regex.Pattern` syntax approximated with JS RegExp (https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html, String.replace). Translated:
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

/** Java `Matcher.replaceAll` replacement syntax (`$1`, `${name}`, `\$`) in JS `String.replace` syntax. */
export function translateJavaReplacement(replacement: string): string {
  let out = '';
  for (let i = 0; i < replacement.length; i += 1) {
    const ch = replacement.charAt(i);
    if (ch === '\\') {
      const next = replacement.charAt(i + 1);
      if (next === '') throw new Error('character to be escaped is missing');
      out += next === '$' ? '$$' : next;
      i += 1;
    } else if (ch === '$') {
      const named = /^\{([A-Za-z][A-Za-z0-9]*)\}/.exec(replacement.slice(i + 1));
      const digits = /^\d+/.exec(replacement.slice(i + 1));
      if (named) {
        out += `$<${named[1]}>`;
        i += named[0].length;
      } else if (digits) {
        out += `$${digits[0]}`;
        i += digits[0].length;
      } else throw new Error('Illegal group reference');
    } else out += ch;
  }
  return out;
}

/**
 * `String.prototype.replace/replaceAll` as AppSync documents them: a string pattern is a Java regular
 * expression (replace → first match, replaceAll → every match) with Java replacement syntax.
 * A RegExp object (the runtime's own calls; `new RegExp` in resolver code) keeps JS behaviour.
 */
export function installJavaStringReplace(stringPrototype: { replace: unknown; replaceAll: unknown }): void {
  const nativeReplace = String.prototype.replace as (
    this: string,
    pattern: RegExp,
    replacement: string,
  ) => string;
  const javaReplace = (global: boolean) =>
    function replace(this: unknown, pattern: unknown, replacement: unknown): string {
      const subject = String(this);
      if (typeof pattern !== 'string') {
        return nativeReplace.call(subject, pattern as RegExp, replacement as string);
      }
      const regex = translateJavaRegex(pattern, false, global);
      const translated =
        typeof replacement === 'string' ? translateJavaReplacement(replacement) : replacement;
      return nativeReplace.call(subject, regex, translated as string);
    };
  Object.defineProperty(stringPrototype, 'replace', {
    value: javaReplace(false),
    writable: true,
    configurable: true,
  });
  Object.defineProperty(stringPrototype, 'replaceAll', {
    value: javaReplace(true),
    writable: true,
    configurable: true,
  });
}
