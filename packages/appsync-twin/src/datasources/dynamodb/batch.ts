import type { KeysAndAttributes, WriteRequest } from '@aws-sdk/client-dynamodb';
import { DataSourceRequestError } from '../errors';
import {
  optionalBoolean,
  rejectUnknownElements,
  requireArray,
  requireRecord,
  type JsonRecord,
} from '../request-shape';
import { sumCapacity } from './capacity';
import { mergeExpressionAttributes, readOptionalExpression, type Expression } from './expressions';
import { keyIdentity, keyNamesOf, readKey } from './keys';
import { allowedElements, type DynamoOperationContext, type DynamoOperationHandler } from './operation';
import { fromAttributeMap, toAttributeMap, type AttributeMap } from './typed-values';

interface TableRequest<T> {
  /** The table name as the request spelled it (results are keyed by it). */
  readonly requested: string;
  readonly local: string;
  readonly entries: T;
}

function readTables(request: JsonRecord, context: DynamoOperationContext): [string, unknown][] {
  const tables = Object.entries(requireRecord(request['tables'], ['tables'])).filter(
    ([, v]) => v !== undefined,
  );
  if (tables.length === 0)
    throw new DataSourceRequestError("Element '$[tables]' must name at least one table.");
  const locals = new Set<string>();
  for (const [name] of tables) {
    const local = context.resolveTableName(name);
    if (locals.has(local))
      throw new DataSourceRequestError(`Table '${name}' is named more than once in '$[tables]'.`);
    locals.add(local);
  }
  return tables;
}

