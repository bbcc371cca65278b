import { Kind, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * The field selections of a selection set in document order, inline fragments and fragment spreads
 * flattened without type conditions (validated documents have no fragment cycles).
 */
function* selectedFields(
  set: SelectionSetNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
): Generator<FieldNode> {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      yield selection;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      yield* selectedFields(selection.selectionSet, fragments);
    } else {
      const fragment = fragments[selection.name.value];
      if (fragment) yield* selectedFields(fragment.selectionSet, fragments);
    }
  }
}

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
  for (const field of selectedFields(selectionSet, fragments)) {
    const key = field.alias?.value ?? field.name.value;
    if (key in source && !(field.name.value in out)) {
      out[field.name.value] = byFieldNames(source[key], field.selectionSet, fragments);
    }
  }
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
  for (const field of selectedFields(selectionSet, fragments)) {
    const name = field.name.value;
    if (name in source) out[name] = filterBySelection(source[name], field.selectionSet, fragments);
  }
  return out;
}
