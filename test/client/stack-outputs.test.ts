import { describe, expect, it } from 'vitest';
import { isLocalStack, parseStackOutputs } from '../../client/src/config/outputs';

const local = {
  graphqlUrl: 'http://127.0.0.1:4000/graphql',
  realtimeUrl: 'ws://127.0.0.1:4000/graphql/realtime',
  region: 'us-east-1',
  userPoolId: 'local_abc',
  userPoolClientId: 'client123',
  mediaBucketName: 'media',
  clientUrl: 'http://127.0.0.1:5173',
  cognitoEndpoint: 'http://127.0.0.1:9229',
  s3Endpoint: 'http://127.0.0.1:4569',
  demoAccounts: [{ username: 'viewer@example.com', password: 'x', role: 'viewer' }],
};

describe('parseStackOutputs', () => {
  it('reads the flat file `npm start` writes, as a local stack', () => {
    const outputs = parseStackOutputs(local);
    expect(outputs).toEqual({
      graphqlUrl: local.graphqlUrl,
      realtimeUrl: local.realtimeUrl,
      region: 'us-east-1',
      userPoolId: 'local_abc',
      userPoolClientId: 'client123',
      mediaBucketName: 'media',
      cognitoEndpoint: local.cognitoEndpoint,
    });
    expect(isLocalStack(outputs)).toBe(true);
  });

  it('reads `cdk deploy --outputs-file`, where the keys sit under the stack name', () => {
    const aws = {
      MarqueeStack: {
        graphqlUrl: 'https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com/graphql',
        realtimeUrl: 'wss://abcdefghijklmnopqrstuvwxyz.appsync-realtime-api.eu-west-1.amazonaws.com/graphql',
        region: 'eu-west-1',
        userPoolId: 'eu-west-1_Abc',
        userPoolClientId: 'client',
        ExportsOutputRefSomething: 'ignored',
      },
    };
    const outputs = parseStackOutputs(aws);
    expect(outputs.region).toBe('eu-west-1');
    expect(outputs.cognitoEndpoint).toBeUndefined();
    expect(isLocalStack(outputs)).toBe(false);
  });

  it("reads the pool's password rules, and ignores a value that is not a rules object", () => {
    const rules = { minLength: 12, requireNumbers: true, requireSpecialCharacters: false };
    expect(parseStackOutputs({ ...local, passwordPolicy: JSON.stringify(rules) }).passwordFormat).toEqual(
      rules,
    );
    expect(parseStackOutputs({ ...local, passwordPolicy: '{not json' }).passwordFormat).toBeUndefined();
    expect(parseStackOutputs({ ...local, passwordPolicy: '[12]' }).passwordFormat).toBeUndefined();
    expect(
      parseStackOutputs({
        ...local,
        passwordPolicy: JSON.stringify({ minLength: '12', requireNumbers: 'yes' }),
      }).passwordFormat,
    ).toEqual({});
  });

  it('names the missing keys when neither shape fits', () => {
    expect(() => parseStackOutputs({ graphqlUrl: 'http://x/graphql' })).toThrow(/userPoolId/);
    expect(() => parseStackOutputs([])).toThrow(/not a JSON object/);
    expect(() => parseStackOutputs({ Stack: { ...local, userPoolClientId: '' } })).toThrow(/lacks/);
  });
});
