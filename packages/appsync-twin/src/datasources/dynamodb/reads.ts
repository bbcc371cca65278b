import type { Select } from '@aws-sdk/client-dynamodb';
import type { DataSourceResult } from '../../contracts';
import { DataSourceRequestError, failedResult } from '../errors';
import {
  optionalBoolean,
  optionalInteger,
  optionalString,
  rejectUnknownElements,
  type JsonRecord,
} from '../request-shape';
import { sumCapacity } from './capacity';
import {
  mergeExpressionAttributes,
  readExpression,
  readOptionalExpression,
  type Expression,
} from './expressions';
import { INVALID_TOKEN_ERROR } from './next-token';
import { allowedElements, type DynamoOperationContext, type DynamoOperationHandler } from './operation';
import { fromAttributeMap, type AttributeMap } from './typed-values';

const SELECT_VALUES = new Set(['ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'SPECIFIC_ATTRIBUTES', 'COUNT']);

function readSelect(request: JsonRecord): Select | undefined {
  const select = optionalString(request['select'], ['select']);
  if (select !== undefined && !SELECT_VALUES.has(select)) {
    throw new DataSourceRequestError(`Unsupported value '${select}' for element '$[select]'.`);
  }
  return select as Select | undefined;
}

function readLimit(request: JsonRecord): number | undefined {
  const limit = optionalInteger(request['limit'], ['limit']);
  if (limit !== undefined && limit < 1) {
    throw new DataSourceRequestError(`Element '$[limit]' must be a positive integer, got ${limit}.`);
  }
  return limit;
}

/**
 * What a token is bound to: the resolver that issued it (as in AppSync) and, beyond that, the table,
 * index and operation it pages through, so a key can never be replayed against another key schema.
 */
function tokenScope(request: JsonRecord, context: DynamoOperationContext): string {
  const index = typeof request['index'] === 'string' ? request['index'] : '';
  return [context.resolverKey, request['operation'], context.tableName, index].join('\u0000');
}

/** Opens `nextToken`; `null` means "start from the beginning", `undefined` means "refuse". */
function startKeyOf(request: JsonRecord, context: DynamoOperationContext): AttributeMap | null | undefined {
  const token = optionalString(request['nextToken'], ['nextToken']);
  if (token === undefined) return null;
  return context.tokens.open(token, tokenScope(request, context));
}

interface Page {
  readonly Items?: AttributeMap[];
  readonly LastEvaluatedKey?: AttributeMap;
  readonly ScannedCount?: number;
}

function pageResult(
  page: Page,
  request: JsonRecord,
  context: DynamoOperationContext,
  extra: JsonRecord = {},
): DataSourceResult {
  return {
    result: {
      items: (page.Items ?? []).map(fromAttributeMap),
      nextToken: page.LastEvaluatedKey
        ? context.tokens.seal(page.LastEvaluatedKey, tokenScope(request, context))
        : null,
      scannedCount: page.ScannedCount ?? 0,
      ...extra,
    },
  };
}

function invalidToken(): DataSourceResult {
  return failedResult(INVALID_TOKEN_ERROR.type, INVALID_TOKEN_ERROR.message);
}

export const query: DynamoOperationHandler = async (request, context) => {
  rejectUnknownElements(
    request,
    allowedElements(
      'query',
      'index',
      'nextToken',
      'limit',
      'scanIndexForward',
      'consistentRead',
      'select',
      'filter',
      'projection',
    ),
  );
  const keyCondition = readExpression(request['query'], ['query']);
  const filter = readOptionalExpression(request['filter'], ['filter']);
  const projection = readOptionalExpression(request['projection'], ['projection'], [], {
    allowValues: false,
  });
  const startKey = startKeyOf(request, context);
  const input = {
    TableName: context.tableName,
    IndexName: optionalString(request['index'], ['index']),
    KeyConditionExpression: keyCondition.expression,
    FilterExpression: filter?.expression,
    ProjectionExpression: projection?.expression,
    ...mergeExpressionAttributes([keyCondition, filter, projection]),
    Limit: readLimit(request),
    ScanIndexForward: optionalBoolean(request['scanIndexForward'], ['scanIndexForward']),
    ConsistentRead: optionalBoolean(request['consistentRead'], ['consistentRead']),
    Select: readSelect(request),
  };
  if (startKey === undefined) return invalidToken();
  const output = await context.client.call('Query', {
    ...input,
    ExclusiveStartKey: startKey ?? undefined,
    ReturnConsumedCapacity: 'TOTAL',
  });
  context.addCapacity(sumCapacity(output.ConsumedCapacity, 'read'));
  return pageResult(output, request, context);
};

async function scanPage(
  context: DynamoOperationContext,
  request: JsonRecord,
  filter: Expression | undefined,
  startKey: AttributeMap | null,
  limit: number | undefined,
): Promise<Page> {
  const projection = readOptionalExpression(request['projection'], ['projection'], [], {
    allowValues: false,
  });
  const segment = optionalInteger(request['segment'], ['segment']);
  const totalSegments = optionalInteger(request['totalSegments'], ['totalSegments']);
  if ((segment === undefined) !== (totalSegments === undefined)) {
    throw new DataSourceRequestError("Elements '$[segment]' and '$[totalSegments]' must be given together.");
  }
  const output = await context.client.call('Scan', {
    TableName: context.tableName,
    IndexName: optionalString(request['index'], ['index']),
    FilterExpression: filter?.expression,
    ProjectionExpression: projection?.expression,
    ...mergeExpressionAttributes([filter, projection]),
    Limit: limit,
    ConsistentRead: optionalBoolean(request['consistentRead'], ['consistentRead']),
    Select: readSelect(request),
    Segment: segment,
    TotalSegments: totalSegments,
    ExclusiveStartKey: startKey ?? undefined,
    ReturnConsumedCapacity: 'TOTAL',
  });
  context.addCapacity(sumCapacity(output.ConsumedCapacity, 'read'));
  return output;
}

export const scan: DynamoOperationHandler = async (request, context) => {
  rejectUnknownElements(
    request,
    allowedElements(
      'index',
      'limit',
      'consistentRead',
      'nextToken',
      'totalSegments',
      'segment',
      'select',
      'filter',
      'projection',
    ),
  );
  const filter = readOptionalExpression(request['filter'], ['filter']);
  const limit = readLimit(request);
  const startKey = startKeyOf(request, context);
  if (startKey === undefined) return invalidToken();
  return pageResult(await scanPage(context, request, filter, startKey, limit), request, context);
};

const SYNC_DEFAULT_LIMIT = 100;
const SYNC_MAX_LIMIT = 1000;

/**
 * Sync, as far as it can be reproduced without a versioned data source: the twin has no delta table,
 * so a delta sync (`lastSync` given) scans the base table for items whose `_lastChangedAt` (the
 * attribute conflict-detection tables maintain) is newer than `lastSync`. Deleted items in such
 * tables are `_deleted` tombstones, so they are returned too, as AppSync's delta sync does.
 */
export const sync: DynamoOperationHandler = async (request, context) => {
  rejectUnknownElements(
    request,
    allowedElements('basePartitionKey', 'deltaIndexName', 'limit', 'nextToken', 'lastSync', 'filter'),
  );
  optionalString(request['basePartitionKey'], ['basePartitionKey']);
  optionalString(request['deltaIndexName'], ['deltaIndexName']);
  const startedAt = Date.now();
  const limit = Math.min(readLimit(request) ?? SYNC_DEFAULT_LIMIT, SYNC_MAX_LIMIT);
  const lastSync = optionalInteger(request['lastSync'], ['lastSync']);
  const userFilter = readOptionalExpression(request['filter'], ['filter']);
  let filter: Expression | undefined = userFilter;
  if (lastSync !== undefined) {
    const since = '#twinSyncLastChangedAt > :twinSyncLastSync';
    filter = {
      expression: userFilter ? `(${userFilter.expression}) AND ${since}` : since,
      names: { ...userFilter?.names, '#twinSyncLastChangedAt': '_lastChangedAt' },
      values: { ...userFilter?.values, ':twinSyncLastSync': { N: String(lastSync) } },
    };
  }
  const startKey = startKeyOf(request, context);
  if (startKey === undefined) return invalidToken();
  const page = await scanPage(context, {}, filter, startKey, limit);
  const result = pageResult(page, request, context, { startedAt });
  const { scannedCount: _scannedCount, ...syncResult } = result.result as JsonRecord;
  return { result: syncResult };
};
