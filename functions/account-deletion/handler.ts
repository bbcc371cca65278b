import {
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  BatchWriteItemCommand,
  DynamoDBClient,
  QueryCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';

const dynamodb = new DynamoDBClient({});
const cognito = new CognitoIdentityProviderClient({});
const BATCH_SIZE = 25;
const MAX_ATTEMPTS = 8;

interface DeletionRequest {
  sub: string;
  username: string;
}

function parse(event: unknown): DeletionRequest {
  const value = event as Partial<DeletionRequest> | null;
  if (
    !value ||
    typeof value.sub !== 'string' ||
    typeof value.username !== 'string' ||
    value.sub.length === 0
  ) {
    throw new Error('Expected { sub, username }.');
  }
  return { sub: value.sub, username: value.username };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function deleteKeys(table: string, keys: Record<string, AttributeValue>[]): Promise<void> {
  let pending = keys.map((Key) => ({ DeleteRequest: { Key } }));
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    if (attempt > MAX_ATTEMPTS)
      throw new Error(`Could not delete ${pending.length} items after ${MAX_ATTEMPTS} attempts.`);
    const result = await dynamodb.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
    pending = (result.UnprocessedItems?.[table] ?? []).map((request) => ({
      DeleteRequest: { Key: request.DeleteRequest!.Key! },
    }));
    if (pending.length > 0) await pause(Math.min(1000, 50 * 2 ** attempt) * Math.random());
  }
}

/** Deletes every item of the user's partition (page by page), then the Cognito user. Safe to run again. */
export async function handler(event: unknown): Promise<{ deletedItems: number }> {
  const { sub, username } = parse(event);
  const table = process.env.USER_TABLE;
  const userPoolId = process.env.USER_POOL_ID;
  if (!table || !userPoolId) throw new Error('USER_TABLE and USER_POOL_ID must be set.');
  let deletedItems = 0;
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamodb.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `USER#${sub}` } },
        ProjectionExpression: 'pk, sk',
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    const keys = page.Items ?? [];
    for (let index = 0; index < keys.length; index += BATCH_SIZE) {
      await deleteKeys(table, keys.slice(index, index + BATCH_SIZE));
    }
    deletedItems += keys.length;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  try {
    await cognito.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: username }));
  } catch (error) {
    if (!(error instanceof UserNotFoundException)) throw error;
  }
  return { deletedItems };
}
