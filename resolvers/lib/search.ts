/** Characters that separate words in titles and search text. */
const SEPARATORS = ' \t\n.,:;!?\'"()[]{}-_/\\&+*#@%$^|~`<>=·–—…';

/** Accented Latin letters and the plain letter they are searched as (same positions in both strings). */
const ACCENTED = 'àáâãäåāçćčèéêëēęěìíîïīłñńňòóôõöøōŕřśšşťùúûüūůýÿžźż';
const PLAIN = 'aaaaaaaccceeeeeeeiiiiilnnnooooooorrssstuuuuuuyyzzz';

/**
 * Replaces every separator by a space, and every accented letter of the lower-cased text by its plain letter.
 * Native split/join per character present, not a callback per character: library search folds up to 500
 * descriptions of 2,000 characters within one resolver handler.
 */
function foldSeparatorsAndAccents(lowerCased: string): string {
  let text = lowerCased;
  for (const separator of SEPARATORS.split('')) {
    if (text.indexOf(separator) >= 0) text = text.split(separator).join(' ');
  }
  ACCENTED.split('').forEach((accented, index) => {
    if (text.indexOf(accented) >= 0) text = text.split(accented).join(PLAIN.charAt(index));
  });
  return text;
}

/** Lower-cased words of a text without accents, split on punctuation and spaces, in order, without repeats. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const word of foldSeparatorsAndAccents(text.toLowerCase()).split(' ')) {
    if (word.length > 0 && words.indexOf(word) < 0) words.push(word);
  }
  return words;
}

/** The fields search looks in, best-ranked first (their position is the rank stored in index keys). */
export const SEARCH_FIELDS = ['TITLE', 'TAGS', 'CAST', 'DESCRIPTION'] as const;
export type SearchFieldName = (typeof SEARCH_FIELDS)[number];
const DESCRIPTION_RANK = 3;

/**
 * Index partitions are keyed by the first 3 letters of a word. Title, tag and credit words are also indexed under
 * their 1- and 2-letter prefixes, so a search word of 1–2 letters finds them; synopsis words only under 3 letters
 * (a 1–2 letter search word matching anywhere in every synopsis would find the whole catalog).
 */
export const INDEX_PREFIX_LENGTH = 3;

/** The normalized words of each searchable field of a title, in `SEARCH_FIELDS` order. */
export type SearchDocument = [string[], string[], string[], string[]];

export interface SearchableFields {
  title: string;
  tags: string[];
  cast: string[];
  directors: string[];
  synopsis: string;
}

function wordsOfAll(texts: string[]): string[] {
  return wordsOf(texts.join(' '));
}

export function searchDocument(fields: SearchableFields): SearchDocument {
  return [
    wordsOf(fields.title),
    wordsOfAll(fields.tags),
    wordsOfAll(fields.cast.concat(fields.directors)),
    wordsOf(fields.synopsis),
  ];
}

/** The index partition a search word is looked up in. */
export function indexPrefix(searchWord: string): string {
  return searchWord.slice(0, INDEX_PREFIX_LENGTH);
}

/** Whether a search word may match a field of this rank at all (synopsis words need 3+ letters). */
export function searchWordReaches(rank: number, searchWord: string): boolean {
  return rank !== DESCRIPTION_RANK || searchWord.length >= INDEX_PREFIX_LENGTH;
}

/** Whether a search word is a prefix of some word of the field (synopsis words need 3+ letters). */
export function fieldMatches(fieldWords: string[], rank: number, searchWord: string): boolean {
  if (!searchWordReaches(rank, searchWord)) return false;
  return fieldWords.some((word) => word.startsWith(searchWord));
}

/** The best-ranked field the search word matches, or -1. */
export function bestFieldRank(doc: SearchDocument, searchWord: string): number {
  return doc.findIndex((fieldWords, rank) => fieldMatches(fieldWords, rank, searchWord));
}

/** The index prefixes (partition suffixes) a title's field words are found under. */
export function fieldPrefixes(fieldWords: string[], rank: number): string[] {
  const prefixes: string[] = [];
  for (const word of fieldWords) {
    const shortest = rank === DESCRIPTION_RANK ? INDEX_PREFIX_LENGTH : 1;
    const lengths = [1, 2, 3].filter((length) => length >= shortest && length <= word.length);
    for (const length of lengths) {
      const prefix = word.slice(0, length);
      if (prefixes.indexOf(prefix) < 0) prefixes.push(prefix);
    }
  }
  return prefixes;
}

/** The words of a text as written (case and accents kept), split like `wordsOf`. */
export function writtenWords(text: string): string[] {
  let spaced = text;
  for (const separator of SEPARATORS.split('')) {
    if (spaced.indexOf(separator) >= 0) spaced = spaced.split(separator).join(' ');
  }
  return spaced.split(' ').filter((word) => word.length > 0);
}

/** Words of the texts (as written, without repeats) that some search word is a prefix of. */
export function matchingWords(texts: string[], rank: number, searchWords: string[]): string[] {
  const text = texts.join(' ');
  const written = writtenWords(text);
  const lowerCased = text.toLowerCase();
  // Folding keeps positions unless lower-casing changed the length (e.g. `İ`): then each word is folded alone.
  const normalized =
    lowerCased.length === text.length
      ? foldSeparatorsAndAccents(lowerCased)
          .split(' ')
          .filter((word) => word.length > 0)
      : written.map((word) => wordsOf(word)[0] ?? '');
  const found: string[] = [];
  written.forEach((word, index) => {
    const hit = searchWords.some((searchWord) => fieldMatches([normalized[index] ?? ''], rank, searchWord));
    if (hit && found.indexOf(word) < 0) found.push(word);
  });
  return found;
}