/** The top-level attributes a projection names (`#n, a.b, c[0]` → the names behind `#n`, `a`, `c`). */
function projectedAttributes(expression: string, names: Readonly<Record<string, string>>): Set<string> {
  return new Set(
    expression.split(',').map((path) => {
      const head = path.trim().split(/[.[]/)[0] ?? '';
      return names[head] ?? head;
    }),
  );
}

/**
 * Batch results come back unordered, and are lined up with the requested keys by their key
 * attributes — so those must be read even when the projection leaves them out. The docs are silent on
 * how AppSync keeps the order then; here the keys are added to the projection and stripped afterwards.
 */
function projectionWithKeys(
  projection: Expression | undefined,
  keyNames: readonly string[],
): { params: Pick<KeysAndAttributes, 'ProjectionExpression' | 'ExpressionAttributeNames'>; strip: string[] } {
  if (!projection) return { params: {}, strip: [] };
  const listed = projectedAttributes(projection.expression, projection.names);
  const strip = keyNames.filter((name) => !listed.has(name));
  const extraNames = Object.fromEntries(strip.map((name, index) => [`#twinBatchKey${index}`, name]));
  return {
    params: {
      ProjectionExpression: [projection.expression, ...Object.keys(extraNames)].join(', '),
      ...mergeExpressionAttributes([projection, { expression: '', names: extraNames, values: {} }]),
    },
    strip,
  };
}

function requestedNameOf<T>(tables: readonly TableRequest<T>[], local: string): TableRequest<T> | undefined {
  return tables.find((table) => table.local === local);
}

/** Lines batch results up with the request: one slot per requested key, `null` where nothing came back. */
function alignByKey(
  requestedKeys: readonly AttributeMap[],
  returned: readonly AttributeMap[],
  strip: readonly string[] = [],
): (JsonRecord | null)[] {
  const [first] = requestedKeys;
  if (!first) return [];
  const names = keyNamesOf(first);
  const byKey = new Map(returned.map((item) => [keyIdentity(item, names), item]));
  return requestedKeys.map((key) => {
    const item = byKey.get(keyIdentity(key, names));
    if (!item) return null;
    const json = fromAttributeMap(item);
    for (const name of strip) delete json[name];
    return json;
  });
}

export const batchGetItem: DynamoOperationHandler = async (request, context) => {
  rejectUnknownElements(request, allowedElements('tables'));
  const tables: TableRequest<{ keys: AttributeMap[]; params: KeysAndAttributes; strip: string[] }>[] =
    readTables(request, context).map(([name, value]) => {
      const path = ['tables', name];
      const table = requireRecord(value, path);
      rejectUnknownElements(table, new Set(['keys', 'consistentRead', 'projection']), path);
      const keys = requireArray(table['keys'], [...path, 'keys']).map((key, index) =>
        readKey(key, [...path, 'keys', index]),
      );
      const projection = readOptionalExpression(table['projection'], [...path, 'projection'], [], {
        allowValues: false,
      });
      const [firstKey] = keys;
      const { params: projectionParams, strip } = projectionWithKeys(
        projection,
        firstKey ? keyNamesOf(firstKey) : [],
      );
      const params: KeysAndAttributes = {
        Keys: keys,
        ConsistentRead: optionalBoolean(table['consistentRead'], [...path, 'consistentRead']),
        ...projectionParams,
      };
      return { requested: name, local: context.resolveTableName(name), entries: { keys, params, strip } };
    });
  const output = await context.client.call('BatchGetItem', {
    RequestItems: Object.fromEntries(tables.map((table) => [table.local, table.entries.params])),
    ReturnConsumedCapacity: 'TOTAL',
  });
  context.addCapacity(sumCapacity(output.ConsumedCapacity, 'read'));
  const data: Record<string, (JsonRecord | null)[]> = {};
  const unprocessedKeys: Record<string, JsonRecord[]> = {};
  for (const table of tables) {
    data[table.requested] = alignByKey(
      table.entries.keys,
      output.Responses?.[table.local] ?? [],
      table.entries.strip,
    );
    unprocessedKeys[table.requested] = [];
  }
  for (const [local, unprocessed] of Object.entries(output.UnprocessedKeys ?? {})) {
    const table = requestedNameOf(tables, local);
    if (table) unprocessedKeys[table.requested] = (unprocessed.Keys ?? []).map(fromAttributeMap);
  }
  return { result: { data, unprocessedKeys } };
};

async function batchWrite(
  context: DynamoOperationContext,
  tables: readonly TableRequest<AttributeMap[]>[],
  toWriteRequest: (entry: AttributeMap) => WriteRequest,
  fromWriteRequest: (request: WriteRequest) => AttributeMap | undefined,
  unprocessedName: 'unprocessedItems' | 'unprocessedKeys',
) {
  const output = await context.client.call('BatchWriteItem', {
    RequestItems: Object.fromEntries(tables.map((table) => [table.local, table.entries.map(toWriteRequest)])),
    ReturnConsumedCapacity: 'TOTAL',
  });
  context.addCapacity(sumCapacity(output.ConsumedCapacity, 'write'));
  const data: Record<string, (JsonRecord | null)[]> = {};
  const unprocessed: Record<string, JsonRecord[]> = {};
  for (const table of tables) {
    const left = (output.UnprocessedItems?.[table.local] ?? [])
      .map(fromWriteRequest)
      .filter((entry): entry is AttributeMap => entry !== undefined);
    const identity = (entry: AttributeMap) => keyIdentity(entry, keyNamesOf(entry));
    const leftOver = new Set(left.map(identity));
    data[table.requested] = table.entries.map((entry) =>
      leftOver.has(identity(entry)) ? null : fromAttributeMap(entry),
    );
    unprocessed[table.requested] = left.map(fromAttributeMap);
  }
  return { result: { data, [unprocessedName]: unprocessed } };
}

export const batchPutItem: DynamoOperationHandler = async (request, context) => {
  rejectUnknownElements(request, allowedElements('tables'));
  const tables = readTables(request, context).map(([name, value]) => ({
    requested: name,
    local: context.resolveTableName(name),
    entries: requireArray(value, ['tables', name]).map((item, index) =>
      toAttributeMap(requireRecord(item, ['tables', name, index]), ['tables', name, index]),
    ),
  }));
  // DynamoDB hands unprocessed writes back verbatim, so they are matched to the request by content.
  return batchWrite(
    context,
    tables,
    (item) => ({ PutRequest: { Item: item } }),
    (write) => write.PutRequest?.Item,
    'unprocessedItems',
  );
};

export const batchDeleteItem: DynamoOperationHandler = async (request, context) => {
  rejectUnknownElements(request, allowedElements('tables'));
  const tables = readTables(request, context).map(([name, value]) => ({
    requested: name,
    local: context.resolveTableName(name),
    entries: requireArray(value, ['tables', name]).map((key, index) => readKey(key, ['tables', name, index])),
  }));
  return batchWrite(
    context,
    tables,
    (key) => ({ DeleteRequest: { Key: key } }),
    (write) => write.DeleteRequest?.Key,
    'unprocessedKeys',
  );
};
