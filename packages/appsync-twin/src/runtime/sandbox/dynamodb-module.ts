/**
 * `@aws-appsync/utils/dynamodb`: pure builders of DynamoDB data-source requests (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html).
 * Recorded formats: GetItem/PutItem/DeleteItem/Scan shapes, `#expName_n`/`:expValue_n` update aliases
 * in one `SET a, b` clause, `operations.add` as SET, keys not copied into `attributeValues`.
 * Not recorded (chosen here, documented): key conditions render as `#pk = :pk_eq AND begins_with(#sk,:sk_beginsWith)`
 * (no parentheses, which DynamoDB's KeyConditionExpression grammar accepts everywhere), projections as
 * `#a, #b.#c`, and conditions drop an empty `expressionValues`.
 */
import { renderFilter, type RenderedExpression } from './expressions';
import { isPlainObject, markTypedSet, toDynamoDB, toMapValues, type AttributeValue } from './values';

type Options = Record<string, unknown>;

function options(input: unknown, name: string): Options {
  if (!isPlainObject(input)) throw new TypeError(`${name} expects an object argument`);
  return input;
}

function requireKey(input: Options, name: string): Record<string, AttributeValue> {
  if (!isPlainObject(input.key)) throw new TypeError(`${name}: key is required`);
  return toMapValues(input.key);
}

function copyDefined(target: Options, source: Options, names: readonly string[]): void {
  for (const name of names) if (source[name] !== undefined) target[name] = source[name];
}

function condition(value: unknown, what: string): Options {
  const rendered = renderFilter(value);
  if (rendered === null || rendered.expression === '') throw new TypeError(`Invalid ${what}`);
  const out: Options = { expression: rendered.expression, expressionNames: rendered.expressionNames };
  if (Object.keys(rendered.expressionValues).length > 0) out.expressionValues = rendered.expressionValues;
  return out;
}

function projection(value: unknown): Options | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((path) => typeof path !== 'string')) {
    throw new TypeError('projection must be a list of attribute paths');
  }
  const names: Record<string, string> = {};
  const paths = (value as string[]).map((path) =>
    path
      .split('.')
      .map((segment) => {
        const match = /^([^[]*)(.*)$/.exec(segment);
        const attribute = match?.[1] ?? segment;
        names[`#${attribute}`] = attribute;
        return `#${attribute}${match?.[2] ?? ''}`;
      })
      .join('.'),
  );
  return { expression: paths.join(', '), expressionNames: names };
}

function withCommonWriteOptions(request: Options, input: Options): Options {
  if (input.condition !== undefined && input.condition !== null)
    request.condition = condition(input.condition, 'condition');
  copyDefined(request, input, ['customPartitionKey', 'populateIndexFields', '_version']);
  return request;
}

// ---- update expressions ----

const OPERATION = 'OPERATION_';
const listItemUpdates = new WeakMap<object, { value: unknown; index: number }>();

export const operations = {
  add: (value: unknown) => ({ type: `${OPERATION}ADD`, value }),
  remove: () => ({ type: `${OPERATION}REMOVE` }),
  replace: (value: unknown) => ({ type: `${OPERATION}REPLACE`, value }),
  increment: (by?: number) => ({ type: `${OPERATION}INCREMENT`, by: by ?? 1 }),
  decrement: (by?: number) => ({ type: `${OPERATION}DECREMENT`, by: by ?? 1 }),
  append: (items: unknown[]) => ({ type: `${OPERATION}APPEND`, items }),
  prepend: (items: unknown[]) => ({ type: `${OPERATION}PREPEND`, items }),
  updateListItem: (value: unknown, index: number): object => {
    const marker = {};
    listItemUpdates.set(marker, { value, index });
    return marker;
  },
};

function operationType(value: unknown): string | null {
  return isPlainObject(value) && typeof value.type === 'string' && value.type.startsWith(OPERATION)
    ? value.type
    : null;
}

