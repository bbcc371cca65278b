/**
 * SigV4 on IAM requests: signed by `@smithy/signature-v4`, the signer inside the AWS SDK a Lambda uses,
 * with the twin's local credentials; AWS's answers for bad signatures are quoted from
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/signature-v4-troubleshooting.html and
 * https://github.com/aws-amplify/amplify-js/issues/2422 (HTTP 403, InvalidSignatureException).
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Authenticator, LOCAL_CREDENTIALS, LOCAL_REGION, UnauthorizedRequest } from 'appsync-twin/testing';

const SIGNED_AT = Date.UTC(2026, 11, 2, 1, 0, 0);
const HOST = '127.0.0.1:4100';
const BODY = JSON.stringify({ query: 'mutation { markReady(id: "m1") { id } }' });

interface Signed {
  headers: Record<string, string>;
  body: string;
}

async function sign(
  options: {
    region?: string;
    service?: string;
    secretAccessKey?: string;
    accessKeyId?: string;
    applyChecksum?: boolean;
  } = {},
): Promise<Signed> {
  const signer = new SignatureV4({
    applyChecksum: options.applyChecksum ?? true,
    service: options.service ?? 'appsync',
    region: options.region ?? LOCAL_REGION,
    sha256: Sha256,
    credentials: {
      accessKeyId: options.accessKeyId ?? LOCAL_CREDENTIALS.accessKeyId,
      secretAccessKey: options.secretAccessKey ?? LOCAL_CREDENTIALS.secretAccessKey,
    },
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: HOST,
      path: '/graphql',
      headers: { host: HOST, 'content-type': 'application/json' },
      body: BODY,
    },
    { signingDate: new Date(SIGNED_AT) },
  );
  const headers = Object.fromEntries(
    Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
  return { headers, body: BODY };
}

function authenticator() {
  return new Authenticator({ providers: [{ type: 'AWS_IAM' }], apiKeys: [], userPools: new Map() });
}

// The skew check reads the machine's clock (signers use it, not the twin's clock): the tests set that clock.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

function call(signed: Signed, overrides: { body?: string; path?: string } = {}, nowMs = SIGNED_AT + 1000) {
  vi.setSystemTime(nowMs);
  return authenticator().authenticate({
    headers: signed.headers,
    sourceIp: ['127.0.0.1'],
    signable: {
      method: 'POST',
      path: overrides.path ?? '/graphql',
      query: '',
      body: overrides.body ?? signed.body,
    },
  });
}

async function refusal(
  promise: Promise<unknown>,
): Promise<Pick<UnauthorizedRequest, 'status' | 'errorType' | 'message'>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UnauthorizedRequest)
      return { status: error.status, errorType: error.errorType, message: error.message };
    throw error;
  }
  throw new Error('expected the request to be refused');
}

const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

describe('SigV4 on AWS_IAM requests', () => {
  it('accepts a request signed with the local credentials, as the IAM user of the access key', async () => {
    const caller = await call(await sign());
    expect(caller.authMode).toBe('AWS_IAM');
    expect(caller.identity).toMatchObject({
      username: LOCAL_CREDENTIALS.accessKeyId,
      userArn: `arn:aws:iam::000000000000:user/${LOCAL_CREDENTIALS.accessKeyId}`,
    });
  });

  it('refuses a tampered body, a tampered path and a wrong secret with 403 InvalidSignatureException', async () => {
    const signed = await sign();
    const expected = { status: 403, errorType: 'InvalidSignatureException', message: MISMATCH };
    expect(await refusal(call(signed, { body: BODY.replace('m1', 'm2') }))).toEqual(expected);
    expect(await refusal(call(signed, { path: '/graphql/other' }))).toEqual(expected);
    expect(await refusal(call(await sign({ secretAccessKey: 'not-the-secret' })))).toEqual(expected);
    // Without a signed payload hash, the body is hashed into the signature itself.
    const bare = await sign({ applyChecksum: false });
    expect(bare.headers['x-amz-content-sha256']).toBeUndefined();
    expect((await call(bare)).authMode).toBe('AWS_IAM');
    expect(await refusal(call(bare, { body: BODY.replace('m1', 'm2') }))).toEqual(expected);
  });

  it('names a credential scoped to another region or service', async () => {
    expect(await refusal(call(await sign({ region: 'eu-west-1' })))).toEqual({
      status: 403,
      errorType: 'InvalidSignatureException',
      message: "Credential should be scoped to a valid region, not 'eu-west-1'. ",
    });
    expect(await refusal(call(await sign({ service: 'execute-api' })))).toEqual({
      status: 403,
      errorType: 'InvalidSignatureException',
      message: "Credential should be scoped to correct service: 'appsync'. ",
    });
  });

  it('refuses an access key it does not know', async () => {
    expect(await refusal(call(await sign({ accessKeyId: 'AKIAUNKNOWN' })))).toEqual({
      status: 403,
      errorType: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
  });

  it('refuses a signature made more than 5 minutes before the clock', async () => {
    expect(await refusal(call(await sign(), {}, SIGNED_AT + 6 * 60 * 1000))).toEqual({
      status: 403,
      errorType: 'InvalidSignatureException',
      message:
        'Signature expired: 20261202T010000Z is now earlier than 20261202T010100Z (20261202T010600Z - 5 min.)',
    });
  });

  it('refuses a header that only looks like SigV4', async () => {
    const signed = await sign();
    signed.headers.authorization =
      'AWS4-HMAC-SHA256 Credential=local/20261202/us-east-1/appsync/aws4_request';
    expect(await refusal(call(signed))).toMatchObject({
      status: 403,
      errorType: 'IncompleteSignatureException',
    });
  });
});
