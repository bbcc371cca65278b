import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * With introspection disabled AppSync rejects `__schema` and `__type` as undefined fields (§8.5, §9.3).
 * `__typename` stays available.
 */
export const NoIntrospectionRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  Field(node) {
    const name = node.name.value;
    if (name === '__schema' || name === '__type') {
      const parent = context.getParentType()?.name ?? 'Query';
      context.reportError(
        new GraphQLError(`Cannot query field "${name}" on type "${parent}".`, { nodes: node }),
      );
    }
  },
});

function depthOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  visited: ReadonlySet<string>,
): number {
  if (!selectionSet) return 0;
  let max = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      max = Math.max(max, 1 + depthOf(selection.selectionSet, fragments, visited));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(selection.selectionSet, fragments, visited));
    } else if (!visited.has(selection.name.value)) {
      const fragment = fragments[selection.name.value];
      if (fragment)
        max = Math.max(
          max,
          depthOf(fragment.selectionSet, fragments, new Set([...visited, selection.name.value])),
        );
    }
  }
  return max;
}

/**
 * AppSync's `queryDepthLimit` (1–75): an operation nested deeper than the limit is rejected before any
 * resolver runs. Root fields are depth 1. The docs do not give the error text; this one states the limit.
 */
export function queryDepthLimitRule(limit: number): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of context.getDocument().definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      }
      const depth = depthOf(node.selectionSet, fragments, new Set());
      if (depth > limit) {
        context.reportError(
          new GraphQLError(`Query depth ${depth} exceeds the maximum query depth of ${limit}.`, {
            nodes: node,
          }),
        );
      }
    },
  });
}
