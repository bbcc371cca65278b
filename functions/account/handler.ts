import {
  AdminDeleteUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  DeleteItemCommand,
  DynamoDBClient,
  QueryCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { deleteAllLibraryObjects, deleteLibraryItemObjects } from './library-objects';
import { writeInBatches } from '../shared/batch-write';

const dynamodb = new DynamoDBClient({});
const cognito = new CognitoIdentityProviderClient({});

/** What the account resolvers ask for: end the account, or end its sessions (refresh tokens) everywhere. */
export type AccountAction = 'deleteAccount' | 'signOutEverywhere';

interface AccountRequest {
  action: AccountAction;
  sub: string;
  username: string;
}

/** `deleteLibraryItems`: the files of items whose DynamoDB items the resolver has just deleted. */
interface LibraryObjectsRequest {
  action: 'deleteLibraryObjects';
  sub: string;
  itemIds: string[];
}

function isLibraryObjectsRequest(event: unknown): event is LibraryObjectsRequest {
  const value = event as Partial<LibraryObjectsRequest> | null;
  return (
    !!value &&
    value.action === 'deleteLibraryObjects' &&
    typeof value.sub === 'string' &&
    Array.isArray(value.itemIds) &&
    value.itemIds.every((id) => typeof id === 'string')
  );
}

function parse(event: unknown): AccountRequest {
  const value = event as Partial<AccountRequest> | null;
  if (
    !value ||
    (value.action !== 'deleteAccount' && value.action !== 'signOutEverywhere') ||
    typeof value.sub !== 'string' ||
    typeof value.username !== 'string' ||
    value.sub.length === 0
  ) {
    throw new Error("Expected { action: 'deleteAccount' | 'signOutEverywhere', sub, username }.");
  }
  return { action: value.action, sub: value.sub, username: value.username };
}

function environment(): { table: string; userPoolId: string } {
  const table = process.env.USER_TABLE;
  const userPoolId = process.env.USER_POOL_ID;
  if (!table || !userPoolId) throw new Error('USER_TABLE and USER_POOL_ID must be set.');
  return { table, userPoolId };
}

async function ignoreMissingUser(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof UserNotFoundException)) throw error;
  }
}

/**
 * The profile goes first: from that moment every resolver refuses the account's tokens and no transaction can
 * write for it, so the query that follows sees every item there will ever be. Then the rest of the partition
 * (library items and usage included), page by page, then the library's files in S3 (originals, renditions,
 * intermediate files), then the Cognito user. Safe to run again: each step finishes what a failed run left.
 */
async function deleteAccount(sub: string, username: string): Promise<number> {
  const { table, userPoolId } = environment();
  const partition = { S: `USER#${sub}` };
  const profile = await dynamodb.send(
    new DeleteItemCommand({
      TableName: table,
      Key: { pk: partition, sk: { S: 'PROFILE' } },
      ReturnValues: 'ALL_OLD',
    }),
  );
  let deletedItems = profile.Attributes ? 1 : 0;
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamodb.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        ProjectionExpression: 'pk, sk',
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    const keys = page.Items ?? [];
    await writeInBatches(
      dynamodb,
      table,
      keys.map((Key) => ({ DeleteRequest: { Key } })),
    );
    deletedItems += keys.length;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  await deleteAllLibraryObjects(sub);
  await ignoreMissingUser(
    cognito.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: username })),
  );
  return deletedItems;
}

/** Revokes every refresh token of the user, so no device can renew its tokens. */
async function signOutEverywhere(username: string): Promise<void> {
  const { userPoolId } = environment();
  await ignoreMissingUser(
    cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: username })),
  );
}

export async function handler(event: unknown): Promise<{ deletedItems: number }> {
  if (isLibraryObjectsRequest(event)) {
    await deleteLibraryItemObjects(event.sub, event.itemIds);
    return { deletedItems: 0 };
  }
  const { action, sub, username } = parse(event);
  if (action === 'signOutEverywhere') {
    await signOutEverywhere(username);
    return { deletedItems: 0 };
  }
  return { deletedItems: await deleteAccount(sub, username) };
}