function buildUpdate(update: unknown): RenderedExpression {
  if (!isPlainObject(update)) throw new TypeError('update: an object of attribute updates is required');
  const names: Record<string, string> = {};
  const values: Record<string, AttributeValue> = {};
  let nameCount = 0;
  let valueCount = 0;
  const name = (attribute: string): string => {
    nameCount += 1;
    const alias = `#expName_${nameCount}`;
    names[alias] = attribute;
    return alias;
  };
  const bind = (value: AttributeValue): string => {
    valueCount += 1;
    const alias = `:expValue_${valueCount}`;
    values[alias] = value;
    return alias;
  };
  const sets: Array<() => string[]> = [];
  const removes: Array<() => string> = [];
  for (const attribute of Object.keys(update)) {
    const value = update[attribute];
    if (value === undefined) continue;
    if (
      Array.isArray(value) &&
      value.length > 0 &&
      value.every((member) => typeof member === 'object' && member !== null && listItemUpdates.has(member))
    ) {
      sets.push(() => {
        const alias = name(attribute);
        return value.map((marker) => {
          const item = listItemUpdates.get(marker as object) ?? { value: null, index: 0 };
          return `${alias}[${item.index}] = ${bind(toDynamoDB(item.value))}`;
        });
      });
      continue;
    }
    const type = operationType(value);
    const op = (value ?? {}) as Options;
    switch (type) {
      case `${OPERATION}REMOVE`:
        removes.push(() => name(attribute));
        break;
      case `${OPERATION}INCREMENT`:
      case `${OPERATION}DECREMENT`:
        sets.push(() => {
          const alias = name(attribute);
          const sign = type === `${OPERATION}INCREMENT` ? '+' : '-';
          return [`${alias} = ${alias} ${sign} ${bind(toDynamoDB(op.by))}`];
        });
        break;
      case `${OPERATION}APPEND`:
      case `${OPERATION}PREPEND`:
        sets.push(() => {
          const alias = name(attribute);
          const list = bind(toDynamoDB(Array.isArray(op.items) ? op.items : [op.items]));
          return [
            type === `${OPERATION}APPEND`
              ? `${alias} = list_append(${alias}, ${list})`
              : `${alias} = list_append(${list}, ${alias})`,
          ];
        });
        break;
      case `${OPERATION}ADD`:
      case `${OPERATION}REPLACE`:
        sets.push(() => [`${name(attribute)} = ${bind(toDynamoDB(op.value))}`]);
        break;
      default:
        sets.push(() => [`${name(attribute)} = ${bind(toDynamoDB(value))}`]);
    }
  }
  const clauses: string[] = [];
  const setActions = sets.flatMap((emit) => emit());
  if (setActions.length) clauses.push(`SET ${setActions.join(', ')}`);
  const removeActions = removes.map((emit) => emit());
  if (removeActions.length) clauses.push(`REMOVE ${removeActions.join(', ')}`);
  if (clauses.length === 0) throw new TypeError('update: nothing to update');
  return { expression: clauses.join(' '), expressionNames: names, expressionValues: values };
}

// ---- key conditions ----

const KEY_OPERATORS: Record<string, string> = { eq: '=', lt: '<', le: '<=', gt: '>', ge: '>=' };

function keyCondition(query: unknown): RenderedExpression {
  if (!isPlainObject(query) || Object.keys(query).length === 0)
    throw new TypeError('query: a key condition is required');
  const names: Record<string, string> = {};
  const values: Record<string, AttributeValue> = {};
  const parts: string[] = [];
  for (const attribute of Object.keys(query)) {
    const ops = query[attribute];
    if (!isPlainObject(ops)) throw new TypeError(`query: ${attribute} needs an operator`);
    const alias = `#${attribute}`;
    names[alias] = attribute;
    for (const op of Object.keys(ops)) {
      const value = ops[op];
      const placeholder = `:${attribute}_${op}`;
      const comparison = KEY_OPERATORS[op];
      if (comparison) {
        values[placeholder] = toDynamoDB(value);
        parts.push(`${alias} ${comparison} ${placeholder}`);
      } else if (op === 'beginsWith') {
        values[placeholder] = toDynamoDB(value);
        parts.push(`begins_with(${alias},${placeholder})`);
      } else if (op === 'between' && Array.isArray(value) && value.length >= 2) {
        values[`${placeholder}_start`] = toDynamoDB(value[0]);
        values[`${placeholder}_end`] = toDynamoDB(value[1]);
        parts.push(`${alias} BETWEEN ${placeholder}_start AND ${placeholder}_end`);
      } else throw new TypeError(`query: unsupported key condition operator ${op}`);
    }
  }
  return { expression: parts.join(' AND '), expressionNames: names, expressionValues: values };
}

function readOptions(request: Options, input: Options): Options {
  copyDefined(request, input, [
    'index',
    'nextToken',
    'limit',
    'scanIndexForward',
    'consistentRead',
    'select',
    'totalSegments',
    'segment',
  ]);
  if (input.filter !== undefined && input.filter !== null) {
    const rendered = renderFilter(input.filter);
    // An empty filter object renders to nothing: no filter at all, like an omitted one.
    if (rendered === null) throw new TypeError('Invalid filter');
    if (rendered.expression !== '') request.filter = rendered;
  }
  const projected = projection(input.projection);
  if (projected) request.projection = projected;
  return request;
}

// ---- builders ----

export function get(input: unknown): Options {
  const o = options(input, 'get');
  const request: Options = { operation: 'GetItem', key: requireKey(o, 'get') };
  copyDefined(request, o, ['consistentRead']);
  const projected = projection(o.projection);
  if (projected) request.projection = projected;
  return request;
}

function itemWithoutKey(item: unknown, key: Record<string, unknown>): Record<string, AttributeValue> {
  if (!isPlainObject(item)) throw new TypeError('put: item is required');
  const rest: Record<string, unknown> = {};
  for (const name of Object.keys(item)) if (!Object.hasOwn(key, name)) rest[name] = item[name];
  return toMapValues(rest);
}

