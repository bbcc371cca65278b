/** `a, b ,, c` → `['a', 'b', 'c']`: how forms take tags and names in one text field. */
export function commaList(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}
