import { ConditionalCheckFailedException, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';

const dynamodb = new DynamoDBClient({});

/**
 * Creates the viewer's profile. Cognito also fires this after a password reset and retries on timeouts, so an
 * existing profile is left as it is.
 */
export async function handler(event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> {
  const attributes = event.request.userAttributes;
  const sub = attributes.sub;
  if (!sub) throw new Error('The confirmed user has no sub attribute.');
  const email = attributes.email ?? '';
  const displayName = attributes.name ?? attributes.preferred_username ?? email.split('@')[0] ?? 'Viewer';
  try {
    await dynamodb.send(
      new PutItemCommand({
        TableName: process.env.USER_TABLE,
        Item: {
          pk: { S: `USER#${sub}` },
          sk: { S: 'PROFILE' },
          id: { S: sub },
          email: { S: email },
          displayName: { S: displayName },
          createdAt: { S: new Date().toISOString() },
        },
        ConditionExpression: 'attribute_not_exists(pk) OR attribute_not_exists(email)',
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  return event;
}
