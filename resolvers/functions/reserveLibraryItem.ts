import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { putItem } from '../lib/catalog-writes';
import { isTransactionCancelled, raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { LIBRARY_LIMITS, libraryItemKey, libraryUsageKey } from '../lib/library';
import type { StoredLibraryItem } from '../lib/library-item';
import { failedTransactItem, liveSessionCheck } from '../lib/session';
import { userTable } from '../lib/tables';
import type { LibraryUsageStash } from './readLibraryUsage';

export interface LibraryReservationStash extends LibraryUsageStash {
  /** The item `requestLibraryUpload` validated and will create. */
  libraryItem: StoredLibraryItem;
}

/** errorType of a library request over the caller's quota. */
export const QUOTA_EXCEEDED = 'QuotaExceeded';

function refuseOverQuota(message: string): never {
  return util.error(message, QUOTA_EXCEEDED);
}

/** Names the limit the new item would pass, from the usage read by `readLibraryUsage`. */
function checkQuota(usage: { itemCount?: number; byteCount?: number }, sizeBytes: number): void {
  const items = usage.itemCount ?? 0;
  const bytes = usage.byteCount ?? 0;
  if (items + 1 > LIBRARY_LIMITS.maxItems) {
    refuseOverQuota(
      `Your library is full: it holds ${items} items and the limit is ${LIBRARY_LIMITS.maxItems}. Delete some items first.`,
    );
  }
  if (bytes + sizeBytes > LIBRARY_LIMITS.maxBytes) {
    refuseOverQuota(
      `The file (${sizeBytes} bytes) does not fit: your library uses ${bytes} of ${LIBRARY_LIMITS.maxBytes} bytes. Delete some items first.`,
    );
  }
}

/**
 * Creates the item and counts it in the usage in one transaction that only succeeds while the account is live
 * and the usage (as changed concurrently) still leaves room: DynamoDB cannot add in a condition, so the condition
 * compares with the limit less this item.
 */
export function request(ctx: Context<unknown, LibraryReservationStash>): DynamoDBTransactWriteItemsRequest {
  const item = ctx.stash.libraryItem;
  checkQuota(ctx.stash.libraryUsage ?? {}, item.sizeBytes);
  const sub = callerSub(ctx);
  const table = userTable(ctx);
  const created = putItem(
    table,
    libraryItemKey(sub, item.itemId),
    item as unknown as Record<string, unknown>,
  );
  created.condition = { expression: 'attribute_not_exists(pk)' };
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      liveSessionCheck(ctx),
      {
        table,
        operation: 'UpdateItem',
        key: util.dynamodb.toMapValues(libraryUsageKey(sub)),
        update: {
          expression: 'ADD itemCount :one, byteCount :size',
          expressionValues: util.dynamodb.toMapValues({ ':one': 1, ':size': item.sizeBytes }),
        },
        condition: {
          expression:
            'attribute_not_exists(itemCount) OR (itemCount <= :itemRoom AND byteCount <= :byteRoom)',
          expressionValues: util.dynamodb.toMapValues({
            ':itemRoom': LIBRARY_LIMITS.maxItems - 1,
            ':byteRoom': LIBRARY_LIMITS.maxBytes - item.sizeBytes,
          }),
        },
      },
      created,
    ],
  } as DynamoDBTransactWriteItemsRequest;
}

export function response(ctx: Context<unknown, LibraryReservationStash>): StoredLibraryItem {
  if (isTransactionCancelled(ctx.error)) {
    const failed = failedTransactItem(ctx);
    if (failed === 1) {
      refuseOverQuota(
        `The upload does not fit your library quota (${LIBRARY_LIMITS.maxItems} items, ${LIBRARY_LIMITS.maxBytes} bytes) after another upload of yours; see libraryUsage.`,
      );
    }
    util.error('The item could not be created; request the upload again.', 'ConflictError');
  }
  raiseDataSourceError(ctx.error);
  return ctx.stash.libraryItem;
}
