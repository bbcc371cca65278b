import { CreateTableCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { execFileSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { testDynamoClient, uniqueTableName } from '../support/dynamodb';

describe('embedded DynamoDB Local', () => {
  it('stores and reads an item', async () => {
    const client = testDynamoClient();
    const TableName = uniqueTableName('smoke');
    await client.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
    await client.send(new PutItemCommand({ TableName, Item: { pk: { S: 'a' }, n: { N: '1' } } }));
    const { Item } = await client.send(new GetItemCommand({ TableName, Key: { pk: { S: 'a' } } }));
    expect(Item).toEqual({ pk: { S: 'a' }, n: { N: '1' } });
  });

  it('listens on 127.0.0.1 only', () => {
    const { port } = new URL(inject('dynamodbEndpoint'));
    const sockets = execFileSync('ss', ['-Hltn', `sport = :${port}`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(sockets.length).toBeGreaterThan(0);
    for (const line of sockets) expect(line).toMatch(/127\.0\.0\.1\]?:\d+/);
  });
});
