/** Characters that separate words in titles and search text. */
const SEPARATORS = ' \t\n.,:;!?\'"()[]{}-_/\\&+*#@%$^|~`<>=·–—…';

/** Accented Latin letters and the plain letter they are searched as (same positions in both strings). */
const ACCENTED = 'àáâãäåāçćčèéêëēęěìíîïīłñńňòóôõöøōŕřśšşťùúûüūůýÿžźż';
const PLAIN = 'aaaaaaaccceeeeeeeiiiiilnnnooooooorrssstuuuuuuyyzzz';

/** Words of a title are indexed by prefixes of 1–6 characters; longer search words are checked in the response. */
export const MAX_PREFIX_LENGTH = 6;
/**
 * Only the first 7 distinct words of a title are indexed, which bounds a title's prefix items to 42, so a title
 * change (old prefixes deleted, new ones written) fits one 100-item DynamoDB transaction.
 */
export const MAX_INDEXED_WORDS = 7;

/** Lower-cased words of a text without accents, split on punctuation and spaces, in order, without repeats. */
export function wordsOf(text: string): string[] {
  const spaced = text
    .toLowerCase()
    .split('')
    .map((ch) => {
      if (SEPARATORS.indexOf(ch) >= 0) return ' ';
      const accented = ACCENTED.indexOf(ch);
      return accented >= 0 ? PLAIN.charAt(accented) : ch;
    })
    .join('');
  const words: string[] = [];
  for (const word of spaced.split(' ')) {
    if (word.length > 0 && words.indexOf(word) < 0) words.push(word);
  }
  return words;
}

/** The distinct prefixes a title is indexed under. */
export function titlePrefixes(title: string): string[] {
  const prefixes: string[] = [];
  for (const word of wordsOf(title).slice(0, MAX_INDEXED_WORDS)) {
    const longest = Math.min(word.length, MAX_PREFIX_LENGTH);
    for (const length of [1, 2, 3, 4, 5, 6]) {
      if (length > longest) break;
      const prefix = word.slice(0, length);
      if (prefixes.indexOf(prefix) < 0) prefixes.push(prefix);
    }
  }
  return prefixes;
}

/** The index partition to read for a search: the longest search word (the most selective), cut to 6 chars. */
export function lookupPrefix(searchWords: string[]): string {
  let longest = '';
  for (const word of searchWords) {
    if (word.length > longest.length) longest = word;
  }
  return longest.slice(0, MAX_PREFIX_LENGTH);
}

/** Whether every search word starts some word of the title. */
export function titleMatches(title: string, searchWords: string[]): boolean {
  const titleWords = wordsOf(title);
  return searchWords.every((searchWord) => titleWords.some((word) => word.startsWith(searchWord)));
}

/** A stable id for a search-history entry: the normalized search text. */
export function searchEntryId(query: string): string {
  return wordsOf(query).join(' ');
}
