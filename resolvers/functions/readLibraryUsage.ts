import { util, type Context, type DynamoDBBatchGetItemRequest } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { profileKey } from '../lib/keys';
import { libraryUsageKey } from '../lib/library';
import type { StoredLibraryUsage } from '../lib/library-item';
import { requireLiveSession } from '../lib/session';
import { userTable } from '../lib/tables';

export interface LibraryUsageStash {
  libraryUsage?: StoredLibraryUsage;
}

/** Reads the caller's library usage and profile in one call: the session check of the pipelines it starts. */
export function request(ctx: Context): DynamoDBBatchGetItemRequest {
  const sub = callerSub(ctx);
  return {
    operation: 'BatchGetItem',
    tables: {
      [userTable(ctx)]: {
        keys: [util.dynamodb.toMapValues(profileKey(sub)), util.dynamodb.toMapValues(libraryUsageKey(sub))],
        consistentRead: true,
      },
    },
  };
}

export function response(ctx: Context<unknown, LibraryUsageStash>): StoredLibraryUsage {
  raiseDataSourceError(ctx.error);
  const result = ctx.result as {
    data: Record<string, ({ sk: string } & StoredLibraryUsage)[]>;
    unprocessedKeys?: Record<string, unknown[]>;
  };
  const unprocessed = Object.values(result.unprocessedKeys ?? {}).some((keys) => keys.length > 0);
  if (unprocessed) util.error('The request could not be read under load; try again.', 'Throttled');
  const items = (result.data[userTable(ctx)] ?? []).filter((item) => !!item);
  requireLiveSession(ctx, items.find((item) => item.sk === 'PROFILE') ?? null);
  const usage = items.find((item) => item.sk === libraryUsageKey(callerSub(ctx)).sk) ?? {};
  ctx.stash.libraryUsage = usage;
  return usage;
}