export function put(input: unknown): Options {
  const o = options(input, 'put');
  const key = requireKey(o, 'put');
  return withCommonWriteOptions(
    { operation: 'PutItem', key, attributeValues: itemWithoutKey(o.item, o.key as Options) },
    o,
  );
}

export function remove(input: unknown): Options {
  const o = options(input, 'remove');
  return withCommonWriteOptions({ operation: 'DeleteItem', key: requireKey(o, 'remove') }, o);
}

export function update(input: unknown): Options {
  const o = options(input, 'update');
  return withCommonWriteOptions(
    { operation: 'UpdateItem', key: requireKey(o, 'update'), update: buildUpdate(o.update) },
    o,
  );
}

export function query(input: unknown): Options {
  const o = options(input, 'query');
  return readOptions({ operation: 'Query', query: keyCondition(o.query) }, o);
}

export function scan(input: unknown): Options {
  return readOptions({ operation: 'Scan' }, options(input ?? {}, 'scan'));
}

export function sync(input: unknown): Options {
  const o = options(input ?? {}, 'sync');
  const request: Options = { operation: 'Sync' };
  copyDefined(request, o, ['basePartitionKey', 'deltaIndexName', 'limit', 'nextToken', 'lastSync']);
  if (o.filter !== undefined && o.filter !== null) request.filter = condition(o.filter, 'filter');
  return request;
}

function tables(input: unknown, name: string): Options {
  const o = options(input, name);
  if (!isPlainObject(o.tables)) throw new TypeError(`${name}: tables is required`);
  return o.tables;
}

export function batchGet(input: unknown): Options {
  const byTable = tables(input, 'batchGet');
  const out: Options = {};
  for (const table of Object.keys(byTable)) {
    const spec = options(byTable[table], `batchGet table ${table}`);
    if (!Array.isArray(spec.keys)) throw new TypeError(`batchGet: keys of ${table} must be a list`);
    const entry: Options = { keys: spec.keys.map((key) => toMapValues(key)) };
    copyDefined(entry, spec, ['consistentRead']);
    const projected = projection(spec.projection);
    if (projected) entry.projection = projected;
    out[table] = entry;
  }
  return { operation: 'BatchGetItem', tables: out };
}

function batchOf(operation: string, name: string) {
  return (input: unknown): Options => {
    const byTable = tables(input, name);
    const out: Options = {};
    for (const table of Object.keys(byTable)) {
      const list = byTable[table];
      if (!Array.isArray(list)) throw new TypeError(`${name}: ${table} must be a list`);
      out[table] = list.map((entry) => toMapValues(entry));
    }
    return { operation, tables: out };
  };
}

export const batchPut = batchOf('BatchPutItem', 'batchPut');
export const batchDelete = batchOf('BatchDeleteItem', 'batchDelete');

function items(input: unknown, name: string): unknown[] {
  const o = options(input, name);
  if (!Array.isArray(o.items)) throw new TypeError(`${name}: items must be a list`);
  return o.items;
}

export function transactGet(input: unknown): Options {
  const transactItems = items(input, 'transactGet').map((item) => {
    const o = options(item, 'transactGet item');
    const entry: Options = { table: o.table, key: requireKey(o, 'transactGet') };
    const projected = projection(o.projection);
    if (projected) entry.projection = projected;
    return entry;
  });
  return { operation: 'TransactGetItems', transactItems };
}

export function transactWrite(input: unknown): Options {
  const transactItems = items(input, 'transactWrite').map((item) => {
    const o = options(item, 'transactWrite item');
    const [kind] = Object.keys(o);
    const spec = options(kind === undefined ? undefined : o[kind], 'transactWrite item');
    const entry: Options = { table: spec.table };
    const key = requireKey(spec, 'transactWrite');
    switch (kind) {
      case 'putItem':
        Object.assign(entry, {
          operation: 'PutItem',
          key,
          attributeValues: itemWithoutKey(spec.item, spec.key as Options),
        });
        break;
      case 'updateItem':
        Object.assign(entry, { operation: 'UpdateItem', key, update: buildUpdate(spec.update) });
        break;
      case 'deleteItem':
        Object.assign(entry, { operation: 'DeleteItem', key });
        break;
      case 'conditionCheck':
        Object.assign(entry, { operation: 'ConditionCheck', key });
        break;
      default:
        throw new TypeError(`transactWrite: unknown item kind ${String(kind)}`);
    }
    if (spec.condition !== undefined && spec.condition !== null)
      entry.condition = condition(spec.condition, 'condition');
    return entry;
  });
  return { operation: 'TransactWriteItems', transactItems };
}

export const dynamodbModule = {
  get,
  put,
  remove,
  update,
  query,
  scan,
  sync,
  batchGet,
  batchPut,
  batchDelete,
  transactGet,
  transactWrite,
  operations,
  toStringSet: (list: unknown[]) => markTypedSet({ SS: list }),
  toNumberSet: (list: unknown[]) => markTypedSet({ NS: list }),
  toBinarySet: (list: unknown[]) => markTypedSet({ BS: list }),
};
