import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * Re-keys a response value from aliases to field names along its selection set, the shape the
 * real-time endpoint expects for `MutationEvent.data` (contracts.ts).
 */
export function byFieldNames(
  value: unknown,
  selectionSet: SelectionSetNode | undefined,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
): unknown {
  if (value === null || value === undefined || !selectionSet) return value;
  if (Array.isArray(value)) return value.map((item) => byFieldNames(item, selectionSet, fragments));
  if (typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const visit = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (key in source && !(selection.name.value in out)) {
          out[selection.name.value] = byFieldNames(source[key], selection.selectionSet, fragments);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        const fragment = fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(selectionSet);
  return out;
}

/**
 * Keeps only the fields a selection set asks for (keys stay as they are). AppSync filters the `data`
 * of `util.error`/`util.appendError` this way before adding it to the error entry (§8.2).
 */
export function filterBySelection(
  value: unknown,
  selectionSet: SelectionSetNode | undefined,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
): unknown {
  if (value === null || value === undefined || !selectionSet || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => filterBySelection(item, selectionSet, fragments));
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const visit = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name in source) out[name] = filterBySelection(source[name], selection.selectionSet, fragments);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        const fragment = fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(selectionSet);
  return out;
}
