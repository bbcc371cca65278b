import type { DynamoDBClient, WriteRequest } from '@aws-sdk/client-dynamodb';
import type { SearchIndexChange } from '../../resolvers/lib/search-index';
import { writeInBatches } from '../shared/batch-write';
import { indexItems, indexKeys } from './index-items';

/**
 * Deletes the title's items that its new version no longer has and writes all of its current ones (overwriting
 * is what keeps the stored words and filter fields current). Running it again gives the same items.
 */
export async function indexTitle(
  deps: { dynamodb: DynamoDBClient; table: string },
  change: SearchIndexChange,
): Promise<number> {
  const current = change.after ? indexItems(change.movieId, change.after) : [];
  const currentKeys = new Set(current.map((item) => `${item.pk?.S}|${item.sk?.S}`));
  const stale = (change.before ? indexKeys(change.movieId, change.before) : []).filter(
    (key) => !currentKeys.has(`${key.pk}|${key.sk}`),
  );
  const requests: WriteRequest[] = [
    ...stale.map((key) => ({ DeleteRequest: { Key: { pk: { S: key.pk }, sk: { S: key.sk } } } })),
    ...current.map((Item) => ({ PutRequest: { Item } })),
  ];
  await writeInBatches(deps.dynamodb, deps.table, requests);
  return requests.length;
}
