/**
 * Shapes a published mutation result to one subscriber's selection set, as AppSync does: fields the
 * subscriber did not ask for are not sent, a field the mutation did not select arrives as `null`, and
 * with the schema known a missing non-null field becomes a graphql-java style error whose null
 * propagates to the nearest nullable parent. Plans are compiled once per subscription and reused.
 */
import {
  GraphQLObjectType,
  Kind,
  getNamedType,
  getNullableType,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface ShapeError {
  readonly path: readonly (string | number)[];
  readonly locations: null;
  readonly message: string;
}

/** The `payload` of one `data` frame. */
export interface ShapedEvent {
  readonly data: Record<string, unknown> | null;
  readonly errors?: readonly ShapeError[];
}

export interface SelectionShaper {
  /** The response key (alias or name) of the subscription field. */
  readonly responseKey: string;
  shape(payload: unknown): ShapedEvent;
}

interface PlannedField {
  readonly responseKey: string;
  readonly fieldName: string;
  readonly type: GraphQLOutputType | undefined;
  readonly selectionSet: SelectionSetNode | undefined;
}

/** Thrown when a non-null field resolves to null; caught at the nearest nullable position. */
class NullBubble {}

interface ShapingContext {
  readonly errors: ShapeError[];
}

export interface ShaperOptions {
  readonly document: DocumentNode;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly operationName?: string | undefined;
  readonly schema?: GraphQLSchema | undefined;
}

function findOperation(document: DocumentNode, operationName: string | undefined): OperationDefinitionNode {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation =
    operationName === undefined
      ? operations[0]
      : operations.find((candidate) => candidate.name?.value === operationName);
  if (operation === undefined) throw new Error(`Unknown operation ${operationName ?? '(anonymous)'}`);
  return operation;
}

export function compileSelectionShaper(options: ShaperOptions): SelectionShaper {
  const { document, variables, schema } = options;
  const operation = findOperation(document, options.operationName);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }

  const valueOf = (node: ValueNode): unknown => {
    if (node.kind === Kind.VARIABLE) return variables[node.name.value];
    if (node.kind === Kind.BOOLEAN) return node.value;
    return undefined;
  };

  const isIncluded = (node: {
    readonly directives?: readonly {
      name: { value: string };
      arguments?: readonly { name: { value: string }; value: ValueNode }[];
    }[];
  }): boolean => {
    for (const directive of node.directives ?? []) {
      const condition = directive.arguments?.find((argument) => argument.name.value === 'if');
      if (condition === undefined) continue;
      const value = valueOf(condition.value);
      if (directive.name.value === 'skip' && value === true) return false;
      if (directive.name.value === 'include' && value !== true) return false;
    }
    return true;
  };

  const conditionApplies = (typeCondition: string | undefined, runtimeType: string | undefined): boolean => {
    if (typeCondition === undefined) return true;
    if (runtimeType === undefined) return schema === undefined;
    if (typeCondition === runtimeType) return true;
    const conditionType = schema?.getType(typeCondition);
    const objectType = schema?.getType(runtimeType);
    return (
      schema !== undefined &&
      conditionType !== undefined &&
      isAbstractType(conditionType) &&
      objectType instanceof GraphQLObjectType &&
      schema.isSubType(conditionType, objectType)
    );
  };

  const fieldType = (parentType: string | undefined, fieldName: string): GraphQLOutputType | undefined => {
    if (schema === undefined || parentType === undefined) return undefined;
    const parent = schema.getType(parentType);
    if (!isObjectType(parent)) return undefined;
    return parent.getFields()[fieldName]?.type;
  };

  // Fields to produce for a selection set on a given runtime type, merged by response key.
  const plans = new Map<SelectionSetNode, Map<string, PlannedField[]>>();
  const planFor = (selectionSet: SelectionSetNode, runtimeType: string | undefined): PlannedField[] => {
    let byType = plans.get(selectionSet);
    if (byType === undefined) {
      byType = new Map();
      plans.set(selectionSet, byType);
    }
    const cacheKey = runtimeType ?? '';
    const cached = byType.get(cacheKey);
    if (cached !== undefined) return cached;
    const merged = new Map<string, { first: FieldNode; selections: SelectionSetNode[] }>();
    const visited = new Set<string>();
    const collect = (set: SelectionSetNode): void => {
      for (const selection of set.selections) {
        if (!isIncluded(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const entry = merged.get(key);
          if (entry === undefined)
            merged.set(key, {
              first: selection,
              selections: selection.selectionSet ? [selection.selectionSet] : [],
            });
          else if (selection.selectionSet) entry.selections.push(selection.selectionSet);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (conditionApplies(selection.typeCondition?.name.value, runtimeType))
            collect(selection.selectionSet);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment === undefined || visited.has(name)) continue;
          visited.add(name);
          if (conditionApplies(fragment.typeCondition.name.value, runtimeType))
            collect(fragment.selectionSet);
        }
      }
    };
    collect(selectionSet);
    const planned: PlannedField[] = [];
    for (const [responseKey, { first, selections }] of merged) {
      const fieldName = first.name.value;
      const childSet: SelectionSetNode | undefined =
        selections.length === 0
          ? undefined
          : selections.length === 1
            ? selections[0]
            : { kind: Kind.SELECTION_SET, selections: selections.flatMap((set) => set.selections) };
      planned.push({
        responseKey,
        fieldName,
        type: fieldType(runtimeType, fieldName),
        selectionSet: childSet,
      });
    }
    byType.set(cacheKey, planned);
    return planned;
  };

  const runtimeTypeOf = (
    declared: GraphQLNamedType | undefined,
    value: Record<string, unknown>,
  ): string | undefined => {
    const typename = typeof value.__typename === 'string' ? value.__typename : undefined;
    if (declared === undefined) return typename;
    if (isObjectType(declared)) return declared.name;
    return typename;
  };

  const nonNullError = (
    context: ShapingContext,
    type: GraphQLOutputType,
    parent: string,
    path: (string | number)[],
  ): never => {
    const inner = getNullableType(type);
    context.errors.push({
      path: [...path],
      locations: null,
      message: `Cannot return null for non-nullable type: '${String(inner)}' within parent '${parent}' (/${path.join('/')})`,
    });
    throw new NullBubble();
  };

  const completeObject = (
    context: ShapingContext,
    declared: GraphQLNamedType | undefined,
    selectionSet: SelectionSetNode,
    value: Record<string, unknown>,
    path: (string | number)[],
  ): Record<string, unknown> => {
    const runtimeType = runtimeTypeOf(declared, value);
    const result: Record<string, unknown> = {};
    for (const field of planFor(selectionSet, runtimeType)) {
      path.push(field.responseKey);
      if (field.fieldName === '__typename') {
        result[field.responseKey] = runtimeType ?? null;
      } else {
        result[field.responseKey] = completeValue(
          context,
          field.type,
          field.selectionSet,
          value[field.fieldName],
          runtimeType ?? '',
          path,
        );
      }
      path.pop();
    }
    return result;
  };

  const completeValue = (
    context: ShapingContext,
    type: GraphQLOutputType | undefined,
    selectionSet: SelectionSetNode | undefined,
    value: unknown,
    parentType: string,
    path: (string | number)[],
  ): unknown => {
    if (type !== undefined && isNonNullType(type)) {
      const completed = completeNullable(context, type.ofType, selectionSet, value, parentType, path);
      return completed === null ? nonNullError(context, type, parentType, path) : completed;
    }
    try {
      return completeNullable(context, type, selectionSet, value, parentType, path);
    } catch (bubble) {
      if (bubble instanceof NullBubble) return null;
      throw bubble;
    }
  };

  const completeNullable = (
    context: ShapingContext,
    type: GraphQLOutputType | undefined,
    selectionSet: SelectionSetNode | undefined,
    value: unknown,
    parentType: string,
    path: (string | number)[],
  ): unknown => {
    if (value === null || value === undefined) return null;
    const listType = type !== undefined && isListType(type) ? type : undefined;
    if (listType !== undefined || (type === undefined && Array.isArray(value))) {
      if (!Array.isArray(value)) return null;
      return value.map((element, index) => {
        path.push(index);
        const completed = completeValue(context, listType?.ofType, selectionSet, element, parentType, path);
        path.pop();
        return completed;
      });
    }
    if (selectionSet === undefined) return value;
    if (typeof value !== 'object') return null;
    const named = type === undefined ? undefined : getNamedType(type);
    return completeObject(context, named, selectionSet, value as Record<string, unknown>, path);
  };

  const rootField = operation.selectionSet.selections.find(
    (selection): selection is FieldNode => selection.kind === Kind.FIELD,
  );
  if (rootField === undefined) throw new Error('The subscription selects no field');
  const responseKey = rootField.alias?.value ?? rootField.name.value;
  const rootType = schema?.getSubscriptionType()?.getFields()[rootField.name.value]?.type;
  const subscriptionTypeName = schema?.getSubscriptionType()?.name ?? 'Subscription';

  return {
    responseKey,
    shape(payload: unknown): ShapedEvent {
      const context: ShapingContext = { errors: [] };
      let data: Record<string, unknown> | null;
      try {
        data = {
          [responseKey]: completeValue(
            context,
            rootType,
            rootField.selectionSet,
            payload,
            subscriptionTypeName,
            [responseKey],
          ),
        };
      } catch (bubble) {
        // A non-null subscription field that came out null: the whole `data` is null.
        if (!(bubble instanceof NullBubble)) throw bubble;
        data = null;
      }
      return context.errors.length === 0 ? { data } : { data, errors: context.errors };
    },
  };
}
