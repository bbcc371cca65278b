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
