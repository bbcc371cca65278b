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

type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

/**
 * The field depth of a selection set (root fields are 1; introspection fields do not count), with fragment
 * spreads counting what `fragmentDepth` says. Iterative, so no document nesting can exhaust the stack.
 */
function selectionDepth(root: SelectionSetNode, fragmentDepth: (name: string) => number): number {
  let max = 0;
  const pending: Array<{ readonly set: SelectionSetNode; readonly depth: number }> = [
    { set: root, depth: 0 },
  ];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const selection of next.set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        max = Math.max(max, next.depth + 1);
        if (selection.selectionSet) pending.push({ set: selection.selectionSet, depth: next.depth + 1 });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        pending.push({ set: selection.selectionSet, depth: next.depth });
      } else {
        max = Math.max(max, next.depth + fragmentDepth(selection.name.value));
      }
    }
  }
  return max;
}

function spreadNames(root: SelectionSetNode): string[] {
  const names: string[] = [];
  const pending: SelectionSetNode[] = [root];
  for (let set = pending.pop(); set !== undefined; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) names.push(selection.name.value);
      else if (selection.selectionSet) pending.push(selection.selectionSet);
    }
  }
  return names;
}

/**
 * Every fragment's depth, each computed once (a fragment spread many times is not walked again), in
 * dependency order with an explicit stack. A spread that closes a cycle counts 0: NoFragmentCyclesRule
 * reports the cycle itself.
 */
function fragmentDepths(fragments: Fragments): Map<string, number> {
  const depths = new Map<string, number>();
  const entered = new Set<string>();
  const depthOf = (name: string) => depths.get(name) ?? 0;
  for (const start of Object.keys(fragments)) {
    const pending = [start];
    for (let name = pending.at(-1); name !== undefined; name = pending.at(-1)) {
      const fragment = fragments[name];
      if (depths.has(name) || !fragment) {
        if (!depths.has(name)) depths.set(name, 0);
        pending.pop();
        continue;
      }
      if (!entered.has(name)) {
        entered.add(name);
        pending.push(...spreadNames(fragment.selectionSet).filter((spread) => !entered.has(spread)));
        continue;
      }
      depths.set(name, selectionDepth(fragment.selectionSet, depthOf));
      pending.pop();
    }
  }
  return depths;
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
      const depths = fragmentDepths(fragments);
      const depth = selectionDepth(node.selectionSet, (name) => depths.get(name) ?? 0);
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
