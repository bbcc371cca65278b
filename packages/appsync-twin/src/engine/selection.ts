import {
  getNamedType,
  isObjectType,
  isInterfaceType,
  Kind,
  print,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type SelectionSetNode,
} from 'graphql';

export interface SelectionInfo {
  readonly selectionSetList: readonly string[];
  readonly selectionSetGraphQL: string;
}

const cache = new WeakMap<FieldNode, SelectionInfo>();

function fieldsOf(
  type: GraphQLNamedType,
): Record<string, { type: import('graphql').GraphQLOutputType }> | null {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields() : null;
}

/** True when fields under this type condition belong to `type` itself (appsync-runtime.md §2.1). */
function appliesTo(condition: string | undefined, type: GraphQLNamedType): boolean {
  return condition === undefined || condition === type.name;
}

function collect(
  selectionSet: SelectionSetNode | undefined,
  type: GraphQLNamedType,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  prefix: string,
  out: string[],
): void {
  if (!selectionSet) return;
  const fields = fieldsOf(type);
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const path = prefix ? `${prefix}/${key}` : key;
      out.push(path);
      const fieldType = fields?.[selection.name.value]?.type;
      if (selection.selectionSet && fieldType)
        collect(selection.selectionSet, getNamedType(fieldType), fragments, path, out);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (appliesTo(selection.typeCondition?.name.value, type))
        collect(selection.selectionSet, type, fragments, prefix, out);
    } else {
      const fragment = fragments[selection.name.value];
      if (fragment && appliesTo(fragment.typeCondition.name.value, type)) {
        collect(fragment.selectionSet, type, fragments, prefix, out);
      }
    }
  }
}

/**
 * `ctx.info.selectionSetList` and `selectionSetGraphQL` for a field: aliases replace names, fragments on
 * the field's own type are flattened, fields selected through a type condition on another (concrete)
 * type are left out. Cached per field node, so a cached document computes this once.
 */
export function selectionInfo(
  fieldNode: FieldNode,
  returnType: GraphQLNamedType,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
): SelectionInfo {
  const cached = cache.get(fieldNode);
  if (cached) return cached;
  const list: string[] = [];
  collect(fieldNode.selectionSet, returnType, fragments, '', list);
  const info = {
    selectionSetList: list,
    selectionSetGraphQL: fieldNode.selectionSet ? print(fieldNode.selectionSet) : '',
  };
  cache.set(fieldNode, info);
  return info;
}
